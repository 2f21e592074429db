//! The solver on the cases people ask about: the checkers' verdict matrix (spec checkers.md
//! §11), the spec's matching cases (§8) as questions, the trail's state (D33), the diff and
//! the console templates.

use super::presets::{matching_templates, Preset};
use super::*;
use crate::model::Selectors;

fn selectors(json: &str) -> Selectors {
    serde_json::from_str(json).unwrap()
}

fn ask(selectors_json: &str, question: &str) -> Coverage {
    covers(&selectors(selectors_json), &TrailFacts::assumed(), &Question::from_json(question).unwrap()).unwrap()
}

fn preset(selectors_json: &str, id: &str) -> Answer {
    let question = Preset::find(id).unwrap().question(None);
    covers(&selectors(selectors_json), &TrailFacts::assumed(), &question).unwrap().answer
}

const S3_DATA: &str =
    r#"{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}"#;

fn advanced(extra: &str) -> String {
    format!(r#"{{"AdvancedEventSelectors": [{{"FieldSelectors": [{S3_DATA}{extra}]}}]}}"#)
}

#[test]
fn the_checkers_verdict_matrix_for_s3_writes() {
    let basic = |rw: &str, value: &str| {
        format!(
            r#"{{"EventSelectors": [{{"ReadWriteType": "{rw}", "IncludeManagementEvents": true, "DataResources": [{{"Type": "AWS::S3::Object", "Values": ["{value}"]}}]}}]}}"#
        )
    };
    let cases = [
        ("V1", basic("All", "arn:aws:s3"), Answer::All),
        ("V2", basic("All", "arn:aws:s3:::"), Answer::All),
        ("V3", advanced(""), Answer::All),
        ("V4", advanced(r#", {"Field": "readOnly", "Equals": ["true"]}"#), Answer::None),
        ("V5", advanced(r#", {"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::one/"]}"#), Answer::Some),
        ("V6", advanced(r#", {"Field": "resources.ARN", "NotStartsWith": ["arn:aws:s3:::logs/"]}"#), Answer::Some),
        ("V7", advanced(r#", {"Field": "eventName", "Equals": ["GetObject"]}"#), Answer::Some),
        ("V8", basic("ReadOnly", "arn:aws:s3"), Answer::None),
        ("V9", basic("All", "arn:aws:s3:::one-bucket/"), Answer::Some),
    ];
    for (id, json, expected) in cases {
        assert_eq!(preset(&json, "cis-s3-write"), expected, "{id}");
    }
    let split = format!(
        r#"{{"AdvancedEventSelectors": [{{"FieldSelectors": [{S3_DATA}, {{"Field": "readOnly", "Equals": ["true"]}}]}}, {{"FieldSelectors": [{S3_DATA}, {{"Field": "readOnly", "Equals": ["false"]}}]}}]}}"#
    );
    assert_eq!(preset(&split, "cis-s3-write"), Answer::All, "V10");
    assert_eq!(preset(&split, "cis-s3-read"), Answer::All, "V10 read");
    let v12 = r#"{"EventSelectors": [{"DataResources": [{"Type": "AWS::Lambda::Function", "Values": ["arn:aws:lambda"]}]},
        {"DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::"]}]}, {"IncludeManagementEvents": true}]}"#;
    assert_eq!(preset(v12, "cis-s3-write"), Answer::All, "V12");
}

#[test]
fn a_trail_that_is_not_logging_or_single_region_does_not_log_everything() {
    let question = Preset::find("cis-s3-write").unwrap().question(None);
    let set = selectors(&advanced(""));
    let stopped = TrailFacts { is_logging: false, ..TrailFacts::assumed() };
    let coverage = covers(&set, &stopped, &question).unwrap();
    assert_eq!(coverage.answer, Answer::None, "V11");
    assert!(coverage.unlogged_example.unwrap().trail.unwrap().contains("not logging"));
    let single = TrailFacts { is_multi_region_trail: false, ..TrailFacts::assumed() };
    let coverage = covers(&set, &single, &question).unwrap();
    assert_eq!(coverage.answer, Answer::Some);
    let unlogged = coverage.unlogged_example.unwrap();
    assert_ne!(unlogged.record["awsRegion"], "us-east-1");
    assert!(unlogged.trail.unwrap().contains("single-Region"));
    let home = question.with(Key::AwsRegion, Some(Constraint::AnyOf(vec!["us-east-1".into()])));
    assert_eq!(covers(&set, &single, &home).unwrap().answer, Answer::All);
}

#[test]
fn excluding_kms_is_a_management_gap_and_the_example_shows_it() {
    let no_kms = r#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]},
        {"Field": "eventSource", "NotEquals": ["kms.amazonaws.com"]}]}]}"#;
    assert_eq!(preset(no_kms, "all-management"), Answer::Some);
    let coverage = ask(no_kms, r#"{"eventCategory": "Management", "readOnly": ["true", "false"]}"#);
    let unlogged = coverage.unlogged_example.unwrap();
    assert_eq!(unlogged.record["eventSource"], "kms.amazonaws.com");
    assert_eq!(unlogged.deciding[0].field_selector, Some(1));
    assert_eq!(preset(r#"{"EventSelectors": [{}]}"#, "all-management"), Answer::All);
    let basic_no_kms = r#"{"EventSelectors": [{"ExcludeManagementEventSources": ["kms.amazonaws.com"]}]}"#;
    assert_eq!(preset(basic_no_kms, "all-management"), Answer::Some);
}

#[test]
fn the_spec_matching_cases_as_questions() {
    // M3: writes under one prefix of one bucket; reads never.
    let m3 = r#"{"EventSelectors": [{"ReadWriteType": "WriteOnly", "IncludeManagementEvents": false,
        "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::amzn-s3-demo-bucket3/my-images"]}]}]}"#;
    // Without resources.type the class holds resources of other types under that ARN: some.
    let images = r#""resources.ARN": {"StartsWith": "arn:aws:s3:::amzn-s3-demo-bucket3/my-images/"}"#;
    assert_eq!(ask(m3, &format!(r#"{{"eventCategory": "Data", "readOnly": "false", {images}}}"#)).answer, Answer::Some);
    let images = format!(r#""resources.type": "AWS::S3::Object", {images}"#);
    let write = ask(m3, &format!(r#"{{"eventCategory": "Data", "readOnly": "false", {images}}}"#));
    assert_eq!(write.answer, Answer::All);
    assert!(write.logged_example.unwrap().record["resources"][0]["ARN"]
        .as_str()
        .unwrap()
        .starts_with("arn:aws:s3:::amzn-s3-demo-bucket3/my-images/"));
    assert_eq!(ask(m3, &format!(r#"{{"eventCategory": "Data", "readOnly": "true", {images}}}"#)).answer, Answer::None);
    // M4: Lambda ARNs are exact.
    let m4 = r#"{"EventSelectors": [{"DataResources": [{"Type": "AWS::Lambda::Function",
        "Values": ["arn:aws:lambda:us-west-2:111111111111:function:helloworld"]}]}]}"#;
    let prefix = r#"{"eventCategory": "Data", "resources.ARN": {"StartsWith": "arn:aws:lambda:us-west-2:111111111111:function:helloworld"}}"#;
    let coverage = ask(m4, prefix);
    assert_eq!(coverage.answer, Answer::Some);
    assert_eq!(
        coverage.logged_example.unwrap().record["resources"][0]["ARN"],
        "arn:aws:lambda:us-west-2:111111111111:function:helloworld"
    );
    // M6: the default trail logs no data events.
    assert_eq!(ask(r#"{"EventSelectors": [{}]}"#, r#"{"eventCategory": "Data"}"#).answer, Answer::None);
    // M10: a network activity selector on access denied only; a success has no errorCode (D23).
    let m10 = r#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["NetworkActivity"]},
        {"Field": "eventSource", "Equals": ["kms.amazonaws.com"]}, {"Field": "errorCode", "Equals": ["VpceAccessDenied"]}]}]}"#;
    let coverage = ask(m10, r#"{"eventCategory": "NetworkActivity", "eventSource": "kms.amazonaws.com"}"#);
    assert_eq!(coverage.answer, Answer::Some);
    assert!(coverage.unlogged_example.unwrap().record.get("errorCode").is_none());
    // M12: DeleteObject by an AWS service is the one S3 object event not logged.
    let m12 = format!(
        r#"{{"AdvancedEventSelectors": [{{"FieldSelectors": [{S3_DATA}, {{"Field": "eventName", "NotEquals": ["DeleteObject"]}}]}},
        {{"FieldSelectors": [{S3_DATA}, {{"Field": "eventName", "Equals": ["DeleteObject"]}}, {{"Field": "eventType", "NotEquals": ["AwsServiceEvent"]}}]}}]}}"#
    );
    let coverage = ask(&m12, r#"{"eventCategory": "Data", "resources.type": "AWS::S3::Object"}"#);
    let unlogged = coverage.unlogged_example.unwrap().record;
    assert_eq!(
        (unlogged["eventName"].as_str(), unlogged["eventType"].as_str()),
        (Some("DeleteObject"), Some("AwsServiceEvent"))
    );
}

