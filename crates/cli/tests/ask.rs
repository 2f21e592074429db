//! `covers`, `diff`, `fmt` and `presets` as users run them: exit codes a CI job can rely on,
//! the JSON shape, and the trail's state from a context.

mod common;

use common::{temp, trailscope};
use serde_json::Value;

const S3_BUT_LOGS: &str = r#"{"TrailName": "audit", "AdvancedEventSelectors": [{"Name": "S3 but logs", "FieldSelectors": [
    {"Field": "resources.ARN", "NotStartsWith": ["arn:aws:s3:::logs/"]}, {"Field": "eventCategory", "Equals": ["Data"]},
    {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}]}]}"#;
const BASIC_ALL_S3: &str = r#"{"TrailName": "audit", "EventSelectors": [{"IncludeManagementEvents": false,
    "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]}"#;
const ADVANCED_ALL_S3: &str = r#"{"TrailName": "audit", "AdvancedEventSelectors": [{"FieldSelectors": [
    {"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}]}]}"#;

fn code(args: &[&str]) -> (Option<i32>, String) {
    let out = trailscope(args, None);
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn covers_exits_0_only_on_the_expected_answer() {
    let file = temp("s3.json", S3_BUT_LOGS);
    let (status, text) = code(&["covers", "--selectors", &file, "--preset", "cis-s3-write"]);
    assert_eq!(status, Some(1), "{text}");
    assert!(text.starts_with("answer: some of {\"eventCategory\":\"Data\""), "{text}");
    assert!(text.contains("not logged, e.g. s3.amazonaws.com PutObject on arn:aws:s3:::logs/"), "{text}");
    assert!(text.contains("NotStartsWith [\"arn:aws:s3:::logs/\"] excludes it"), "{text}");
    assert_eq!(code(&["covers", "--selectors", &file, "--preset", "cis-s3-write", "--expect", "some"]).0, Some(0));
    let (status, _) = code(&["covers", "--selectors", &file, "--preset", "s3-write-bucket=logs", "--expect", "none"]);
    assert_eq!(status, Some(0));
    let (status, _) = code(&["covers", "--selectors", &file, "--preset", "s3-write-bucket=other"]);
    assert_eq!(status, Some(0));
}

#[test]
fn covers_json_has_the_records_and_what_decided() {
    let file = temp("s3.json", S3_BUT_LOGS);
    let out = trailscope(
        &[
            "covers",
            "--selectors",
            &file,
            "--question",
            r#"{"eventCategory": "Data", "resources.type": "AWS::S3::Object"}"#,
            "--format",
            "json",
        ],
        None,
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["answer"], "some");
    assert_eq!(json["question"]["resources.type"], "AWS::S3::Object");
    assert_eq!(json["logged_example"]["eventCategory"], "Data");
    assert!(json["unlogged_example"]["resources"][0]["ARN"].as_str().unwrap().starts_with("arn:aws:s3:::logs/"));
    assert_eq!(json["deciding"][1]["example"], "unlogged_example");
    assert_eq!(json["deciding"][1]["selectors"][0]["field_selector"], 0);
}

#[test]
fn covers_reads_the_trail_state_from_the_context() {
    let context = temp(
        "context.json",
        r#"{"account": "123456789012", "region": "us-east-1", "trails": [{"name": "audit", "homeRegion": "us-east-1", "isLogging": false}]}"#,
    );
    let file = temp("all.json", ADVANCED_ALL_S3);
    let (status, text) =
        code(&["covers", "--selectors", &file, "--context", &context, "--preset", "cis-s3-write", "--expect", "none"]);
    assert_eq!(status, Some(0), "{text}");
    assert!(text.contains("audit (home us-east-1): NOT logging"), "{text}");
    assert!(text.contains("the trail is not logging"), "{text}");
}

#[test]
fn covers_refuses_invalid_selectors_and_bad_usage() {
    let invalid = temp("bad.json", r#"{"TrailName": "audit", "EventSelectors": [{"ReadWriteType": "Sometimes"}]}"#);
    let (status, text) = code(&["covers", "--selectors", &invalid, "--preset", "cis-s3-write"]);
    assert_eq!(status, Some(1));
    assert!(text.contains("invalid:"), "{text}");
    let file = temp("s3.json", S3_BUT_LOGS);
    assert_eq!(code(&["covers", "--selectors", &file, "--preset", "no-such-preset"]).0, Some(2));
    assert_eq!(code(&["covers", "--selectors", &file, "--question", r#"{"eventname": "x"}"#]).0, Some(2));
    assert_eq!(code(&["covers", "--selectors", &file]).0, Some(2));
}

#[test]
fn diff_exits_0_when_equivalent_and_names_what_differs() {
    let (basic, advanced, logs) =
        (temp("a.json", BASIC_ALL_S3), temp("b.json", ADVANCED_ALL_S3), temp("c.json", S3_BUT_LOGS));
    let (status, text) = code(&["diff", &basic, &advanced]);
    assert_eq!((status, text.as_str()), (Some(0), "equivalent: both log exactly the same events\n"));
    let (status, text) = code(&["diff", &basic, &logs]);
    assert_eq!(status, Some(1));
    assert!(text.contains(r#"only A logs: {"eventCategory":"Data","resources.type":"AWS::S3::Object","resources.ARN":{"StartsWith":"arn:aws:s3:::logs/"}} (this side logs all, the other none)"#), "{text}");
    let out = trailscope(&["diff", &logs, &basic, "--format", "json"], None);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((json["equivalent"].as_bool(), json["onlyA"].as_array().map(Vec::len)), (Some(false), Some(0)));
    assert_eq!(json["onlyB"][0]["otherExample"]["logged"], false);
}

#[test]
fn fmt_prints_the_canonical_order() {
    let (status, text) = code(&["fmt", &temp("s3.json", S3_BUT_LOGS)]);
    assert_eq!(status, Some(0));
    let fields: Vec<&str> = text.lines().filter_map(|l| l.trim().strip_prefix("\"Field\": ")).collect();
    assert_eq!(fields, ["\"eventCategory\",", "\"resources.type\",", "\"resources.ARN\","]);
    assert!(text.starts_with("{\n  \"TrailName\": \"audit\",\n  \"AdvancedEventSelectors\""), "{text}");
}

#[test]
fn presets_lists_every_preset_with_its_source() {
    let (status, text) = code(&["presets"]);
    assert_eq!(status, Some(0));
    for id in ["cis-s3-write", "cis-s3-read", "s3-write-bucket=bucket", "all-management", "network-activity=source"] {
        assert!(text.contains(id), "{id}: {text}");
    }
    assert!(text.contains("Security Hub S3.22"));
}

#[test]
fn checkers_name_the_checker_that_is_wrong_and_why() {
    let read_only = temp(
        "ro.json",
        r#"{"TrailName": "audit", "AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]},
        {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}, {"Field": "readOnly", "Equals": ["true"]}]}]}"#,
    );
    let (status, text) = code(&["checkers", "--selectors", &read_only]);
    assert_eq!(status, Some(0));
    let write = text.lines().take_while(|l| !l.starts_with("logs S3 read")).collect::<Vec<_>>().join("\n");
    assert!(write.starts_with("logs S3 write data events for all buckets: CloudTrail logs none of"), "{text}");
    let prowler = write.lines().find(|l| l.trim_start().starts_with("Prowler")).unwrap();
    assert!(prowler.contains("PASS") && prowler.trim_end().ends_with("WRONG"), "{prowler}");
    let flaws = write.lines().skip_while(|l| !l.trim_start().starts_with("Prowler")).nth(1).unwrap();
    assert!(flaws.starts_with("    ") && flaws.contains("ignores"), "{flaws}");
    let out = trailscope(&["checkers", "--selectors", &read_only, "--format", "json"], None);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["checkers"][0]["agrees"], false);
    assert_eq!(json[1]["exact"], "all");
}
