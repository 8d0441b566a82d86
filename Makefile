# Everyday tasks. `make run` and `make test` do whatever setup they need on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
RASA_VENV := .venv-rasa
PY := $(VENV)/bin/python
RASA_PY := $(RASA_VENV)/bin/python
export PYTHONPATH := $(CURDIR)
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2

.PHONY: setup index lookup train validate browser scaled-deps run run-scaled test lint bench \
	clean help

help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

# --- environments (idempotent: rebuilt only when a lock file changes) -------------------
$(VENV)/.installed: requirements/gateway.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --no-deps -r requirements/gateway.lock
	touch $@

$(RASA_VENV)/.installed: requirements/rasa.lock
	test -x $(RASA_PY) || $(PYTHON) -m venv $(RASA_VENV)
	$(RASA_PY) -m pip install --quiet --no-deps --ignore-requires-python -r requirements/rasa.lock
	touch $@

setup: $(VENV)/.installed $(RASA_VENV)/.installed ## create both virtual environments

# --- knowledge base and indexes -----------------------------------------------------------
index: $(VENV)/.installed ## import sources, build the FAISS + BM25 indexes (no-op if unchanged)
	$(PY) -m retrieval index

# --- the Rasa bot ---------------------------------------------------------------------------
lookup: index ## regenerate the medicine lookup table from the knowledge base
	$(PY) bot/tools/make_lookup.py
	$(PY) bot/tools/make_oos_data.py

train: setup lookup ## train the Rasa model (skipped when its inputs are unchanged)
	cd bot && ../$(RASA_PY) tools/train_model.py

validate: setup lookup ## rasa data validate
	cd bot && ../$(RASA_PY) -m rasa data validate --domain domain --data data --config config.yml

# --- the browser for the web chat test (Debian's chromium, driven by Playwright) -----------
browser: ## install Debian's chromium if it is missing
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends chromium; }

# --- the scale-out profile without Docker (Debian's PostgreSQL, Redis and nginx) ---------------
scaled-deps: ## install Debian's postgresql, redis-server and nginx if any is missing
	@{ ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v redis-server >/dev/null \
	   && { command -v nginx >/dev/null || test -x /usr/sbin/nginx; }; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends postgresql redis-server nginx; }

# --- everyday -------------------------------------------------------------------------------
lint: $(VENV)/.installed ## ruff
	$(VENV)/bin/ruff check .

run: setup index train ## run the whole assistant on embedded defaults (Ctrl-C stops it)
	$(PY) -m ops.run

run-scaled: setup index train scaled-deps ## 2 Rasa + 2 gateways on PostgreSQL/Redis behind nginx
	$(PY) -m ops.scaled

test: setup index validate train browser scaled-deps ## every test (lint, unit, API, bot, e2e)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest
	cd bot && ../$(RASA_PY) -m pytest tests -p no:cacheprovider

bench: setup index train ## benchmarks; figures go to bench/results/
	$(PY) bench/retrieval_eval.py
	$(PY) bench/retrieval_speed.py
	$(PY) bench/chat_latency.py
	$(PY) bench/load.py
	$(RASA_PY) bench/action_reply_check.py

clean: ## remove built indexes, databases and trained models (not the venvs)
	rm -rf var bot/models
