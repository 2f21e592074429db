//! `trailscope validate` on people's own files (issue 11 §4): CloudFormation, Terraform, CDK,
//! `--trail`, SARIF and describe-trails contexts, run through the binary.

mod common;

use common::temp;
use serde_json::Value;
use std::process::Output;

fn trailscope(args: &[&str], stdin: Option<&str>) -> Output {
    common::trailscope(args, stdin.map(str::as_bytes))
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

const TEMPLATE: &str = "Resources:
  Good:
    Type: AWS::CloudTrail::Trail
    Properties:
      TrailName: good-trail
      AdvancedEventSelectors:
        - FieldSelectors:
            - Field: eventCategory
              Equals: [Management]
            - Field: readOnly
              Equals: [false]
  Bad:
    Type: AWS::CloudTrail::Trail
    Properties:
      TrailName: bad-trail
      EventSelectors:
        - ReadWriteType: read-only
";

#[test]
fn every_trail_of_a_template_is_validated_on_its_own_lines() {
    let out = trailscope(&["validate", "-"], Some(TEMPLATE));
    assert_eq!(out.status.code(), Some(1), "one trail is invalid");
    let text = stdout(&out);
    assert!(text.starts_with("<stdin>: CloudFormation template (YAML), 2 trail(s)"), "{text}");
    assert!(text.contains("== trail good-trail (Good) ==\nvalid: PutEventSelectors would succeed"), "{text}");
    assert!(text.contains("== trail bad-trail (Bad) ==\nerror[InvalidEventSelectorsException]"), "{text}");
    assert!(text.contains(" --> <stdin>:17:26"), "{text}");
    assert!(
        text.contains("17 |         - ReadWriteType: read-only\n   |                          ^^^^^^^^^\n"),
        "{text}"
    );
}

#[test]
fn trail_picks_one_by_name_or_logical_id() {
    let file = temp("template.yaml", TEMPLATE);
    let out = trailscope(&["validate", &file, "--trail", "good-trail"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = trailscope(&["validate", &file, "--trail", "Bad", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(report["dialect"], "cloudformation-yaml");
    assert_eq!(report["trails"].as_array().unwrap().len(), 1);
    assert_eq!(report["trails"][0]["label"], "Bad");
    let d = &report["trails"][0]["report"]["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64(), d["pointer"].as_str()),
        (Some(17), Some(26), Some("/EventSelectors/0/ReadWriteType"))
    );
    assert_eq!(d["fixes"][0]["edits"][0]["text"], "\"ReadOnly\"");
    let out = trailscope(&["validate", &file, "--trail", "nope"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("no trail named \"nope\" in this file (trails: good-trail, bad-trail)"));
}

#[test]
fn json_requests_keep_their_output() {
    let out =
        trailscope(&["validate", "-", "--format", "json"], Some(r#"{"TrailName": "t-trail", "EventSelectors": [{}]}"#));
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!(report["valid"], true);
    assert!(report.get("dialect").is_none(), "a JSON request's report is unchanged");
}

/// SARIF 2.1.0's required properties (OASIS sarif-v2.1.0 §3.13.2 version and runs, §3.14.6 tool,
/// §3.18.2 driver, §3.19.8 name, §3.27.11 message), with the location in the IaC file; the
/// whole log is checked against the OASIS schema by scripts/sarif-schema.sh.
#[test]
fn sarif_locates_results_in_the_iac_file() {
    let file = temp("template.yaml", TEMPLATE);
    let out = trailscope(&["validate", &file, "--format", "sarif"], None);
    assert_eq!(out.status.code(), Some(1));
    let log = json(&out);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "trailscope");
    let result = run["results"].as_array().unwrap().iter().find(|r| r["level"] == "error").unwrap();
    assert_eq!(result["ruleId"], "InvalidEventSelectorsException");
    assert!(result["message"]["text"].as_str().unwrap().contains("read-only"));
    let location = &result["locations"][0]["physicalLocation"];
    assert!(location["artifactLocation"]["uri"].as_str().unwrap().ends_with("-template.yaml"));
    assert_eq!(
        (location["region"]["startLine"].as_u64(), location["region"]["startColumn"].as_u64()),
        (Some(17), Some(26))
    );
    let rule = &run["tool"]["driver"]["rules"][result["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "InvalidEventSelectorsException");
    assert_eq!(result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"], "\"ReadOnly\"");
}

#[test]
fn describe_trails_output_is_a_context() {
    let context = temp(
        "describe-trails.json",
        r#"{"trailList": [{"Name": "audit", "TrailARN": "arn:aws:cloudtrail:eu-west-1:222222222222:trail/audit",
            "HomeRegion": "eu-west-1", "IsMultiRegionTrail": true, "IsOrganizationTrail": false}]}"#,
    );
    let request = r#"{"TrailName": "audit", "EventSelectors": [{"ReadWriteType": "All"}]}"#;
    let out = trailscope(&["validate", "-", "--context", &context, "--format", "json"], Some(request));
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(json(&out)["response"]["TrailARN"], "arn:aws:cloudtrail:eu-west-1:222222222222:trail/audit");
    let unknown = r#"{"TrailName": "other", "EventSelectors": [{"ReadWriteType": "All"}]}"#;
    let out = trailscope(&["validate", "-", "--context", &context, "--format", "json"], Some(unknown));
    assert_eq!(json(&out)["error"]["__type"], "TrailNotFoundException");
    let broken = temp("describe-trails.json", r#"{"trailList": [{"Name": "x", "TrailARN": "nope"}]}"#);
    let out = trailscope(&["validate", "-", "--context", &broken], Some(request));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid describe-trails output"));
}

#[test]
fn describe_trails_output_as_the_file_says_to_use_context() {
    let output = r#"{"trailList": [{"Name": "a", "TrailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/a"}]}"#;
    let out = trailscope(&["validate", "-"], Some(output));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give it with --context"));
}

/// The commands that take one trail's selectors (export, sql, covers, checkers, fmt) read the
/// same forms as `validate`: a Terraform or CloudFormation trail exports to another dialect.
#[test]
fn a_template_trail_exports_to_terraform_and_compiles_to_sql() {
    let file = temp("two.yaml", TEMPLATE);
    let out = trailscope(&["export", "--to", "terraform", &file, "--trail", "Good"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let hcl = stdout(&out);
    assert!(hcl.contains("resource \"aws_cloudtrail\"") && hcl.contains("\"good-trail\""), "{hcl}");
    assert!(hcl.contains("field  = \"readOnly\"") && hcl.contains("equals = [\"false\"]"), "{hcl}");

    let out = trailscope(
        &["sql", "--selectors", &file, "--trail", "good-trail", "--dialect", "duckdb", "--mode", "where"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout(&out).contains("readonly"), "{}", stdout(&out));
}

#[test]
fn several_trails_without_trail_name_them_and_an_invalid_one_prints_its_diagnostics() {
    let file = temp("both.yaml", TEMPLATE);
    let out = trailscope(&["export", "--to", "cli", &file], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("declares 2 trails (good-trail, bad-trail): name one with --trail"), "{stderr}");

    let out = trailscope(&["export", "--to", "cli", &file, "--trail", "Bad"], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error[InvalidEventSelectorsException]") && stderr.contains(":17:26"), "{stderr}");
}