#[test]
fn questions_that_describe_no_event_are_refused() {
    let set = selectors(r#"{"EventSelectors": [{}]}"#);
    let insight = Question::from_json(r#"{"eventCategory": "Insight"}"#).unwrap();
    assert!(
        matches!(covers(&set, &TrailFacts::assumed(), &insight), Err(AskError::EmptyClass(why)) if why.contains("insight selectors"))
    );
    let maybe = Question::from_json(r#"{"readOnly": "maybe"}"#).unwrap();
    assert!(matches!(covers(&set, &TrailFacts::assumed(), &maybe), Err(AskError::EmptyClass(_))));
}

#[test]
fn diff_ignores_spelling_order_and_kind_and_finds_real_gaps() {
    let trail = TrailFacts::assumed();
    let all = Question::default();
    let basic = selectors(
        r#"{"EventSelectors": [{"IncludeManagementEvents": false, "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]}"#,
    );
    let spelled = selectors(
        r#"{"EventSelectors": [{"IncludeManagementEvents": false, "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::", "arn:aws:s3:::"]}]}]}"#,
    );
    assert!(diff(&basic, &spelled, &trail, &all).unwrap().equivalent);
    let as_advanced = selectors(&advanced(""));
    assert!(diff(&basic, &as_advanced, &trail, &all).unwrap().equivalent);
    let excluded = selectors(&advanced(r#", {"Field": "resources.ARN", "NotStartsWith": ["arn:aws:s3:::logs/"]}"#));
    let d = diff(&basic, &excluded, &trail, &all).unwrap();
    assert!(!d.equivalent && d.only_b.is_empty(), "{d:#?}");
    assert_eq!(d.only_a.len(), 1, "{d:#?}");
    let class = &d.only_a[0];
    assert_eq!((class.logs, class.other_logs), (Answer::All, Answer::None));
    assert_eq!(
        class.question.get(Key::Field(crate::catalog::Field::ResourcesArn)),
        Some(&Constraint::StartsWith("arn:aws:s3:::logs/".into()))
    );
    assert!(class.example.logged && !class.other_example.logged);
}

#[test]
fn templates_are_named_whatever_the_spelling() {
    let ids = |json: &str| -> Vec<String> {
        matching_templates(&selectors(json)).unwrap().into_iter().map(|m| m.template.into_owned()).collect()
    };
    assert_eq!(ids(&advanced("")), ["log-all-events"]);
    let basic_all =
        r#"{"EventSelectors": [{"DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::"]}]}]}"#;
    assert_eq!(ids(basic_all), ["log-all-events", "management-all"]);
    let basic_write = r#"{"EventSelectors": [{"ReadWriteType": "WriteOnly", "IncludeManagementEvents": false, "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]}"#;
    assert_eq!(ids(basic_write), ["log-write-only"]);
    let one_bucket =
        r#"{"EventSelectors": [{"DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::b/"]}]}]}"#;
    assert_eq!(ids(one_bucket), ["management-all"]);
}

#[test]
fn a_read_and_a_write_selector_leave_records_without_read_only_unlogged() {
    // D27: a record without readOnly fits only ReadWriteType All; D34: records may lack it.
    let split = r#"{"EventSelectors": [{"ReadWriteType": "ReadOnly"}, {"ReadWriteType": "WriteOnly"}]}"#;
    let coverage = ask(split, r#"{"eventCategory": "Management"}"#);
    assert_eq!(coverage.answer, Answer::Some);
    assert!(coverage.unlogged_example.unwrap().record.get("readOnly").is_none());
    assert_eq!(ask(split, r#"{"eventCategory": "Management", "readOnly": ["true", "false"]}"#).answer, Answer::All);
}
