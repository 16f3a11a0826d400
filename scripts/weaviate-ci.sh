#!/usr/bin/env bash
# Starts Weaviate in the background for CI and prints `export` lines for the caller to eval:
#   eval "$(bash scripts/weaviate-ci.sh)"   # builds once (cached), then WEAVIATE_URL etc. are set
# Stop it later with: kill "$WEAVIATE_PID"
set -euo pipefail
cd "$(dirname "$0")/.."
log="${WEAVIATE_LOG:-.data/weaviate.log}"
mkdir -p "$(dirname "$log")"
node_modules/.bin/node scripts/weaviate.ts --build-only >&2
node_modules/.bin/node scripts/weaviate.ts "$@" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 180); do
  if line=$(grep -m1 '^WEAVIATE_URL=' "$log"); then
    echo "export ${line% *} ${line#* } WEAVIATE_PID=$pid"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "Weaviate failed to start; log follows" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "Weaviate not ready after 90 s; see $log" >&2
kill "$pid" 2>/dev/null || true
exit 1
