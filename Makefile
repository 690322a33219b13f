# The documented commands: `make run` and `make test`. Everything they need, they install.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: run setup install install-test test lint a11y bench bench-quick bench-search serve reliability messages browser clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## make messages: compile the English translations (Vietnamese is the source language, so the
## portal still works in Vietnamese where gettext cannot be installed).
messages: install
	@command -v msgfmt >/dev/null 2>&1 || { [ "$$(id -u)" -eq 0 ] && apt-get update -qq && apt-get install -y -qq gettext >/dev/null 2>&1; } || true
	@if [ -z "$$(find locale */locale -name '*.po' 2>/dev/null | head -1)" ]; then \
		echo "No translation catalogues to compile."; \
	elif command -v msgfmt >/dev/null 2>&1; then \
		$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0; \
	else echo "gettext (msgfmt) is missing: English translations not compiled. Install it with: sudo apt-get install gettext"; fi

## make setup: everything `make run` does except serving.
setup: install messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py ensure_local_admin

## make run: set up, then serve on http://127.0.0.1:$(PORT)
run: setup
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## make browser: Chromium, its driver and axe-core for the accessibility suite.
browser:
	bash scripts/ensure_browser.sh

## make serve: the production stack on http://127.0.0.1:$(PORT): gunicorn, production settings,
## PostgreSQL from DATABASE_URL, static files by whitenoise. Needs SECRET_KEY, ALLOWED_HOSTS,
## DATABASE_URL and REDIS_URL in the environment (see docs/deployment.md).
## Uploaded media (pictures, video, captions) are served by Django too (SERVE_MEDIA=1), so the
## site is whole on your machine. NOT FOR PRODUCTION: there nginx or S3 serves /media/; set
## SERVE_MEDIA=0 to leave them to a server in front, as production does.
SERVE_MEDIA ?= 1
serve: install messages
	@if [ "$(SERVE_MEDIA)" = "1" ]; then echo "make serve: uploaded media served by Django (SERVE_MEDIA=1): for trying the stack locally, NOT FOR PRODUCTION."; fi
	DJANGO_SETTINGS_MODULE=portal.settings.production $(PY) manage.py collectstatic --noinput -v 0
	DJANGO_SETTINGS_MODULE=portal.settings.production $(PY) manage.py migrate --noinput -v 0
	DJANGO_SETTINGS_MODULE=portal.settings.production BIND=127.0.0.1:$(PORT) SERVE_MEDIA=$(SERVE_MEDIA) \
		$(BIN)/gunicorn portal.wsgi:application -c scripts/gunicorn.conf.py

## make reliability: 100 readers for 60 s, 50 clients on old articles with random unknown query
## parameters for 60 s, a PostgreSQL restart and a killed worker, against
## `make serve`-style gunicorn on its own database; figures go to docs/benchmarks.md.
reliability: install
	$(PY) scripts/reliability.py

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/mypy

## make test: the whole suite (unit, integration and the browser accessibility suite).
test: install-test messages browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/mypy
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/pytest

## make a11y: the accessibility suite alone.
a11y: install-test messages browser
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/pytest a11y_tests; status=$$?; \
	echo "Accessibility report: a11y_tests/report/index.html"; exit $$status

clean:
	rm -rf $(VENV) node_modules staticfiles a11y_tests/report

## make bench: page speed at 120,000 articles against the server's own ceilings, written to
## docs/benchmarks.md. Needs DATABASE_URL=postgres://... and Redis on 127.0.0.1 (or REDIS_URL); installs wrk.
bench: install
	bash scripts/ensure_debian_packages.sh "make bench" wrk=wrk
	$(PY) -m bench.run $(BENCH_ARGS)

## make bench-quick: the same at small scale on a throwaway SQLite database (CI, about 2 minutes).
bench-quick: install
	bash scripts/ensure_debian_packages.sh "make bench-quick" wrk=wrk
	$(PY) -m bench.run --quick $(BENCH_ARGS)

## make bench-search: search quality (exact titles first, top 3, MRR@10) and latency at the
## database's scale, written to docs/benchmarks.md. Needs DATABASE_URL=postgres://...
bench-search: install
	$(PY) -m bench.search_quality $(BENCH_ARGS)
