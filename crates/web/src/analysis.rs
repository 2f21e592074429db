//! Runs the core on the editors' texts and keeps what the views show.

use trailscope_core::context::ContextError;
use trailscope_core::report::{flatten, FlatDiagnostic, Offsets};
use trailscope_core::{put_event_selectors, AccountContext, Evaluation};

#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub evaluation: Evaluation,
    /// The evaluation's diagnostics with UTF-16 offsets for the editor.
    pub diagnostics: Vec<FlatDiagnostic>,
    /// Set when the context text cannot be used; the request is then judged without one.
    pub context_error: Option<ContextError>,
}

pub fn analyse(request: &str, context: &str) -> Analysis {
    let (context, context_error) = match AccountContext::from_json(context) {
        Ok(c) => (Some(c), None),
        Err(e) => (None, Some(e)),
    };
    let evaluation = put_event_selectors(request, context.as_ref());
    let diagnostics = flatten(request, &evaluation.diagnostics, Offsets::BytesAndUtf16);
    Analysis {
        evaluation,
        diagnostics,
        context_error,
    }
}
