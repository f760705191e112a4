#!/usr/bin/env bash
# Starts Followthrough on its embedded default: a SQLite database in ./data, created and filled with demo data on
# the first start. Prints the address and, the first time, the demo accounts' password.
# Extra arguments go to the web host (e.g. ./run.sh --urls http://127.0.0.1:8080).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The audit chain's key (HMAC) lives outside the database, beside the data folder: created owner-only on first use.
# The daily run appends a signed checkpoint of the trail next to it. Set either variable to put them elsewhere
# (docs/security.md, "The audit trail").
data_parent="$(dirname "$(realpath -m "${Followthrough__DataFolder:-$PWD/data}")")"
if [[ -z "${Followthrough__Audit__KeyFile:-}" && -z "${Followthrough__Audit__Keys:-}" ]]; then
  export Followthrough__Audit__KeyFile="$data_parent/audit-keys/followthrough.keys"
fi
export Followthrough__Audit__CheckpointFile="${Followthrough__Audit__CheckpointFile:-$data_parent/audit-keys/checkpoints.jsonl}"
# The build fetches the browser charting library (ECharts) from npm once; decision documents (PDF) need a Chinese
# TrueType font. Install what is missing.
missing=()
command -v npm >/dev/null || missing+=(npm)
[[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ]] || missing+=(fonts-droid-fallback)
if (( ${#missing[@]} > 0 )); then
  echo "Installing ${missing[*]} ..."
  if [[ $(id -u) -eq 0 ]]; then sudo_=(); else sudo_=(sudo); fi
  "${sudo_[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
dotnet build src/Followthrough.Web -c Release -nologo -v quiet -clp:NoSummary
exec dotnet src/Followthrough.Web/bin/Release/net10.0/Followthrough.Web.dll "$@"
