#!/usr/bin/env bash
# An outside check of the definition and the simulator together: schemathesis generates
# requests from Resources/openapi.yaml (valid and invalid ones), sends them to a simulator with
# its default (varying) data, and runs all its checks on every answer: status codes and bodies
# as documented, errors for bad input, 405 for other methods, 401 without credentials.
# Bounded: SCHEMATHESIS_SECONDS (default 45) of generation, plus start-up.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/python-tools.sh
swift build --product chargeye >/dev/null

log=$(mktemp)
.build/debug/chargeye simulator --port 0 --locations 60 --refresh-token schemathesis-refresh >"$log" 2>&1 &
simulator=$!
trap 'kill $simulator 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  base=$(sed -n 's/^ *base URL: *//p' "$log")
  [ -n "$base" ] && break
  sleep 0.1
done
[ -n "$base" ] || { echo "the simulator did not start:"; cat "$log"; exit 1; }

export CHARGEYE_REFRESH_TOKEN=schemathesis-refresh
CHARGEYE_JWT=$(curl -sf -H "Authorization: Bearer $CHARGEYE_REFRESH_TOKEN" "$base/auth/refreshAccessToken" \
  | .venv/bin/python -c 'import json, sys; print(json.load(sys.stdin)["token"])')
export CHARGEYE_JWT

.venv/bin/schemathesis --config-file .ci/schemathesis.toml run Resources/openapi.yaml --url "$base" \
  --checks all --max-time "${SCHEMATHESIS_SECONDS:-45}" --seed 2024 --workers 2 \
  --report junit --report-dir .build/schemathesis-report
