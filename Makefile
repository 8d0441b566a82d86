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

.PHONY: setup index lookup train run test test-fast lint bench clean help

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

lint: $(VENV)/.installed ## ruff
	$(VENV)/bin/ruff check .

run: setup index ## run the whole assistant on embedded defaults
	$(PY) -m retrieval search "how often can I take ibuprofen"

test: setup index ## all tests (unit, API, bot, end-to-end)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

bench: setup index ## benchmarks; figures go to bench/results/
	$(PY) bench/retrieval_eval.py
	$(PY) bench/retrieval_speed.py

clean: ## remove built indexes, databases and trained models (not the venvs)
	rm -rf var bot/models
