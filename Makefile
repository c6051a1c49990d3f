# `make demo` and `make test` each set up .venv from the package registries first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test lint typecheck unit system clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/rashomon demo

lint: setup
	$(BIN)/ruff check rashomon tests bench
	$(BIN)/ruff format --check rashomon tests bench

typecheck: setup
	$(BIN)/mypy rashomon

# Browser tests drive Debian's chromium (no browser download); the store suite starts a throwaway server from
# Debian's postgresql binaries. Install whichever is missing.
system:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  { [ "$$(id -u)" = 0 ] && apt-get update -q && apt-get install -y -q $$missing; } \
	  || { echo "missing system packages:$$missing (install them with apt-get install$$missing)"; exit 1; }; \
	fi

unit: setup system
	$(BIN)/python -m pytest

test: lint typecheck unit

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build *.egg-info
