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
    let result = trailscope_wasm::validate(request, None).expect("no throw");
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
    let result = trailscope_wasm::validate(request, Some(trailscope_wasm::default_context())).expect("no throw");
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
    let result = trailscope_wasm::validate(r#"{"TrailName": "t12", "EventSelectors": [{}]}"#, Some("{".into()))
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
