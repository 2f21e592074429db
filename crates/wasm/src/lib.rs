//! A thin JavaScript facade over trailscope-core: one call in, plain data out (the same
//! `Report` the CLI prints with `--format json`). Positions are byte offsets, 1-based
//! lines/columns and UTF-16 offsets (`from`/`to`, what JS editors count).
//!
//! The TypeScript types of what crosses the boundary are generated from the Rust types
//! (crates/core/src/wire.rs → crates/wasm/types.d.ts); `tsc` checks a consumer against them.

#![deny(clippy::unwrap_used, clippy::expect_used)]

use serde::Serialize;
use trailscope_core::context::DEFAULT_CONTEXT_JSON;
use trailscope_core::import::file_report;
use trailscope_core::report::Offsets;
use wasm_bindgen::prelude::*;

mod ask;
mod complete;
mod export;
mod iac;
mod replay;
mod sql;
mod store;
mod synth;

pub use ask::{
    canonical, checkers, checkers_lines, console_templates, covers, covers_lines, diff, diff_lines, presets,
    question_keys, template_selectors, templates, templates_lines,
};
pub use export::{export_as, export_dialects};
pub use iac::{describe_trails_context_json, read_file};
pub use replay::ReplaySession;
pub use sql::{sql_layout, to_sql};
pub use store::VerdictStore;
pub use synth::{synth, synth_record, SynthLog};

/// The types of what crosses the boundary are generated from core's Rust types
/// (crates/core/src/wire.rs, by ts-rs) into `types.d.ts`, which the package ships beside this
/// module's declarations; `unchecked_return_type`s name them.
#[wasm_bindgen(typescript_custom_section)]
const WIRE_TYPES: &str = r#"
import type { FileReport, Report, Asked, Coverage, Diff, Selectors, Preset, TemplateMatch, Comparison, Line, KeySuggestions, Template, Dialect, DialectInfo, SqlDialect, SqlOptions, Completion } from "./types.js";
export type * from "./types.js";
"#;

/// Runs when the module is instantiated: panics (there should be none) are printed with their
/// message and location instead of surfacing as a bare `RuntimeError: unreachable`.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Validates a file as CloudTrail would judge its PutEventSelectors calls, in an optional
/// account context (a context or `aws cloudtrail describe-trails` output, JSON text): a
/// PutEventSelectors request (or get-event-selectors output, or a selector array), a
/// CloudFormation template (JSON or YAML, `cdk synth` output too), a Terraform file or
/// `terraform show -json` output, or CDK CfnTrail props. The result is the first trail's
/// report, with the `dialect` read and every trail's report in `trails`; `trail` picks one
/// trail by name, logical ID or address. Never throws for bad input: problems are diagnostics.
#[wasm_bindgen(unchecked_return_type = "FileReport")]
pub fn validate(request: &str, context: Option<String>, trail: Option<String>) -> Result<JsValue, JsError> {
    let result = file_report(request, context.as_deref(), trail.as_deref(), Offsets::BytesAndUtf16);
    result.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// The account context the playground starts with.
#[wasm_bindgen(js_name = defaultContext)]
pub fn default_context() -> String {
    DEFAULT_CONTEXT_JSON.to_string()
}
