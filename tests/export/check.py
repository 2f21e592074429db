"""Reads trailscope's exports back with independent, real parsers (issue 11 §3) and checks each
gives the canonical selectors of the request it was exported from.

Usage: check.py CORPUS_DIR. CORPUS_DIR holds case-NNNN/ folders written by
`crates/core/tests/export.rs` (expected.json and one export.<ext> a dialect):

- cfn-yaml, cfn-json: cfn-lint reports no error, and cfn-lint's own loader (cfnlint.decode)
  reads the template's AWS::CloudTrail::Trail back;
- cli: the command, split with shlex and run by a real POSIX shell (/bin/sh, a stub `aws`
  printing its arguments), gives the arguments; its JSON argument is parsed;
- boto3: the call's keyword arguments are read with ast.literal_eval;
- cli, boto3: the parameters pass botocore's ParamValidator for PutEventSelectors;
- terraform: python-hcl2 parses the file; no string holds an interpolation or a directive.

Prints a line a dialect and exits 1 on the first disagreement.
"""

import ast
import functools
import json
import pathlib
import shlex
import subprocess
import sys

import botocore.session
import hcl2
import hcl2.parser
from botocore.validate import ParamValidator
from cfnlint import decode
from cfnlint.config import ConfigMixIn
from cfnlint.helpers import REGIONS
from cfnlint.runner import Runner, run_template_by_data
from hcl2 import api as hcl2_api
from hcl2.postlexer import PostLexer
from hcl2.utils import SerializationOptions
from lark import Lark

DIALECTS = {
    "cli": "sh",
    "boto3": "py",
    "cfn-yaml": "yaml",
    "cfn-json": "json",
    "terraform": "tf",
}
SELECTOR_MEMBERS = ("EventSelectors", "AdvancedEventSelectors")
# Terraform's block names for the API's lists of objects (spec §8).
BLOCKS = {
    "event_selector": "EventSelectors",
    "data_resource": "DataResources",
    "advanced_event_selector": "AdvancedEventSelectors",
    "field_selector": "FieldSelectors",
}
INPUT_SHAPE = (
    botocore.session.get_session().get_service_model("cloudtrail").operation_model("PutEventSelectors").input_shape
)


# Every rule (informational and experimental ones too) in every Region, as `cfn-lint` with
# `lint_all`, with the rules loaded once.
LINT_CONFIG = ConfigMixIn(include_checks=["I"], include_experimental=True, regions=REGIONS)
LINT_RULES = Runner(LINT_CONFIG).rules


