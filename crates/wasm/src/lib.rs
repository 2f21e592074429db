//! A thin JavaScript facade over trailscope-core: one call in, plain data out (the same
//! `Report` the CLI prints with `--format json`). Positions are byte offsets, 1-based
//! lines/columns and UTF-16 offsets (`from`/`to`, what JS editors count).

use serde::Serialize;
use trailscope_core::context::DEFAULT_CONTEXT_JSON;
use trailscope_core::report::{report, Offsets};
use wasm_bindgen::prelude::*;

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

/// A replay of CloudTrail events through a request's selectors, fed in chunks (e.g. from a
/// file stream, gunzipped by the browser's DecompressionStream).
#[wasm_bindgen]
pub struct ReplaySession {
    replay: trailscope_core::replay::session::Replay,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Row {
    Event(trailscope_core::replay::session::Verdict),
    Problem(trailscope_core::replay::session::Problem),
}

#[wasm_bindgen]
impl ReplaySession {
    /// Compiles the selectors of `request` (validated in `context`, if given); throws the
    /// validation report's error message when the request would fail.
    #[wasm_bindgen(constructor)]
    pub fn new(request: &str, context: Option<String>) -> Result<ReplaySession, JsError> {
        let result = report(request, context.as_deref(), Offsets::Bytes);
        match result.response {
            Some(response) => {
                Ok(ReplaySession { replay: trailscope_core::replay::session::Replay::new(response.selectors) })
            }
            None => {
                let error = result
                    .error
                    .map_or_else(|| "invalid request".to_string(), |e| format!("{}: {}", e.error_type, e.message));
                Err(JsError::new(&error))
            }
        }
    }

    /// Feeds a chunk; returns the verdicts (and problems) it completed as a JSON array, or,
    /// when `rows` is false, only how many of them were logged.
    pub fn push(&mut self, chunk: &[u8], rows: bool) -> String {
        let mut out = Rows::new(rows);
        self.replay.push(chunk, &mut |item| out.add(item));
        out.finish()
    }

    /// Ends the current input (a file); returns what it completed, as `push`.
    pub fn finish(&mut self, rows: bool) -> String {
        let mut out = Rows::new(rows);
        self.replay.finish(&mut |item| out.add(item));
        out.finish()
    }

    /// The counts so far, as JSON.
    pub fn summary(&self) -> String {
        serde_json::to_string(self.replay.summary()).unwrap_or_default()
    }

    /// Why one record (its JSON text) is logged or not, as JSON.
    pub fn explain(&self, record: &str) -> String {
        let explained = self.replay.explain(record.as_bytes(), trailscope_core::replay::stream::Wrapping::Record);
        match explained {
            Ok(explanation) => serde_json::to_string(&explanation).unwrap_or_default(),
            Err(message) => serde_json::to_string(&serde_json::json!({ "problem": message })).unwrap_or_default(),
        }
    }
}

/// Collects a chunk's verdicts as JSON, or just counts the logged ones.
struct Rows {
    json: Option<String>,
    logged: u64,
}

impl Rows {
    fn new(rows: bool) -> Self {
        Rows { json: rows.then(|| String::from("[")), logged: 0 }
    }

    fn add(&mut self, item: trailscope_core::replay::session::Item<'_>) {
        let row = match item {
            trailscope_core::replay::session::Item::Event { verdict, .. } => {
                self.logged += u64::from(verdict.logged);
                Row::Event(verdict)
            }
            trailscope_core::replay::session::Item::Problem(problem) => Row::Problem(problem),
        };
        if let Some(json) = &mut self.json {
            if json.len() > 1 {
                json.push(',');
            }
            json.push_str(&serde_json::to_string(&row).unwrap_or_default());
        }
    }

    fn finish(self) -> String {
        match self.json {
            Some(json) => json + "]",
            None => self.logged.to_string(),
        }
    }
}

/// A reproducible synthetic CloudTrail log file (the same bytes as `trailscope synth`).
#[wasm_bindgen]
pub fn synth(seed: u32, events: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    trailscope_core::replay::synth::write_log(u64::from(seed), u64::from(events), &mut |b| bytes.extend_from_slice(b));
    bytes
}

/// The same synthetic log, in pieces (for streams: a large log is never held whole).
#[wasm_bindgen]
pub struct SynthLog(trailscope_core::replay::synth::LogWriter);

#[wasm_bindgen]
impl SynthLog {
    #[wasm_bindgen(constructor)]
    pub fn new(seed: u32, events: u32) -> SynthLog {
        SynthLog(trailscope_core::replay::synth::LogWriter::new(u64::from(seed), u64::from(events)))
    }

    /// The next piece of up to `records` records; empty once the log is complete.
    pub fn next(&mut self, records: u32) -> Vec<u8> {
        let mut out = Vec::new();
        self.0.write_next(u64::from(records), &mut out);
        out
    }
}
