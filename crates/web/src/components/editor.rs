//! A Yew component around the CodeMirror module (www/editor/editor.js, bundled to
//! js/editor.bundle.js by `make`). Rust owns the diagnostics; the editor only shows them.

use std::cell::RefCell;
use std::rc::Rc;
use trailscope_core::report::FlatDiagnostic;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen(module = "/js/editor.bundle.js")]
extern "C" {
    pub type EditorHandle;

    #[wasm_bindgen(js_name = createEditor)]
    fn create_editor(
        parent: &web_sys::Element,
        text: &str,
        on_change: &Closure<dyn Fn()>,
        options: &JsValue,
    ) -> EditorHandle;

    #[wasm_bindgen(method, js_name = getText)]
    fn get_text(this: &EditorHandle) -> String;

    #[wasm_bindgen(method, js_name = setText)]
    pub fn set_text(this: &EditorHandle, text: &str);

    #[wasm_bindgen(method, js_name = setDiagnostics)]
    fn set_diagnostics(this: &EditorHandle, diagnostics: JsValue);

    #[wasm_bindgen(method, js_name = applyEdits)]
    fn apply_edits(this: &EditorHandle, edits: JsValue);

    #[wasm_bindgen(method)]
    pub fn reveal(this: &EditorHandle, from: u32, to: u32);

    #[wasm_bindgen(method)]
    fn destroy(this: &EditorHandle);
}

/// The live editor and the closure it calls back into.
struct Instance {
    handle: EditorHandle,
    _on_change: Closure<dyn Fn()>,
}

/// A shared reference to a mounted editor, for the parent to reveal ranges or set text.
#[derive(Clone, Default)]
pub struct EditorRef(Rc<RefCell<Option<Instance>>>);

impl PartialEq for EditorRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl EditorRef {
    fn with(&self, f: impl FnOnce(&EditorHandle)) {
        if let Some(instance) = self.0.borrow().as_ref() {
            f(&instance.handle);
        }
    }

    pub fn set_text(&self, text: &str) {
        self.with(|h| h.set_text(text));
    }

    /// The current document, or None before the editor is mounted.
    pub fn text(&self) -> Option<String> {
        self.0.borrow().as_ref().map(|instance| instance.handle.get_text())
    }

    pub fn reveal(&self, from: usize, to: usize) {
        self.with(|h| h.reveal(clamp_u32(from), clamp_u32(to)));
    }

    /// Applies a diagnostic's fix (UTF-16 offsets).
    pub fn apply_fix(&self, fix: &trailscope_core::report::FlatFix) {
        let edits: Vec<JsEdit> = fix
            .edits
            .iter()
            .map(|e| JsEdit { from: e.from.unwrap_or(0), to: e.to.unwrap_or(0), text: e.text.clone() })
            .collect();
        if let Ok(value) = serde_wasm_bindgen::to_value(&edits) {
            self.with(|h| h.apply_edits(value));
        }
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[derive(serde::Serialize)]
struct JsEdit {
    from: usize,
    to: usize,
    text: String,
}

#[derive(serde::Serialize)]
struct JsFix {
    title: String,
    edits: Vec<JsEdit>,
}

/// What CodeMirror's lint extension needs of a diagnostic.
#[derive(serde::Serialize)]
struct JsDiagnostic<'a> {
    from: usize,
    to: usize,
    severity: &'a str,
    message: String,
    code: &'a str,
    fix: Option<JsFix>,
}

fn js_diagnostics(diagnostics: &[FlatDiagnostic]) -> JsValue {
    let list: Vec<JsDiagnostic<'_>> = diagnostics
        .iter()
        .map(|d| JsDiagnostic {
            from: d.from.unwrap_or(0),
            to: d.to.unwrap_or(0),
            severity: if d.severity == trailscope_core::Severity::Error { "error" } else { "warning" },
            message: match &d.help {
                Some(help) => format!("{}: {}\nhelp: {help}", d.code, d.message),
                None => format!("{}: {}", d.code, d.message),
            },
            code: d.code.as_str(),
            fix: d.fix.as_ref().map(|f| JsFix {
                title: f.title.clone(),
                edits: f
                    .edits
                    .iter()
                    .map(|e| JsEdit { from: e.from.unwrap_or(0), to: e.to.unwrap_or(0), text: e.text.clone() })
                    .collect(),
            }),
        })
        .collect();
    serde_wasm_bindgen::to_value(&list).unwrap_or(JsValue::NULL)
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
                let closure = Closure::<dyn Fn()>::new(move || on_change.emit(()));
                let options = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&options, &"label".into(), &label.as_str().into());
                let _ = js_sys::Reflect::set(&options, &"readOnly".into(), &read_only.into());
                let handle = create_editor(&parent, &initial, &closure, &options);
                *editor.0.borrow_mut() = Some(Instance { handle, _on_change: closure });
            }
            move || {
                if let Some(instance) = editor.0.borrow_mut().take() {
                    instance.handle.destroy();
                }
            }
        });
    }
    {
        let editor = props.editor.clone();
        use_effect_with(props.diagnostics.clone(), move |diagnostics| {
            editor.with(|h| h.set_diagnostics(js_diagnostics(diagnostics)));
        });
    }
    html! { <div ref={node} class={classes!("editor", props.class.clone())}></div> }
}
