#!/usr/bin/env bash
# Install what the tests need into .venv and run every check and test tier.
#   scripts/test.sh              lint, types, import contracts, unit + integration + e2e on SQLite
#   scripts/test.sh --postgres   the same test tiers against a throwaway PostgreSQL cluster too
# Extra arguments after "--" go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

WITH_PG=0
PYTEST_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) WITH_PG=1 ;;
    --) shift; PYTEST_ARGS=("$@"); break ;;
    *) PYTEST_ARGS+=("$1") ;;
  esac
  shift
done

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test,dev]'

# Headless Chromium for the Playwright tests comes from Debian (browsers are never downloaded).
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "== installing Debian chromium for browser tests"
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-dejavu-core) >/dev/null
fi

echo "== ruff"
.venv/bin/ruff format --check canbo tests bench
.venv/bin/ruff check canbo tests bench
echo "== import contracts"
.venv/bin/lint-imports
echo "== mypy"
.venv/bin/mypy canbo

export CANBO_DATA_DIR
CANBO_DATA_DIR=$(mktemp -d)
echo "== pytest (SQLite)"
.venv/bin/python -m pytest -q -p no:cacheprovider "${PYTEST_ARGS[@]}"

if [ "$WITH_PG" = 1 ]; then
  # shellcheck source=scripts/pg.sh
  source scripts/pg.sh
  pg_start
  trap pg_stop EXIT
  echo "== pytest (PostgreSQL)"
  DATABASE_URL="$PG_URL" .venv/bin/python -m pytest -q -p no:cacheprovider tests/integration tests/e2e "${PYTEST_ARGS[@]}"
fi
