"""Regular expressions: every one in the package is audited for backtracking,
and a ``regex`` timeout is a warning in the record, never a crash (issue 6).

Their time on pathological input is measured, as ratios, by
``scripts/bench_pathological.py``, not here.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "extractor"
CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}

#: (file, where) -> why matching is linear in the length of the text
AUDITED = {
    ("extractor/values.py", "_DIGITS"):
        "one token; anchored; possessive quantifiers; three alternatives tried once each; "
        "a one-character lookahead",
    ("extractor/values.py", "_YEAR"): "anchored, fixed length",
    ("extractor/values.py", "_DIGIT"): "one character class, matched at one position",
    ("extractor/reader.py", "_HEADER"): "anchored at 0; possessive throughout",
    ("extractor/reader.py", "self._re"):
        "the dateline: tried at one position; possessive or bounded repeats "
        "({0,4}, {1,40}); a regex timeout as well, turned into a warning",
    ("extractor/reader.py", "_decode"): "one byte class",
    ("extractor/reader.py", "_NON_ASCII_RUN"): "one possessive character class",
    ("extractor/tokenizer.py", "_LONG_RUN"):
        "tried only where a run starts (lookbehind); one possessive class",
    ("extractor/tokenizer.py", "_PUNCT_PAIR"): "two one-character lookarounds",
    ("extractor/tokenizer.py", "_DIGIT"):
        "one character class, searched in chunks of at most max_primed characters",
    ("extractor/tokenizer.py", "tokenizer.prefix_search"):
        "spaCy's prefixes (anchored) and an alternation of literal currency forms",
    ("extractor/tokenizer.py", "tokenizer.suffix_search"):
        "spaCy's suffixes, literal magnitude forms and patterns/tokenizer.json's "
        "(a two-character lookbehind and a literal), '$'-anchored: one scan per "
        "affix, on runs that RunLimitedTokenizer keeps short of affix chains",
    ("extractor/data.py", "_compiles"):
        "compiles patterns/tokenizer.json's suffixes to check them when the file is "
        "read; never matches anything with them",
    ("extractor/data.py", "_line_of"): "a JSON-escaped literal key, one possessive class",
    ("extractor/kb.py", "_strip_article"): "anchored; two literals and one \\s+",
}


class _Sites(ast.NodeVisitor):
    """Every call that compiles or runs a pattern, with the name it is assigned
    to or the function it is in."""

    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.owner = ["<module>"]
        self.found: list[tuple[str, str]] = []

    def _inside(self, name: str, node: ast.AST) -> None:
        self.owner.append(name)
        self.generic_visit(node)
        self.owner.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._inside(node.name, node)

    def visit_Assign(self, node: ast.Assign) -> None:
        target = node.targets[0]
        if len(self.owner) == 1 or isinstance(target, ast.Attribute):  # not a local name
            self._inside(ast.unparse(target), node)
        else:
            self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        module_call = (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in ("re", "regex")
            and func.attr in CALLS
        )
        spacy_compile = isinstance(func, ast.Name) and func.id.startswith("compile_")
        if module_call or spacy_compile:
            self.found.append((self.rel, self.owner[-1]))
        self.generic_visit(node)


def regex_sites() -> set[tuple[str, str]]:
    sites: set[tuple[str, str]] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        visitor = _Sites(str(path.relative_to(ROOT)))
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        sites.update(visitor.found)
    return sites


def test_every_pattern_is_audited() -> None:
    """A new pattern fails this test until its entry in AUDITED says why it is linear."""
    sites = regex_sites()
    assert sites - set(AUDITED) == set(), "patterns nobody audited"
    present = {site for site in AUDITED if (ROOT / site[0]).exists()}
    assert present - sites == set(), "audit entries of patterns that are gone"


def test_the_audit_sees_a_new_pattern() -> None:
    visitor = _Sites("x.py")
    source = "import regex\nBAD = regex.compile('(a+)+$')\ndef f(s):\n    m = regex.match('a', s)\n"
    visitor.visit(ast.parse(source))
    assert visitor.found == [("x.py", "BAD"), ("x.py", "f")]


def test_dateline_timeout_is_a_warning(extractor_instance, monkeypatch) -> None:
    parser = extractor_instance.nlp.get_pipe("wire_header")._parser
    monkeypatch.setattr(parser, "timeout", 1e-6)
    text = " " * 200_000 + "LHASA, Feb. 17 (Xinhua) -- Trade hit 5 billion yuan."
    record = extractor_instance.extract(text)
    assert record.dateline is None
    assert any("dateline" in w.message and "took over" in w.message for w in record.warnings)
    assert [m.amount for m in record.money] == [5_000_000_000]
