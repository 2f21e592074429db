//! The simulated account: an editable JSON context and what each setting simulates
//! (decisions D19–D21).

use crate::components::docs::decision_badge;
use crate::components::editor::{Editor, Marks};
use crate::platform::editor_js::EditorRef;
use trailscope_core::check::lookup::SIMULATED;
use trailscope_core::context::ContextError;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContextPanelProps {
    pub initial: AttrValue,
    pub on_change: Callback<()>,
    pub editor: EditorRef,
    pub error: Option<ContextError>,
}

#[function_component(ContextPanel)]
pub fn context_panel(props: &ContextPanelProps) -> Html {
    html! {
        <div class="card context" data-testid="context-panel">
            <div class="card-head">
                <h2>{"Account context"}</h2>
                <span class="hint">{"who calls, from where, and which trails exist"}</span>
            </div>
            <Editor initial={props.initial.clone()} on_change={props.on_change.clone()} editor={props.editor.clone()}
                label="Account context" class="context-editor" marks={Marks::Context(props.error.clone())} />
            <details class="simulated">
                <summary>{"What the context simulates"}</summary>
                <p class="hint">{"Checked in this order: when two settings hold, the call fails with the first."}</p>
                <table>
                    <thead><tr><th>{"Exception"}</th><th>{"When"}</th><th>{"Basis"}</th></tr></thead>
                    <tbody>
                        { for SIMULATED.iter().map(|s| html! {
                            <tr><td class="code">{s.code.as_str()}</td>
                            <td>{s.setting}<span class="stands-for">{format!("stands for {}", s.simulates)}</span></td>
                            <td>{ decision_badge(s.decision, true) }</td></tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </div>
    }
}