class Mismatch(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Mismatch(message)


def selectors_of(mapping):
    """The one selectors member of a request or a template's Properties, as {member: value}."""
    found = {k: mapping[k] for k in SELECTOR_MEMBERS if k in mapping}
    expect(len(found) == 1, f"expected one of {SELECTOR_MEMBERS}, got {sorted(mapping)}")
    return json.loads(json.dumps(found))


def validate_params(params):
    report = ParamValidator().validate(params, INPUT_SHAPE)
    expect(not report.has_errors(), report.generate_report())


def read_cfn(path, case):
    template, matches = decode.decode(str(path))
    expect(not matches, f"cfnlint.decode: {matches}")
    errors = [m for m in run_template_by_data(template, LINT_CONFIG, LINT_RULES) if m.rule.id.startswith("E")]
    expect(not errors, "cfn-lint: " + "; ".join(str(m) for m in errors))
    resource = template["Resources"]["Trail"]
    expect(resource["Type"] == "AWS::CloudTrail::Trail", resource["Type"])
    properties = resource["Properties"]
    expect(properties["TrailName"] == case["Name"], f"TrailName {properties['TrailName']!r}")
    expect(properties["IsLogging"] is True, "IsLogging")
    expect(properties["S3BucketName"] == {"Ref": "TrailBucketName"}, "S3BucketName")
    return selectors_of(properties)


def cli_arguments(text):
    """The aws command's arguments: shlex's reading and a real shell's, which must agree."""
    # shlex has no line continuation: a backslash-newline between words comes back as a "\n"
    # word, which a shell drops (and the shell's reading is compared right after).
    words = [word for word in shlex.split(text, comments=True) if word != "\n"]
    stub = "aws() { printf '%s\\0' \"$@\"; }\n"
    ran = subprocess.run(["/bin/sh", "-c", stub + text], capture_output=True, text=True, check=True)
    from_shell = ran.stdout.split("\0")[:-1]
    expect(words[0] == "aws" and words[1:] == from_shell, f"shlex {words} != sh {from_shell}")
    return from_shell


def read_cli(path, case):
    arguments = cli_arguments(path.read_text())
    expect(arguments[:2] == ["cloudtrail", "put-event-selectors"], arguments[:2])
    options = dict(zip(arguments[2::2], arguments[3::2]))
    params = {"TrailName": options.pop("--trail-name")}
    options.pop("--region", None)
    (option, value), = options.items()
    member = {"--event-selectors": "EventSelectors", "--advanced-event-selectors": "AdvancedEventSelectors"}[option]
    params[member] = json.loads(value)
    validate_params(params)
    expect(params["TrailName"] == case["TrailName"], f"TrailName {params['TrailName']!r}")
    return selectors_of(params)


def read_boto3(path, case):
    calls = [
        node
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "put_event_selectors"
    ]
    expect(len(calls) == 1, f"{len(calls)} put_event_selectors calls")
    params = {k.arg: ast.literal_eval(k.value) for k in calls[0].keywords}
    validate_params(params)
    expect(params["TrailName"] == case["TrailName"], f"TrailName {params['TrailName']!r}")
    return selectors_of(params)


def hcl_parser():
    """python-hcl2 8.1.4's parser, with its two template-escape terminals as HCL defines them.

    It lexes `$${` / `%%{` only when a `}` follows (ESCAPED_INTERPOLATION `\$\$\{[^}]*\}`,
    ESCAPED_DIRECTIVE `%%\{[^}]*\}`), so it refuses `"$${"`, valid HCL for the text `${`:
    HCL's scanner takes `$` followed by `${` as the escape with nothing after it
    (hashicorp/hcl hclsyntax/scan_tokens.rl, `TemplateNotInterp = '$' (... | TemplateInterp)`).
    """
    grammar = (pathlib.Path(hcl2.parser.__file__).parent / "hcl2.lark").read_text()
    for terminal, escape in (("ESCAPED_INTERPOLATION.2: ", r"/\$\$\{/"), ("ESCAPED_DIRECTIVE.2: ", r"/%%\{/")):
        (line,) = [line for line in grammar.splitlines() if line.startswith(terminal)]
        grammar = grammar.replace(line, terminal + escape)
    return Lark(grammar, parser="lalr", propagate_positions=True, postlex=PostLexer())


hcl2_api._get_parser = functools.lru_cache()(hcl_parser)


def walk_tree(tree):
    yield tree
    for child in getattr(tree, "children", []):
        yield from walk_tree(child)


def hcl_string(text):
    # python-hcl2 resolves backslash escapes and leaves the template escapes `$${` / `%%{`.
    return text.replace("$${", "${").replace("%%{", "%{")


def api_member(key):
    return BLOCKS.get(key) or "".join(part.capitalize() for part in key.split("_"))


def from_hcl(value):
    """A block's attributes and nested blocks with the API's member names."""
    if isinstance(value, dict):
        return {api_member(k): from_hcl(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_hcl(v) for v in value]
    return hcl_string(value) if isinstance(value, str) else value


def read_terraform(path, case):
    text = path.read_text()
    tree = hcl2_api.parses_to_tree(text)
    rules = {getattr(node, "data", None) for node in walk_tree(tree)}
    expect(not rules & {"interpolation", "template_if_start", "template_for_start"}, f"templates in strings: {rules}")
    options = SerializationOptions(strip_string_quotes=True, explicit_blocks=False, with_comments=False)
    document = hcl2_api.serialize(hcl2_api.transform(tree), serialization_options=options)
    (trail,) = [r["aws_cloudtrail"]["trail"] for r in document["resource"]]
    expect(trail["name"] == case["Name"], f"name {trail['name']!r}")
    expect(trail["s3_bucket_name"] == "${var.trail_bucket_name}", trail["s3_bucket_name"])
    blocks = {k: v for k, v in trail.items() if k in ("event_selector", "advanced_event_selector")}
    selectors = from_hcl(blocks)
    for selector in selectors.get("EventSelectors", []):
        selector.setdefault("DataResources", [])
    return selectors_of(selectors)


READERS = {
    "cli": read_cli,
    "boto3": read_boto3,
    "cfn-yaml": read_cfn,
    "cfn-json": read_cfn,
    "terraform": read_terraform,
}


def check_case(folder, counts):
    case = json.loads((folder / "expected.json").read_text())
    for dialect, extension in DIALECTS.items():
        path = folder / f"export.{extension}"
        if dialect in case["Refused"]:
            expect(not path.exists(), f"{dialect} refused but written")
            continue
        try:
            got = READERS[dialect](path, case)
            expect(got == case["Selectors"], f"read back:\n{json.dumps(got, indent=1)}\nexpected:\n{json.dumps(case['Selectors'], indent=1)}")
        except Exception as error:  # a parser's own error is a failed read-back too
            raise Mismatch(f"{path}: {type(error).__name__}: {error}") from None
        counts[dialect] += 1


def main(corpus):
    folders = sorted(pathlib.Path(corpus).glob("case-*"))
    counts = {dialect: 0 for dialect in DIALECTS}
    try:
        for folder in folders:
            check_case(folder, counts)
    except Mismatch as error:
        print(f"export round trip FAILED: {error}")
        return 1
    for dialect, count in counts.items():
        print(f"export round trip: {dialect}: {count} of {len(folders)} cases read back as the canonical selectors")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
