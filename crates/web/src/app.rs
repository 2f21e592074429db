//! The page: request editor and problems on the left, result, trail state and account
//! context on the right. The hooks hold the state; this is its layout.

use crate::ask::AskPanel;
use crate::components::context_panel::ContextPanel;
use crate::components::editor::{Editor, Marks};
use crate::components::problems::Problems;
use crate::components::result_panel::ResultPanel;
use crate::components::samples_menu::SamplesMenu;
use crate::components::share_bar::ShareBar;
use crate::hooks::{use_analysis, use_playground, UseAnalysis, UsePlayground};
use crate::platform::embed::Presentation;
use crate::platform::share;
use crate::replay::ReplayPanel;
use crate::state::playground::PlaygroundState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The state the page opens with.
    pub state: PlaygroundState,
    /// Why a link could not be used, shown until dismissed.
    pub notice: Option<String>,
    pub presentation: Presentation,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let opening = &props.state;
    let UsePlayground {
        live,
        replay_generation,
        replay_opening,
        save,
        load,
        on_sample,
        replaced,
        on_undo,
        on_forget_undo,
        on_replay_setup,
        on_question,
    } = use_playground(opening, !props.presentation.embed);
    let (request_editor, context_editor) = (live.request_editor.clone(), live.context_editor.clone());
    let results = use_node_ref();
    let UseAnalysis { analysis, on_change, on_fix, on_store } =
        use_analysis(&opening.request, &opening.context, &live, &results, save);
    // A file in the request editor: the analysis is its picked trail's; the file's view (www/iac)
    // shows the rest, and hides the page's own problems and result.
    let file = crate::iac::file_request().is_some();
    let notice = use_state(|| props.notice.clone());
    let on_notice = {
        let notice = notice.clone();
        Callback::from(move |text: Option<String>| notice.set(text))
    };
    let on_reveal = {
        let editor = request_editor.clone();
        Callback::from(move |(from, to): (usize, usize)| editor.reveal(from, to))
    };
    let current = &analysis.report;
    let before = current.trail.as_ref().and_then(|t| serde_json::to_string(&t.before).ok());
    let diagnostics = analysis.diagnostics.clone();
    let presentation = &props.presentation;
    let embed = presentation.embed;
    html! {
        <div class={classes!("app", embed.then_some("embedded"))}>
            if embed {
                <header class="topbar embed-bar">
                    <span class="brand"><span class="logo" aria-hidden="true">{"⌁"}</span><h1>{"trailscope"}</h1></span>
                    <a class="open-full" href={format!("{}{}", share::page_url_without_query(), share::fragment())}
                        target="_blank" rel="noopener noreferrer" data-testid="open-full">{"Open in trailscope ↗"}</a>
                </header>
            } else {
                <header class="topbar">
                    <div class="brand">
                        <span class="logo" aria-hidden="true">{"⌁"}</span>
                        <h1>{"trailscope"}</h1>
                        <span class="tagline">{"CloudTrail PutEventSelectors playground · runs in your browser, no AWS account needed"}</span>
                    </div>
                    <div class="topbar-actions">
                        <SamplesMenu selected={live.sample_now(&opening.request)} on_select={on_sample} />
                        <ShareBar live={(*live).clone()} on_load={load.clone()} on_notice={on_notice.clone()} />
                    </div>
                </header>
            }
            if let Some(text) = (*notice).clone() {
                <div class="notice" role="alert" data-testid="notice">
                    <span>{text}</span>
                    <button class="fix" onclick={on_notice.reform(|_: MouseEvent| None)} aria-label="Dismiss">{"Dismiss"}</button>
                </div>
            }
            if let Some(replaced) = replaced {
                <div class="notice" role="status" data-testid="replaced">
                    <span>{format!("{}: the request and context were replaced.", replaced.what)}</span>
                    <span class="actions">
                        <button class="fix" onclick={on_undo.reform(|_: MouseEvent| ())} data-testid="undo-replace">{"Undo"}</button>
                        <button class="fix" onclick={on_forget_undo.reform(|_: MouseEvent| ())}>{"Dismiss"}</button>
                    </span>
                </div>
            }
            <main class="workspace">
                <section class="pane request-pane" aria-labelledby="request-title">
                    <div class="pane-head">
                        <h2 id="request-title">{"Request"}</h2>
                        // The file's view names its dialect here.
                        <span class="badge dialect" data-testid="dialect">{"JSON request"}</span>
                        if presentation.read_only {
                            <span class="hint" data-testid="read-only">{"read-only"}</span>
                        } else {
                            <span class="hint">{"PutEventSelectors JSON, get-event-selectors output, a selector array, or a CloudFormation, Terraform or CDK file · Esc then Tab leaves the editor"}</span>
                            // Wired by the ask glue (crates/web/src/ask): the ask worker writes the canonical form.
                            <button class="fix" data-testid="format" disabled={!current.valid || file}
                                title="Canonical order, defaults written out (Ctrl+Z undoes it)">{"Format"}</button>
                        }
                    </div>
                    <Editor initial={AttrValue::from(opening.request.clone())} on_change={on_change.clone()}
                        editor={request_editor.clone()} label="PutEventSelectors request" marks={if file { Marks::Elsewhere } else { Marks::Report(diagnostics.clone()) }}
                        class="request-editor" read_only={presentation.read_only} completion=true />
                    <Problems diagnostics={diagnostics} error={current.error.clone()} on_reveal={on_reveal} on_fix={(!presentation.read_only).then_some(on_fix)} />
                </section>
                <section ref={results} class="pane side-pane" aria-label="Result and context">
                    <ResultPanel report={analysis.report.clone()} {on_store} />
                    <AskPanel live={live.clone()} load={load.clone()}
                        revision={analysis.revision} before={before.clone()} question={live.question.borrow().clone()} {on_question} />
                    <div class={classes!((!presentation.context).then_some("hidden"))}>
                        <ContextPanel initial={AttrValue::from(opening.context.clone())} on_change={on_change}
                            editor={context_editor.clone()} error={current.context_error.clone()} />
                    </div>
                </section>
                if presentation.replay {
                    <section class="replay-pane" aria-label="Replay">
                        <ReplayPanel key={replay_generation} live={live.clone()}
                            selectors={analysis.selectors.clone()} before={before.clone()}
                            opening={replay_opening} on_setup={on_replay_setup} />
                    </section>
                }
            </main>
            if !embed {
                <footer class="footer">
                    {"Rules follow the AWS CloudTrail API contract; where AWS documents nothing, trailscope's choice is marked "}
                    <span class="badge decision">{"decision"}</span>
                    {" and explained. Nothing leaves this page: share links keep the state in the part of the address after #, which browsers never send."}
                </footer>
            }
        </div>
    }
}
