//! Ask the trail (issue 10). The panel itself (www/ask/ask-panel.js) and its worker load only
//! when it is opened: the questions run in the core, in the worker, and the panel lays out the
//! core's answer lines, so the page carries only this host. Measured: the same panel in Yew cost
//! the page 15-20 KB gzipped, over the 400 KB budget (`make size`).

use crate::platform::editor_js::EditorRef;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[wasm_bindgen(inline_js = "export function load_ask(root, host) {
  return import(new URL('ask/ask-panel.js', document.baseURI).href).then((m) => m.mount(root, host));
}")]
extern "C" {
    /// Loads the panel module and mounts it in `root`; resolves to its handle (`refresh()`).
    fn load_ask(root: &web_sys::Element, host: &JsValue) -> js_sys::Promise;
}

#[derive(Properties, PartialEq)]
pub struct AskPanelProps {
    pub request_editor: EditorRef,
    pub context_editor: EditorRef,
    /// Bumped whenever the analysis changes: the panel asks again.
    pub revision: u64,
    /// The trail's stored selectors before this call (get-event-selectors JSON).
    pub before: Option<String>,
    /// The question a link restored (the panel opens with it).
    pub question: Option<String>,
    /// Told the question asked, for share links.
    pub on_question: Callback<Option<String>>,
}

/// What the panel module calls back, kept alive while the panel is mounted.
struct Host {
    object: js_sys::Object,
    _request: Closure<dyn Fn() -> JsValue>,
    _context: Closure<dyn Fn() -> JsValue>,
    _before: Closure<dyn Fn() -> JsValue>,
    _on_question: Closure<dyn Fn(String)>,
}

fn text_or_null(text: Option<String>) -> JsValue {
    text.map_or(JsValue::NULL, |t| JsValue::from_str(&t))
}

/// What the host is made from (read from the props when the panel opens).
struct HostParts {
    request_editor: EditorRef,
    context_editor: EditorRef,
    before: Rc<RefCell<Option<String>>>,
    question: Option<String>,
    on_question: Callback<Option<String>>,
}

impl Host {
    fn new(parts: HostParts) -> Host {
        let HostParts { request_editor, context_editor, before, question, on_question } = parts;
        let request = Closure::<dyn Fn() -> JsValue>::new(move || text_or_null(request_editor.text()));
        let context = Closure::<dyn Fn() -> JsValue>::new(move || text_or_null(context_editor.text()));
        let before = Closure::<dyn Fn() -> JsValue>::new(move || text_or_null(before.borrow().clone()));
        let on_question = Closure::<dyn Fn(String)>::new(move |q: String| on_question.emit(Some(q)));
        let object = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = js_sys::Reflect::set(&object, &key.into(), value);
        };
        set("request", request.as_ref());
        set("context", context.as_ref());
        set("before", before.as_ref());
        set("onQuestion", on_question.as_ref());
        set("question", &text_or_null(question));
        Host { object, _request: request, _context: context, _before: before, _on_question: on_question }
    }
}

/// Calls the mounted panel's `refresh()`.
fn refresh(handle: &JsValue) {
    if let Ok(f) = js_sys::Reflect::get(handle, &"refresh".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(handle);
        }
    }
}

#[function_component(AskPanel)]
pub fn ask_panel(props: &AskPanelProps) -> Html {
    let root = use_node_ref();
    let open = use_state(|| props.question.is_some());
    let failed = use_state(|| false);
    let before = use_mut_ref(|| props.before.clone());
    *before.borrow_mut() = props.before.clone();
    let host: Rc<RefCell<Option<Host>>> = use_mut_ref(|| None);
    let handle: Rc<RefCell<Option<JsValue>>> = use_mut_ref(|| None);
    {
        let (root, host, handle, failed) = (root.clone(), host.clone(), handle.clone(), failed.clone());
        let parts = HostParts {
            request_editor: props.request_editor.clone(),
            context_editor: props.context_editor.clone(),
            before: before.clone(),
            question: props.question.clone(),
            on_question: props.on_question.clone(),
        };
        use_effect_with(*open, move |open| {
            if let (true, Some(element)) = (*open, root.cast::<web_sys::Element>()) {
                let mounted = Host::new(parts);
                let promise = load_ask(&element, &mounted.object);
                *host.borrow_mut() = Some(mounted);
                wasm_bindgen_futures::spawn_local(async move {
                    match wasm_bindgen_futures::JsFuture::from(promise).await {
                        Ok(h) => *handle.borrow_mut() = Some(h),
                        Err(_) => failed.set(true),
                    }
                });
            }
        });
    }
    {
        let handle = handle.clone();
        use_effect_with((props.revision, props.before.clone()), move |_| {
            if let Some(h) = handle.borrow().as_ref() {
                refresh(h);
            }
        });
    }
    let on_open = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    html! {
        <div class="card ask" data-testid="ask-panel">
            if !*open {
                <div class="card-head"><h2>{"Ask the trail"}</h2></div>
                <p class="hint">{"Does this trail log every S3 object write? Every management event? Ask about a class of events and get an exact answer, with examples, no events needed."}</p>
                <button onclick={on_open} data-testid="ask-open">{"Ask the trail"}</button>
            }
            if *failed {
                <p class="ask-refused" role="alert">{"The Ask panel could not be loaded."}</p>
            }
            <div ref={root} class="ask-root"></div>
        </div>
    }
}
