# The two set-up commands of the README: `make demo` and `make test`.
# Each creates (or reuses) the virtual environment .venv and installs the project into it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= claimcheck.db

.PHONY: install demo test lint bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: install
	$(BIN)/claimcheck verify --db $(DEMO_DB) --sources sources/ claims/port-inquests-faithful.md claims/port-inquests-errors.md

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check pipeline tests bench
	$(BIN)/ruff format --check pipeline tests bench

bench: install
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/verify.py
	$(BIN)/python bench/batch.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
