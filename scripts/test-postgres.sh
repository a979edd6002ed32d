#!/usr/bin/env bash
# The tests on PostgreSQL on a developer's machine, as CI runs them: a throwaway cluster
# (scripts/with-postgres.sh) for the time of the run.
#
#   scripts/test-postgres.sh                       # npm test: every test on SQLite, the database tests again on PostgreSQL
#   scripts/test-postgres.sh test/multi-instance   # only the PostgreSQL pass, of these files (vitest filters)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then exec scripts/with-postgres.sh npm test; fi
exec scripts/with-postgres.sh npx vitest run --project postgres "$@"
