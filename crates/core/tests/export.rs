//! Exports of random valid selector sets (issue 11 §3): every dialect writes every valid set
//! (or refuses where its tool would: D51), HCL and YAML hold no unescaped interpolation or
//! retyped scalar, and the JSON-bodied exports (the CLI's argument, CloudFormation JSON) read
//! back, with serde_json, as the canonical selectors; CloudFormation, Terraform and CDK exports
//! are also read back by trailscope's own importers (issue 11 §3: every export round-trips).
//!
//! With `TRAILSCOPE_EXPORT_CORPUS=DIR` the last test also writes `TRAILSCOPE_EXPORT_CASES`
//! (default 200) random cases there, each request with its six exports, for the independent
//! readers of `make test-export` (tests/export/: cfn-lint, botocore, python-hcl2, aws-cdk-lib).

mod generators;
/// Only the reference folder's vocabulary, which the generators draw from.
mod reference {
    pub mod vocab;
}

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{json, Value};
use trailscope_core::export::{export_response, Dialect, ExportError};
use trailscope_core::model::{
    AdvancedEventSelector, AdvancedFieldSelector, DataResource, Operator, Selectors, SelectorsResponse,
};
use trailscope_core::put_event_selectors;
use trailscope_core::request::canonical;
use trailscope_core::service::Outcome;

/// How trailscope's own importers (issue 11 §1) read each dialect back (text -> canonical
/// selectors); the round trip below runs through them. The CLI command and the boto3 call are
/// programs, not inputs trailscope reads: their JSON argument is checked by `check` instead.
type Importer = fn(&str) -> Result<Selectors, String>;
#[cfg(feature = "iac")]
const IMPORTERS: [(Dialect, Option<Importer>); 6] = [
    (Dialect::Cli, None),
    (Dialect::Boto3, None),
    (Dialect::CfnYaml, Some(imported)),
    (Dialect::CfnJson, Some(imported)),
    (Dialect::Terraform, Some(imported)),
    (Dialect::Cdk, Some(imported)),
];
#[cfg(not(feature = "iac"))]
const IMPORTERS: [(Dialect, Option<Importer>); 0] = [];

/// The one trail of an exported file, as `trailscope validate` reads it, in canonical form.
#[cfg(feature = "iac")]
fn imported(text: &str) -> Result<Selectors, String> {
    let validation = trailscope_core::import::validate(text, None, None)?;
    let [trail] = validation.trails.as_slice() else {
        return Err(format!("{} trails read back", validation.trails.len()));
    };
    match &trail.evaluation.outcome {
        Outcome::Response(response) => Ok(canonical::canonical(&response.selectors)),
        Outcome::Error(error) => Err(format!("{error:?}\n{text}")),
    }
}

/// Strings that break naive escaping in some dialect: quotes of every kind, shell and template
/// syntax, YAML's retyped words and indicators, escapes, non-ASCII.
const NASTY: &[&str] = &[
    "",
    "it's",
    "\"quoted\"",
    "back\\slash",
    "${var.x}",
    "%{ if x }",
    "$${",
    "%%{",
    "$",
    "true",
    "null",
    "1.0",
    "yes",
    "Off",
    "*",
    ": x",
    "- x",
    "#c",
    "!Ref x",
    "&a",
    "[1]",
    "{a}",
    "a\nb",
    "tab\there",
    "é😀",
    "\u{2028}",
    "\u{85}x",
    "$(rm -rf)",
    "`x`",
    "a\\'b",
    "'",
    "~",
    "<<",
    "=",
];

fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![generators::pick(NASTY), "[ -~]{1,10}", "\\PC{1,6}"]
}

/// A trail name: plain, with every allowed punctuation, or a trail ARN in the default context's
/// account and Region (so the lookup accepts it).
fn trail_name() -> impl Strategy<Value = String> {
    generators::pick(&["my-trail", "Audit.Trail_2-x", "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail"])
}

