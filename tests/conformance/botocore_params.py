"""botocore's own ParamValidator is the judge of trailscope's ParamValidationError.

For every object-shaped request of the corpus, and for seeded random mutations of them
(members dropped, types changed, lists emptied, unknown members added), the `error.message`
trailscope reports for ParamValidationError must equal botocore's report exactly, message
order included; and where botocore finds nothing, trailscope must report no client error.
"""
import copy
import json
import random
import subprocess
import sys
from pathlib import Path

import botocore
import botocore.session
from botocore.validate import ParamValidator

ROOT = Path(__file__).resolve().parents[2]
CLI = sys.argv[1]
MUTATIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 400

shape = botocore.session.get_session().get_service_model("cloudtrail").operation_model("PutEventSelectors").input_shape


def botocore_report(params):
    report = ParamValidator().validate(params, shape)
    return "Parameter validation failed:\n" + report.generate_report() if report.has_errors() else None


def trailscope_report(params):
    run = subprocess.run([CLI, "validate", "-", "--format", "json"], input=json.dumps(params, indent=2),
                         capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        raise SystemExit(f"trailscope failed ({run.returncode}): {run.stderr}")
    error = json.loads(run.stdout)["error"]
    return error["message"] if error and error["__type"] == "ParamValidationError" else None


def corpus_requests():
    for path in sorted((ROOT / "tests" / "corpus").glob("*.json")):
        for case in json.loads(path.read_text()):
            request = case.get("request")
            if isinstance(request, dict) and "TrailARN" not in request:
                yield f"{path.name}: {case['name']}", request


# Besides the JSON types, values whose Python str()/repr() is easy to get wrong: floats that
# Python prints in exponent form, and characters repr() escapes although they are not ASCII
# controls (C1 controls, no-break and zero-width spaces, line and paragraph separators, a
# soft hyphen). Strings only show their repr inside a list or a dict.
REPLACEMENTS = [
    "", "text", 0, 1.5, True, None, [], {}, ["a"], {"Bogus": 1},
    1e-5, 1e16, -2.5e-7, [0.0001, 123456789012345.0, -0.0],
    "\u0085", ["\u0085", "\x9f", "\xa0", "\xad"], ["\u2028", "\u2029", "\u200b", "\ufeff"],
    {"\u200b": 1e-5, "it's": "\x7f"},
]


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, prefix + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value[:3]):
            yield from paths(child, prefix + (i,))


def mutate(request, rng):
    request = copy.deepcopy(request)
    targets = [p for p in paths(request) if p]
    if not targets:
        return {"TrailName": rng.choice(REPLACEMENTS)}
    target = rng.choice(targets)
    parent = request
    for step in target[:-1]:
        parent = parent[step]
    key = target[-1]
    action = rng.choice(["replace", "replace", "delete", "add"])
    if action == "delete":
        del parent[key]
    elif action == "add" and isinstance(parent, dict):
        parent[rng.choice(["Bogus", "trailName", "Equal", "Value"])] = rng.choice(REPLACEMENTS)
    else:
        parent[key] = copy.deepcopy(rng.choice(REPLACEMENTS))
    return request


def main():
    cases = list(corpus_requests())
    rng = random.Random(20261125)
    for i in range(MUTATIONS):
        name, request = rng.choice(cases)
        cases.append((f"mutation {i} of {name}", mutate(request, rng)))
    failures = 0
    client_errors = 0
    for name, request in cases:
        expected, got = botocore_report(request), trailscope_report(request)
        client_errors += expected is not None
        if expected != got:
            failures += 1
            print(f"FAIL {name}\n  botocore:   {expected!r}\n  trailscope: {got!r}")
    print(f"botocore {botocore.__version__}: {len(cases)} requests, {client_errors} with client errors")
    print(f"{len(cases) - failures} passed, {failures} failed")
    if failures or client_errors < 50:
        sys.exit(1)


main()
