//! The samples menu: valid requests first, the coverage puzzles, one invalid request per
//! exception, then a file per dialect the page reads (`iac::SAMPLE_FILES`). A sample
//! loads when picked from the open list; keys that would change a closed select's value (arrows,
//! letters) do nothing, so browsing never replaces the request.

use trailscope_core::samples::{self, Expect};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SamplesMenuProps {
    /// The sample the request still is; None once edited ("Custom").
    pub selected: Option<String>,
    pub on_select: Callback<String>,
}

/// Keys a closed select acts on without opening: they would load a sample.
fn changes_closed_select(e: &KeyboardEvent) -> bool {
    let opens = e.alt_key() || matches!(e.key().as_str(), " " | "Enter" | "Tab" | "Escape" | "F4");
    !opens && !e.ctrl_key() && !e.meta_key()
}

#[function_component(SamplesMenu)]
pub fn samples_menu(props: &SamplesMenuProps) -> Html {
    let onchange = props.on_select.reform(|e: Event| {
        e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
    });
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        if changes_closed_select(&e) {
            e.prevent_default();
        }
    });
    let selected = props.selected.as_deref();
    // Valid samples, the coverage puzzles (configurations posture checkers misjudge), invalid ones.
    let option = |valid: bool, group: Option<&'static str>| {
        let wanted = move |s: &&samples::Sample| (s.expect == Expect::Valid) == valid && s.group.as_deref() == group;
        samples::all().iter().filter(wanted).map(move |s| {
            html! { <option value={s.id.as_str()} title={s.description.as_str()} selected={selected == Some(s.id.as_str())}>{&s.title}</option> }
        })
    };
    let files = crate::iac::SAMPLE_FILES.iter().map(|(name, title)| {
        let id = format!("file:{name}");
        let chosen = selected == Some(id.as_str());
        html! { <option selected={chosen} value={id}>{*title}</option> }
    });
    html! {
        <label class="samples">
            <span>{"Sample"}</span>
            <select {onchange} {onkeydown} data-testid="samples" aria-label="Load a sample request">
                <option value="" hidden=true selected={selected.is_none()}>{"Custom"}</option>
                <optgroup label="Valid">{ for option(true, None) }</optgroup>
                <optgroup label="Coverage puzzles: what posture checkers misjudge">{ for option(true, Some("coverage-puzzles")) }</optgroup>
                <optgroup label="Invalid: one per exception">{ for option(false, None) }</optgroup>
                <optgroup label="Your own files: CloudFormation, Terraform, CDK">{ for files }</optgroup>
            </select>
        </label>
    }
}