/// Advanced selectors built per category from the fields and operators the category allows
/// (spec §4.1), so that most pass validation (the generic generator's mostly do not); the
/// validator still judges each set.
fn advanced_selector() -> impl Strategy<Value = AdvancedEventSelector> {
    use generators::{equals, field_selector, pick, ARNS, ENDPOINTS, EVENT_TYPES, NAMES, PIECES, TYPES, USER_ARNS};
    let equals_of =
        |field: &'static str, values: &'static [&'static str]| pick(values).prop_map(move |v| equals(field, v));
    let management = prop::collection::vec(
        prop_oneof![
            equals_of("readOnly", &["true", "false"]),
            pick(&["kms.amazonaws.com", "rdsdata.amazonaws.com"]).prop_map(|v| {
                let mut f = AdvancedFieldSelector::new("eventSource");
                f.set_values(Operator::NotEquals, vec![v]);
                f
            }),
        ],
        0..2,
    )
    .prop_map(|rest| (equals("eventCategory", "Management".into()), None, rest));
    let data = (
        pick(&TYPES[..3]),
        prop::collection::vec(
            prop_oneof![
                field_selector("eventName", NAMES),
                field_selector("resources.ARN", ARNS),
                field_selector("resources.ARN", PIECES),
                field_selector("eventType", EVENT_TYPES),
                field_selector("userIdentity.arn", USER_ARNS),
                equals_of("readOnly", &["true", "false"]),
                equals_of("sessionCredentialFromConsole", &["true"]),
            ],
            0..3,
        ),
    )
        .prop_map(|(t, rest)| (equals("eventCategory", "Data".into()), Some(equals("resources.type", t)), rest));
    let network = (
        pick(&["kms.amazonaws.com", "s3.amazonaws.com", "ec2.amazonaws.com"]),
        prop::collection::vec(
            prop_oneof![
                field_selector("eventName", NAMES),
                field_selector("vpcEndpointId", ENDPOINTS),
                equals_of("errorCode", &["VpceAccessDenied"]),
            ],
            0..2,
        ),
    )
        .prop_map(|(source, rest)| {
            (equals("eventCategory", "NetworkActivity".into()), Some(equals("eventSource", source)), rest)
        });
    prop_oneof![management, data, network].prop_map(|(category, second, rest)| {
        let mut fields = vec![category];
        fields.extend(second);
        fields.extend(rest);
        AdvancedEventSelector { name: None, field_selectors: fields }
    })
}

/// Selector sets: the shared generator's, and advanced ones that mostly validate.
fn selectors() -> impl Strategy<Value = Selectors> {
    prop_oneof![
        2 => generators::selectors(),
        1 => prop::collection::vec(advanced_selector(), 1..4).prop_map(Selectors::Advanced),
    ]
}

/// Nasty text where valid selectors can hold any text: advanced `Name`s, a data selector's
/// `eventName` values, an S3 basic value's key prefix.
fn with_nasty_text(selectors: Selectors, names: Vec<Option<String>>, values: Vec<String>) -> Selectors {
    match selectors {
        Selectors::Advanced(mut list) => {
            for (selector, name) in list.iter_mut().zip(names) {
                selector.name = name;
                let data =
                    selector.field_selectors.first().and_then(|f| f.equals.as_ref()).is_some_and(|c| c[0] == "Data");
                if data && !values.is_empty() {
                    let mut field = AdvancedFieldSelector::new("eventName");
                    field.set_values(Operator::StartsWith, values.clone());
                    selector.field_selectors.push(field);
                }
            }
            Selectors::Advanced(list)
        }
        Selectors::Basic(mut list) => {
            if let (Some(first), false) = (list.first_mut(), values.is_empty()) {
                let prefixed = values.iter().map(|v| format!("arn:aws:s3:::bucket-a/{v}")).collect();
                first.data_resources.push(DataResource { resource_type: "AWS::S3::Object".into(), values: prefixed });
            }
            Selectors::Basic(list)
        }
    }
}

/// A valid request (its text) and CloudTrail's response to it.
fn valid_request() -> impl Strategy<Value = (String, SelectorsResponse)> {
    let names = prop::collection::vec(prop::option::of(nasty()), 4);
    let values = prop::collection::vec(nasty(), 0..3);
    (trail_name(), selectors(), names, values).prop_filter_map(
        "CloudTrail refuses it",
        |(trail, selectors, names, values)| {
            let text = canonical::request_text(&trail, &with_nasty_text(selectors, names, values));
            match put_event_selectors(&text, None).outcome {
                Outcome::Response(response) => Some((text, response)),
                Outcome::Error(_) => None,
            }
        },
    )
}

fn has_empty_name(selectors: &Selectors) -> bool {
    matches!(selectors, Selectors::Advanced(list) if list.iter().any(|s| s.name.as_deref() == Some("")))
}

/// The dialects that must refuse these selectors (D51: CloudFormation's `Name` minLength 1).
fn refused(dialect: Dialect, selectors: &Selectors) -> bool {
    matches!(dialect, Dialect::CfnYaml | Dialect::CfnJson | Dialect::Cdk) && has_empty_name(selectors)
}

/// No `${` or `%{` an HCL template would read as an interpolation or a directive.
fn assert_no_hcl_interpolation(text: &str) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if (c == b'$' || c == b'%') && bytes.get(i + 1) == Some(&c) && bytes.get(i + 2) == Some(&b'{') {
            i += 3;
            continue;
        }
        assert!(!((c == b'$' || c == b'%') && bytes.get(i + 1) == Some(&b'{')), "unescaped template at {i}:\n{text}");
        i += 1;
    }
}

