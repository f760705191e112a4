#!/usr/bin/env bash
# Measures the web host's cold start (process start → first answered request) and idle working set on SQLite.
# Usage: bench/startup.sh [runs]   (default 5). Prints a Markdown table row per scenario for bench/RESULTS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
dotnet build "$root/src/Followthrough.Web" -c Release -nologo -v quiet -clp:NoSummary
dll="$root/src/Followthrough.Web/bin/Release/net10.0/Followthrough.Web.dll"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
data="$(mktemp -d /tmp/ft-bench-XXXXXX)"
trap 'rm -rf "$data"' EXIT

# One start: echoes "milliseconds-to-first-response rss-kib-after-idle".
start_once() {
  local t0 pid ms
  t0=$(date +%s%N)
  dotnet "$dll" --urls "http://127.0.0.1:$port" --Followthrough:DataFolder="$data" >/dev/null 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.01; done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  curl -fs "http://127.0.0.1:$port/" >/dev/null
  sleep 5
  local rss; rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $rss"
}

first=$(start_once)   # creates the database, applies migrations, loads the demo
echo "| first start (migrate + demo) | $(cut -d' ' -f1 <<<"$first") ms | $(( $(cut -d' ' -f2 <<<"$first") / 1024 )) MiB |"
total=0; max_rss=0
for _ in $(seq "$runs"); do
  read -r ms rss < <(start_once)
  total=$(( total + ms )); (( rss > max_rss )) && max_rss=$rss
  echo "  run: ${ms} ms, ${rss} KiB" >&2
done
echo "| cold start, existing database (mean of $runs) | $(( total / runs )) ms | $(( max_rss / 1024 )) MiB (max) |"
