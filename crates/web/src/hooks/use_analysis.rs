//! The analysis, re-run a quiet moment after the last edit (the debounce): typing changes no
//! state, the texts are read from the editors only when the timer fires.

use crate::state::analysis::{analyse, Analysed, Analysis};
use crate::state::live::LiveState;
use gloo::timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use trailscope_core::report::{FixTarget, FlatFix};
use trailscope_core::AccountContext;
use yew::prelude::*;

/// Quiet time after the last keystroke before re-validating.
const DEBOUNCE_MS: u32 = 120;

pub struct UseAnalysis {
    pub analysis: UseReducerHandle<Analysis>,
    /// For both editors: called after every edit.
    pub on_change: Callback<()>,
    /// Applies a fix of this analysis to the request (or the context), unless a text changed since.
    pub on_fix: Callback<FlatFix>,
    /// Records the analysed call's selectors on the context's trail.
    pub on_store: Callback<()>,
}

/// The analysis of `request` and `context` (the texts the page opens with, then the ones it
/// judges: `LiveState::judged_request`, `judged_context`); `on_analysed` is told after each.
/// `results` is `aria-busy` from an edit until its analysis is shown: assistive technology (and
/// a test) knows the result is being updated.
#[hook]
pub fn use_analysis(
    request: &str,
    context: &str,
    live: &Rc<LiveState>,
    results: &NodeRef,
    on_analysed: Callback<()>,
) -> UseAnalysis {
    let (request_editor, context_editor) = (&live.request_editor, &live.context_editor);
    let analysis = use_reducer(|| Analysis::new(analyse(request, context)));
    // Edits seen so far (the text revision); a cell, read by the timer and by fixes later.
    let edits = use_memo((), |_| Cell::new(0u64));
    // The pending re-validation; replacing it cancels the previous one.
    let timer = use_mut_ref(|| None::<Timeout>);
    let on_change = {
        let (edits, dispatch) = (edits.clone(), analysis.dispatcher());
        let live = live.clone();
        let results = results.clone();
        Callback::from(move |()| {
            set_busy(&results, true);
            edits.set(edits.get() + 1);
            let (edits, dispatch, on_analysed, live) =
                (edits.clone(), dispatch.clone(), on_analysed.clone(), live.clone());
            let results = results.clone();
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                if let (Some(request), Some(context)) = (live.judged_request(), live.judged_context()) {
                    let report = analyse(&request, &context);
                    crate::iac::refresh(&live, &request, &report.0);
                    dispatch.dispatch(Analysed { report, text_revision: edits.get() });
                    on_analysed.emit(());
                    // Yew renders the new analysis in a microtask: before any other task sees this.
                    set_busy(&results, false);
                }
            }));
        })
    };
    {
        // The texts the page opens with may be a file (a link, the last visit): read once mounted.
        let on_change = on_change.clone();
        use_effect_with((), move |_| on_change.emit(()));
    }
    let on_fix = {
        // The problems shown are this render's analysis: their fixes carry its text revision.
        let (edits, current) = (edits.clone(), (*analysis).clone());
        let (request_editor, context_editor) = (request_editor.clone(), context_editor.clone());
        Callback::from(move |fix: FlatFix| {
            if let Some(fix) = current.stamp(fix).for_text(edits.get()) {
                match fix.target {
                    FixTarget::Request => request_editor.apply_fix(&fix),
                    FixTarget::Context => context_editor.apply_fix(&fix),
                }
            }
        })
    };
    let on_store = {
        let (live, report) = (live.clone(), analysis.report.clone());
        Callback::from(move |()| {
            let (context_editor, context) = (&live.context_editor, live.judged_context().unwrap_or_default());
            let (Some(response), Ok(mut stored)) = (&report.response, AccountContext::from_json(&context)) else {
                return;
            };
            if stored.store(response) {
                context_editor.set_text(&stored.to_json());
            }
        })
    };
    UseAnalysis { analysis, on_change, on_fix, on_store }
}

/// Marks `results` as being updated (WAI-ARIA `aria-busy`), or no longer.
fn set_busy(results: &NodeRef, busy: bool) {
    if let Some(element) = results.cast::<web_sys::Element>() {
        let _ = if busy { element.set_attribute("aria-busy", "true") } else { element.remove_attribute("aria-busy") };
    }
}
