//! The `trailscope` binary as users run it: files, stdin, formats, contexts and exit codes.

mod common;

/// Runs the binary with text on stdin.
fn trailscope(args: &[&str], stdin: Option<&str>) -> Output {
    common::trailscope(args, stdin.map(str::as_bytes))
}

use common::temp;
use std::process::Output;

const VALID: &str = r#"{"TrailName": "management-events", "EventSelectors": [{"ReadWriteType": "WriteOnly"}]}"#;
const BAD_NAME: &str = "{\n  \"TrailName\": \"my--trail\",\n  \"EventSelectors\": [{}]\n}\n";

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

#[test]
fn valid_request_exits_0_and_prints_the_response() {
    let out = trailscope(&["validate", &temp("valid.json", VALID)], None);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("PutEventSelectors would succeed"), "{text}");
    assert!(text.contains("\"TrailARN\": \"arn:aws:cloudtrail:us-east-1:123456789012:trail/management-events\""));
    assert!(text.contains("\"IncludeManagementEvents\": true"), "defaults are filled in: {text}");
}

#[test]
fn invalid_request_exits_1_with_a_caret_under_the_span() {
    let out = trailscope(&["validate", "-"], Some(BAD_NAME));
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("error[InvalidTrailNameException]"), "{text}");
    assert!(text.contains(" --> <stdin>:2:19"), "{text}");
    assert!(text.contains("2 |   \"TrailName\": \"my--trail\",\n  |                   ^^\n"), "{text}");
    assert!(text.contains("CloudTrail would answer InvalidTrailNameException"), "{text}");
}

#[test]
fn json_format_has_the_stable_fields() {
    let out = trailscope(&["validate", "-", "--format", "json"], Some(BAD_NAME));
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(report["valid"], false);
    assert!(report["response"].is_null());
    assert_eq!(report["error"]["__type"], "InvalidTrailNameException");
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "InvalidTrailNameException");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["pointer"], "/TrailName");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(2), Some(19)));
    assert_eq!((d["end_line"].as_u64(), d["end_column"].as_u64()), (Some(2), Some(21)));
    assert!(d["message"].as_str().unwrap().contains("adjacent"));
    assert!(d.get("help").is_some());
}

#[test]
fn warnings_alone_exit_0() {
    let all_s3 = r#"{"TrailName": "t-trail", "EventSelectors": [{"DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]}"#;
    let out = trailscope(&["validate", "-", "--format", "json"], Some(all_s3));
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!(report["valid"], true);
    assert_eq!(report["diagnostics"][0]["severity"], "warning");
}

#[test]
fn context_file_reaches_context_exceptions() {
    let context = temp(
        "context.json",
        r#"{"account": "123456789012", "region": "us-east-1", "trails": [{"name": "eu-trail", "homeRegion": "eu-west-1"}]}"#,
    );
    let request = r#"{"TrailName": "eu-trail", "EventSelectors": [{}]}"#;
    let out = trailscope(&["validate", "-", "--context", &context, "--format", "json"], Some(request));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["error"]["__type"], "InvalidHomeRegionException");
    let unknown = r#"{"TrailName": "nope-trail", "EventSelectors": [{}]}"#;
    let out = trailscope(&["validate", "-", "--context", &context, "--format", "json"], Some(unknown));
    assert_eq!(json(&out)["error"]["message"], "Unknown trail: nope-trail for the user: 123456789012");
}

#[test]
fn without_context_the_trail_is_assumed_to_exist() {
    let out = trailscope(
        &["validate", "-", "--format", "json"],
        Some(r#"{"TrailName": "anything-goes", "EventSelectors": [{}]}"#),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["response"]["TrailARN"], "arn:aws:cloudtrail:us-east-1:123456789012:trail/anything-goes");
}

#[test]
fn param_validation_reports_botocores_message() {
    let out = trailscope(
        &["validate", "-", "--format", "json"],
        Some(r#"{"EventSelectors": [{"IncludeManagementEvents": "yes"}]}"#),
    );
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(
        report["error"]["message"],
        "Parameter validation failed:\nMissing required parameter in input: \"TrailName\"\nInvalid type for parameter EventSelectors[0].IncludeManagementEvents, value: yes, type: <class 'str'>, valid types: <class 'bool'>"
    );
}

#[test]
fn malformed_json_is_a_diagnostic_not_a_crash() {
    let out = trailscope(&["validate", "-", "--format", "json"], Some("{\"TrailName\": \"x\",,}"));
    assert_eq!(out.status.code(), Some(1));
    let d = &json(&out)["diagnostics"][0];
    assert_eq!(d["code"], "JsonSyntaxError");
    assert_eq!(d["column"], 19, "the second comma");
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(trailscope(&["validate", "/nonexistent/request.json"], None).status.code(), Some(2));
    assert_eq!(trailscope(&["validate"], None).status.code(), Some(2));
    assert_eq!(trailscope(&["validate", "-", "--format", "yaml"], Some(VALID)).status.code(), Some(2));
    assert_eq!(trailscope(&["frobnicate"], None).status.code(), Some(2));
    let bad_context = temp("bad-context.json", "{\"account\": 1}");
    let out = trailscope(&["validate", "-", "--context", &bad_context], Some(VALID));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid context"));
    let not_utf8 = temp("latin1.json", [b'{', 0xff, b'}']);
    assert_eq!(trailscope(&["validate", &not_utf8], None).status.code(), Some(2));
}

#[test]
fn help_exits_0() {
    let out = trailscope(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("validate"));
    let out = trailscope(&["--version"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("trailscope "), "{}", stdout(&out));
}

/// Without a subcommand the help goes to stderr, as a usage error.
#[test]
fn no_subcommand_exits_2_with_the_help() {
    let out = trailscope(&[], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("validate"));
}
