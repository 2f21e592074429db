//! `export` as users run it: one dialect a run on stdout, the diagnostics of an invalid request
//! on stderr with exit 1, a dialect's refusal with exit 1, usage errors with exit 2; and the
//! CLI export runs in a real shell with the selectors intact.

mod common;

use common::{temp, trailscope};
use serde_json::{json, Value};
use std::process::Command;

const QUOTED: &str = r#"{"TrailName": "audit", "AdvancedEventSelectors": [{"Name": "it's \"S3\" ${env}", "FieldSelectors": [
    {"Field": "resources.ARN", "NotStartsWith": ["arn:aws:s3:::logs/it's/"]}, {"Field": "eventCategory", "Equals": ["Data"]},
    {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}]}]}"#;

fn export(args: &[&str], stdin: Option<&[u8]>) -> (Option<i32>, String, String) {
    let out = trailscope(args, stdin);
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn every_dialect_is_written_to_stdout() {
    let file = temp("quoted.json", QUOTED);
    let marks = [
        ("cli", "aws cloudtrail put-event-selectors \\\n  --trail-name audit \\\n  --advanced-event-selectors '["),
        ("boto3", "client.put_event_selectors(\n    TrailName=\"audit\","),
        ("cfn-yaml", "    Type: AWS::CloudTrail::Trail\n"),
        ("cfn-json", "\"Type\": \"AWS::CloudTrail::Trail\""),
        ("terraform", "name = \"it's \\\"S3\\\" $${env}\""),
        ("cdk", "new CfnTrail(this, 'Trail', {"),
    ];
    for (dialect, mark) in marks {
        let (status, text, errors) = export(&["export", "--to", dialect, &file], None);
        assert_eq!(status, Some(0), "{dialect}: {errors}");
        assert!(text.contains(mark), "{dialect}:\n{text}");
        assert!(errors.is_empty(), "{dialect}: {errors}");
    }
}

#[test]
fn the_cli_export_runs_in_a_shell_with_its_quotes_intact() {
    let (status, text, _) = export(&["export", "--to", "cli", "-"], Some(QUOTED.as_bytes()));
    assert_eq!(status, Some(0));
    let stub = "aws() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }\n";
    let out = Command::new("sh").arg("-c").arg(format!("{stub}{text}")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let words: Vec<&str> = stdout.split('\0').collect();
    assert_eq!(words[..4], ["cloudtrail", "put-event-selectors", "--trail-name", "audit"]);
    assert_eq!(words[4], "--advanced-event-selectors");
    let selectors: Value = serde_json::from_str(words[5]).unwrap();
    assert_eq!(selectors[0]["Name"], "it's \"S3\" ${env}");
    assert_eq!(
        selectors[0]["FieldSelectors"][2],
        json!({"Field": "resources.ARN", "NotStartsWith": ["arn:aws:s3:::logs/it's/"]})
    );
}

#[test]
fn an_invalid_request_prints_its_diagnostics_on_stderr_and_exits_1() {
    let (status, text, errors) =
        export(&["export", "--to", "terraform", "-"], Some(br#"{"TrailName": "x", "EventSelectors": []}"#));
    assert_eq!(status, Some(1));
    assert!(text.is_empty(), "{text}");
    assert!(errors.contains("error[InvalidTrailNameException]"), "{errors}");
    assert!(errors.contains("invalid: 2 error(s)"), "{errors}");
}

#[test]
fn a_dialect_that_cannot_hold_the_selectors_refuses_with_exit_1() {
    let empty_name = r#"{"TrailName": "audit", "AdvancedEventSelectors": [{"Name": "", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}]}]}"#;
    let file = temp("empty-name.json", empty_name);
    let (status, text, errors) = export(&["export", "--to", "cfn-json", &file], None);
    assert_eq!(status, Some(1));
    assert!(text.is_empty());
    assert!(errors.contains("no CloudFormation (JSON) export") && errors.contains("(D51)"), "{errors}");
    assert_eq!(export(&["export", "--to", "terraform", &file], None).0, Some(0));
}

#[test]
fn usage_errors_exit_2() {
    let file = temp("quoted.json", QUOTED);
    let (status, _, errors) = export(&["export", "--to", "yaml", &file], None);
    assert_eq!(status, Some(2));
    assert!(errors.contains("[possible values: cli, boto3, cfn-yaml, cfn-json, terraform, cdk]"), "{errors}");
    assert_eq!(export(&["export", "--to", "cli", "/no/such/file.json"], None).0, Some(2));
}
