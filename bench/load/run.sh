#!/usr/bin/env bash
# Starts the web host (Release, Production, loopback) on a database built by setup.sh, then runs wrk: the inbox
# (a GET per request) and progress-report submissions (a durable POST per request). Prints wrk's output, the
# host's resident memory after each run and its peak (VmHWM), and the load average. Stops the host at the end.
# Usage: bench/load/run.sh DATABASE FOLDER [SECONDS] [CONNECTIONS]
# The host's background supervision run is switched off: on a freshly generated database its first run works through
# the whole backlog for minutes and would be measured instead of the requests (it has its own benchmark).
#   FT_LOAD_TESTS="inbox" (or "reports") runs only that test; the reports test uses up its targets (each is a task at
#   version 1), so the inbox alone can be re-run as often as wanted.
#   FT_TARGETS picks another targets file (default FOLDER/targets.txt).
#   FT_REPORT_WARMUP names a second targets file, on other tasks, to report on for FT_REPORT_WARMUP_SECONDS (20)
#   before the measured run: a cold host spends its first seconds compiling and sizing its heap.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
database="$1"; folder="$2"; seconds="${3:-20}"; connections="${4:-32}"; threads=2; tests="${FT_LOAD_TESTS:-inbox reports}"
dotnet build "$root/src/Followthrough.Web" -c Release -nologo -v quiet -clp:NoSummary >&2
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$root/src/Followthrough.Web/bin/Release/net10.0/Followthrough.Web.dll" --urls "http://127.0.0.1:$port" \
  --Followthrough:Database="$database" --Followthrough:DataFolder="$folder" --Followthrough:Supervision:Enabled=false \
  >"$folder/host.log" 2>&1 &
host=$!
echo "$host" > "$folder/host.pid" # for a profiler: dotnet-trace collect -p "$(cat FOLDER/host.pid)"
trap 'kill -TERM $host 2>/dev/null; wait $host 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.2; done
# CPU seconds the host has used (user + system): requests per CPU-second do not depend on what else the machine runs.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$host/stat"; }
measure() { # label, then the wrk command line
  local label="$1" before after out requests; shift
  before=$(cpu); out=$("$@"); after=$(cpu)
  echo "$out"
  requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<<"$out")
  echo "$label: host CPU $(awk -v a="$after" -v b="$before" 'BEGIN {printf "%.1f", a - b}') s for $requests requests = $(awk -v a="$after" -v b="$before" -v n="$requests" 'BEGIN {printf "%.3f ms CPU per request, %.0f requests per CPU-second", (a - b) * 1000 / n, n / (a - b)}')"
}
rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MiB  ", $1, $2 / 1024}' "/proc/$host/status"; echo; }
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ {print $2}') GiB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "idle: $(rss)"

if [[ " $tests " == *" inbox "* ]]; then
# Warm up (JIT, caches, connection pool) before measuring.
FT_TOKEN="$(cat "$folder/inbox.token")" wrk -t$threads -c$connections -d5s -s "$root/bench/load/inbox.lua" "http://127.0.0.1:$port" >/dev/null
echo "== inbox: GET /api/v1/tasks/inbox, $connections connections, ${seconds}s"
measure inbox env FT_TOKEN="$(cat "$folder/inbox.token")" wrk -t$threads -c$connections -d"${seconds}s" --latency -s "$root/bench/load/inbox.lua" "http://127.0.0.1:$port"
echo "after inbox: $(rss) load: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

if [[ " $tests " == *" services "* ]]; then
# Issue 15: service applications (services-setup.sh wrote FOLDER/applicants.txt and FOLDER/bodies.txt); warmed up
# first on the same mix (every request files a new application, so nothing runs out).
export FT_APPLICANTS="$folder/applicants.txt" FT_BODIES="$folder/bodies.txt"
wrk -t$threads -c$connections -d"${FT_SERVICES_WARMUP_SECONDS:-15}s" -s "$root/bench/load/services-apply.lua" "http://127.0.0.1:$port" | sed -n 's/^created/warm-up: created/p'
echo "== services: POST /api/v1/services/applications[/with-materials], $connections connections, ${seconds}s; load: $(cut -d' ' -f1-3 /proc/loadavg)"
measure services wrk -t$threads -c$connections -d"${seconds}s" --latency -s "$root/bench/load/services-apply.lua" "http://127.0.0.1:$port"
echo "after services: $(rss) load: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

if [[ " $tests " == *" ratings "* ]]; then
# Issue 16: ratings (ratings-setup.sh wrote FOLDER/raters.txt); warmed up first on applications the measured run skips.
export FT_RATERS="$folder/raters.txt"
FT_RATERS_SKIP=0 wrk -t$threads -c$connections -d"${FT_RATINGS_WARMUP_SECONDS:-10}s" -s "$root/bench/load/ratings-rate.lua" "http://127.0.0.1:$port" | sed -n 's/^rated/warm-up: rated/p'
echo "== ratings: POST /api/v1/ratings/applications/{id}, $connections connections, ${seconds}s; load: $(cut -d' ' -f1-3 /proc/loadavg)"
measure ratings env FT_RATERS_SKIP="${FT_RATERS_SKIP:-2500}" wrk -t$threads -c$connections -d"${seconds}s" --latency -s "$root/bench/load/ratings-rate.lua" "http://127.0.0.1:$port"
echo "after ratings: $(rss) load: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

[[ " $tests " == *" reports "* ]] || exit 0
if [[ -n "${FT_REPORT_WARMUP:-}" ]]; then
  # Warm up on other tasks first (JIT tiering, the GC sizing its heap, SQLite's page cache): not measured.
  FT_TARGETS="$FT_REPORT_WARMUP" FT_THREADS=$threads wrk -t$threads -c$connections -d"${FT_REPORT_WARMUP_SECONDS:-20}s" \
    -s "$root/bench/load/report.lua" "http://127.0.0.1:$port" | sed -n 's/^created/warm-up: created/p'
fi
echo "== reports: POST /api/v1/tasks/{id}/reports, $connections connections, ${seconds}s"
measure reports env FT_TARGETS="${FT_TARGETS:-$folder/targets.txt}" FT_THREADS=$threads wrk -t$threads -c$connections -d"${seconds}s" --latency -s "$root/bench/load/report.lua" "http://127.0.0.1:$port"
echo "after reports: $(rss) load: $(cut -d' ' -f1-3 /proc/loadavg)"
