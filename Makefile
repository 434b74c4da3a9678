# diplo-events developer tasks. Needs only GNU make and python3 (3.11+) on a fresh machine.
#
#   make demo     install the package into .venv and extract the events of the seed article
#   make test     lint, type-check, unit tests, docs (-W) and the wheel smoke test
#   make help     list every target

PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
PIP := $(VPY) -m pip --disable-pip-version-check --quiet
SEED := seeds/000_22928ed1188cab94.txt
# Interpreters for `make matrix` (each is skipped with a message when it is not installed).
MATRIX_PYTHONS ?= 3.11 3.12 3.13
MATRIX_DIR := $(VENV)/matrix
SPHINXOPTS ?= -q

# In CI (CI=true) hypothesis runs its bounded but thorough "ci" profile.
ifeq ($(CI),true)
HYPOTHESIS_PROFILE ?= ci
else
HYPOTHESIS_PROFILE ?= default
endif
export HYPOTHESIS_PROFILE

# Stamps: the package is reinstalled only when pyproject.toml changes.
BASE_STAMP := $(VENV)/.stamp-base
TEST_STAMP := $(VENV)/.stamp-test

.DEFAULT_GOAL := help
.PHONY: help demo test lint typecheck unit docs dist smoke matrix clean fuzz regexes eval

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t12

# pip 25.1 or newer reads the dependency groups of pyproject.toml (--group).
$(VPY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade "pip>=25.1"

$(BASE_STAMP): pyproject.toml | $(VPY)
	$(PIP) install -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(VPY)
	$(PIP) install -e . --group test --group docs
	@touch $@ $(BASE_STAMP)

demo: $(BASE_STAMP)  ## install into .venv and extract the seed article's events as a table
	$(VENV)/bin/diplo-events extract --published 2021-08-13 --format table $(SEED)

test: lint typecheck unit docs smoke eval  ## everything CI runs (+ a short fuzz run if atheris is installed)
	@$(MAKE) --no-print-directory fuzz FUZZ_TIME=$(TEST_FUZZ_TIME)
	@echo "make test: all checks passed"

lint: $(TEST_STAMP)  ## ruff check + ruff format --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(TEST_STAMP)  ## mypy --strict on src and tests (tests/typing is the public-API check)
	$(VENV)/bin/mypy --strict src tests

unit: $(TEST_STAMP)  ## pytest (HYPOTHESIS_PROFILE=ci when CI=true)
	@echo "pytest with HYPOTHESIS_PROFILE=$(HYPOTHESIS_PROFILE)"
	$(VPY) -m pytest -q

# tests/test_regexes.py runs the same check in `make unit`.
regexes: $(TEST_STAMP)  ## check every regular expression of the package for catastrophic backtracking
	$(VPY) tools/check_regexes.py

# Not part of `make test`: the gold articles live outside the project (../shared/eval) and
# the check says it is skipped when they are not there.
eval: $(BASE_STAMP)  ## score on the gold dev articles (../shared/eval); fail below eval-floor.json
	$(VPY) tools/check_eval.py

docs: $(TEST_STAMP)  ## build the HTML docs (-n: every reference resolves; -W: warnings are errors)
	$(VENV)/bin/sphinx-build -n -W --keep-going $(SPHINXOPTS) -b html docs docs/_build/html

dist: $(TEST_STAMP)  ## build sdist + wheel into dist/, twine check, list their contents
	rm -rf dist
	$(VPY) -m build --quiet --outdir dist .
	$(VENV)/bin/twine check --strict dist/*
	@echo "--- wheel contents"; $(VPY) -m zipfile -l dist/*.whl
	@echo "--- sdist contents"; tar tzf dist/*.tar.gz

# Build the distributions as a release would (the wheel from the sdist), install the wheel
# into a fresh venv outside the source tree and run tools/smoke_test.py from there; then add
# the parquet extra to that venv and run the checks that need it.
smoke: $(TEST_STAMP)  ## install the built wheel in a fresh venv outside the tree and smoke-test it
	@set -e; root="$$(pwd)"; tmp="$$(mktemp -d "$${TMPDIR:-/tmp}/diplo-smoke.XXXXXX")"; \
	trap 'rm -rf "$$tmp"' EXIT; \
	echo "smoke: building sdist and wheel in $$tmp/dist"; \
	$(VPY) -m build --quiet --outdir "$$tmp/dist" . >"$$tmp/build.log" 2>&1 \
	  || { cat "$$tmp/build.log"; exit 1; }; \
	$(PYTHON) -m venv --without-pip "$$tmp/venv"; \
	$(PIP) --python "$$tmp/venv/bin/python" install "$$tmp"/dist/*.whl; \
	cp tools/smoke_test.py "$$tmp/"; cd "$$tmp"; \
	"$$tmp/venv/bin/python" -I smoke_test.py --source-tree "$$root" \
	  --wheel "$$tmp"/dist/*.whl --sdist "$$tmp"/dist/*.tar.gz; \
	echo "smoke: installing the wheel with the parquet extra"; cd "$$root"; \
	$(PIP) --python "$$tmp/venv/bin/python" install "$$(ls "$$tmp"/dist/*.whl)[parquet]"; \
	cd "$$tmp"; "$$tmp/venv/bin/python" -I smoke_test.py --parquet

# One venv per interpreter under .venv/matrix/ (kept between runs, reinstalled when pyproject
# changes; inside .venv so it is already ignored by git and ruff).
matrix:  ## run pytest under every Python in MATRIX_PYTHONS that is installed
	@root="$${PYENV_ROOT:-$$HOME/.pyenv}"; ran=""; skipped=""; failed=""; \
	for v in $(MATRIX_PYTHONS); do \
	  py=""; \
	  for c in "$$(command -v python$$v 2>/dev/null)" \
	           $$(ls -d "$$root"/versions/$$v.*/bin/python$$v 2>/dev/null | sort -V | tail -n 1); do \
	    if [ -n "$$c" ] && "$$c" -c 'import sys' >/dev/null 2>&1; then py="$$c"; break; fi; \
	  done; \
	  if [ -z "$$py" ]; then echo "matrix: Python $$v not found, skipping"; skipped="$$skipped $$v"; continue; fi; \
	  env="$(MATRIX_DIR)/$$v"; \
	  echo "=== Python $$v ($$py) in $$env"; \
	  if [ ! -x "$$env/bin/python" ]; then \
	    "$$py" -m venv "$$env" && "$$env/bin/python" -m pip -q --disable-pip-version-check install --upgrade "pip>=25.1"; \
	  fi; \
	  if [ ! -f "$$env/.stamp" ] || [ pyproject.toml -nt "$$env/.stamp" ]; then \
	    "$$env/bin/python" -m pip -q --disable-pip-version-check install -e . --group test && touch "$$env/.stamp"; \
	  fi; \
	  if "$$env/bin/python" -m pytest -q -p no:cacheprovider; then ran="$$ran $$v"; \
	  else failed="$$failed $$v"; fi; \
	done; \
	echo "matrix: passed:$${ran:- none}; failed:$${failed:- none}; skipped:$${skipped:- none}"; \
	[ -z "$$failed" ]

