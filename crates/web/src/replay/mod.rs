//! Replay events through the request's selectors in a Web Worker (www/worker/replay-worker.js,
//! over the wasm ReplaySession), with progress, cancel, counts, a virtualized results table
//! and per-event explanations. The page's own thread only sends files and draws what the
//! worker reports; editing the selectors re-runs the replay on the events held.

mod sources;
mod summary;
mod table;

use crate::components::editor::EditorRef;
use crate::replay::sources::{file_sources, js, shareable_text, source_of};
use crate::replay::summary::{counts, progress};
use crate::replay::table::{Filter, ReplayTable, Row};
use crate::state::live::{ReplayChange, ReplaySetup};
use crate::state::playground::Events;
use serde::Deserialize;
use std::cell::RefCell;
use std::rc::Rc;
use trailscope_core::replay::session::Totals;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

const WORKER_URL: &str = "./worker/replay-worker.js";

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct TopEvent {
    pub name: String,
    pub events: u64,
    pub logged: u64,
}

/// A message from the worker.
#[derive(Debug, Clone, Deserialize)]
struct Message {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    bytes: f64,
    #[serde(default)]
    total: Option<f64>,
    #[serde(default)]
    summary: Option<Totals>,
    #[serde(default)]
    top: Vec<TopEvent>,
    #[serde(default)]
    compared: bool,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    index: usize,
    #[serde(default)]
    record: Option<String>,
    #[serde(default)]
    explanation: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub enum Status {
    #[default]
    Idle,
    Running,
    Done,
    Cancelled,
    Failed(String),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplayState {
    pub status: Status,
    pub bytes: f64,
    pub total: Option<f64>,
    pub counts: Totals,
    pub top: Vec<TopEvent>,
    pub compared: bool,
    pub source: String,
    /// The rows shown: the filtered total and a window of it.
    pub row_total: usize,
    pub row_start: usize,
    pub rows: Vec<Row>,
    pub selected: Option<(usize, Option<String>, Option<serde_json::Value>)>,
}

impl ReplayState {
    fn apply(&self, m: Message) -> ReplayState {
        let mut next = self.clone();
        match m.kind.as_str() {
            "explanation" => next.selected = Some((m.index, m.record, m.explanation)),
            kind => {
                next.bytes = m.bytes;
                next.total = m.total;
                next.compared = m.compared;
                if let Some(counts) = m.summary {
                    next.counts = counts;
                    next.top = m.top;
                }
                next.status = match kind {
                    "progress" => Status::Running,
                    "done" => Status::Done,
                    "cancelled" => Status::Cancelled,
                    _ => Status::Failed(m.message.unwrap_or_else(|| "the replay failed".into())),
                };
            }
        }
        next
    }
}

/// A window of result rows.
#[derive(Deserialize)]
struct RowsMessage {
    total: usize,
    start: usize,
    rows: Vec<Row>,
}

/// The worker and the closure it calls back, kept while the panel is mounted.
struct Connection {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

type SharedConnection = Rc<RefCell<Option<Connection>>>;

fn connect(state: &UseStateHandle<ReplayState>, live: &Rc<RefCell<ReplayState>>) -> Result<Connection, JsValue> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(WORKER_URL, &options)?;
    let (state, live) = (state.clone(), live.clone());
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let kind = js_sys::Reflect::get(&data, &"type".into()).ok().and_then(|k| k.as_string()).unwrap_or_default();
        let next = if kind == "rows" {
            let Ok(rows) = serde_wasm_bindgen::from_value::<RowsMessage>(data) else { return };
            let mut next = live.borrow().clone();
            (next.row_total, next.row_start, next.rows) = (rows.total, rows.start, rows.rows);
            next
        } else {
            let Ok(message) = serde_wasm_bindgen::from_value::<Message>(data) else { return };
            live.borrow().apply(message)
        };
        *live.borrow_mut() = next.clone();
        state.set(next);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Ok(Connection { worker, _on_message: on_message })
}

#[derive(Properties, PartialEq)]
pub struct ReplayPanelProps {
    pub request_editor: EditorRef,
    pub context_editor: EditorRef,
    /// Bumped whenever the analysis changes: a held replay re-runs when the request is valid.
    pub revision: u64,
    pub valid: bool,
    /// The trail's stored selectors before this call (get-event-selectors JSON).
    pub before: Option<String>,
    /// What to replay on mount (a restored state's events and comparison).
    pub opening: ReplaySetup,
    /// Told what is replayed now, in shareable form, and when the comparison is switched.
    pub on_setup: Callback<ReplayChange>,
}

#[function_component(ReplayPanel)]
pub fn replay_panel(props: &ReplayPanelProps) -> Html {
    let state = use_state(ReplayState::default);
    // The latest state, for the worker's callback (a state handle alone would see old values).
    let live = use_mut_ref(ReplayState::default);
    let connection: SharedConnection = use_mut_ref(|| None);
    let compare = use_state(|| props.opening.compare);
    let filter = use_state(Filter::default);

    let post = {
        let (state, live, connection) = (state.clone(), live.clone(), connection.clone());
        Callback::from(move |message: JsValue| {
            if connection.borrow().is_none() {
                match connect(&state, &live) {
                    Ok(c) => *connection.borrow_mut() = Some(c),
                    Err(_) => {
                        let failed = ReplayState {
                            status: Status::Failed("the browser could not start the replay worker".into()),
                            ..Default::default()
                        };
                        state.set(failed);
                        return;
                    }
                }
            }
            if let Some(c) = connection.borrow().as_ref() {
                let _ = c.worker.post_message(&message);
            }
        })
    };
    let selectors_message = {
        let (request_editor, context_editor, compare, before) =
            (props.request_editor.clone(), props.context_editor.clone(), compare.clone(), props.before.clone());
        move |kind: &str| {
            let message = js_sys::Object::new();
            let set = |key: &str, value: &JsValue| {
                let _ = js_sys::Reflect::set(&message, &key.into(), value);
            };
            set("type", &kind.into());
            set("request", &request_editor.text().unwrap_or_default().into());
            set("context", &context_editor.text().map_or(JsValue::NULL, JsValue::from));
            set("before", &before.clone().filter(|_| *compare).map_or(JsValue::NULL, JsValue::from));
            message
        }
    };
    let start = {
        let (post, state, live, message) = (post.clone(), state.clone(), live.clone(), selectors_message.clone());
        Callback::from(move |(label, sources): (String, js_sys::Array)| {
            let message = message("replay");
            let _ = js_sys::Reflect::set(&message, &"sources".into(), &sources);
            let running = ReplayState { status: Status::Running, source: label, ..Default::default() };
            *live.borrow_mut() = running.clone();
            state.set(running);
            post.emit(message.into());
        })
    };
    {
        // Editing the selectors (or the comparison) re-runs the replay on the events held.
        let (post, state, live, message) = (post.clone(), state.clone(), live.clone(), selectors_message.clone());
        let held = !matches!(state.status, Status::Idle | Status::Failed(_));
        let valid = props.valid;
        use_effect_with((props.revision, *compare), move |_| {
            if held && valid {
                let mut rerun = live.borrow().clone();
                rerun.status = Status::Running;
                rerun.selected = None;
                *live.borrow_mut() = rerun.clone();
                state.set(rerun);
                post.emit(message("rerun").into());
            }
        });
    }
    // Tells the page what is replayed now (for links and local storage).
    let report = props
        .on_setup
        .reform(|(events, files_kept): (Option<Events>, bool)| ReplayChange::Events { events, files_kept });
    let start_events = {
        let (start, report) = (start.clone(), report.clone());
        Callback::from(move |shared: Events| {
            let (label, source) = source_of(&shared);
            start.emit((label, js_sys::Array::of1(&source)));
            report.emit((Some(shared), false));
        })
    };
    let start_files = {
        let (start, report) = (start.clone(), report.clone());
        Callback::from(move |files: Option<web_sys::FileList>| {
            let (files, list) = file_sources(files);
            let names: Vec<_> = files.iter().map(|f| f.name()).collect();
            start.emit((names.join(", "), list));
            report.emit((None, true));
            let report = report.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(shared) = shareable_text(files).await {
                    report.emit((Some(shared), false));
                }
            });
        })
    };
    {
        // A restored state's events replay once the editors hold its texts (after this render).
        let (start_events, opening) = (start_events.clone(), props.opening.events.clone());
        use_effect_with((), move |_| {
            let timer =
                opening.map(|shared| gloo::timers::callback::Timeout::new(0, move || start_events.emit(shared)));
            move || drop(timer)
        });
    }
    let seed = start_events.reform(|_: MouseEvent| Events::Seed);
    let synth = |events: u32| start_events.reform(move |_: MouseEvent| Events::Synth { events });
    let files = start_files.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().files());
    let pasted = use_state(|| match &props.opening.events {
        Some(Events::Text { text }) => text.clone(),
        _ => String::new(),
    });
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let replay_pasted = {
        let pasted = pasted.clone();
        start_events.reform(move |_: MouseEvent| Events::Text { text: (*pasted).clone() })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = start_files.reform(|e: DragEvent| {
        e.prevent_default();
        e.data_transfer().and_then(|d| d.files())
    });
    let cancel = post.reform(|_: MouseEvent| js(serde_json::json!({ "type": "cancel" })));
    let on_compare = {
        let (compare, on_setup) = (compare.clone(), props.on_setup.clone());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            compare.set(on);
            on_setup.emit(ReplayChange::Compare(on));
        })
    };
    let request_rows = post.reform(|(filter, start, count): (Filter, usize, usize)| {
        js(serde_json::json!({ "type": "rows", "filter": filter, "start": start, "count": count }))
    });
    let explain = post.reform(|index: usize| js(serde_json::json!({ "type": "explain", "index": index })));
    let running = state.status == Status::Running;
    html! {
        <div class="card replay" data-testid="replay-panel" {ondragover} {ondrop}>
            <div class="card-head">
                <h2>{"Replay events"}</h2>
                <span class="hint">{"in a Web Worker: the page stays responsive; files (pick or drop them here) never leave the browser"}</span>
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
            <div class="paste">
                <textarea rows="2" oninput={on_paste_input} value={(*pasted).clone()} data-testid="replay-paste"
                    placeholder="…or paste events: a log file, JSON Lines, lookup-events or EventBridge output" aria-label="Paste events" />
                <button class="action" onclick={replay_pasted} disabled={running || pasted.trim().is_empty()} data-testid="replay-pasted">{"Replay pasted"}</button>
            </div>
            <label class="compare">
                <input type="checkbox" checked={*compare} onchange={on_compare} disabled={props.before.is_none()} data-testid="replay-compare" />
                {" Compare with the trail's stored selectors (before / after)"}
            </label>
            { progress(&state) }
            { counts(&state) }
            if !matches!(state.status, Status::Idle | Status::Failed(_)) {
                <ReplayTable state={(*state).clone()} filter={(*filter).clone()} on_filter={Callback::from(move |f| filter.set(f))}
                    {request_rows} {explain} compared={state.compared} />
            }
        </div>
    }
}
