//! The spec's matching cases (§12 M1-M14) and the seed's examples, through the compiled
//! matcher, the explanation and the reference evaluator alike.

use serde_json::{json, Value};
use trailscope_core::model::Selectors;
use trailscope_core::replay::explain::explain;
use trailscope_core::replay::{EventRecord, Matcher};

mod reference;

fn selectors(value: Value) -> Selectors {
    serde_json::from_value(value).expect("selectors")
}

/// Whether the trail logs `record`, checked three ways that must agree.
fn logged(selectors: &Selectors, record: &Value) -> bool {
    let text = record.to_string();
    let event: EventRecord = serde_json::from_str(&text).unwrap();
    let matcher = Matcher::new(selectors);
    let mut matched = Vec::new();
    matcher.matches_into(&event, event.category(), &mut matched);
    let fast = !matched.is_empty();
    let explained = explain(selectors, &matcher, &event);
    let reference = reference::matches(selectors, record).into_iter().any(|m| m);
    assert_eq!(fast, explained.logged, "explanation disagrees: {explained:?}");
    assert_eq!(fast, reference, "reference disagrees on {record}");
    fast
}

fn data(event_name: &str, resource_type: &str, arn: &str, read_only: bool) -> Value {
    json!({"eventName": event_name, "eventCategory": "Data", "readOnly": read_only, "eventType": "AwsApiCall",
           "resources": [{"type": resource_type, "ARN": arn}]})
}

fn management(source: &str, name: &str, read_only: bool) -> Value {
    json!({"eventSource": source, "eventName": name, "readOnly": read_only, "eventCategory": "Management", "managementEvent": true})
}

#[test]
fn m1_write_only_logs_run_instances_not_get_console_output() {
    let s = selectors(json!({"EventSelectors": [{"ReadWriteType": "WriteOnly", "IncludeManagementEvents": true}]}));
    assert!(logged(&s, &management("ec2.amazonaws.com", "RunInstances", false)));
    assert!(!logged(&s, &management("ec2.amazonaws.com", "GetConsoleOutput", true)));
}

#[test]
fn m2_empty_prefix_bucket_logs_that_bucket_only() {
    let s = selectors(json!({"EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": false,
        "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::amzn-s3-demo-bucket1/"]}]}]}));
    assert!(logged(&s, &data("PutObject", "AWS::S3::Object", "arn:aws:s3:::amzn-s3-demo-bucket1/photo.png", false)));
    assert!(!logged(&s, &data("PutObject", "AWS::S3::Object", "arn:aws:s3:::amzn-s3-demo-bucket2/photo.png", false)));
}

#[test]
fn m3_prefix_and_write_only() {
    let s = selectors(json!({"EventSelectors": [{"ReadWriteType": "WriteOnly", "IncludeManagementEvents": false,
        "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::amzn-s3-demo-bucket3/my-images"]}]}]}));
    assert!(logged(
        &s,
        &data("DeleteObject", "AWS::S3::Object", "arn:aws:s3:::amzn-s3-demo-bucket3/my-images/example.jpg", false)
    ));
    assert!(!logged(
        &s,
        &data("DeleteObject", "AWS::S3::Object", "arn:aws:s3:::amzn-s3-demo-bucket3/my-videos/example.avi", false)
    ));
    assert!(!logged(
        &s,
        &data("GetObject", "AWS::S3::Object", "arn:aws:s3:::amzn-s3-demo-bucket3/my-images/example.jpg", true)
    ));
}

#[test]
fn m4_lambda_arns_are_exact() {
    let s = selectors(json!({"EventSelectors": [{"DataResources": [{"Type": "AWS::Lambda::Function",
        "Values": ["arn:aws:lambda:us-west-2:111111111111:function:helloworld"]}]}]}));
    assert!(logged(
        &s,
        &data("Invoke", "AWS::Lambda::Function", "arn:aws:lambda:us-west-2:111111111111:function:helloworld", false)
    ));
    assert!(!logged(
        &s,
        &data("Invoke", "AWS::Lambda::Function", "arn:aws:lambda:us-west-2:111111111111:function:helloworld2", false)
    ));
}

#[test]
fn m5_excluded_kms() {
    let s = selectors(json!({"EventSelectors": [{"ExcludeManagementEventSources": ["kms.amazonaws.com"]}]}));
    assert!(!logged(&s, &management("kms.amazonaws.com", "Decrypt", true)));
    assert!(logged(&s, &management("ec2.amazonaws.com", "TerminateInstances", false)));
}

