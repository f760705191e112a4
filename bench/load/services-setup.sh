#!/usr/bin/env bash
# Issue 15: a database for the submissions test (services-apply.lua): the demo (its 42 service items, two of them
# decided by rules at once, 秒批), APPLICANTS enterprise accounts with an API token each and three of their own
# files (rows only: filing checks that a chosen file is the applicant's, not its bytes), and FOLDER/bodies.txt, the
# mix of requests the load script cycles through.
# Usage: bench/load/services-setup.sh DATABASE FOLDER [APPLICANTS]
#   DATABASE: a SQLite file (made anew) or a PostgreSQL connection string naming a database that does not exist yet.
# Writes FOLDER/applicants.txt ("token file1 file2 file3" lines) and FOLDER/bodies.txt ("path json" lines).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
database="$1"; folder="$2"; applicants="${3:-16}"
mkdir -p "$folder"
ft() { "$root/followthrough" --database "$database" --data-folder "$folder" "$@"; }
if [[ "$database" == *Host=* ]]; then
  libpq="$(sed -e 's/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/; s/;/ /g' <<<"$database")"
  name="$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$database")"
  psql -qtA "$(sed "s/dbname=$name/dbname=postgres/" <<<"$libpq")" -c "CREATE DATABASE $name"
  ft migrate >/dev/null
  query() { psql -qtA "$libpq" -c "$1"; }
else
  rm -f "$database" "$database-wal" "$database-shm"
  query() { sqlite3 "$database" "$1"; }
fi
ft demo load >/dev/null
password="load-test-$(date +%s)"
: > "$folder/applicants.txt"
for i in $(seq 1 "$applicants"); do
  ft users add "load-applicant-$i" --name "压测企业$i" --name-en "Load test enterprise $i" --role Enterprise --password "$password" >/dev/null
  secret=$(ft tokens create --user "load-applicant-$i" --name "load test" | sed -n 's/^Secret.*: //p')
  person=$(query "SELECT person_id FROM accounts WHERE user_name = 'load-applicant-$i'")
  files=""
  for f in 1 2 3; do
    files="$files $(query "INSERT INTO service_material_files (applicant_id, name, content_type, size, sha256, uploaded_at)
      VALUES ($person, 'material-$f.pdf', 'application/pdf', 1000, '$(printf '%064d' "$f")', '2026-12-01 00:00:00') RETURNING id")"
  done
  echo "$secret$files" >> "$folder/applicants.txt"
done
item() { query "SELECT id FROM service_items WHERE code = '$1'"; }
drc1=$(item DL-DRC-001); eeb2=$(item DL-EEB-002); drc2=$(item DL-DRC-002); msa6=$(item DL-MSA-006); stb1=$(item DL-STB-001)
plain='"answers":{"applicantName":"Load test"}'
drc='"answers":{"projectName":"Load test plant","sector":"制造业 manufacturing","investment":"5000","startDate":"2027-03-01","inNegativeList":"no"}'
eeb='"answers":{"projectName":"Load test warehouse","category":"仓储 warehousing","inProtectedArea":"no"}'
m() { echo "{\"position\":$1,$2}"; }
{ # ten requests: four decided by rules as they are filed (with materials), three other filings with materials, three without
  echo "/api/v1/services/applications/with-materials {\"itemId\":$drc1,$drc,\"materials\":[$(m 0 '"fileId":F1'),$(m 1 '"byLicence":true'),$(m 2 '"fileId":F2')]}"
  echo "/api/v1/services/applications/with-materials {\"itemId\":$drc2,$plain,\"materials\":[$(m 0 '"fileId":F1'),$(m 1 '"byLicence":true'),$(m 2 '"fileId":F2'),$(m 3 '"fileId":F3')]}"
  echo "/api/v1/services/applications {\"itemId\":$stb1,$plain}"
  echo "/api/v1/services/applications/with-materials {\"itemId\":$eeb2,$eeb,\"materials\":[$(m 0 '"fileId":F1')]}"
  echo "/api/v1/services/applications/with-materials {\"itemId\":$msa6,$plain,\"materials\":[$(m 0 '"fileId":F1'),$(m 1 '"byLicence":true'),$(m 2 '"byLicence":true'),$(m 3 '"fileId":F2'),$(m 4 '"fileId":F3')]}"
  echo "/api/v1/services/applications {\"itemId\":$drc2,$plain}"
  echo "/api/v1/services/applications/with-materials {\"itemId\":$drc1,$drc,\"materials\":[$(m 0 '"fileId":F2'),$(m 1 '"byLicence":true'),$(m 2 '"fileId":F3')]}"
  echo "/api/v1/services/applications/with-materials {\"itemId\":$stb1,$plain,\"materials\":[$(m 0 '"fileId":F1'),$(m 1 '"byLicence":true'),$(m 2 '"fileId":F2'),$(m 3 '"byLicence":true')]}"
  echo "/api/v1/services/applications {\"itemId\":$msa6,$plain}"
  echo "/api/v1/services/applications/with-materials {\"itemId\":$eeb2,$eeb,\"materials\":[$(m 0 '"fileId":F3')]}"
} > "$folder/bodies.txt"
echo "$applicants applicants in $folder/applicants.txt; request mix in $folder/bodies.txt"
