//! A Yew component around the CodeMirror module (bound in `platform::editor_js`). Rust owns
//! the diagnostics; the editor only shows them.

use crate::platform::editor_js::{EditorOptions, EditorRef};
use std::rc::Rc;
use trailscope_core::report::FlatDiagnostic;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The diagnostics as the report has them (core's wire type); editor.js maps them to
/// CodeMirror's lint entries.
fn js_diagnostics(diagnostics: &[FlatDiagnostic]) -> JsValue {
    serde_wasm_bindgen::to_value(diagnostics).unwrap_or(JsValue::NULL)
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text the editor starts with (later changes go through `EditorRef::set_text`).
    pub initial: AttrValue,
    /// Called after every change; read the text with `EditorRef::text` when needed.
    pub on_change: Callback<()>,
    pub editor: EditorRef,
    pub label: AttrValue,
    #[prop_or_default]
    pub diagnostics: Rc<Vec<FlatDiagnostic>>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub read_only: bool,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let node = use_node_ref();
    {
        let (node, editor, on_change, initial, label, read_only) = (
            node.clone(),
            props.editor.clone(),
            props.on_change.clone(),
            props.initial.clone(),
            props.label.clone(),
            props.read_only,
        );
        use_effect_with((), move |_| {
            if let Some(parent) = node.cast::<web_sys::Element>() {
                let options = EditorOptions { label: &label, read_only };
                editor.mount(&parent, &initial, &options, move || on_change.emit(()));
            }
            move || editor.unmount()
        });
    }
    {
        let editor = props.editor.clone();
        use_effect_with(props.diagnostics.clone(), move |diagnostics| {
            editor.set_diagnostics(js_diagnostics(diagnostics));
        });
    }
    html! { <div ref={node} class={classes!("editor", props.class.clone())}></div> }
}
