# The commands the README names. `make help` lists them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The browser tests drive Debian's chromium and inject axe-core from npm; the shipped-shop tests
# put Debian's caddy in front of gunicorn and start a redis-server of their own. `make test`
# installs all of them.
CHROMIUM ?= /usr/bin/chromium
CADDY ?= /usr/bin/caddy
REDIS_SERVER ?= /usr/bin/redis-server
# `make bench` loads both shops with wrk.
WRK ?= /usr/bin/wrk
# Receipts are drawn as PDF by WeasyPrint, which needs pango and a font; the tests read the PDF
# back with tesseract.
TESSERACT ?= /usr/bin/tesseract
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
NODE_DEPS := node_modules/.package-lock.json
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.DEFAULT_GOAL := help
.PHONY: help run worker beat backup restore test browser servers pdf lighthouse bench lint format check clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: install Python 3.11, or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-run

run: export SHOP_BASE_URL ?= http://127.0.0.1:$(PORT)
run: $(VENV)/.installed-run pdf ## Install, migrate, load the demo shop and serve it on http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_shop
	$(BIN)/python manage.py seed_content
	$(BIN)/python manage.py create_demo_staff
	@echo "The shop: $$SHOP_BASE_URL  (emails it sends are printed in this terminal)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

worker: $(VENV)/.installed-run ## Run the task queue's worker beside `make run` (REDIS_URL must be set for both)
	@[ -n "$$REDIS_URL" ] || { echo "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) here and for make run"; exit 1; }
	DJANGO_SETTINGS_MODULE=store.settings.local $(BIN)/celery --app store worker --loglevel INFO

beat: $(VENV)/.installed-run ## Run the schedule (beat) beside the worker (REDIS_URL must be set)
	@[ -n "$$REDIS_URL" ] || { echo "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) here and for make run"; exit 1; }
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=store.settings.local $(BIN)/celery --app store beat --loglevel INFO --schedule var/celerybeat-schedule

backup: ## Back up DATABASE_URL's PostgreSQL database and the media folder into var/backups/<time>/
	$(PYTHON) scripts/backup.py backup

restore: ## Replace the database and media with a backup: make restore BACKUP=var/backups/<time>
	@[ -n "$(BACKUP)" ] || { echo "Name the backup folder: make restore BACKUP=var/backups/<time>"; exit 1; }
	$(PYTHON) scripts/backup.py restore "$(BACKUP)"

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq --no-install-recommends chromium

$(NODE_DEPS): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends npm; }
	npm ci --no-audit --no-fund

browser: $(CHROMIUM) $(NODE_DEPS) ## Install what the browser tests need: chromium (apt-get) and axe-core (npm)

$(CADDY) $(REDIS_SERVER):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq --no-install-recommends caddy redis-server

servers: $(CADDY) $(REDIS_SERVER) ## Install what the shipped-shop tests run: caddy and redis-server (apt-get)

pdf: ## Install what PDF receipts need: pango and a font (apt-get)
	@dpkg -s $(PDF_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $(PDF_PACKAGES); }

$(TESSERACT):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq --no-install-recommends tesseract-ocr

test: $(VENV)/.installed-dev browser servers pdf $(TESSERACT) ## Run the whole test suite, browser tests included (SQLite, or DATABASE_URL)
	BROWSER_TESTS=required $(BIN)/pytest

lighthouse: $(VENV)/.installed-dev browser servers pdf ## Measure six demo pages with Lighthouse: four scores and page weight each
	$(BIN)/python scripts/lighthouse.py

$(WRK):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq --no-install-recommends wrk

bench: $(VENV)/.installed-run $(WRK) $(REDIS_SERVER) pdf ## Benchmark against stock Oscar 4.2.1 (N=2000 N_SMALL=200 DURATION=10 CONCURRENCY=4 DBS="postgres sqlite")
	$(BIN)/python bench/run.py

lint: $(VENV)/.installed-dev ## Check style and formatting with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev ## Reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(VENV)/.installed-dev ## Run Django's system checks and look for missing migrations
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

clean: ## Remove the virtualenv, the SQLite database and generated files
	rm -rf $(VENV) node_modules db.sqlite3 db.sqlite3-wal db.sqlite3-shm var .pytest_cache .ruff_cache