#[test]
fn m6_default_trail_logs_no_data_events() {
    let s = Selectors::default();
    assert!(!logged(&s, &data("GetObject", "AWS::S3::Object", "arn:aws:s3:::b/k", true)));
    assert!(logged(&s, &management("iam.amazonaws.com", "ListUsers", true)));
}

#[test]
fn m7_advanced_all_management_but_kms() {
    let s = selectors(
        json!({"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]},
        {"Field": "eventSource", "NotEquals": ["kms.amazonaws.com"]}]}]}),
    );
    assert!(!logged(&s, &management("kms.amazonaws.com", "GenerateDataKey", true)));
    assert!(logged(&s, &management("iam.amazonaws.com", "CreateUser", false)));
}

#[test]
fn m8_all_six_operators() {
    let s = selectors(json!({"AdvancedEventSelectors": [{"FieldSelectors": [
        {"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
        {"Field": "resources.ARN", "Equals": ["arn:aws:s3:::amzn-s3-demo-bucket/object1"], "StartsWith": ["arn:aws:s3:::amzn-s3-demo-bucket/"],
         "EndsWith": ["object3"], "NotStartsWith": ["arn:aws:s3:::amzn-s3-demo-bucket/deselect"], "NotEndsWith": ["object5"],
         "NotEquals": ["arn:aws:s3:::amzn-s3-demo-bucket/object6"]}]}]}));
    let on = |arn: &str| logged(&s, &data("GetObject", "AWS::S3::Object", arn, true));
    assert!(on("arn:aws:s3:::amzn-s3-demo-bucket/object1"));
    assert!(on("arn:aws:s3:::amzn-s3-demo-bucket/object2"));
    assert!(on("arn:aws:s3:::amzn-s3-demo-bucket1/object3"));
    assert!(!on("arn:aws:s3:::amzn-s3-demo-bucket/deselectObject4"));
    assert!(!on("arn:aws:s3:::amzn-s3-demo-bucket/object5"));
    assert!(!on("arn:aws:s3:::amzn-s3-demo-bucket/object6"));
}

#[test]
fn m9_all_but_one_bucket() {
    let s = selectors(
        json!({"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]},
        {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}, {"Field": "eventName", "Equals": ["PutObject", "DeleteObject"]},
        {"Field": "resources.ARN", "NotStartsWith": ["arn:aws:s3:::amzn-s3-demo-bucket/"]}]}]}),
    );
    assert!(logged(&s, &data("PutObject", "AWS::S3::Object", "arn:aws:s3:::other-bucket/k", false)));
    assert!(!logged(&s, &data("PutObject", "AWS::S3::Object", "arn:aws:s3:::amzn-s3-demo-bucket/k", false)));
    assert!(!logged(&s, &data("GetObject", "AWS::S3::Object", "arn:aws:s3:::other-bucket/k", true)));
}

#[test]
fn m10_network_activity_missing_error_code_does_not_match() {
    let s = selectors(
        json!({"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["NetworkActivity"]},
        {"Field": "eventSource", "Equals": ["kms.amazonaws.com"]}, {"Field": "errorCode", "Equals": ["VpceAccessDenied"]}]}]}),
    );
    let denied = json!({"eventCategory": "NetworkActivity", "eventType": "AwsVpceEvent", "eventSource": "kms.amazonaws.com",
        "eventName": "ListKeys", "errorCode": "VpceAccessDenied", "vpcEndpointId": "vpce-1"});
    let mut ok = denied.clone();
    ok.as_object_mut().unwrap().remove("errorCode");
    assert!(logged(&s, &denied));
    assert!(!logged(&s, &ok));
    let matcher = Matcher::new(&s);
    let text = ok.to_string();
    let event: EventRecord = serde_json::from_str(&text).unwrap();
    let why = explain(&s, &matcher, &event);
    assert_eq!(why.selectors[0].decision.as_deref(), Some("D23"));
    assert!(why.selectors[0].reason.contains("errorCode is missing"), "{}", why.selectors[0].reason);
}

#[test]
fn m11_dynamodb_stream_event_matches_table_type() {
    let s = selectors(
        json!({"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]},
        {"Field": "resources.type", "Equals": ["AWS::DynamoDB::Table"]}]}]}),
    );
    let stream = json!({"eventCategory": "Data", "eventName": "GetRecords", "resources": [
        {"type": "AWS::DynamoDB::Stream", "ARN": "arn:aws:dynamodb:us-east-1:111111111111:table/T/stream/2024"},
        {"type": "AWS::DynamoDB::Table", "ARN": "arn:aws:dynamodb:us-east-1:111111111111:table/T"}]});
    assert!(logged(&s, &stream));
}

