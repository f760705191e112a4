#!/usr/bin/env bash
# Issue 16: a SQLite database for the ratings load test (ratings-rate.lua): the demo, RATERS citizen accounts with an
# API token each, and PER decided (approved) applications of each rater, written set-based; FOLDER/raters.txt has one
# line per rater: "token first-application-id last-application-id".
# Usage: bench/load/ratings-setup.sh DATABASE FOLDER [RATERS] [PER]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
database="$1"; folder="$2"; raters="${3:-16}"; per="${4:-10000}"
mkdir -p "$folder"
ft() { "$root/followthrough" --database "$database" --data-folder "$folder" "$@"; }
rm -f "$database" "$database-wal" "$database-shm"
ft demo load >/dev/null
password="load-test-$(date +%s)"
item="$(sqlite3 "$database" "SELECT id FROM service_items WHERE code = 'DL-MSA-006'")"
: > "$folder/raters.txt"
for i in $(seq 1 "$raters"); do
  ft users add "load-rater-$i" --name "压测市民$i" --name-en "Load test citizen $i" --role Citizen --password "$password" >/dev/null
  secret=$(ft tokens create --user "load-rater-$i" --name "load test" | sed -n 's/^Secret.*: //p')
  person=$(sqlite3 "$database" "SELECT person_id FROM accounts WHERE user_name = 'load-rater-$i'")
  range=$(sqlite3 "$database" "
    WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < $per)
    INSERT INTO service_applications (item_id, item_version, item_code, item_name_zh, item_name_en, unit_id, applicant_id, channel, answers,
        state, received_at, committed_days, statutory_days, accepted_on, committed_due, statutory_due, decided_at, version, created_at,
        updated_at, working_days_used, auto_decided)
    SELECT i.id, i.version, i.code, i.name_zh, i.name_en, i.unit_id, $person, 'Online', '{}', 'Approved', '2026-11-02 01:00:00',
           i.committed_days, i.statutory_days, '2026-11-03', '2026-11-20', '2026-12-10', '2026-11-05 02:00:00', 3,
           '2026-11-02 01:00:00', '2026-11-05 02:00:00', 3, 0
    FROM s, service_items i WHERE i.id = $item;
    SELECT min(id) || ' ' || max(id) FROM service_applications WHERE applicant_id = $person;")
  echo "$secret $range" >> "$folder/raters.txt"
done
echo "$raters raters with $per decided applications each in $database"