/// Every YAML scalar is double-quoted, or plain in the safe form (a letter, then letters,
/// digits and `_.:/-`, not ending in `:`), and no short-form intrinsic (`!Ref`) appears.
fn assert_yaml_scalars_safe(text: &str) {
    let safe = |v: &str| {
        v.starts_with('"')
            || v == "[]"
            || v.is_empty()
            || (v.starts_with(|c: char| c.is_ascii_alphabetic())
                && v.chars().all(|c| c.is_ascii_alphanumeric() || "_.:/-".contains(c))
                && !v.ends_with(':'))
    };
    for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
        let rest = line.trim_start().trim_start_matches("- ");
        let is_key = |k: &str| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric());
        let value = match (rest.strip_suffix(':'), rest.split_once(": ")) {
            (Some(key), _) if is_key(key) => "",
            (_, Some((key, value))) if is_key(key) => value,
            _ => rest,
        };
        assert!(safe(value), "unsafe YAML scalar {value:?} in line {line:?}");
    }
}

/// The selectors member of a JSON value (a request or a template's `Properties`).
fn selectors_in(value: &Value) -> Selectors {
    let member = ["EventSelectors", "AdvancedEventSelectors"].into_iter().find(|k| value.get(k).is_some());
    let member = member.unwrap_or("EventSelectors");
    serde_json::from_value(json!({ member: value[member] })).unwrap()
}

/// The CLI export's last argument, unquoted as a POSIX shell would (`'...'` with `'\''`).
fn cli_json_argument(command: &str) -> String {
    let start = command.find(" '[").unwrap() + 1;
    let quoted = command[start..].trim_end();
    quoted[1..quoted.len() - 1].replace(r"'\''", "'")
}

fn check(dialect: Dialect, text: &str, expected: &Selectors) {
    match dialect {
        Dialect::Terraform => assert_no_hcl_interpolation(text),
        Dialect::CfnYaml => assert_yaml_scalars_safe(text),
        Dialect::CfnJson => {
            let template: Value = serde_json::from_str(text).unwrap();
            assert_eq!(&selectors_in(&template["Resources"]["Trail"]["Properties"]), expected);
        }
        Dialect::Cli => {
            let list: Value = serde_json::from_str(&cli_json_argument(text)).unwrap();
            let member = if text.contains("--event-selectors") { "EventSelectors" } else { "AdvancedEventSelectors" };
            assert_eq!(&selectors_in(&json!({ member: list })), expected);
        }
        Dialect::Boto3 | Dialect::Cdk => {}
    }
    if let Some((_, Some(import))) = IMPORTERS.iter().find(|(d, _)| *d == dialect) {
        assert_eq!(&import(text).unwrap(), expected, "{} import", dialect.id());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, max_global_rejects: 100_000, ..ProptestConfig::default() })]

    #[test]
    fn every_valid_set_exports_to_every_dialect((text, response) in valid_request()) {
        let expected = canonical::canonical(&response.selectors);
        for dialect in Dialect::ALL {
            match export_response(&text, &response, dialect) {
                Ok(out) => {
                    prop_assert!(!refused(dialect, &expected), "{} wrote what its tool refuses", dialect.id());
                    check(dialect, &out, &expected);
                }
                Err(ExportError::Unsupported { .. }) if refused(dialect, &expected) => {}
                Err(error) => prop_assert!(false, "{}: {error}\n{text}", dialect.id()),
            }
        }
    }
}

/// Writes the corpus `make test-export` reads, when `TRAILSCOPE_EXPORT_CORPUS` names a folder:
/// `case-NNNN/expected.json` (`TrailName`, `Name` the IaC trail name, the canonical `Selectors`,
/// the `Refused` dialects) and one `export.<extension>` a dialect that writes it.
#[test]
fn write_corpus_for_the_independent_readers() {
    let Ok(dir) = std::env::var("TRAILSCOPE_EXPORT_CORPUS") else { return };
    let cases: usize = std::env::var("TRAILSCOPE_EXPORT_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(200);
    let mut runner = TestRunner::deterministic();
    let strategy = valid_request();
    for case in 0..cases {
        let (text, response) = strategy.new_tree(&mut runner).unwrap().current();
        let folder = std::path::Path::new(&dir).join(format!("case-{case:04}"));
        std::fs::create_dir_all(&folder).unwrap();
        let expected = canonical::canonical(&response.selectors);
        let mut refused = Vec::new();
        for dialect in Dialect::ALL {
            match export_response(&text, &response, dialect) {
                Ok(out) => std::fs::write(folder.join(format!("export.{}", dialect.extension())), out).unwrap(),
                Err(_) => refused.push(dialect.id()),
            }
        }
        let trail = canonical::trail_name(&text, &response);
        let name = trail.rsplit_once(":trail/").map_or(trail.as_str(), |(_, n)| n).to_string();
        let summary = json!({"TrailName": trail, "Name": name, "Selectors": expected, "Refused": refused});
        std::fs::write(folder.join("expected.json"), serde_json::to_string_pretty(&summary).unwrap()).unwrap();
    }
}
