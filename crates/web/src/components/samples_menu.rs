//! The samples menu: valid requests first, then one invalid request per exception.

use trailscope_core::samples::{self, Expect};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SamplesMenuProps {
    pub selected: String,
    pub on_select: Callback<String>,
}

#[function_component(SamplesMenu)]
pub fn samples_menu(props: &SamplesMenuProps) -> Html {
    let onchange = props.on_select.reform(|e: Event| {
        e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
    });
    let option = |valid: bool| {
        samples::all().iter().filter(move |s| (s.expect == Expect::Valid) == valid).map(|s| {
            html! { <option value={s.id.as_str()} title={s.description.as_str()} selected={s.id == props.selected}>{&s.title}</option> }
        })
    };
    html! {
        <label class="samples">
            <span>{"Sample"}</span>
            <select {onchange} data-testid="samples" aria-label="Load a sample request">
                <optgroup label="Valid">{ for option(true) }</optgroup>
                <optgroup label="Invalid: one per exception">{ for option(false) }</optgroup>
            </select>
        </label>
    }
}
