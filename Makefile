# Everyday commands; `make help` lists them. They use the project's .venv (the README's
# install command or scripts/test.sh creates it) and never install anything, except
# `make hooks`, which installs pre-commit into .venv on request.
#
#   make test-one TEST=tests/unit/test_names.py::test_some_name   one test in seconds, SQLite
#   make lint                                                     what CI checks before the tests
#   make bench                                                    the benchmarks and their commands

VENV ?= .venv/bin
PY := $(VENV)/python
PYTEST := $(PY) -m pytest -q -p no:cacheprovider
# Tests on SQLite even when the shell points at PostgreSQL, in a fresh data folder of their own
# (canbo.settings.test makes one) rather than the user's CANBO_DATA_DIR, as scripts/test.sh does.
SQLITE := env -u DATABASE_URL -u CANBO_DATA_DIR
TEST ?=
ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help test test-unit test-integration test-e2e test-one screenshots lint format hooks \
	bench bench-national bench-import bench-classification bench-voting bench-election-results \
	bench-congress-overview bench-paper bench-statistics

help:
	@echo "make test              everything CI runs on SQLite (scripts/test.sh; ARGS=--postgres adds PostgreSQL)"
	@echo "make test-unit         tests/unit (pure, no database), seconds"
	@echo "make test-integration  tests/integration on SQLite"
	@echo "make test-e2e          tests/e2e on SQLite (HTTP, CLI, headless Chromium)"
	@echo "make test-one TEST=tests/path.py::test_name   one test node id (or file) on SQLite, seconds"
	@echo "make screenshots       refresh docs/screenshots from the journeys (test runs never touch them)"
	@echo "make lint              ruff format --check, ruff check, lint-imports, mypy"
	@echo "make format            ruff format and ruff check --fix"
	@echo "make hooks             install pre-commit into .venv and its git hook"
	@echo "make bench             list the benchmarks (docs/benchmarks.md); make bench-NAME ARGS=... runs one"

# The README's test command: installs the test tools, then lint, types and every tier.
test:
	scripts/test.sh $(ARGS)

test-unit:
	$(SQLITE) $(PYTEST) tests/unit $(ARGS)

test-integration:
	$(SQLITE) $(PYTEST) tests/integration $(ARGS)

test-e2e:
	$(SQLITE) $(PYTEST) tests/e2e $(ARGS)

test-one:
	@test -n "$(TEST)" || { echo 'usage: make test-one TEST=tests/unit/test_names.py::test_name'; exit 2; }
	$(SQLITE) $(PYTEST) $(TEST) $(ARGS)

screenshots:
	CANBO_UPDATE_SCREENSHOTS=1 $(SQLITE) $(PYTEST) tests/e2e/test_home_browser.py \
		tests/e2e/test_journey_member.py tests/e2e/test_journey_vote.py \
		tests/e2e/test_journey_self_assessment.py tests/integration/test_personal_history.py $(ARGS)

# The same checks, in the same order, as scripts/test.sh.
lint:
	$(VENV)/ruff format --check canbo tests bench
	$(VENV)/ruff check canbo tests bench
	$(VENV)/lint-imports
	$(VENV)/mypy canbo

format:
	$(VENV)/ruff format canbo tests bench
	$(VENV)/ruff check --fix canbo tests bench

# Optional: CI does not use pre-commit. The hooks run the .venv's own tools (.pre-commit-config.yaml).
hooks:
	$(PY) -m pip install -q pre-commit
	$(VENV)/pre-commit install

# Benchmarks (docs/benchmarks.md). Each run rewrites its own section of docs/benchmarks.md;
# pass --no-write (national, classification) or --no-doc (import) in ARGS to keep it.
# Set DATABASE_URL for PostgreSQL: bench/voting_pg.sh starts a durable cluster (fsync on).
bench:
	@echo "Benchmarks (results and the machine they ran on: docs/benchmarks.md):"
	@echo "  make bench-national        build the national demo, time member lists and counts"
	@echo "                             $(PY) bench/bench_national.py [--data-dir DIR] [--rebuild] [--no-write]"
	@echo "  make bench-import          canbo import people: 1,000,000 CSV rows, 100,000 XLSX rows"
	@echo "                             $(PY) bench/bench_import.py [--rows N] [--xlsx-rows N] [--no-doc]"
	@echo "  make bench-classification  national classification cycle: compute and pages"
	@echo "                             $(PY) bench/bench_classification.py --demo /tmp/canbo-national --data-dir DIR"
	@echo "  make bench-voting          confidence vote over HTTP with sealed ballots, count, certify"
	@echo "                             $(PY) bench/bench_voting.py [--data-dir DIR] [--out results.jsonl]"
	@echo "                             $(PY) bench/bench_voting.py --doc results.jsonl   (write the section)"
	@echo "  make bench-election-results  one round of 1,600 delegates x 200 candidates: results, checks"
	@echo "                             $(PY) bench/bench_election_results.py [--repeats N] [--no-write]"
	@echo "  make bench-congress-overview  the higher committee's overview of ~52,000 congresses"
	@echo "                             $(PY) bench/bench_congress_overview.py [--demo DIR] [--samples N] [--no-write]"
	@echo "  make bench-paper           paper ballots: reading accuracy (scans, photos), speed, memory"
	@echo "                             $(PY) bench/bench_paper.py [--scanner 400] [--phone 100] [--corpus DIR] [--no-write]"
	@echo "  make bench-statistics      the statistics report (Biểu 1-5) of the nation and of provinces"
	@echo "                             $(PY) bench/bench_statistics.py --data-dir DIR [--samples N] [--no-write]"
	@echo "Example: make bench-import ARGS='--rows 100000 --no-doc'"

bench-national:
	$(PY) bench/bench_national.py $(ARGS)

bench-import:
	$(PY) bench/bench_import.py $(ARGS)

bench-classification:
	$(PY) bench/bench_classification.py $(ARGS)

bench-voting:
	$(PY) bench/bench_voting.py $(ARGS)

bench-election-results:
	$(PY) bench/bench_election_results.py $(ARGS)

bench-congress-overview:
	$(PY) bench/bench_congress_overview.py $(ARGS)

bench-paper:
	$(PY) bench/bench_paper.py $(ARGS)

bench-statistics:
	$(PY) bench/bench_statistics.py $(ARGS)
