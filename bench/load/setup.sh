#!/usr/bin/env bash
# Builds a load-test database: the demo, N generated tasks with M progress reports, an API token for one unit's staff
# (the inbox test) and tokens for the staff of REPORT_UNITS units with the tasks they may report on (the report test).
# Usage: bench/load/setup.sh DATABASE FOLDER [TASKS] [REPORTS] [REPORT_UNITS]
#   DATABASE: a SQLite file, or a PostgreSQL connection string (Host=127.0.0.1;Port=55432;Username=postgres;Database=ft_load)
# Writes FOLDER/inbox.token and FOLDER/targets.txt ("task-id token" lines) for bench/load/run.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
database="$1"; folder="$2"; tasks="${3:-1000000}"; reports="${4:-10000000}"; report_units="${5:-30}"
mkdir -p "$folder"
ft() { "$root/followthrough" --database "$database" --data-folder "$folder" "$@"; }
query() {
  if [[ "$database" == *Host=* ]]; then
    psql -qtA "$(sed -e 's/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/; s/;/ /g' <<<"$database")" -c "$1"
  else
    sqlite3 "$database" "$1"
  fi
}

if [[ "$tasks" != 0 ]]; then # TASKS=0: the data is there already; only add the users, tokens and targets
  ft demo load >/dev/null
  ft demo generate --tasks "$tasks" --reports "$reports"
fi
password="load-test-$(date +%s)"
token_of() { # user unit → secret
  ft users add "$1" --name "$1" --role UnitStaff --unit "$2" --password "$password" >/dev/null 2>&1 || true # already there on a second run
  ft tokens create --user "$1" --name "load test" | sed -n 's/^Secret.*: //p'
}

token_of load-inbox GEN-U0042 > "$folder/inbox.token"
: > "$folder/targets.txt"
for u in $(seq 1 "$report_units"); do
  unit=$(printf 'GEN-U%04d' "$u")
  secret=$(token_of "load-report-$u" "$unit")
  query "SELECT t.id FROM tasks t JOIN units u ON u.id = t.lead_unit_id WHERE u.code = '$unit' AND t.state IN ('SignedFor', 'InProgress') AND t.version = 1 ORDER BY t.id" \
    | sed "s/\$/ $secret/" >> "$folder/targets.txt"
done
# Shuffle so that consecutive requests go to different units and tasks, as they would from a city's offices.
shuf --random-source=<(yes) -o "$folder/targets.txt" "$folder/targets.txt"
echo "inbox token: $folder/inbox.token; report targets: $(wc -l < "$folder/targets.txt") tasks in $folder/targets.txt"
