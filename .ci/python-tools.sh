#!/usr/bin/env bash
# Makes .venv with the outside checkers the tests and CI use: schemathesis (property-based API
# testing against the simulator) and python-jsonschema with its RFC 3339 format checker
# (validating the definition's examples). Pinned, so a new release cannot turn CI red overnight.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x .venv/bin/schemathesis ] && .venv/bin/python -c "import jsonschema, rfc3339_validator" 2>/dev/null; then
  exit 0
fi
python3 -m venv .venv
.venv/bin/pip install -q "schemathesis==4.32.5" "jsonschema==4.26.0" "rfc3339-validator==0.1.4" \
  "referencing==0.37.0" "PyYAML==6.0.4"
