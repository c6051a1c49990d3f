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

# Browser tests drive Debian's chromium (no browser download); install it when it is missing.
system:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -q && apt-get install -y -q chromium; } \
	  || { echo "chromium is missing: install Debian's chromium package (apt-get install chromium)"; exit 1; }

unit: setup system
	$(BIN)/python -m pytest

test: lint typecheck unit

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build *.egg-info
