#!/usr/bin/env bash
# Issue 16: a SQLite database with the demo and N generated citizen ratings (default 10,000,000) over three years, with
# the bad ones' rectification cases and some appeals, for timing a month's figures and the public page
# (bench/Followthrough.Benchmarks -- ratings-scale). The rows are written by one INSERT … SELECT each
# (ratings-10m.sqlite.sql) with the ratings' indexes dropped, then the indexes are built again.
# Usage: bench/load/ratings-10m.sh DATABASE FOLDER [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
database="$1"; folder="$2"; n="${3:-10000000}"
mkdir -p "$folder"
rm -f "$database" "$database-wal" "$database-shm"
"$root/followthrough" --database "$database" --data-folder "$folder" demo load >/dev/null
saved="$(sqlite3 "$database" "SELECT sql || ';' FROM sqlite_master WHERE tbl_name = 'service_ratings' AND type = 'index' AND sql IS NOT NULL")"
drops="$(sqlite3 "$database" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE tbl_name = 'service_ratings' AND type = 'index' AND sql IS NOT NULL")"
{ echo "PRAGMA cache_size = -1000000; BEGIN;"; echo "$drops"; sed "s/__N__/$n/g" "$root/bench/load/ratings-10m.sqlite.sql"; echo "$saved"; echo "COMMIT; ANALYZE;"; } \
  | sqlite3 -bail "$database"
echo "$n ratings generated in $database"
