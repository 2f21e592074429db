//! The on-demand panels: Ask the trail (issue 10) and Export and SQL (issues 11 §4, 13). Each
//! panel (www/<name>/<name>-panel.js) loads only when it is opened and asks the one ask worker
//! (www/worker/ask-worker.js): the core answers there and the panel lays it out, so the page
//! carries only this host. Measured: the Ask panel in Yew cost the page 15-20 KB gzipped, over
//! the 400 KB budget (`make size`).

use crate::state::live::LiveState;
use crate::state::playground::{Events, PlaygroundState};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

// The page's side of the panels: until one is opened, a title, a line and a button; opening
// loads its module and mounts it in the same element; later changes refresh every open panel.
#[wasm_bindgen(inline_js = "
const panels = [];
function open(root, host, name) {
  host.worker = askWorker();
  host.ask = askOnce;
  const loading = import(new URL(`${name}/${name}-panel.js`, document.baseURI).href).then((m) => m.mount(root, host));
  panels.push(loading);
  loading.catch(() => { root.textContent = 'The panel could not be loaded.'; });
}
function opener(root, host, name, title, line, label) {
  const button = document.createElement('button');
  button.className = 'action';
  button.textContent = label;
  button.dataset.testid = `${name}-open`;
  button.addEventListener('click', () => open(root, host, name));
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = line;
  const head = document.createElement('h2');
  head.textContent = title;
  root.replaceChildren(head, hint, button);
}
export function attach_ask(root, host) {
  wireFormat(host);
  opener(root.nextElementSibling, host, 'output', 'Export and SQL', 'The selectors as an AWS CLI command, boto3, CloudFormation, Terraform or CDK; or as the SQL that selects the events they log.', 'Export as…');
  if (host.question !== null) return open(root, host, 'ask');
  opener(root, host, 'ask', 'Ask the trail', 'Does it log every S3 object write? Every management event? Exact answers, with examples.', 'Ask the trail');
}
// One ask worker for the panels and the Format button (one copy of the wasm, not two).
let worker = null;
const askWorker = () => (worker ??= new Worker(new URL('worker/ask-worker.js', document.baseURI), { type: 'module' }));
// One question to the worker, answered once (its listener then removed).
let asked = 0;
const askOnce = (op, args) => new Promise((resolve) => {
  const id = ++asked;
  const listen = ({ data }) => {
    if (data.op !== op || data.id !== id) return;
    askWorker().removeEventListener('message', listen);
    resolve(data.result);
  };
  askWorker().addEventListener('message', listen);
  askWorker().postMessage({ id, op, args });
});
// The request editor's completion (www/editor/editor.js) and its file view (www/iac/) ask the
// same worker, when first used.
globalThis.trailscopeComplete = (text, at) => askOnce('complete', [text, at]);
globalThis.trailscopeAsk = askOnce;
// Format (the request pane's button): the ask worker writes the request's canonical form.
function wireFormat(host) {
  const button = document.querySelector('[data-testid=format]');
  button?.addEventListener('click', () => askOnce('format', [host.request()]).then((result) => {
    if (result.answer) host.setRequest(result.answer);
  }));
}
export function refresh_ask() {
  for (const loading of panels) loading.then((panel) => panel.refresh(), () => {});
}
")]
extern "C" {
    /// Shows the panels' opening lines in `root` and its next sibling (or the Ask panel itself,
    /// for a question from a link).
    fn attach_ask(root: &web_sys::Element, host: &JsValue);
    /// Asks the open panels' questions again.
    fn refresh_ask();
}

#[derive(Properties, PartialEq)]
pub struct AskPanelProps {
    pub live: Rc<LiveState>,
    /// Replaces the page's state, undoably (a template inserted, an example sent to the replay).
    pub load: Callback<(String, PlaygroundState)>,
    /// Bumped whenever the analysis changes: the panel asks again.
    pub revision: u64,
    /// The trail's stored selectors before this call (get-event-selectors JSON).
    pub before: Option<String>,
    /// The question a link restored (the panel opens with it).
    pub question: Option<String>,
    /// Told the question asked, for share links.
    pub on_question: Callback<Option<String>>,
}

