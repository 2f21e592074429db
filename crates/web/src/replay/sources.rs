//! What the replay panel sends the worker as sources, and what of them can travel in a link.

use crate::platform::share;
use crate::state::playground::Events;
use serde::Serialize;
use wasm_bindgen::JsValue;

const SEED_EXAMPLES: &str = include_str!("../../../../tests/events/seed-examples.json");

/// What the panel sends: JSON-compatible values (and File objects for sources).
pub fn js(value: impl Serialize) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// How a built-in or pasted source is sent to the worker, and its label.
pub fn source_of(events: &Events) -> (String, JsValue) {
    match events {
        Events::Seed => ("seed examples (10 events)".into(), js(serde_json::json!({ "text": SEED_EXAMPLES }))),
        Events::Synth { events } => (
            format!("synthetic log ({events} events)"),
            js(serde_json::json!({ "synth": { "seed": 1, "events": events } })),
        ),
        Events::Text { text } => ("pasted events".into(), js(serde_json::json!({ "text": text }))),
    }
}

/// The files, and the same as an array for the worker.
pub fn file_sources(files: Option<web_sys::FileList>) -> (Vec<web_sys::File>, js_sys::Array) {
    let files: Vec<_> = files.map(|f| (0..f.length()).filter_map(|i| f.get(i)).collect()).unwrap_or_default();
    let list = js_sys::Array::new();
    for file in &files {
        list.push(file);
    }
    (files, list)
}

/// The events of small uncompressed files as one text, to travel in links (None otherwise).
pub async fn shareable_text(files: Vec<web_sys::File>) -> Option<Events> {
    let mut texts = Vec::new();
    for file in files {
        texts.push(share::small_file_text(file).await?);
    }
    let text = texts.join("\n");
    (text.len() <= share::MAX_SHARED_FILE_BYTES).then_some(Events::Text { text })
}
