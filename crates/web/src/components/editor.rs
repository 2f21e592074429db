//! A Yew component around the CodeMirror module (bound in `platform::editor_js`). Rust owns
//! the diagnostics; the editor only shows them.

use crate::platform::editor_js::{EditorOptions, EditorRef};
use std::rc::Rc;
use trailscope_core::context::ContextError;
use trailscope_core::report::FlatDiagnostic;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// What an editor marks, as core serializes it; editor.js maps each to CodeMirror's lint
/// entries (a report's diagnostics carry offsets, a context error its line and column).
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Marks {
    #[default]
    None,
    Report(Rc<Vec<FlatDiagnostic>>),
    Context(Option<ContextError>),
    /// Set by the page's JS (www/iac: a file's trail): left as they are.
    Elsewhere,
}

impl Marks {
    fn to_js(&self) -> JsValue {
        let value = match self {
            Marks::None | Marks::Elsewhere => Ok(js_sys::Array::new().into()),
            Marks::Report(diagnostics) => serde_wasm_bindgen::to_value(&**diagnostics),
            Marks::Context(error) => serde_wasm_bindgen::to_value(error.as_slice()),
        };
        value.unwrap_or(JsValue::NULL)
    }
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
    pub marks: Marks,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub read_only: bool,
    /// Offers completion from the core's catalogues (the request editor).
    #[prop_or_default]
    pub completion: bool,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let node = use_node_ref();
    {
        let (node, editor, on_change, initial, label, read_only, completion) = (
            node.clone(),
            props.editor.clone(),
            props.on_change.clone(),
            props.initial.clone(),
            props.label.clone(),
            props.read_only,
            props.completion,
        );
        use_effect_with((), move |_| {
            if let Some(parent) = node.cast::<web_sys::Element>() {
                let options = EditorOptions { label: &label, read_only, completion };
                editor.mount(&parent, &initial, &options, move || on_change.emit(()));
            }
            move || editor.unmount()
        });
    }
    {
        let editor = props.editor.clone();
        use_effect_with(props.marks.clone(), move |marks| {
            if *marks != Marks::Elsewhere {
                editor.set_diagnostics(marks.to_js());
            }
        });
    }
    html! { <div ref={node} class={classes!("editor", props.class.clone())}></div> }
}
