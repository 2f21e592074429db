//! The JS module the page imports (www/editor/editor.js, bundled to js/editor.bundle.js by
//! `make`): the CodeMirror editor and the share-link codec. Every import that can throw is
//! marked `catch`, so an exception comes back as an `Err` instead of unwinding through Rust
//! (wasm32 has no landing pads: a `RefCell` borrow held across it would stay held).

use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use trailscope_core::report::FlatFix;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/editor.bundle.js")]
extern "C" {
    #[derive(Clone)]
    pub type EditorHandle;

    #[wasm_bindgen(catch, js_name = createEditor)]
    fn create_editor(
        parent: &web_sys::Element,
        text: &str,
        on_change: &Closure<dyn Fn()>,
        options: &JsValue,
    ) -> Result<EditorHandle, JsValue>;

    #[wasm_bindgen(method, js_name = getText)]
    fn get_text(this: &EditorHandle) -> String;

    #[wasm_bindgen(method, catch, js_name = setText)]
    fn set_text(this: &EditorHandle, text: &str) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = setDiagnostics)]
    fn set_diagnostics(this: &EditorHandle, diagnostics: JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = applyEdits)]
    fn apply_edits(this: &EditorHandle, edits: JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    fn reveal(this: &EditorHandle, from: u32, to: u32) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    fn destroy(this: &EditorHandle) -> Result<(), JsValue>;

    #[wasm_bindgen(js_name = packText)]
    pub fn pack_text(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = unpackText)]
    pub fn unpack_text(packed: &str, max_bytes: f64) -> js_sys::Promise;
    #[wasm_bindgen(catch, js_name = downloadText)]
    pub fn download_text(name: &str, text: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = copyText)]
    pub fn copy_text(text: &str) -> js_sys::Promise;
}

/// What `createEditor` is given besides its text.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EditorOptions<'a> {
    pub label: &'a str,
    pub read_only: bool,
    pub completion: bool,
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
    /// Creates the editor in `parent`; `on_change` is called after every change.
    pub fn mount(
        &self,
        parent: &web_sys::Element,
        text: &str,
        options: &EditorOptions<'_>,
        on_change: impl Fn() + 'static,
    ) {
        let closure = Closure::<dyn Fn()>::new(on_change);
        let options = serde_wasm_bindgen::to_value(options).unwrap_or(JsValue::UNDEFINED);
        if let Ok(handle) = create_editor(parent, text, &closure, &options) {
            *self.0.borrow_mut() = Some(Instance { handle, _on_change: closure });
        }
    }

    /// Destroys the editor (on unmount).
    pub fn unmount(&self) {
        let instance = self.0.borrow_mut().take();
        if let Some(instance) = instance {
            let _ = instance.handle.destroy();
        }
    }

    /// The handle, with no borrow held while JS runs (a JS call may call back into Rust).
    fn handle(&self) -> Option<EditorHandle> {
        self.0.borrow().as_ref().map(|instance| instance.handle.clone())
    }

    pub fn set_text(&self, text: &str) {
        if let Some(h) = self.handle() {
            let _ = h.set_text(text);
        }
    }

    /// The editor itself, for the page's JS modules (www/iac); null before it is mounted.
    pub fn js(&self) -> JsValue {
        self.handle().map_or(JsValue::NULL, JsValue::from)
    }

    /// The current document, or None before the editor is mounted.
    pub fn text(&self) -> Option<String> {
        self.handle().map(|h| h.get_text())
    }

    pub fn reveal(&self, from: usize, to: usize) {
        if let Some(h) = self.handle() {
            let _ = h.reveal(clamp_u32(from), clamp_u32(to));
        }
    }

    /// Applies a diagnostic's fix (UTF-16 offsets; the editor clamps them to its document).
    pub fn apply_fix(&self, fix: &FlatFix) {
        if let (Some(h), Ok(value)) = (self.handle(), serde_wasm_bindgen::to_value(&fix.edits)) {
            let _ = h.apply_edits(value);
        }
    }

    /// Shows `diagnostics` (the report's, serialized) in the editor.
    pub fn set_diagnostics(&self, diagnostics: JsValue) {
        if let Some(h) = self.handle() {
            let _ = h.set_diagnostics(diagnostics);
        }
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
