# dealbook: every target creates .venv with `python3 -m venv` and installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test check lint types bench docs clean

$(STAMP): pyproject.toml setup.py src/dealbook/calendars/_daykernel.c
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet -e '.[dev,dist]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/dealbook demo

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/python tools/check_layers.py src/dealbook

types: $(STAMP)
	$(BIN)/mypy src

check: lint types test

bench: $(STAMP)
	mkdir -p bench/results
	for f in bench/*.py; do $(BIN)/python $$f || exit 1; done

docs: $(STAMP)
	$(BIN)/python tools/gen_docs.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
