//! A thin JavaScript facade over trailscope-core: one call in, plain data out (the same
//! `Report` the CLI prints with `--format json`). Positions are byte offsets, 1-based
//! lines/columns and UTF-16 offsets (`from`/`to`, what JS editors count).

use serde::Serialize;
use trailscope_core::context::DEFAULT_CONTEXT_JSON;
use trailscope_core::report::{report, Offsets};
use wasm_bindgen::prelude::*;

mod replay;
mod synth;

pub use replay::ReplaySession;
pub use synth::{synth, SynthLog};

/// Validates a PutEventSelectors request (JSON text) as CloudTrail would, in an optional
/// account context (JSON text). Never throws for bad input: problems are diagnostics.
#[wasm_bindgen]
pub fn validate(request: &str, context: Option<String>) -> Result<JsValue, JsError> {
    let result = report(request, context.as_deref(), Offsets::BytesAndUtf16);
    result.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// The account context the playground starts with.
#[wasm_bindgen(js_name = defaultContext)]
pub fn default_context() -> String {
    DEFAULT_CONTEXT_JSON.to_string()
}
