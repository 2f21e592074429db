//! The page: request editor and problems on the left, result, trail state and account
//! context on the right. State lives here; the panels are views of it.

use crate::analysis::{analyse, Analysis};
use crate::context_panel::ContextPanel;
use crate::editor::{Editor, EditorRef};
use crate::problems::Problems;
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
    let request = use_state(|| DEFAULT_SAMPLE.request.to_string());
    let context = use_state(|| DEFAULT_SAMPLE.context_json().to_string());
    let sample_id = use_state(|| DEFAULT_SAMPLE.id.to_string());
    let analysis = use_state(|| Rc::new(analyse(DEFAULT_SAMPLE.request, DEFAULT_SAMPLE.context_json())));
    let request_editor = use_state(EditorRef::default);
    let context_editor = use_state(EditorRef::default);

    {
        let analysis = analysis.clone();
        use_effect_with(((*request).clone(), (*context).clone()), move |(request, context)| {
            let (request, context) = (request.clone(), context.clone());
            let timeout = Timeout::new(DEBOUNCE_MS, move || analysis.set(Rc::new(analyse(&request, &context))));
            move || drop(timeout)
        });
    }

    let on_request_change = {
        let request = request.setter();
        Callback::from(move |text: String| request.set(text))
    };
    let on_context_change = {
        let context = context.setter();
        Callback::from(move |text: String| context.set(text))
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
        let (context_editor, analysis, context) = (context_editor.clone(), analysis.clone(), context.clone());
        Callback::from(move |()| {
            let (Some(response), Ok(mut stored)) = (&analysis.response, AccountContext::from_json(&context)) else {
                return;
            };
            if stored.store(response) {
                context_editor.set_text(&stored.to_json());
            }
        })
    };
    let current: &Analysis = &analysis;
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
                    <Editor initial={AttrValue::from(DEFAULT_SAMPLE.request)} on_change={on_request_change}
                        editor={(*request_editor).clone()} label="PutEventSelectors request" diagnostics={diagnostics.clone()}
                        class="request-editor" />
                    <Problems diagnostics={diagnostics} on_reveal={on_reveal} on_fix={on_fix} />
                </section>
                <section class="pane side-pane" aria-label="Result and context">
                    <ResultPanel analysis={(*analysis).clone()} {on_store} />
                    <ContextPanel initial={AttrValue::from(DEFAULT_SAMPLE.context_json())} on_change={on_context_change}
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
