"""Validates JSON documents against Resources/openapi.yaml with an independent JSON Schema
2020-12 validator (python-jsonschema, formats checked), not with chargeye's own decoder:

- every `examples` entry the definition's schemas hold, against its schema;
- the facts sheet's composite example (section 6.14), against StationList;
- known-bad documents, which must be rejected (so a vacuous definition cannot pass).

Prints one line per document; exits 1 on the first disagreement. Run by DefinitionTests
(swift test) with the virtual environment .ci/run makes (.venv).
"""
import json
import sys

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

definition_path, composite_path = sys.argv[1], sys.argv[2]
with open(definition_path) as handle:
    definition = yaml.safe_load(handle)
schemas = definition["components"]["schemas"]
registry = Registry().with_resource("urn:chargeye", Resource(contents=definition, specification=DRAFT202012))


def validator(name):
    return Draft202012Validator(
        {"$ref": f"urn:chargeye#/components/schemas/{name}"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


failures = 0


def check(name, document, label, expect_valid=True):
    global failures
    errors = sorted(validator(name).iter_errors(document), key=lambda error: list(error.path))
    ok = (not errors) == expect_valid
    verdict = "valid" if not errors else "invalid: " + "; ".join(
        f"{'/'.join(map(str, error.path)) or '(root)'}: {error.message}" for error in errors[:3]
    )
    print(f"{'ok  ' if ok else 'FAIL'} {name} {label}: {verdict}")
    if not ok:
        failures += 1


Draft202012Validator.check_schema({"$ref": "urn:chargeye#/components/schemas/Location"})
checked = 0
for name, schema in schemas.items():
    for index, example in enumerate(schema.get("examples", [])):
        check(name, example, f"example {index + 1}")
        checked += 1

with open(composite_path) as handle:
    check("StationList", json.load(handle), "facts sheet 6.14 composite example")

bad = [
    ("Location", {"name": "no id"}, "a location without its id"),
    ("Location", {"id": "x", "lat": "60.1"}, "a latitude as text"),
    ("ConnectorInfo", {"connectorId": "1", "lastTransaction": 5}, "a session that is a number"),
    ("Transaction", {"txId": "t", "power": "141 kW"}, "power as text"),
    ("Transaction", {"txId": "t", "startTime": "yesterday"}, "a time that is no timestamp"),
    ("AccessToken", {"token": "x", "validUntil": "2025-06-02T22:14:09"}, "a token expiry without a zone"),
    ("Vehicle", {"id": "v", "locationUid": 7}, "a vehicle location that is a number"),
]
for name, document, label in bad:
    check(name, document, f"rejects {label}", expect_valid=False)

print(f"{checked} examples, 1 composite, {len(bad)} bad documents; {failures} disagreements")
sys.exit(1 if failures else 0)
