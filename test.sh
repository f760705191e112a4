#!/usr/bin/env bash
# Runs every test: installs what the tests need (Debian chromium, postgresql) when missing, starts a throw-away
# PostgreSQL cluster on loopback, runs the whole test suite against SQLite and PostgreSQL, and removes the cluster.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter Calendar).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

pg_bin=""
find_pg_bin() { pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"; }
find_pg_bin

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -n "$pg_bin" && -x "$pg_bin/initdb" ]] || missing+=(postgresql)
[[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ]] || missing+=(fonts-droid-fallback)   # Chinese TrueType outlines for the decision PDFs
command -v npm >/dev/null || missing+=(npm)   # the build fetches the charting library (ECharts) from npm
if (( ${#missing[@]} > 0 )); then
  echo "Installing ${missing[*]} ..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  find_pg_bin
fi

# A throw-away cluster: its own folder, a free loopback port, no fsync; removed when this script ends.
pg_dir="$(mktemp -d /tmp/ft-pg-XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))"
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres:postgres "$pg_dir"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throw-away, $pg_dir)"

export FOLLOWTHROUGH_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
export FOLLOWTHROUGH_TEST_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Followthrough.slnx -c Release -nologo -v quiet -clp:NoSummary
results="$(mktemp -d /tmp/ft-results-XXXXXX)"
status=0
dotnet test tests/Followthrough.Tests -c Release --no-build --nologo --logger "console;verbosity=normal" \
  --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" || status=$?

# One closing line in the plain form CI reads: "tests: N passed, N failed, N skipped".
if counters="$(grep -o '<Counters [^>]*>' "$results/results.trx" 2>/dev/null)"; then
  count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  echo "tests: $(count passed) passed, $(count failed) failed, $(( $(count total) - $(count executed) )) skipped"
fi
rm -rf "$results"
exit "$status"
