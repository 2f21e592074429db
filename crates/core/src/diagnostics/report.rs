//! One evaluation as plain data, the same for every consumer (the CLI's JSON, the wasm API,
//! the page): diagnostics flattened to lines and columns (1-based), byte offsets and, when
//! asked, UTF-16 offsets for JS editors.

use crate::check::context::{AccountContext, ContextError};
use crate::check::context_fix;
use crate::check::service::{put_event_selectors, ApiError, Evaluation, Outcome, TrailState};
use crate::diagnostics::{Code, Diagnostic, Fix, Provenance, Severity};
use crate::request::input::InputForm;
use crate::request::model::{Selectors, SelectorsResponse};
use crate::source::span::{LineIndex, Position};
use serde::Serialize;

/// One `PutEventSelectors` evaluation, the same data the CLI prints with `--format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Report {
    /// True when CloudTrail would accept the request (warnings allowed).
    pub valid: bool,
    /// What the text was read as; null when it is not JSON or not a known shape.
    pub form: Option<InputForm>,
    /// The `PutEventSelectors` response, defaults filled in; null when the call fails.
    pub response: Option<SelectorsResponse>,
    /// The error of the first failing stage, as the SDK or the API reports it.
    pub error: Option<ApiError>,
    /// Every problem, ordered by position.
    pub diagnostics: Vec<FlatDiagnostic>,
    /// The trail's selectors before and after the call (`get-event-selectors`).
    pub trail: Option<TrailState>,
    /// Set when a context was given but cannot be used; the request is then judged without.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub context_error: Option<ContextError>,
}

/// Evaluates `request` in the context `context` (JSON text), if any.
pub fn report(request: &str, context: Option<&str>, offsets: Offsets) -> Report {
    report_with_selectors(request, context, offsets).0
}

/// [`report`], and the selectors a replay can run through (`Evaluation::selectors`): set
/// while only the trail's name or its lookup fails.
pub fn report_with_selectors(
    request: &str,
    context_text: Option<&str>,
    offsets: Offsets,
) -> (Report, Option<Selectors>) {
    let (context, context_error) = match context_text.map(AccountContext::from_json) {
        Some(Ok(c)) => (Some(c), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let mut evaluation = put_event_selectors(request, context.as_ref());
    let selectors = evaluation.selectors.take();
    let mut report = Report { context_error, ..from_evaluation(request, evaluation, offsets) };
    if let (Some(context), Some(text)) = (&context, context_text) {
        context_fix::attach(request, text, context, &mut report.diagnostics, offsets);
    }
    (report, selectors)
}

pub fn from_evaluation(request: &str, evaluation: Evaluation, offsets: Offsets) -> Report {
    let valid = evaluation.is_valid();
    let (response, error) = match evaluation.outcome {
        Outcome::Response(r) => (Some(r), None),
        Outcome::Error(e) => (None, Some(e)),
    };
    Report {
        valid,
        form: evaluation.form,
        response,
        error,
        diagnostics: flatten(request, &evaluation.diagnostics, offsets),
        trail: evaluation.trail,
        context_error: None,
    }
}

/// A problem where it is: lines and columns are 1-based; `start`/`end` are byte offsets,
/// `from`/`to` UTF-16 offsets (what JS strings and editors count; set by `validate`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "Diagnostic"))]
pub struct FlatDiagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// RFC 6901 JSON pointer to the value (or member) at fault.
    pub pointer: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub help: Option<String>,
    /// Repairs, the likeliest first (several when the user must pick one).
    pub fixes: Vec<FlatFix>,
    /// Byte offsets into the source.
    pub start: usize,
    pub end: usize,
    /// UTF-16 offsets into the source, for JavaScript editors.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub from: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub to: Option<usize>,
    /// The spec section implemented, and the trailscope decision when AWS documents nothing.
    pub spec: &'static str,
    pub decision: Option<&'static str>,
    /// Whose words `message` is: `observed` (AWS's, seen from the real service), `documented`
    /// (AWS's or botocore's) or `decision` (trailscope's, where AWS's text is not known).
    pub provenance: Provenance,
}

/// A machine-applicable repair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "Fix"))]
pub struct FlatFix {
    pub title: String,
    /// The text the edits apply to: the request, or the account context.
    pub target: FixTarget,
    pub edits: Vec<FlatEdit>,
}

/// Which text a fix edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum FixTarget {
    Request,
    Context,
}

/// One replacement: byte offsets `start`/`end`, UTF-16 offsets `from`/`to` (set by `validate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "Edit"))]
pub struct FlatEdit {
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub from: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub to: Option<usize>,
    pub text: String,
}

/// Which offsets to add besides bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offsets {
    Bytes,
    BytesAndUtf16,
}

pub fn flatten(source: &str, diagnostics: &[Diagnostic], offsets: Offsets) -> Vec<FlatDiagnostic> {
    if diagnostics.is_empty() {
        return Vec::new();
    }
    // Every offset is placed in one pass over the text (a diagnostic-heavy 1 MB paste must not
    // cost a scan per diagnostic); they are taken back in the order they were listed.
    let mut wanted = Vec::new();
    for d in diagnostics {
        wanted.extend([d.span.start, d.span.end]);
        for e in d.fixes.iter().flat_map(|f| &f.edits) {
            wanted.extend([e.span.start, e.span.end]);
        }
    }
    let mut positions = LineIndex::new(source).positions(&wanted).into_iter();
    let mut next = move || positions.next().unwrap_or_default();
    let utf16 = |p: Position| (offsets == Offsets::BytesAndUtf16).then_some(p.utf16);
    diagnostics
        .iter()
        .map(|d| {
            let (start, end) = (next(), next());
            let fixes = d.fixes.iter().map(|f| flat_fix(f, &mut next, &utf16)).collect();
            FlatDiagnostic {
                code: d.code,
                severity: d.severity,
                message: d.message.clone(),
                pointer: d.pointer.clone(),
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                help: d.help.clone(),
                fixes,
                start: d.span.start,
                end: d.span.end,
                from: utf16(start),
                to: utf16(end),
                spec: d.basis.section,
                decision: d.basis.decision,
                provenance: d.provenance,
            }
        })
        .collect()
}

fn flat_fix(fix: &Fix, next: &mut impl FnMut() -> Position, utf16: &impl Fn(Position) -> Option<usize>) -> FlatFix {
    let edits = fix
        .edits
        .iter()
        .map(|e| {
            let (from, to) = (next(), next());
            FlatEdit { start: e.span.start, end: e.span.end, from: utf16(from), to: utf16(to), text: e.text.clone() }
        })
        .collect();
    FlatFix { title: fix.title.clone(), target: FixTarget::Request, edits }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SELECTORS: &str = r#""EventSelectors": [{"ReadWriteType": "WriteOnly"}]"#;

    #[test]
    fn selectors_stay_judgeable_while_only_the_name_or_the_lookup_fails() {
        for name in ["ab", "no-such-trail"] {
            let context = r#"{"account": "123456789012", "region": "us-east-1"}"#;
            let (report, selectors) = report_with_selectors(
                &format!(r#"{{"TrailName": "{name}", {SELECTORS}}}"#),
                Some(context),
                Offsets::Bytes,
            );
            assert!(!report.valid, "{name}");
            assert!(matches!(selectors, Some(Selectors::Basic(list)) if list.len() == 1), "{name}");
        }
        let bad = r#"{"TrailName": "ab", "EventSelectors": [{"ReadWriteType": "Sometimes"}]}"#;
        assert_eq!(report_with_selectors(bad, None, Offsets::Bytes).1, None);
    }
}
