//! The whole validation, `put_event_selectors`, without a context and with one (a sample's, or
//! a context text from the input), then the report and the rendering every consumer makes of
//! it. Diagnostics and their fixes must point inside the text, on character boundaries, and the
//! outcome must agree with the diagnostics.
//!
//! Input: a first byte choosing the context (0: none; 1: a sample's, by the next byte; 2: the
//! text up to the first NUL byte is the context), then the request text (lossy UTF-8).

use trailscope_core::report::{self, Offsets};
use trailscope_core::{context::AccountContext, put_event_selectors, render, samples, Diagnostic};

pub fn check(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else { return };
    let (context_text, request) = match mode % 3 {
        0 => (None, rest),
        1 => {
            let contexts: Vec<&str> = samples::all().iter().map(|s| s.context_json()).collect();
            match rest.split_first() {
                Some((&pick, rest)) if !contexts.is_empty() => {
                    (Some(contexts[usize::from(pick) % contexts.len()]), rest)
                }
                _ => (None, rest),
            }
        }
        _ => match rest.iter().position(|&b| b == 0) {
            Some(nul) => (std::str::from_utf8(&rest[..nul]).ok(), &rest[nul + 1..]),
            None => (None, rest),
        },
    };
    let request = String::from_utf8_lossy(request);
    let context = context_text.and_then(|t| AccountContext::from_json(t).ok());

    let evaluation = put_event_selectors(&request, context.as_ref());
    for d in &evaluation.diagnostics {
        located(&request, d);
    }
    let errors = evaluation.diagnostics.iter().any(Diagnostic::is_error);
    assert_eq!(
        evaluation.is_valid(),
        !errors,
        "outcome {:?} with diagnostics {:?}",
        evaluation.outcome,
        evaluation.diagnostics
    );
    render::render(&request, "request.json", &evaluation.diagnostics);

    // The report (what the CLI prints and the page shows) reads the context text itself.
    let report = report::report(&request, context_text, Offsets::BytesAndUtf16);
    assert_eq!(report.valid, evaluation.is_valid());
    assert_eq!(report.context_error.is_some(), context_text.is_some() && context.is_none());
    for d in &report.diagnostics {
        assert!(d.line >= 1 && d.column >= 1 && (d.end_line, d.end_column) >= (d.line, d.column), "{d:?}");
        assert!(d.from <= d.to, "{d:?}");
    }
    // A context the page or CLI stores again must read back the same.
    if let Some(context) = &context {
        assert_eq!(AccountContext::from_json(&context.to_json()).as_ref(), Ok(context));
    }
}

/// The diagnostic's span and its fix's edits cut the text on character boundaries, and the
/// edits of a fix do not overlap (so they can be applied together).
pub(crate) fn located(text: &str, d: &Diagnostic) {
    let inside = |start: usize, end: usize| start <= end && text.get(start..end).is_some();
    assert!(inside(d.span.start, d.span.end), "{:?} span {:?} in {} bytes", d.code, d.span, text.len());
    for fix in &d.fixes {
        let mut edits: Vec<_> = fix.edits.iter().map(|e| e.span).collect();
        edits.sort();
        for pair in edits.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{:?} fix edits overlap: {:?}", d.code, fix.edits);
        }
        for e in &fix.edits {
            assert!(inside(e.span.start, e.span.end), "{:?} fix edit {:?} in {} bytes", d.code, e.span, text.len());
        }
    }
}
