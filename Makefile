# Sikker By — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: install run test test-fast lint format messages bench clean browser-deps validate

$(BIN)/.installed: requirements.lock pyproject.toml
	@PY=$$(scripts/find-python) && echo "Using $$PY" && \
	  ( [ -x $(BIN)/python ] && $(BIN)/python -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' || { rm -rf $(VENV); $$PY -m venv $(VENV); } )
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.9
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(BIN)/.installed node_modules/.installed

# The demo runs with DEBUG on (it is off unless set: production never gets it by accident).
run: export DEBUG = true
run: install
	$(BIN)/sikkerby migrate --no-input -v 0
	$(BIN)/sikkerby load_seed_catalogue
	$(BIN)/sikkerby load_demo_users
	$(BIN)/sikkerby load_demo_population
	$(BIN)/sikkerby load_demo_registers
	$(BIN)/sikkerby load_demo_areas
	$(BIN)/sikkerby load_demo_reports
	$(BIN)/sikkerby load_demo_policy_goals
	@echo "Sikker By kører på http://localhost:$(PORT)  (stop med Ctrl-C)"
	@# The worker runs background imports (progress bars); it stops with the server.
	$(BIN)/sikkerby db_worker --no-startup-delay & WORKER=$$!; trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	  $(BIN)/sikkerby runserver 127.0.0.1:$(PORT)

# Browser tests use Debian's Chromium (never a downloaded browser).
browser-deps:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Install Debian's chromium (apt-get install chromium) for the browser tests."; exit 1; fi; }

test: install browser-deps
	$(BIN)/pytest $(PYTEST_ARGS)

# The effect estimator on 1,000 simulated datasets per planted-effect scenario (README figures).
validate: export SIKKERBY_TESTING = true
validate: install
	$(BIN)/sikkerby validate_evidence --datasets 1000

test-fast: install
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

lint: export SIKKERBY_TESTING = true
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/sikkerby makemigrations --check --dry-run -v 0
	$(BIN)/mypy

# After changing user-facing text: update the English catalogue, translate, compile.
messages: export DEBUG = true
messages: install
	$(BIN)/sikkerby makemessages -l en --ignore=.venv --ignore=node_modules --ignore=staticfiles --no-location
	$(BIN)/sikkerby compilemessages -l en --ignore=.venv --ignore=node_modules

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python -m benchmarks.catalogue $(BENCH_ARGS)
	$(BIN)/python -m benchmarks.outcomes $(OUTCOMES_BENCH_ARGS)
	$(BIN)/python -m benchmarks.areas $(AREAS_BENCH_ARGS)
	$(BIN)/python -m benchmarks.evidence $(EVIDENCE_BENCH_ARGS)
	$(BIN)/python -m benchmarks.import_under_load $(IMPORT_BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules staticfiles var
