//! Replays for JavaScript: chunks in, verdict rows (JSON) out.

use trailscope_core::model::Selectors;
use trailscope_core::replay::session::{Item, Replay, Row};
use trailscope_core::replay::stream::Wrapping;
use trailscope_core::report::{report, report_with_selectors, Offsets};
use trailscope_core::service::ApiError;
use wasm_bindgen::prelude::*;

/// What replays return is JSON text (one `JSON.parse` per chunk instead of building every row
/// as an object across the boundary); `Json<T>` says what the text parses to.
#[wasm_bindgen(typescript_custom_section)]
const REPLAY_TYPES: &str = r#"
import type { Row, Summary, Explanation, Wrapping } from "./types.js";

declare const parsesTo: unique symbol;
/** JSON text; `JSON.parse` of it is typed `T`. */
export type Json<T> = string & { readonly [parsesTo]: T };
declare global {
  interface JSON {
    parse<T>(text: Json<T>, reviver?: undefined): T;
  }
}

/** `push` and `finish` give the rows when `rows` is true, else how many events were logged. */
export interface ReplaySession {
  push(chunk: Uint8Array, rows: true): Json<Row[]>;
  push(chunk: Uint8Array, rows: false): Json<number>;
  finish(rows: true): Json<Row[]>;
  finish(rows: false): Json<number>;
}
"#;

/// A replay of CloudTrail events through a request's selectors, fed in chunks (e.g. from a
/// file stream, gunzipped by the browser's DecompressionStream).
#[wasm_bindgen]
pub struct ReplaySession {
    pub(crate) replay: Replay,
}

#[wasm_bindgen]
impl ReplaySession {
    /// Compiles the selectors of `request` (validated in `context`, if given); throws the
    /// validation report's error message when the request would fail.
    #[wasm_bindgen(constructor)]
    pub fn new(request: &str, context: Option<String>) -> Result<ReplaySession, JsError> {
        let result = report(request, context.as_deref(), Offsets::Bytes);
        match result.response {
            Some(response) => Ok(ReplaySession { replay: Replay::new(response.selectors) }),
            None => Err(JsError::new(&refusal(result.error))),
        }
    }

    /// A replay through the selectors of `request` whenever they can be judged: a wrong trail
    /// name or a failed lookup (in `context`) does not stop it (the page's replay, while the
    /// name is being fixed). Throws the report's error when the selectors themselves fail.
    pub(crate) fn judgeable(request: &str, context: Option<String>) -> Result<ReplaySession, JsError> {
        match report_with_selectors(request, context.as_deref(), Offsets::Bytes) {
            (_, Some(selectors)) => Ok(ReplaySession { replay: Replay::new(selectors) }),
            (result, None) => Err(JsError::new(&refusal(result.error))),
        }
    }

    /// A replay through selectors as a trail stores them (`{"EventSelectors": [...]}` or
    /// `{"AdvancedEventSelectors": [...]}`, a `TrailARN` member allowed): the trail's state
    /// before an edit, for the before/after view. Throws when PutEventSelectors would refuse
    /// them.
    #[wasm_bindgen(js_name = fromSelectors)]
    pub fn from_selectors(stored: &str) -> Result<ReplaySession, JsError> {
        let mut value: serde_json::Value = serde_json::from_str(stored).map_err(|e| JsError::new(&e.to_string()))?;
        if let Some(members) = value.as_object_mut() {
            members.remove("TrailARN");
        }
        let selectors: Selectors = serde_json::from_value(value).map_err(|e| JsError::new(&e.to_string()))?;
        // Validated as a context's stored selectors are (review B7): the matcher assumes it.
        if let Some(d) = trailscope_core::context::stored_selectors_error(&selectors) {
            let refusal = format!("the stored selectors would be refused ({} at {}): {}", d.code, d.pointer, d.message);
            return Err(JsError::new(&refusal));
        }
        Ok(ReplaySession { replay: Replay::new(selectors) })
    }

    /// Feeds a chunk; returns the verdicts (and problems) it completed as a JSON array, or,
    /// when `rows` is false, only how many of them were logged.
    #[wasm_bindgen(unchecked_return_type = "Json<Row[] | number>")]
    pub fn push(&mut self, chunk: &[u8], rows: bool) -> String {
        let mut out = Rows::new(rows);
        self.replay.push(chunk, &mut |item| out.add(item));
        out.finish()
    }

    /// Ends the current input (a file); returns what it completed, as `push`.
    #[wasm_bindgen(unchecked_return_type = "Json<Row[] | number>")]
    pub fn finish(&mut self, rows: bool) -> String {
        let mut out = Rows::new(rows);
        self.replay.finish(&mut |item| out.add(item));
        out.finish()
    }

    /// The counts so far, as JSON.
    #[wasm_bindgen(unchecked_return_type = "Json<Summary>")]
    pub fn summary(&self) -> String {
        serde_json::to_string(self.replay.summary()).unwrap_or_default()
    }

    /// Why one record (its JSON text, wrapped as the row's `wrapping` says) is logged or not,
    /// as JSON.
    #[wasm_bindgen(unchecked_return_type = "Json<Explanation | { problem: string }>")]
    pub fn explain(&self, record: &str, #[wasm_bindgen(unchecked_param_type = "Wrapping")] wrapping: u8) -> String {
        let explained =
            self.replay.explain(record.as_bytes(), Wrapping::from_code(wrapping).unwrap_or(Wrapping::Record));
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

    fn add(&mut self, item: Item<'_>) {
        let row = match item {
            Item::Event { verdict, .. } => {
                self.logged += u64::from(verdict.logged);
                Row::Event(verdict)
            }
            Item::Problem(problem) => Row::Problem(problem),
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

/// Why a request's selectors cannot be replayed: its error, as `{code}: {message}`.
fn refusal(error: Option<ApiError>) -> String {
    error.map_or_else(|| "invalid request".to_string(), |e| format!("{}: {}", e.error_type, e.message))
}
