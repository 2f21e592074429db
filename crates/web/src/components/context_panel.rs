//! The simulated account: an editable JSON context and what each setting simulates
//! (decisions D19–D21).

use crate::components::editor::Editor;
use crate::platform::editor_js::EditorRef;
use trailscope_core::context::ContextError;
use yew::prelude::*;

/// Each exception the context can produce, how, and the decision it rests on.
const SIMULATED: &[(&str, &str, &str)] = &[
    ("TrailNotFoundException", "TrailName is not a trail of \"account\" (by name), nor any trail's ARN", "D19"),
    ("InvalidHomeRegionException", "the trail's \"homeRegion\" differs from \"region\"", "D19"),
    (
        "NotOrganizationMasterAccountException",
        "an organization trail, and \"account\" is neither organization.managementAccount nor a delegatedAdministrator",
        "D20",
    ),
    (
        "NoManagementAccountSLRExistsException",
        "an organization trail, with organization.serviceLinkedRole: false",
        "D21",
    ),
    (
        "InsufficientDependencyServiceAccessPermissionException",
        "an organization trail, with organization.dependencyAccess: false",
        "D21",
    ),
    ("OperationNotPermittedException", "a trail with \"serviceLinked\": true", "D21"),
    ("ConflictException", "a trail with \"status\": \"updating\"", "D21"),
    ("ThrottlingException", "\"throttle\": true", "D21"),
    ("UnsupportedOperationException", "\"region\" listed in \"unsupportedRegions\"", "D21"),
];

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
                label="Account context" class="context-editor" />
            if let Some(e) = &props.error {
                <p class="context-error" role="alert" data-testid="context-error">
                    { if e.line > 0 { format!("Context not used (line {}, column {}): {}", e.line, e.column, e.message) }
                      else { format!("Context not used: {}", e.message) } }
                    {" The request is judged as if the trail existed in us-east-1 of account 123456789012."}
                </p>
            }
            <details class="simulated">
                <summary>{"What the context simulates"}</summary>
                <table>
                    <thead><tr><th>{"Exception"}</th><th>{"When"}</th><th>{"Basis"}</th></tr></thead>
                    <tbody>
                        { for SIMULATED.iter().map(|(code, when, id)| html! {
                            <tr><td class="code">{*code}</td><td>{*when}</td>
                            <td><span class="badge decision" title="not documented by AWS">{*id}</span></td></tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </div>
    }
}