#[test]
fn m12_two_selectors_with_event_type() {
    let s = selectors(json!({"AdvancedEventSelectors": [
        {"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
                            {"Field": "eventName", "NotEquals": ["DeleteObject"]}]},
        {"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
                            {"Field": "eventName", "Equals": ["DeleteObject"]}, {"Field": "eventType", "NotEquals": ["AwsServiceEvent"]}]}]}));
    let mut service = data("DeleteObject", "AWS::S3::Object", "arn:aws:s3:::b/k", false);
    service["eventType"] = json!("AwsServiceEvent");
    assert!(logged(&s, &data("DeleteObject", "AWS::S3::Object", "arn:aws:s3:::b/k", false)));
    assert!(!logged(&s, &service));
    assert!(logged(&s, &data("PutObject", "AWS::S3::Object", "arn:aws:s3:::b/k", false)));
}

#[test]
fn m13_write_management_only() {
    let s = selectors(
        json!({"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]},
        {"Field": "readOnly", "Equals": ["false"]}]}]}),
    );
    assert!(!logged(&s, &management("ec2.amazonaws.com", "DescribeInstances", true)));
    assert!(logged(&s, &management("ec2.amazonaws.com", "TerminateInstances", false)));
    assert!(!logged(&s, &data("PutObject", "AWS::S3::Object", "arn:aws:s3:::b/k", false)));
}

#[test]
fn m14_user_identity_exclusion() {
    let s = selectors(
        json!({"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]},
        {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}, {"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::amzn-s3-demo-bucket/"]},
        {"Field": "userIdentity.arn", "NotStartsWith": ["arn:aws:sts::123456789012:assumed-role/bucket-scanner-role"]}]}]}),
    );
    let by = |arn: &str| {
        let mut e = data("GetObject", "AWS::S3::Object", "arn:aws:s3:::amzn-s3-demo-bucket/x", true);
        e["userIdentity"] = json!({"arn": arn});
        e
    };
    assert!(!logged(&s, &by("arn:aws:sts::123456789012:assumed-role/bucket-scanner-role/s1")));
    assert!(logged(&s, &by("arn:aws:sts::123456789012:assumed-role/Admin/s2")));
}

/// The seed's own examples, on the sample log file (tests/events/seed-examples.json).
#[test]
fn seed_examples_log_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/events/seed-examples.json");
    let log: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let records = log["Records"].as_array().unwrap();
    let by_name = |name: &str, needle: &str| {
        records
            .iter()
            .find(|r| r["eventName"] == name && r.to_string().contains(needle))
            .unwrap_or_else(|| panic!("{name} {needle}"))
    };
    let write_only = selectors(json!({"EventSelectors": [{"ReadWriteType": "WriteOnly"}]}));
    assert!(logged(&write_only, by_name("RunInstances", "")));
    assert!(!logged(&write_only, by_name("GetConsoleOutput", "")));
    let bucket = selectors(json!({"EventSelectors": [{"IncludeManagementEvents": false,
        "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::amzn-s3-demo-bucket1/"]}]}]}));
    assert!(logged(&bucket, by_name("PutObject", "bucket1")));
    assert!(!logged(&bucket, by_name("PutObject", "bucket2")));
    let lambda = selectors(json!({"EventSelectors": [{"DataResources": [{"Type": "AWS::Lambda::Function",
        "Values": ["arn:aws:lambda:us-west-2:111111111111:function:MyLambdaFunction"]}]}]}));
    assert!(logged(&lambda, by_name("Invoke", "function:MyLambdaFunction\"")));
    assert!(!logged(&lambda, by_name("Invoke", "MyOtherLambdaFunction")));
    let hello = selectors(json!({"EventSelectors": [{"DataResources": [{"Type": "AWS::Lambda::Function",
        "Values": ["arn:aws:lambda:us-west-2:111111111111:function:helloworld"]}]}]}));
    assert!(logged(&hello, by_name("Invoke", "function:helloworld\"")));
    assert!(!logged(&hello, by_name("Invoke", "helloworld2")));
    let exclude = selectors(
        json!({"EventSelectors": [{"ExcludeManagementEventSources": ["kms.amazonaws.com", "rdsdata.amazonaws.com"]}]}),
    );
    assert!(!logged(&exclude, by_name("Decrypt", "")));
    assert!(!logged(&exclude, by_name("ExecuteStatement", "")));
    assert!(logged(&exclude, by_name("RunInstances", "")));
}

