#!/usr/bin/env bash
# Issue 15: a database with the demo and N generated service applications (default 10,000,000) over three years,
# for timing a unit's queue and the monthly figures (bench/Followthrough.Benchmarks -- services-scale).
# Usage: bench/load/services-10m.sh DATABASE FOLDER [N]
#   DATABASE: a SQLite file (made anew), or a PostgreSQL connection string naming a database that does not exist yet
#   (Host=127.0.0.1;Port=55432;Username=postgres;Database=ft_services_10m), which is created and migrated.
# The applications are written by one INSERT … SELECT (services-10m.sqlite.sql / services-10m.pg.sql) with the
# table's indexes dropped and the service_figures triggers off, then the indexes are built again and the figures
# written set-based (the same sums the triggers keep). No step rows are generated (neither the queue nor the figures
# read them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
database="$1"; folder="$2"; n="${3:-10000000}"
mkdir -p "$folder"
ft() { "$root/followthrough" --database "$database" --data-folder "$folder" "$@"; }
sql() { sed "s/__N__/$n/g" "$root/bench/load/$1"; }
if [[ "$database" == *Host=* ]]; then
  libpq="$(sed -e 's/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/; s/;/ /g' <<<"$database")"
  name="$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$database")"
  psql -qtA "$(sed "s/dbname=$name/dbname=postgres/" <<<"$libpq")" -c "CREATE DATABASE $name"
  ft migrate >/dev/null
  ft demo load >/dev/null
  indexes="$(psql -qtA "$libpq" -c "SELECT indexdef || ';' FROM pg_indexes WHERE tablename = 'service_applications' AND indexname NOT LIKE '%pkey'")"
  psql -qtA "$libpq" -c "SELECT 'DROP INDEX ' || indexname FROM pg_indexes WHERE tablename = 'service_applications' AND indexname NOT LIKE '%pkey'" \
    | sed 's/$/;/' | psql -q "$libpq"
  { echo "ALTER TABLE service_applications DISABLE TRIGGER USER;"; sql services-10m.pg.sql;
    echo "$indexes"; echo "ALTER TABLE service_applications ENABLE TRIGGER USER;"; } | psql -q -v ON_ERROR_STOP=1 "$libpq"
  psql -q "$libpq" -c "VACUUM ANALYZE service_applications" -c "VACUUM ANALYZE service_figures"
else
  rm -f "$database" "$database-wal" "$database-shm"
  ft demo load >/dev/null
  saved="$(sqlite3 "$database" "SELECT sql || ';' FROM sqlite_master WHERE tbl_name = 'service_applications' AND type IN ('index', 'trigger') AND sql IS NOT NULL")"
  drops="$(sqlite3 "$database" "SELECT 'DROP ' || upper(type) || ' ' || name || ';' FROM sqlite_master WHERE tbl_name = 'service_applications' AND type IN ('index', 'trigger') AND sql IS NOT NULL")"
  { echo "PRAGMA cache_size = -1000000; BEGIN;"; echo "$drops"; sql services-10m.sqlite.sql; echo "$saved"; echo "COMMIT; ANALYZE;"; } | sqlite3 -bail "$database"
fi
echo "$n applications generated in $database"
