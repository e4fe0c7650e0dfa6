# The two set-up commands of the README: `make demo` and `make test`.
# Each creates (or reuses) the virtual environment .venv and installs the project into it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= claimcheck.db
# The browser test of the HTML report drives Debian's Chromium (never a browser
# Playwright downloads). As root (CI, a fresh machine) `make test` installs it
# from the Debian packages when it is missing; otherwise the test says so.
CHROMIUM ?= $(or $(CLAIMCHECK_CHROMIUM),/usr/bin/chromium)
# The tests of the PostgreSQL store start a throwaway server from Debian's
# postgresql package (its initdb); as root `make test` installs it when missing.
INITDB := $(firstword $(wildcard /usr/lib/postgresql/*/bin/initdb) $(shell command -v initdb))

.PHONY: install demo test browser postgresql lint types bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: install
	$(BIN)/claimcheck verify --db $(DEMO_DB) --sources sources/ claims/port-inquests-faithful.md claims/port-inquests-errors.md

# Lint (ruff, with the complexity limit) and types (mypy) first: an error in
# either fails the test command, and so CI.
test: install browser postgresql lint types
	$(BIN)/python -m pytest

browser:
	@if [ ! -x "$(CHROMIUM)" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing Chromium from the Debian packages for the browser tests"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--no-install-recommends chromium fonts-dejavu-core; \
	fi

postgresql:
	@if [ -z "$(INITDB)" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing PostgreSQL from the Debian packages for the store tests"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--no-install-recommends postgresql; \
	fi

lint: install
	$(BIN)/ruff check pipeline tests bench
	$(BIN)/ruff format --check pipeline tests bench

types: install
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/verify.py
	$(BIN)/python bench/batch.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
