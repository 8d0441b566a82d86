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
	$(PY) -m knowledge_base.dur_import
	$(PY) -m knowledge_base.pill_import

# --- the Rasa bot ---------------------------------------------------------------------------
lookup: index ## regenerate the medicine lookup table from the knowledge base
	$(PY) -m ops.bot_lookup
	$(PY) bot/tools/make_oos_data.py

train: setup lookup ## train the Rasa model (skipped when its inputs are unchanged)
	cd bot && ../$(RASA_PY) tools/train_model.py

validate: setup lookup ## rasa data validate
	cd bot && ../$(RASA_PY) -m rasa data validate --domain domain --data data --config config.yml

# --- the browser for the web chat test (Debian's chromium, driven by Playwright) -----------
browser: ## install Debian's chromium (and the CJK font for Korean pages) if missing
	@{ command -v chromium >/dev/null 2>&1 && test -d /usr/share/fonts/opentype/noto; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends \
	    chromium fonts-noto-cjk; }

# --- the scale-out profile without Docker (Debian's PostgreSQL, Redis and nginx) ---------------
scaled-deps: ## install Debian's postgresql, redis-server and nginx if any is missing
	@{ ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v redis-server >/dev/null \
	   && { command -v nginx >/dev/null || test -x /usr/sbin/nginx; }; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends postgresql redis-server nginx; }

# --- everyday -------------------------------------------------------------------------------
lint: $(VENV)/.installed ## ruff, the import contracts (layers), mypy, models = migrations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy
	$(PY) -m ops.db check

run: setup index train ## run the whole assistant on embedded defaults (Ctrl-C stops it)
	$(PY) -m ops.run

run-scaled: setup index train scaled-deps ## 2 Rasa + 2 gateways on PostgreSQL/Redis behind nginx
	$(PY) -m ops.scaled

test: setup index validate train browser scaled-deps lint ## every test (lint, unit, API, bot, e2e)
	$(PY) -m pytest -m "not e2e" -n 2
	$(PY) -m pytest -m e2e
	cd bot && ../$(RASA_PY) -m pytest tests -p no:cacheprovider

# The fast layer: the gateway's unit and API tests, in two pytest workers: no trained Rasa
# model, no server started, no browser (not the `e2e` ones, not the `slow` ones that kill
# processes or load the whole index). It reads the index `make index` last published and never
# rebuilds it (a knowledge-base change can take long to embed): run `make index` first after
# changing the knowledge base. Target: 3 minutes (`make bench-test-speed` times it). The rest:
# `make lint`, `make test-bot` (the bot's action tests, against a real gateway), `make test`.
.PHONY: test-fast test-bot
test-fast: setup ## the fast layer: unit + API tests, no Rasa, no servers (run `make index` first)
	$(PY) -m pytest -m "not e2e and not slow" -n 2 -p no:cacheprovider

test-bot: setup ## the bot's tests that need no trained model (actions against a real gateway)
	cd bot && ../$(RASA_PY) -m pytest tests -p no:cacheprovider --ignore=tests/test_model.py

bench: setup index train bench-emergency bench-dur bench-pills ## benchmarks; figures go to bench/results/
	$(PY) bench/retrieval_eval.py
	$(PY) bench/retrieval_speed.py
	$(PY) bench/chat_latency.py
	$(PY) bench/load.py
	$(RASA_PY) bench/action_reply_check.py

.PHONY: bench-emergency bench-dur bench-pills bench-handoff bench-answers bench-hr
bench-emergency: setup ## emergency check: recall / false escalations (frozen set), latency
	$(PY) bench/emergency_eval.py

bench-dur: setup index ## DUR checker: recall per rule type, false alarms, name links
	$(PY) bench/dur_eval.py

bench-pills: setup index ## pill identification: top-1/top-5 per kind of noise, latency
	$(PY) bench/pill_eval.py

.PHONY: bench-hr-dates
bench-hr-dates: setup ## leave dates: our grammar vs dateparser alone on the date test phrases
	$(PY) bench/hr_dates_eval.py

# These three play against a running assistant (`make run` in another terminal; URL= to change).
URL ?= http://127.0.0.1:8000
bench-handoff: setup ## live pharmacist handoff: queue / reply delays, bot silent while held
	$(PY) bench/handoff_eval.py --url $(URL)

bench-answers: setup ## dev conversations + our own, pass rate per category (answer_check)
	$(PY) bench/answer_eval.py --url $(URL)

bench-hr: setup ## HR conversations (dev + frozen): task success, wrong bookings, records checked
	$(PY) bench/hr_conversation_eval.py --url $(URL)

# The held-out NLU figures (tests never write tracked files; this target does, on purpose).
.PHONY: bench-nlu
bench-nlu: setup train ## held-out NLU figures of the trained model -> bench/results/nlu/
	cd bot && NLU_RESULTS_DIR=$(CURDIR)/bench/results/nlu ../$(RASA_PY) -m pytest \
	  tests/test_model.py -k held_out -p no:cacheprovider

.PHONY: bench-test-speed
bench-test-speed: setup ## time the fast test layer (make test-fast) -> bench/results/test_speed.json
	$(PY) bench/test_speed.py

# The README's figure tables, rendered from bench/results/ (tests/test_bench_report.py fails
# when they disagree). Reads the results files only; no benchmark is run.
.PHONY: bench-report
bench-report: $(VENV)/.installed ## render README figure tables from bench/results/
	$(PY) bench/report.py

clean: ## remove built indexes, databases and trained models (not the venvs)
	rm -rf var bot/models
