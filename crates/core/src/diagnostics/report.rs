//! One evaluation as plain data, the same for every consumer (the CLI's JSON, the wasm API,
//! the page): diagnostics flattened to lines and columns (1-based), byte offsets and, when
//! asked, UTF-16 offsets for JS editors.

use crate::check::context::{AccountContext, ContextError};
use crate::check::service::{put_event_selectors, ApiError, Evaluation, Outcome, TrailState};
use crate::diagnostics::{Code, Diagnostic, Fix, Provenance, Severity};
use crate::request::input::InputForm;
use crate::request::model::SelectorsResponse;
use crate::source::span::{LineIndex, Position};
use serde::Serialize;

/// A `PutEventSelectors` evaluation as data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub valid: bool,
    pub form: Option<InputForm>,
    pub response: Option<SelectorsResponse>,
    pub error: Option<ApiError>,
    pub diagnostics: Vec<FlatDiagnostic>,
    pub trail: Option<TrailState>,
    /// Set when a context was given but cannot be used; the request is then judged without.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context_error: Option<ContextError>,
}

/// Evaluates `request` in the context `context` (JSON text), if any.
pub fn report(request: &str, context: Option<&str>, offsets: Offsets) -> Report {
    let (context, context_error) = match context.map(AccountContext::from_json) {
        Some(Ok(c)) => (Some(c), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let evaluation = put_event_selectors(request, context.as_ref());
    Report { context_error, ..from_evaluation(request, evaluation, offsets) }
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlatDiagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub pointer: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub help: Option<String>,
    pub fix: Option<FlatFix>,
    /// Byte offsets into the source.
    pub start: usize,
    pub end: usize,
    /// UTF-16 offsets into the source, for JavaScript editors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<usize>,
    /// The spec section implemented, and the trailscope decision when AWS documents nothing.
    pub spec: &'static str,
    pub decision: Option<&'static str>,
    /// Whose words `message` is: `observed` (AWS's, seen from the real service), `documented`
    /// (AWS's or botocore's) or `decision` (trailscope's, where AWS's text is not known).
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlatFix {
    pub title: String,
    pub edits: Vec<FlatEdit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlatEdit {
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
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
        for e in d.fix.iter().flat_map(|f| &f.edits) {
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
            let fix = d.fix.as_ref().map(|f| flat_fix(f, &mut next, &utf16));
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
                fix,
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
    FlatFix { title: fix.title.clone(), edits }
}
