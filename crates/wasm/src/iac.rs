//! The page's reading of people's own files (issue 11 §4): what the ask worker answers when the
//! request editor holds something other than a JSON request, and the context describe-trails
//! output in the account context editor stands for. The page's own wasm has no importers (its
//! first load is at its budget): it asks these of the worker.

use crate::ask::{answer, to_js};
use serde::Serialize;
use trailscope_core::import::{describe_trails_context, file_report, Dialect, TrailReport};
use trailscope_core::report::Offsets;
use trailscope_core::request::canonical::request_text;
use wasm_bindgen::prelude::*;

/// A file as the page shows it: what it was read as, and each trail.
#[derive(Serialize)]
struct PageFile {
    dialect: Option<Dialect>,
    /// The dialect's short name (the badge) and its name for people; null when the text is no
    /// known form.
    short: Option<&'static str>,
    title: Option<&'static str>,
    trails: Vec<PageTrail>,
}

#[derive(Serialize)]
struct PageTrail {
    #[serde(flatten)]
    trail: TrailReport,
    /// The trail as a canonical PutEventSelectors request (what the replay and the Ask panel
    /// judge); null when its selectors are not valid.
    request: Option<String>,
}

/// `validate`'s file report, for the page: the dialect's title and, beside each trail's report,
/// its selectors as a JSON request.
#[wasm_bindgen(js_name = readFile)]
pub fn read_file(text: &str, context: Option<String>) -> Result<JsValue, JsError> {
    let file = file_report(text, context.as_deref(), None, Offsets::BytesAndUtf16);
    let trails = file
        .trails
        .into_iter()
        .map(|trail| {
            let request = trail.report.response.as_ref().map(|r| request_text(&trail.name, &r.selectors));
            PageTrail { trail, request }
        })
        .collect();
    to_js(&PageFile {
        dialect: file.dialect,
        short: file.dialect.map(Dialect::short),
        title: file.dialect.map(Dialect::title),
        trails,
    })
}

/// The account context describe-trails output describes, as context JSON, or why not.
#[wasm_bindgen(js_name = describeTrailsContext, unchecked_return_type = "Asked<string>")]
pub fn describe_trails_context_json(text: &str) -> Result<JsValue, JsError> {
    answer(describe_trails_context(text).map(|c| c.to_json()))
}
