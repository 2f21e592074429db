//! Replay events through the request's selectors in a Web Worker (www/worker/replay-worker.js,
//! over the wasm ReplaySession), with progress, cancel and the counts. The page's own thread
//! only sends files and draws what the worker reports.

use crate::editor::EditorRef;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

const WORKER_URL: &str = "./worker/replay-worker.js";
const SEED_EXAMPLES: &str = include_str!("../../../tests/events/seed-examples.json");

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Counts {
    pub events: u64,
    pub logged: u64,
    pub not_logged: u64,
    pub problems: u64,
    pub data_events: u64,
    pub data_events_logged: u64,
    pub by_selector: Vec<u64>,
}

/// A message from the worker.
#[derive(Debug, Clone, Deserialize)]
struct Report {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    bytes: f64,
    #[serde(default)]
    total: Option<f64>,
    #[serde(default)]
    summary: Option<Counts>,
    #[serde(default)]
    message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
enum Status {
    #[default]
    Idle,
    Running,
    Done,
    Cancelled,
    Failed(String),
}

#[derive(Debug, Clone, Default, PartialEq)]
struct ReplayState {
    status: Status,
    bytes: f64,
    total: Option<f64>,
    counts: Counts,
    source: String,
}

/// The worker and the closure it calls back, kept for the page's lifetime.
struct Connection {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

#[derive(Properties, PartialEq)]
pub struct ReplayPanelProps {
    pub request_editor: EditorRef,
    pub context_editor: EditorRef,
}

fn connect(state: &UseStateHandle<ReplayState>) -> Result<Connection, JsValue> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(WORKER_URL, &options)?;
    let state = state.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Ok(report) = serde_wasm_bindgen::from_value::<Report>(event.data()) else { return };
        let mut next = (*state).clone();
        next.bytes = report.bytes;
        next.total = report.total;
        if let Some(counts) = report.summary {
            next.counts = counts;
        }
        next.status = match report.kind.as_str() {
            "progress" => Status::Running,
            "done" => Status::Done,
            "cancelled" => Status::Cancelled,
            _ => Status::Failed(report.message.unwrap_or_else(|| "the replay failed".into())),
        };
        state.set(next);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Ok(Connection { worker, _on_message: on_message })
}

/// A source object for the worker: `{text}` or `{synth: {seed, events}}`.
fn source(value: serde_json::Value) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

#[function_component(ReplayPanel)]
pub fn replay_panel(props: &ReplayPanelProps) -> Html {
    let state = use_state(ReplayState::default);
    let connection = use_mut_ref(|| None::<Connection>);

    let start = {
        let (state, connection) = (state.clone(), connection.clone());
        let (request_editor, context_editor) = (props.request_editor.clone(), props.context_editor.clone());
        Callback::from(move |(label, sources): (String, js_sys::Array)| {
            start_replay(&state, &connection, &request_editor, &context_editor, label, sources);
        })
    };
    let seed = start.reform(|_: MouseEvent| {
        (
            "seed examples (10 events)".to_string(),
            js_sys::Array::of1(&source(serde_json::json!({ "text": SEED_EXAMPLES }))),
        )
    });
    let synth = |events: u32| {
        start.reform(move |_: MouseEvent| {
            let label = format!("synthetic log ({events} events)");
            (label, js_sys::Array::of1(&source(serde_json::json!({ "synth": { "seed": 1, "events": events } }))))
        })
    };
    let files = start.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let list = js_sys::Array::new();
        let mut names = Vec::new();
        if let Some(files) = input.files() {
            for i in 0..files.length() {
                if let Some(file) = files.get(i) {
                    names.push(file.name());
                    list.push(&file);
                }
            }
        }
        (names.join(", "), list)
    });
    let cancel = {
        let connection = connection.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(c) = connection.borrow().as_ref() {
                let message = source(serde_json::json!({ "type": "cancel" }));
                let _ = c.worker.post_message(&message);
            }
        })
    };
    let running = state.status == Status::Running;
    html! {
        <div class="card replay" data-testid="replay-panel">
            <div class="card-head">
                <h2>{"Replay events"}</h2>
                <span class="hint">{"in a Web Worker: the page stays responsive; files never leave the browser"}</span>
            </div>
            <div class="actions">
                <button class="action" onclick={seed} disabled={running} data-testid="replay-seed">{"Seed examples"}</button>
                <button class="action" onclick={synth(5_000)} disabled={running} data-testid="replay-synth">{"Synthetic log (5,000)"}</button>
                <button class="action" onclick={synth(500_000)} disabled={running} data-testid="replay-synth-large">{"Synthetic log (500,000)"}</button>
                <label class="file-pick">
                    {"Log files (.json, .json.gz, JSON Lines)…"}
                    <input type="file" multiple=true onchange={files} disabled={running} data-testid="replay-files" />
                </label>
                if running { <button class="fix" onclick={cancel} data-testid="replay-cancel">{"Cancel"}</button> }
            </div>
            { progress(&state) }
            { counts(&state.counts, &state.status) }
        </div>
    }
}

