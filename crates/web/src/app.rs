//! The page: request editor and problems on the left, result, trail state and account
//! context on the right. State lives here; the panels are views of it.

use crate::analysis::{analyse, Analysis};
use crate::context_panel::ContextPanel;
use crate::editor::{Editor, EditorRef};
use crate::problems::Problems;
use crate::replay_panel::ReplayPanel;
use crate::result_panel::ResultPanel;
use crate::samples_menu::SamplesMenu;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use trailscope_core::report::FlatFix;
use trailscope_core::samples::{self, DEFAULT_SAMPLE};
use trailscope_core::AccountContext;
use yew::prelude::*;

/// Quiet time after the last keystroke before re-validating.
const DEBOUNCE_MS: u32 = 120;

#[function_component(App)]
pub fn app() -> Html {
    let sample_id = use_state(|| DEFAULT_SAMPLE.id.to_string());
    let analysis = use_state(|| Rc::new(analyse(DEFAULT_SAMPLE.request, DEFAULT_SAMPLE.context_json())));
    let request_editor = use_state(EditorRef::default);
    let context_editor = use_state(EditorRef::default);
    // The pending re-validation; replacing it cancels the previous one (the debounce). Typing
    // changes no state: the texts are read from the editors only when the timer fires.
    let timer = use_mut_ref(|| None::<Timeout>);
    // Counts analyses, so that a held replay re-runs after each one. The count lives in a cell:
    // the timer's closure outlives the render that made it and must not read a stale state.
    let revision = use_state(|| 0u64);
    let analyses = use_mut_ref(|| 0u64);

    let on_change = {
        let (timer, analysis, revision, analyses) =
            (timer.clone(), analysis.clone(), revision.clone(), analyses.clone());
        let (request_editor, context_editor) = ((*request_editor).clone(), (*context_editor).clone());
        Callback::from(move |()| {
            let (analysis, revision, analyses, request_editor, context_editor) =
                (analysis.clone(), revision.clone(), analyses.clone(), request_editor.clone(), context_editor.clone());
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                if let (Some(request), Some(context)) = (request_editor.text(), context_editor.text()) {
                    analysis.set(Rc::new(analyse(&request, &context)));
                    *analyses.borrow_mut() += 1;
                    revision.set(*analyses.borrow());
                }
            }));
        })
    };
    let on_sample = {
        let (request_editor, context_editor, sample_id) =
            (request_editor.clone(), context_editor.clone(), sample_id.clone());
        Callback::from(move |id: String| {
            if let Some(sample) = samples::find(&id) {
                request_editor.set_text(sample.request);
                context_editor.set_text(sample.context_json());
                sample_id.set(id);
            }
        })
    };
    let on_reveal = {
        let editor = request_editor.clone();
        Callback::from(move |(from, to): (usize, usize)| editor.reveal(from, to))
    };
    let on_fix = {
        let editor = request_editor.clone();
        Callback::from(move |fix: FlatFix| editor.apply_fix(&fix))
    };

    let on_store = {
        let (context_editor, analysis) = (context_editor.clone(), analysis.clone());
        Callback::from(move |()| {
            let context = context_editor.text().unwrap_or_default();
            let (Some(response), Ok(mut stored)) = (&analysis.response, AccountContext::from_json(&context)) else {
                return;
            };
            if stored.store(response) {
                context_editor.set_text(&stored.to_json());
            }
        })
    };
    let current: &Analysis = &analysis;
    let before = current.trail.as_ref().and_then(|t| serde_json::to_string(&t.before).ok());
    let diagnostics = Rc::new(current.diagnostics.clone());
    html! {
        <div class="app">
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{"⌁"}</span>
                    <h1>{"trailscope"}</h1>
                    <span class="tagline">{"CloudTrail PutEventSelectors playground · runs in your browser, no AWS account needed"}</span>
                </div>
                <SamplesMenu selected={(*sample_id).clone()} on_select={on_sample} />
            </header>
            <main class="workspace">
                <section class="pane request-pane" aria-labelledby="request-title">
                    <div class="pane-head">
                        <h2 id="request-title">{"Request"}</h2>
                        <span class="hint">{"PutEventSelectors JSON, get-event-selectors output, or a selector array · Esc then Tab leaves the editor"}</span>
                    </div>
                    <Editor initial={AttrValue::from(DEFAULT_SAMPLE.request)} on_change={on_change.clone()}
                        editor={(*request_editor).clone()} label="PutEventSelectors request" diagnostics={diagnostics.clone()}
                        class="request-editor" />
                    <Problems diagnostics={diagnostics} on_reveal={on_reveal} on_fix={on_fix} />
                    <ReplayPanel request_editor={(*request_editor).clone()} context_editor={(*context_editor).clone()}
                        revision={*revision} valid={current.valid} before={before} />
                </section>
                <section class="pane side-pane" aria-label="Result and context">
                    <ResultPanel analysis={(*analysis).clone()} {on_store} />
                    <ContextPanel initial={AttrValue::from(DEFAULT_SAMPLE.context_json())} on_change={on_change}
                        editor={(*context_editor).clone()} error={current.context_error.clone()} />
                </section>
            </main>
            <footer class="footer">
                {"Rules follow the AWS CloudTrail API contract; where AWS documents nothing, trailscope's choice is marked "}
                <span class="badge decision">{"decision"}</span>
                {" and explained. Nothing leaves this page."}
            </footer>
        </div>
    }
}
