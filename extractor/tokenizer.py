"""spaCy's English tokenizer, taught to split currency signs and codes glued
to digits (``US$58.39``, ``USD34.6``, ``RMB1,000``, ``Rs.500``) and magnitude
or unit abbreviations glued after them (``1.2bn``, ``2.3kWh``, ``5GW``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_prefix_regex, compile_suffix_regex, registry

from .lexicon import Lexicon


def _alternation(forms: set[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@registry.tokenizers("extractor.wire_tokenizer.v1")
def create_wire_tokenizer() -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        lex = Lexicon.load()
        tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        prefixes = {c.form for c in lex.currencies if c.before and not c.form.isalpha()}
        prefixes |= {c.form for c in lex.currencies if c.before and c.case_sensitive}
        glued = {m.form for m in lex.magnitudes.values() if m.glued_only or len(m.form) <= 3}
        glued |= {f.upper() for f in glued}
        glued |= {form for form, _unit, cs in lex.units if cs}
        prefix = rf"(?:{_alternation(prefixes)})(?=[0-9])"
        suffix = rf"(?<=[0-9])(?:{_alternation(glued)})"
        tokenizer.prefix_search = compile_prefix_regex(
            [prefix, *nlp.Defaults.prefixes]
        ).search
        tokenizer.suffix_search = compile_suffix_regex(
            [suffix, *nlp.Defaults.suffixes]
        ).search
        return tokenizer

    return make
