# Confide: `make run` and `make test` are the quick start; see README.md.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements/dev.txt | md5sum | cut -c1-12)
LOCAL := DJANGO_SETTINGS_MODULE=confide.settings.local
# axe-core for the browser tests' accessibility checks, pinned in package-lock.json; without npm (or offline)
# those tests are skipped, as the browser tests are without chromium.
AXE := node_modules/axe-core/axe.min.js

.PHONY: run test test-fast lint bench migrate seed clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python requirements/dev.txt
	$(BIN)/pip install --quiet -r requirements/dev.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

$(AXE): package.json package-lock.json
	@if ! command -v npm >/dev/null; then \
	  echo "npm not found: the accessibility tests will be skipped (apt-get install npm)"; \
	elif npm ci --no-audit --no-fund --loglevel=error; then \
	  touch $(AXE); \
	else \
	  echo "npm ci failed: the accessibility tests will be skipped"; \
	fi

install: $(STAMP) $(AXE)

migrate: install
	$(BIN)/python -m confide.core.keyfiles
	$(LOCAL) $(BIN)/python manage.py migrate --noinput -v 0
	$(LOCAL) $(BIN)/python manage.py collectstatic --noinput -v 0

seed: migrate
	$(LOCAL) $(BIN)/python manage.py seed_demo

run: seed
	$(LOCAL) $(BIN)/python manage.py schedule_jobs
	@echo "Starting Confide and its background worker on $${CONFIDE_BIND:-127.0.0.1:8000} (CONFIDE_BIND); it says when it is listening."
	$(LOCAL) $(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(LOCAL) $(BIN)/gunicorn -c gunicorn.conf.py confide.wsgi

test: install
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider

test-fast: install
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider -m "not browser"

lint: install
	$(BIN)/ruff check confide tests bench
	$(BIN)/ruff format --check confide tests bench
	$(BIN)/mypy confide
	$(BIN)/lint-imports --no-cache

bench: install
	$(BIN)/python bench/intake.py
	$(BIN)/python bench/inbox.py
	$(BIN)/python bench/escrow.py

clean:
	rm -rf $(VENV) var node_modules .pytest_cache .mypy_cache .ruff_cache
