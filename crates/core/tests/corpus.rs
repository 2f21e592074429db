//! The table-driven corpus under tests/corpus: each case's outcome and exact diagnostics.

use serde_json::Value;
use std::path::PathBuf;
use trailscope_core::context::DEFAULT_CONTEXT_JSON;
use trailscope_core::report::{report, Offsets};

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

/// The request text of a case: `request_text`, or `request` as written in the file (its raw
/// text keeps the key order, whatever serde_json's map type).
#[derive(serde::Deserialize)]
struct Request<'a> {
    #[serde(borrow)]
    request: Option<&'a serde_json::value::RawValue>,
    request_text: Option<String>,
}

fn request_text(raw_case: &serde_json::value::RawValue) -> String {
    let request: Request = serde_json::from_str(raw_case.get()).unwrap();
    request.request_text.or(request.request.map(|r| r.get().to_string())).unwrap()
}

fn context_text(case: &Value) -> Option<String> {
    match case.get("context") {
        None => None,
        Some(Value::String(s)) if s == "default" => Some(DEFAULT_CONTEXT_JSON.to_string()),
        Some(other) => Some(other.to_string()),
    }
}

fn sorted_pairs(list: impl Iterator<Item = (String, String)>) -> Vec<(String, String)> {
    let mut v: Vec<_> = list.collect();
    v.sort();
    v
}

#[test]
fn every_corpus_case_has_its_outcome_and_diagnostics() {
    let mut files: Vec<_> = std::fs::read_dir(corpus_dir()).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let mut checked = 0;
    let mut failures = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        let raw_cases: Vec<&serde_json::value::RawValue> = serde_json::from_str(&source).unwrap();
        for raw_case in raw_cases {
            let case: Value = serde_json::from_str(raw_case.get()).unwrap();
            let case = &case;
            let name = format!("{}: {}", file.file_name().unwrap().to_string_lossy(), case["name"]);
            let text = request_text(raw_case);
            let result = report(&text, context_text(case).as_deref(), Offsets::Bytes);
            assert!(result.context_error.is_none(), "{name}: bad context in corpus");
            let expect = &case["expect"];
            let error = result.error.as_ref().map(|e| e.error_type.as_str());
            if error != expect["error"].as_str() {
                failures.push(format!("{name}: outcome {error:?}, expected {}", expect["error"]));
            }
            let got = sorted_pairs(result.diagnostics.iter().map(|d| (d.code.as_str().to_string(), d.pointer.clone())));
            let want = sorted_pairs(
                expect["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| (d["code"].as_str().unwrap().to_string(), d["pointer"].as_str().unwrap().to_string())),
            );
            if got != want {
                let messages: Vec<_> =
                    result.diagnostics.iter().map(|d| format!("{} {}: {}", d.code, d.pointer, d.message)).collect();
                failures.push(format!("{name}:\n  got  {got:?}\n  want {want:?}\n  {}", messages.join("\n  ")));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{} of {checked} cases failed:\n{}", failures.len(), failures.join("\n"));
    assert!(checked >= 80, "only {checked} corpus cases found");
}