#[test]
fn lowercase_arn_is_read_when_arn_is_absent() {
    // Some exports spell the key `arn` (decisions D31); `ARN` still wins when both are there.
    let s = selectors(
        json!({"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]},
        {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}, {"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::bucket-b/"]}]}]}),
    );
    let lower =
        json!({"eventCategory": "Data", "resources": [{"type": "AWS::S3::Object", "arn": "arn:aws:s3:::bucket-b/k"}]});
    assert!(logged(&s, &lower));
    let mut other = lower.clone();
    other["resources"][0]["arn"] = json!("arn:aws:s3:::bucket-c/k");
    assert!(!logged(&s, &other));
    let text = other.to_string();
    let event: EventRecord = serde_json::from_str(&text).unwrap();
    assert_eq!(explain(&s, &Matcher::new(&s), &event).selectors[0].decision.as_deref(), Some("D31"));
    let both = json!({"eventCategory": "Data", "resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::bucket-c/k", "arn": "arn:aws:s3:::bucket-b/k"}]});
    assert!(!logged(&s, &both));
    let basic = selectors(
        json!({"EventSelectors": [{"DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::bucket-b/"]}]}]}),
    );
    assert!(logged(&basic, &lower));
}

/// The one-line reason (the CLI's `reason`) of `record` under `selectors`.
fn reason(selectors: &Selectors, record: &Value) -> String {
    let text = record.to_string();
    let event: EventRecord = serde_json::from_str(&text).unwrap();
    explain(selectors, &Matcher::new(selectors), &event).summary()
}

#[test]
fn the_one_line_reason_names_the_decisions_it_rests_on() {
    let s = selectors(json!({"EventSelectors": [{"ReadWriteType": "WriteOnly",
        "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]}));
    // No eventCategory: Data only by D26, whether logged or not.
    let put = json!({"eventName": "PutObject", "readOnly": false, "resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::bucket-b/k"}]});
    let line = reason(&s, &put);
    assert!(line.ends_with("(category Data by decision D26: no eventCategory, a resource of a data type)"), "{line}");
    assert!(line.contains("matched (decision D27)"), "{line}");
    let mut get = put.clone();
    get["readOnly"] = json!(true);
    assert!(reason(&s, &get).contains("decision D26"), "{}", reason(&s, &get));
    // A management event without readOnly: ReadWriteType rests on D27; its category on D26.
    let old = json!({"eventName": "DescribeTrails", "eventSource": "cloudtrail.amazonaws.com"});
    let line = reason(&s, &old);
    assert!(
        line.contains("(decision D27)") && line.contains("category Management by decision D26: no eventCategory"),
        "{line}"
    );
    // eventCategory present and nothing undocumented: no decision named.
    let read = management("ec2.amazonaws.com", "DescribeInstances", true);
    assert!(!reason(&s, &read).contains("decision"), "{}", reason(&s, &read));
}

/// What `Matcher::check` says of advanced selector 0 for `record`.
fn miss(selectors: &Selectors, record: &Value) -> Result<(), trailscope_core::replay::matcher::Miss> {
    let text = record.to_string();
    let event: EventRecord = serde_json::from_str(&text).unwrap();
    Matcher::new(selectors).check(0, &event, event.category())
}

/// The field selector that failed is the one the explanation points at: the eventCategory one
/// when the category differs, wherever it is written and whatever else fails (issue 14 §3:
/// kills the mutants of `Matcher::check` and `category_index`); and an exclusion is told from
/// a value not selected.
#[test]
fn a_miss_names_the_field_selector_that_failed_and_how() {
    use trailscope_core::replay::matcher::Miss;
    let s = selectors(json!({"AdvancedEventSelectors": [{"FieldSelectors": [
        {"Field": "eventName", "Equals": ["GetObject"]},
        {"Field": "eventCategory", "Equals": ["Data"]},
        {"Field": "eventSource", "NotEquals": ["kms.amazonaws.com"]}
    ]}]}));
    let describe = management("ec2.amazonaws.com", "DescribeInstances", true);
    assert_eq!(miss(&s, &describe), Err(Miss::Field { index: 1, excluded: false }));
    let s = selectors(json!({"AdvancedEventSelectors": [{"FieldSelectors": [
        {"Field": "eventCategory", "Equals": ["Management"]},
        {"Field": "eventSource", "NotEquals": ["kms.amazonaws.com"]},
        {"Field": "eventName", "Equals": ["Decrypt"]}
    ]}]}));
    let kms = management("kms.amazonaws.com", "Decrypt", true);
    assert_eq!(miss(&s, &kms), Err(Miss::Field { index: 1, excluded: true }));
    assert_eq!(miss(&s, &describe), Err(Miss::Field { index: 2, excluded: false }));
    assert_eq!(miss(&s, &management("ec2.amazonaws.com", "Decrypt", true)), Ok(()));
}
