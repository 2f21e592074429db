//! A thin JavaScript facade over trailscope-core: one call in, plain data out (the same
//! `Report` the CLI prints with `--format json`). Positions are byte offsets, 1-based
//! lines/columns and UTF-16 offsets (`from`/`to`, what JS editors count).
//!
//! The TypeScript types of what crosses the boundary are written next to the functions that
//! return it (`typescript_custom_section`); the npm package's tests check real values against them.

#![deny(clippy::unwrap_used, clippy::expect_used)]

use serde::Serialize;
use trailscope_core::context::DEFAULT_CONTEXT_JSON;
use trailscope_core::report::{report, Offsets};
use wasm_bindgen::prelude::*;

mod replay;
mod store;
mod synth;

pub use replay::ReplaySession;
pub use store::VerdictStore;
pub use synth::{synth, synth_record, SynthLog};

/// `Report` (crates/core/src/report.rs) with the UTF-16 offsets `validate` always adds.
#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &str = r#"
/** One `PutEventSelectors` evaluation, the same data the CLI prints with `--format json`. */
export interface Report {
  /** True when CloudTrail would accept the request (warnings allowed). */
  valid: boolean;
  /** What the text was read as; null when it is not JSON or not a known shape. */
  form: InputForm | null;
  /** The `PutEventSelectors` response, defaults filled in; null when the call fails. */
  response: SelectorsResponse | null;
  /** The error of the first failing stage, as the SDK or the API reports it. */
  error: ApiError | null;
  /** Every problem, ordered by position. */
  diagnostics: Diagnostic[];
  /** The trail's selectors before and after the call (`get-event-selectors`). */
  trail: TrailState | null;
  /** Set when a context was given but cannot be used; the request is then judged without. */
  context_error?: ContextError;
}

export type InputForm = "PutEventSelectorsRequest" | "GetEventSelectorsOutput" | "EventSelectorList" | "AdvancedEventSelectorList";

/** The exception CloudTrail (or the SDK) would raise, or a warning's name. */
export type Code =
  | "JsonSyntaxError" | "InputTooLarge" | "UnrecognizedInput" | "ParamValidationError"
  | "InvalidTrailNameException" | "CloudTrailARNInvalidException" | "ThrottlingException"
  | "UnsupportedOperationException" | "TrailNotFoundException" | "InvalidHomeRegionException"
  | "OperationNotPermittedException" | "NotOrganizationMasterAccountException"
  | "NoManagementAccountSLRExistsException" | "InsufficientDependencyServiceAccessPermissionException"
  | "ConflictException" | "InvalidEventSelectorsException"
  | "DuplicateKey" | "DuplicateValue" | "NoEffect" | "LogsNothing" | "NeverMatches" | "WildcardInValue"
  | "ArnEqualsPrefix" | "S3BucketWithoutSlash" | "ArnFormatMismatch" | "AllDataEvents";

export type Severity = "error" | "warning";
export type Provenance = "observed" | "documented" | "decision";

/** A problem where it is: lines and columns are 1-based; `start`/`end` are byte offsets,
 * `from`/`to` UTF-16 offsets (what JS strings and editors count). */
export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  /** RFC 6901 JSON pointer to the value (or member) at fault. */
  pointer: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  help: string | null;
  fix: Fix | null;
  start: number;
  end: number;
  from: number;
  to: number;
  /** The spec section the rule implements. */
  spec: string;
  /** The trailscope decision (e.g. "D12") the rule rests on when AWS documents nothing. */
  decision: string | null;
  /** Whose words `message` is: AWS's as observed from the real service, AWS's or botocore's as
   *  documented, or trailscope's own under a decision where AWS's text is not known. */
  provenance: Provenance;
}

/** A machine-applicable repair. */
export interface Fix {
  title: string;
  edits: Edit[];
}

export interface Edit {
  start: number;
  end: number;
  from: number;
  to: number;
  text: string;
}

/** `{"__type", "message"}` as the API (or the SDK, `raised_by: "client"`) reports it. */
export interface ApiError {
  __type: Code;
  message: string;
  /** 400 for service errors; absent for client-side ones. */
  http_status?: number;
  raised_by: "client" | "service";
}

/** `PutEventSelectorsResponse` / `GetEventSelectorsResponse`: basic or advanced selectors. */
export type SelectorsResponse = { TrailARN: string } & (
  | { EventSelectors: EventSelector[] }
  | { AdvancedEventSelectors: AdvancedEventSelector[] }
);

export interface EventSelector {
  ReadWriteType: "ReadOnly" | "WriteOnly" | "All";
  IncludeManagementEvents: boolean;
  DataResources: { Type: string; Values: string[] }[];
  ExcludeManagementEventSources: string[];
}

export interface AdvancedEventSelector {
  Name?: string;
  FieldSelectors: AdvancedFieldSelector[];
}

export interface AdvancedFieldSelector {
  Field: string;
  Equals?: string[];
  StartsWith?: string[];
  EndsWith?: string[];
  NotEquals?: string[];
  NotStartsWith?: string[];
  NotEndsWith?: string[];
}

export interface TrailState {
  before: SelectorsResponse;
  /** Equal to `before` when the call failed. */
  after: SelectorsResponse;
}

export interface ContextError {
  message: string;
  line: number;
  column: number;
}
"#;

/// Runs when the module is instantiated: panics (there should be none) are printed with their
/// message and location instead of surfacing as a bare `RuntimeError: unreachable`.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Validates a PutEventSelectors request (JSON text) as CloudTrail would, in an optional
/// account context (JSON text). Never throws for bad input: problems are diagnostics.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn validate(request: &str, context: Option<String>) -> Result<JsValue, JsError> {
    let result = report(request, context.as_deref(), Offsets::BytesAndUtf16);
    result.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// The account context the playground starts with.
#[wasm_bindgen(js_name = defaultContext)]
pub fn default_context() -> String {
    DEFAULT_CONTEXT_JSON.to_string()
}