fn start_replay(
    state: &UseStateHandle<ReplayState>,
    connection: &Rc<RefCell<Option<Connection>>>,
    request_editor: &EditorRef,
    context_editor: &EditorRef,
    label: String,
    sources: js_sys::Array,
) {
    if connection.borrow().is_none() {
        match connect(state) {
            Ok(c) => *connection.borrow_mut() = Some(c),
            Err(_) => {
                state.set(ReplayState {
                    status: Status::Failed("the browser could not start the replay worker".into()),
                    ..Default::default()
                });
                return;
            }
        }
    }
    let message = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&message, &key.into(), value);
    };
    set("type", &"replay".into());
    set("request", &request_editor.text().unwrap_or_default().into());
    set("context", &context_editor.text().map_or(JsValue::NULL, JsValue::from));
    set("sources", &sources);
    if let Some(c) = connection.borrow().as_ref() {
        if c.worker.post_message(&message).is_ok() {
            state.set(ReplayState { status: Status::Running, source: label, ..Default::default() });
        }
    }
}

fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1e6)
}

fn progress(state: &ReplayState) -> Html {
    let (value, max) = match state.total {
        Some(total) if total > 0.0 => (state.bytes.to_string(), total.to_string()),
        _ => (String::new(), String::new()),
    };
    let text = match &state.status {
        Status::Idle => return html! {},
        Status::Failed(message) => {
            return html! { <p class="context-error" role="alert" data-testid="replay-status">{message.clone()}</p> }
        }
        Status::Running => format!("Replaying {}: {}", state.source, megabytes(state.bytes)),
        Status::Done => format!("Replayed {}: {}", state.source, megabytes(state.bytes)),
        Status::Cancelled => format!("Cancelled after {} of {}", megabytes(state.bytes), state.source),
    };
    html! {
        <div class="replay-progress">
            if state.status == Status::Running {
                if value.is_empty() { <progress aria-label="replay progress" /> } else { <progress {value} {max} aria-label="replay progress" /> }
            }
            <span data-testid="replay-status">{text}</span>
        </div>
    }
}

fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        "0%".into()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

fn counts(c: &Counts, status: &Status) -> Html {
    if *status == Status::Idle {
        return html! {};
    }
    html! {
        <table class="counts" data-testid="replay-counts">
            <tbody>
                <tr><th>{"Events"}</th><td data-testid="count-events">{c.events}</td></tr>
                <tr><th>{"Logged"}</th><td data-testid="count-logged">{c.logged}</td><td>{percent(c.logged, c.events)}</td></tr>
                <tr><th>{"Not logged"}</th><td data-testid="count-not-logged">{c.not_logged}</td></tr>
                <tr><th>{"Data events"}</th><td data-testid="count-data">{c.data_events}</td><td>{format!("{} of events, {} logged", percent(c.data_events, c.events), c.data_events_logged)}</td></tr>
                <tr><th>{"Problems"}</th><td data-testid="count-problems">{c.problems}</td></tr>
                { for c.by_selector.iter().enumerate().map(|(i, n)| html! {
                    <tr><th>{format!("Selector {i} matched")}</th><td>{*n}</td></tr>
                }) }
            </tbody>
        </table>
    }
}
