# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := corpus/articles/xizang-foreign-trade-2024.txt

.PHONY: run test install install-test lint bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install when the project's metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/extract $(SAMPLE)

test: install-test
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check extractor tests scripts

# make bench BENCH_ARGS=--quick for smaller sizes
bench: install-test
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)
	$(BIN)/python scripts/bench_pathological.py --scale $(or $(SCALE),1)

# Pathological inputs against normal articles of the same size, as ratios
# (issue 6); SCALE=0.1 for a quick run.
.PHONY: bench-pathological
bench-pathological: install
	$(BIN)/python scripts/bench_pathological.py --scale $(or $(SCALE),1)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

eval: install
	$(BIN)/extract eval corpus
