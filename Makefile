# The commands the README names. `make help` lists them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test lint format check clean

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

run: $(VENV)/.installed-run ## Install, migrate, load the demo shop and serve it on http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_shop
	$(BIN)/python manage.py seed_content
	$(BIN)/python manage.py create_demo_staff
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-dev ## Run the whole test suite (SQLite, or the database DATABASE_URL names)
	$(BIN)/pytest

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
	rm -rf $(VENV) db.sqlite3 var .pytest_cache .ruff_cache
