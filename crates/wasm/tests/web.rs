//! The JS boundary, in a real browser (wasm-bindgen-test-runner + Debian chromedriver).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("property")
}

#[wasm_bindgen_test]
fn invalid_trail_name_is_reported_with_utf16_offsets() {
    // The emoji before the name is two UTF-16 units but four bytes.
    let request = r#"{"Name😀": 1, "TrailName": "my--trail", "EventSelectors": [{}]}"#;
    let result = trailscope_wasm::validate(request, None, None).expect("no throw");
    assert_eq!(get(&result, "valid"), JsValue::FALSE);
    let diagnostics = Array::from(&get(&result, "diagnostics"));
    let name = diagnostics
        .iter()
        .find(|d| get(d, "code").as_string().as_deref() == Some("InvalidTrailNameException"))
        .expect("a name diagnostic");
    let byte_start = get(&name, "start").as_f64().unwrap() as usize;
    let utf16_from = get(&name, "from").as_f64().unwrap() as usize;
    assert_eq!(&request[byte_start..byte_start + 2], "--");
    assert_eq!(utf16_from, byte_start - 2);
    assert_eq!(get(&get(&result, "error"), "__type").as_string().as_deref(), Some("ParamValidationError"));
}

#[wasm_bindgen_test]
fn valid_request_gives_the_response_with_defaults() {
    let request = r#"{"TrailName": "management-events", "EventSelectors": [{"ReadWriteType": "WriteOnly"}]}"#;
    let result = trailscope_wasm::validate(request, Some(trailscope_wasm::default_context()), None).expect("no throw");
    assert_eq!(get(&result, "valid"), JsValue::TRUE);
    let response = get(&result, "response");
    assert_eq!(
        get(&response, "TrailARN").as_string().as_deref(),
        Some("arn:aws:cloudtrail:us-east-1:123456789012:trail/management-events")
    );
    let selector = Array::from(&get(&response, "EventSelectors")).get(0);
    assert_eq!(get(&selector, "IncludeManagementEvents"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn a_broken_context_is_reported_not_thrown() {
    let result = trailscope_wasm::validate(r#"{"TrailName": "t12", "EventSelectors": [{}]}"#, Some("{".into()), None)
        .expect("no throw");
    assert!(get(&get(&result, "context_error"), "message").is_string());
    assert_eq!(get(&result, "valid"), JsValue::TRUE);
}

const SEED_LOG: &str = include_str!("../../../tests/events/seed-examples.json");

#[wasm_bindgen_test]
fn replay_session_gives_the_seed_verdicts_across_chunk_boundaries() {
    let request = r#"{"TrailName": "t-trail", "EventSelectors": [{"ReadWriteType": "WriteOnly"}]}"#;
    let mut session = trailscope_wasm::ReplaySession::new(request, None).expect("valid selectors");
    let mut rows = Vec::new();
    for chunk in SEED_LOG.as_bytes().chunks(333) {
        let batch: Vec<serde_json::Value> = serde_json::from_str(&session.push(chunk, true)).unwrap();
        rows.extend(batch);
    }
    rows.extend(serde_json::from_str::<Vec<serde_json::Value>>(&session.finish(true)).unwrap());
    let logged: Vec<&str> =
        rows.iter().filter(|r| r["logged"] == true).map(|r| r["eventName"].as_str().unwrap()).collect();
    // Write management events only: the data events (PutObject, Invoke) need DataResources.
    assert_eq!(logged, ["RunInstances", "ExecuteStatement"]);
    let summary: serde_json::Value = serde_json::from_str(&session.summary()).unwrap();
    assert_eq!(summary["events"], 10);
    let why: serde_json::Value = serde_json::from_str(
        &session.explain(r#"{"eventName": "GetConsoleOutput", "readOnly": true, "eventCategory": "Management"}"#, 0),
    )
    .unwrap();
    assert_eq!(why["logged"], false);
    assert!(why["selectors"][0]["reason"].as_str().unwrap().contains("readOnly"));
}

#[wasm_bindgen_test]
fn replay_session_refuses_invalid_selectors_and_synth_replays() {
    assert!(trailscope_wasm::ReplaySession::new(r#"{"TrailName": "ab", "EventSelectors": [{}]}"#, None).is_err());
    let log = trailscope_wasm::synth(5, 200);
    let mut session =
        trailscope_wasm::ReplaySession::new(r#"{"TrailName": "t-trail", "EventSelectors": [{}]}"#, None).unwrap();
    let logged: u64 = session.push(&log, false).parse::<u64>().unwrap() + session.finish(false).parse::<u64>().unwrap();
    let summary: serde_json::Value = serde_json::from_str(&session.summary()).unwrap();
    assert_eq!(summary["events"], 200);
    assert_eq!(summary["logged"], logged);
}

/// The message of a thrown JsError.
fn thrown(error: wasm_bindgen::JsError) -> String {
    get(&JsValue::from(error), "message").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn stored_selectors_are_validated_before_they_replay() {
    use trailscope_wasm::ReplaySession;
    let stored = r#"{"TrailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/t", "EventSelectors": [{"ReadWriteType": "WriteOnly"}]}"#;
    assert!(ReplaySession::from_selectors(stored).is_ok());
    // Six basic selectors (five at most), a bucket ARN without its slash, an advanced selector without
    // eventCategory: each refused with the code and place, as a context's stored selectors.
    let six = format!(r#"{{"EventSelectors": [{}]}}"#, ["{}"; 6].join(", "));
    let cases = [
        (six.as_str(), "/EventSelectors/5"),
        (
            r#"{"EventSelectors": [{"DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::b"]}]}]}"#,
            "/EventSelectors/0/DataResources/0/Values/0",
        ),
        (
            r#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "readOnly", "Equals": ["true"]}]}]}"#,
            "/AdvancedEventSelectors/0",
        ),
    ];
    for (selectors, pointer) in cases {
        let Err(error) = ReplaySession::from_selectors(selectors) else { panic!("{selectors} was accepted") };
        let message = thrown(error);
        assert!(message.starts_with("the stored selectors would be refused ("), "{message}");
        assert!(message.contains(&format!(" at {pointer}")), "{selectors}: {message}");
    }
    // Not selectors at all: the JSON reader's own error.
    assert!(ReplaySession::from_selectors(r#"{"Selectors": []}"#).is_err());
}

#[wasm_bindgen_test]
fn a_verdict_store_pages_filtered_rows_and_explains_them() {
    let request = r#"{"TrailName": "t-trail", "EventSelectors": [{"ReadWriteType": "WriteOnly"}]}"#;
    let mut store =
        trailscope_wasm::VerdictStore::new(request, None, Some(r#"{"EventSelectors": [{}]}"#.into())).unwrap();
    store.begin_file();
    for chunk in SEED_LOG.as_bytes().chunks(1000) {
        store.push(chunk);
    }
    store.finish();
    assert_eq!(store.rows(), 10);
    let filter = js_sys::JSON::parse(r#"{"logged": "changed", "selector": null, "text": ""}"#).unwrap();
    let page: serde_json::Value = serde_json::from_str(&store.page(filter, 0, 20).unwrap()).unwrap();
    assert_eq!(page["total"], 2);
    // Core's rows (as ReplaySession gives them), each one's verdict before beside them.
    assert_eq!(page["before"], serde_json::json!([true, true]));
    assert_eq!(
        (&page["rows"][0]["logged"], &page["rows"][0]["category"]),
        (&serde_json::json!(false), &serde_json::json!("Management"))
    );
    let index = page["rows"][0]["index"].as_u64().unwrap() as u32;
    let place: serde_json::Value = serde_json::from_str(&store.place(index)).unwrap();
    let (offset, length) = (place["offset"].as_u64().unwrap() as usize, place["length"].as_u64().unwrap() as usize);
    let why: serde_json::Value = serde_json::from_str(
        &store.explain(&SEED_LOG[offset..offset + length], place["wrapping"].as_u64().unwrap() as u8),
    )
    .unwrap();
    assert_eq!(why["logged"], false);
    let report: serde_json::Value = serde_json::from_str(&store.report()).unwrap();
    assert_eq!((report["summary"]["events"].as_u64(), report["compared"].as_bool()), (Some(10), Some(true)));
    assert_eq!(report["top"][0]["name"], "lambda.amazonaws.com Invoke");
    let bad = js_sys::JSON::parse(r#"{"logged": "sometimes"}"#).unwrap();
    assert!(store.page(bad, 0, 20).is_err());
    // Invalid stored selectors are refused here too.
    let six = format!(r#"{{"EventSelectors": [{}]}}"#, ["{}"; 6].join(", "));
    assert!(trailscope_wasm::VerdictStore::new(request, None, Some(six)).is_err());
}