/// What the panel module (and the Format button) calls back, kept alive while mounted.
struct Host {
    object: js_sys::Object,
    _request: Closure<dyn Fn() -> JsValue>,
    _context: Closure<dyn Fn() -> JsValue>,
    _before: Closure<dyn Fn() -> JsValue>,
    _on_question: Closure<dyn Fn(String)>,
    _insert: Closure<dyn Fn(String)>,
    _replay: Closure<dyn Fn(String)>,
    _set_request: Closure<dyn Fn(String)>,
}

fn text_or_null(text: Option<String>) -> JsValue {
    text.map_or(JsValue::NULL, |t| JsValue::from_str(&t))
}

/// What the host is made from (read from the props when the panel opens).
struct HostParts {
    live: Rc<LiveState>,
    load: Callback<(String, PlaygroundState)>,
    before: Rc<RefCell<Option<String>>>,
    question: Option<String>,
    on_question: Callback<Option<String>>,
}

impl Host {
    fn new(parts: HostParts) -> Host {
        let HostParts { live, load, before, question, on_question } = parts;
        let editor = live.request_editor.clone();
        let set_request = Closure::<dyn Fn(String)>::new(move |text: String| editor.set_text(&text));
        let (judged, in_context) = (live.clone(), live.clone());
        let request = Closure::<dyn Fn() -> JsValue>::new(move || text_or_null(judged.judged_request()));
        let context = Closure::<dyn Fn() -> JsValue>::new(move || text_or_null(in_context.judged_context()));
        let before = Closure::<dyn Fn() -> JsValue>::new(move || text_or_null(before.borrow().clone()));
        let on_question = Closure::<dyn Fn(String)>::new(move |q: String| on_question.emit(Some(q)));
        let insert = replacer(&live, &load, "A console template inserted", with_request);
        let replay = replacer(&live, &load, "An example sent to the replay", with_events);
        let object = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = js_sys::Reflect::set(&object, &key.into(), value);
        };
        set("request", request.as_ref());
        set("context", context.as_ref());
        set("before", before.as_ref());
        set("onQuestion", on_question.as_ref());
        set("question", &text_or_null(question));
        set("insert", insert.as_ref());
        set("replay", replay.as_ref());
        set("setRequest", set_request.as_ref());
        Host {
            object,
            _request: request,
            _context: context,
            _before: before,
            _on_question: on_question,
            _insert: insert,
            _replay: replay,
            _set_request: set_request,
        }
    }
}

/// The Ask card and, after it, the Export and SQL card (both filled by the host above).
#[function_component(AskPanel)]
pub fn ask_panel(props: &AskPanelProps) -> Html {
    let root = use_node_ref();
    let before = use_mut_ref(|| props.before.clone());
    *before.borrow_mut() = props.before.clone();
    let host: Rc<RefCell<Option<Host>>> = use_mut_ref(|| None);
    {
        let (root, host) = (root.clone(), host.clone());
        let parts = HostParts {
            live: props.live.clone(),
            load: props.load.clone(),
            before,
            question: props.question.clone(),
            on_question: props.on_question.clone(),
        };
        use_effect_with((), move |_| {
            if let Some(element) = root.cast::<web_sys::Element>() {
                let mounted = Host::new(parts);
                attach_ask(&element, &mounted.object);
                *host.borrow_mut() = Some(mounted);
            }
        });
    }
    use_effect_with((props.revision, props.before.clone()), |_| refresh_ask());
    html! {
        <>
            <div ref={root} class="card ask ask-root" data-testid="ask-panel"></div>
            <div class="card ask-root output" data-testid="output-panel"></div>
        </>
    }
}

/// A callback for the panel that changes the page's state with `change` and loads it (undoably,
/// saying `what` happened).
fn replacer(
    live: &Rc<LiveState>,
    load: &Callback<(String, PlaygroundState)>,
    what: &'static str,
    change: fn(&mut PlaygroundState, String),
) -> Closure<dyn Fn(String)> {
    let (live, load) = (live.clone(), load.clone());
    Closure::new(move |text: String| {
        if let Some(mut state) = live.read() {
            change(&mut state, text);
            load.emit((what.to_string(), state));
        }
    })
}

/// A template's request replaces the request.
fn with_request(state: &mut PlaygroundState, request: String) {
    state.request = request;
    state.sample = None;
}

/// An example's record becomes the events to replay.
fn with_events(state: &mut PlaygroundState, record: String) {
    state.events = Some(Events::Text { text: record });
}