# Coverage-guided fuzzing with atheris (optional: `pip install -e . --group fuzz`), FUZZ_TIME
# seconds per target. `make test` runs it for TEST_FUZZ_TIME seconds per target when atheris is
# installed (hypothesis is the always-on layer). The from_json corpus starts from the golden
# files, copied to a temporary directory (libFuzzer writes new inputs into its corpus directory).
# Each run ends with libFuzzer's final statistics (executions, coverage); docs/reliability.md
# has figures.
FUZZ_TIME ?= 60
TEST_FUZZ_TIME ?= 20
fuzz: $(BASE_STAMP)  ## fuzz parse and from_json with atheris for FUZZ_TIME (60) s each
	@if ! $(VPY) -c 'import atheris' >/dev/null 2>&1; then \
	  echo "fuzz: atheris is not installed in $(VENV), skipping (pip install -e . --group fuzz)"; exit 0; fi; \
	set -e; tmp="$$(mktemp -d "$${TMPDIR:-/tmp}/diplo-fuzz.XXXXXX")"; trap 'rm -rf "$$tmp"' EXIT; \
	mkdir -p "$$tmp/parse" "$$tmp/json"; cp $(SEED) "$$tmp/parse/"; cp tests/golden/*.json "$$tmp/json/"; \
	echo "fuzz: parse for $(FUZZ_TIME) s"; \
	$(VPY) fuzz/fuzz_parse.py -max_total_time=$(FUZZ_TIME) -max_len=4096 -print_final_stats=1 \
	  -artifact_prefix=fuzz/crash- "$$tmp/parse"; \
	echo "fuzz: from_json for $(FUZZ_TIME) s"; \
	$(VPY) fuzz/fuzz_from_json.py -max_total_time=$(FUZZ_TIME) -dict=fuzz/json.dict \
	  -print_final_stats=1 -artifact_prefix=fuzz/crash- "$$tmp/json"

clean:  ## remove build output, caches and the venvs
	rm -rf $(VENV) $(MATRIX_DIR) dist build docs/_build .mypy_cache .ruff_cache .pytest_cache \
	  .hypothesis src/*.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
