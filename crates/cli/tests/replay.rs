//! `trailscope replay` and `trailscope synth` as users run them: every input form, gzip,
//! several files, stdin, a broken record in the middle, formats and exit codes.

mod common;

use common::{temp, trailscope, TempFile};
use std::io::{Read, Write};
use std::process::Output;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

const SEED_LOG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/events/seed-examples.json");

/// Write-only management events plus one exact Lambda function.
fn selectors() -> TempFile {
    temp(
        "selectors.json",
        br#"{"TrailName": "t-trail", "EventSelectors": [{"ReadWriteType": "WriteOnly",
            "DataResources": [{"Type": "AWS::Lambda::Function", "Values": ["arn:aws:lambda:us-west-2:111111111111:function:helloworld"]}]}]}"#,
    )
}

fn jsonl(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

fn logged_names(lines: &[serde_json::Value]) -> Vec<String> {
    lines.iter().filter(|l| l["logged"] == true).map(|l| l["eventName"].as_str().unwrap().to_string()).collect()
}

#[test]
fn log_file_jsonl_has_the_stable_fields_and_the_seed_verdicts() {
    let out = trailscope(&["replay", "--selectors", &selectors(), "--events", SEED_LOG, "--format", "jsonl"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 10);
    assert_eq!(logged_names(&lines), ["RunInstances", "Invoke", "ExecuteStatement"]);
    let first = &lines[0];
    for key in [
        "index",
        "offset",
        "eventID",
        "eventSource",
        "eventName",
        "category",
        "logged",
        "matched",
        "length",
        "wrapping",
        "reason",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(first["matched"], serde_json::json!([0]));
    let get_console = &lines[1];
    assert!(get_console["reason"].as_str().unwrap().contains("readOnly is \"true\""));
}

#[test]
fn gzip_is_detected_by_magic_bytes_not_by_name() {
    let log = std::fs::read(SEED_LOG).unwrap();
    let disguised = temp("not-gzip-by-name.json", gzip(&log));
    let out = trailscope(&["replay", "--selectors", &selectors(), "--events", &disguised, "--format", "jsonl"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(jsonl(&out).len(), 10);
    let stdin =
        trailscope(&["replay", "--selectors", &selectors(), "--events", "-", "--format", "jsonl"], Some(&gzip(&log)));
    assert_eq!(jsonl(&stdin).len(), 10);
}

#[test]
fn every_input_form_and_several_files() {
    let record = r#"{"eventSource": "ec2.amazonaws.com", "eventName": "RunInstances", "readOnly": false, "eventCategory": "Management"}"#;
    let lines = temp("lines.jsonl", format!("{record}\n{record}\n"));
    let single = temp("single.json", b"{\n  \"eventName\": \"TerminateInstances\",\n  \"readOnly\": false,\n  \"eventCategory\": \"Management\"\n}\n");
    let escaped = serde_json::to_string(record).unwrap();
    let lookup = temp(
        "lookup.json",
        format!(r#"{{"Events": [{{"EventId": "1", "CloudTrailEvent": {escaped}}}], "NextToken": "t"}}"#),
    );
    let bridge = temp(
        "bridge.json",
        format!(
            r#"{{"version": "0", "id": "x", "detail-type": "AWS API Call via CloudTrail", "source": "aws.ec2", "detail": {record}}}"#
        ),
    );
    let out = trailscope(
        &["replay", "--selectors", &selectors(), "--events", &lines, &single, &lookup, &bridge, "--format", "jsonl"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = jsonl(&out);
    assert_eq!(
        logged_names(&lines),
        ["RunInstances", "RunInstances", "TerminateInstances", "RunInstances", "RunInstances"]
    );
    let indexes: Vec<u64> = lines.iter().map(|l| l["index"].as_u64().unwrap()).collect();
    assert_eq!(indexes, [0, 1, 2, 3, 4], "indexes run on across files");
}

#[test]
fn a_broken_record_in_the_middle_is_reported_and_the_rest_replays() {
    let input = concat!(
        r#"{"Records": [{"eventName": "RunInstances", "readOnly": false, "eventCategory": "Management"}, "#,
        r#"{"eventName": 42, "readOnly": false}, "#,
        r#"{"eventName": "TerminateInstances", "readOnly": false, "eventCategory": "Management"}]}"#
    );
    let file = temp("broken.json", input);
    let out = trailscope(&["replay", "--selectors", &selectors(), "--events", &file, "--format", "jsonl"], None);
    assert_eq!(out.status.code(), Some(0));
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["index"], 1);
    assert!(lines[1]["message"].as_str().unwrap().contains("not a valid CloudTrail record"), "{}", lines[1]);
    assert_eq!(lines[1]["offset"], input.find(r#"{"eventName": 42"#).unwrap());
    assert!(
        lines[1]["line"] == 1 && lines[1]["file"].as_str().is_some_and(|f| f.ends_with("broken.json")),
        "{}",
        lines[1]
    );
    assert_eq!(logged_names(&lines), ["RunInstances", "TerminateInstances"]);
    let text = trailscope(&["replay", "--selectors", &selectors(), "--events", &file], None);
    assert!(String::from_utf8_lossy(&text.stdout).contains("problems: 1"));
}

#[test]
fn summary_and_json_formats() {
    let out = trailscope(
        &["replay", "--selectors", &selectors(), "--events", SEED_LOG, "--format", "json", "--summary"],
        None,
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (summary["events"].as_u64(), summary["logged"].as_u64(), summary["data_events"].as_u64()),
        (Some(10), Some(3), Some(6))
    );
    assert_eq!(summary["by_selector"], serde_json::json!([3]));
    let out = trailscope(&["replay", "--selectors", &selectors(), "--events", SEED_LOG, "--format", "json"], None);
    let whole: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(whole["events"].as_array().unwrap().len(), 10);
    assert_eq!(whole["summary"]["not_logged"], 7);
}

#[test]
fn invalid_selectors_exit_1_with_their_diagnostics() {
    let bad = temp("bad.json", br#"{"TrailName": "t-trail", "EventSelectors": [{"ReadWriteType": "read-only"}]}"#);
    let out = trailscope(&["replay", "--selectors", &bad, "--events", SEED_LOG], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("error[InvalidEventSelectorsException]"));
}

/// A JSON consumer of `replay` gets `validate --format json`'s report, not the text rendering
/// (README: the diagnostics "are printed as by `validate`").
#[test]
fn invalid_selectors_honour_the_format() {
    let bad = temp("bad.json", br#"{"TrailName": "t-trail", "EventSelectors": [{"ReadWriteType": "read-only"}]}"#);
    let validate = trailscope(&["validate", &bad, "--format", "json"], None);
    let report: serde_json::Value = serde_json::from_slice(&validate.stdout).unwrap();
    assert_eq!(report["error"]["__type"], "InvalidEventSelectorsException");

    let json = trailscope(&["replay", "--selectors", &bad, "--events", SEED_LOG, "--format", "json"], None);
    assert_eq!(json.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&json.stdout), String::from_utf8_lossy(&validate.stdout));

    let lines = trailscope(&["replay", "--selectors", &bad, "--events", SEED_LOG, "--format", "jsonl"], None);
    assert_eq!(lines.status.code(), Some(1));
    assert_eq!(jsonl(&lines), [report], "the report, on one line");
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(trailscope(&["replay", "--selectors", &selectors()], None).status.code(), Some(2));
    assert_eq!(
        trailscope(&["replay", "--selectors", &selectors(), "--events", "/nonexistent.json"], None).status.code(),
        Some(2)
    );
    let corrupt = temp("corrupt.json.gz", [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]);
    assert_eq!(trailscope(&["replay", "--selectors", &selectors(), "--events", &corrupt], None).status.code(), Some(2));
}

#[test]
fn synth_is_reproducible_and_replays() {
    let a = trailscope(&["synth", "--events", "300", "--seed", "9"], None);
    let b = trailscope(&["synth", "--events", "300", "--seed", "9"], None);
    assert_eq!(a.stdout, b.stdout);
    let gz = trailscope(&["synth", "--events", "300", "--seed", "9", "--gzip"], None);
    assert_eq!(&gz.stdout[..2], &[0x1f, 0x8b]);
    let out = trailscope(
        &["replay", "--selectors", &selectors(), "--events", "-", "--format", "json", "--summary"],
        Some(&gz.stdout),
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["events"], 300);
    assert_eq!(summary["problems"], 0);
}

#[test]
fn synth_gzip_is_a_complete_gzip_of_the_log() {
    let plain = trailscope(&["synth", "--events", "300", "--seed", "9"], None);
    let gz = trailscope(&["synth", "--events", "300", "--seed", "9", "--gzip"], None);
    assert_eq!(gz.status.code(), Some(0));
    let mut inflated = Vec::new();
    flate2::read::GzDecoder::new(&gz.stdout[..]).read_to_end(&mut inflated).expect("a gzip member with its trailer");
    assert_eq!(inflated, plain.stdout);
}

/// Write errors exit 2 (`/dev/full` fails every write with ENOSPC).
#[cfg(target_os = "linux")]
#[test]
fn synth_to_a_full_disk_exits_2() {
    for gzip in [false, true] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_trailscope"));
        command.args(["synth", "--events", "10"]).args(gzip.then_some("--gzip")).stdout(full);
        let out = command.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "gzip: {gzip}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write output"));
    }
}
