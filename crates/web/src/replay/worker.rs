//! The replay worker (www/worker/replay-worker.js) and its protocol: what the panel sends, as
//! one tagged enum serialized one way, and what the worker answers, read by its `type` into
//! [`FromWorker`].

use super::state::{Filter, FromWorker, Progress, ReplayAction, ReplayState, RowsWindow, Selected};
use gloo::events::EventListener;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::UseReducerDispatcher;

const WORKER_URL: &str = "./worker/replay-worker.js";

/// Where the replay's events come from (one of a replay's sources).
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Source {
    /// Events as text (pasted, the seed examples).
    Text { text: String },
    /// A file beside the worker (the seed examples), which it fetches.
    Url { url: &'static str },
    /// A synthetic log of `events` records, generated in the worker.
    Synth { synth: Synth },
    /// A file, passed as the File object itself (the worker streams it).
    File(#[serde(with = "serde_wasm_bindgen::preserve")] web_sys::File),
}

#[derive(Debug, Serialize)]
pub struct Synth {
    pub seed: u32,
    pub events: u32,
}

/// The selectors a replay runs through: the editors' texts, and the trail's stored selectors
/// when comparing.
#[derive(Debug, Clone, Serialize)]
pub struct Selectors {
    pub request: String,
    pub context: Option<String>,
    pub before: Option<String>,
}

/// A message to the worker.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum ToWorker {
    /// Replays `sources` through the selectors; the worker keeps the sources for reruns.
    Replay {
        #[serde(flatten)]
        selectors: Selectors,
        sources: Vec<Source>,
    },
    /// Replays the sources held through new selectors.
    Rerun(Selectors),
    Cancel,
    /// A window of the rows `filter` keeps.
    Rows {
        filter: Filter,
        start: usize,
        count: usize,
    },
    /// The record and explanation of row `index`.
    Explain {
        index: usize,
    },
}

/// Only the `type` of a message, read first to pick its shape.
#[derive(Deserialize)]
struct Tag {
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Deserialize)]
struct Failure {
    #[serde(default)]
    message: Option<String>,
}

/// A worker message as the panel's action; None for a message this page does not know.
fn decode(data: JsValue) -> Option<FromWorker> {
    use serde_wasm_bindgen::from_value;
    let Tag { kind } = from_value(data.clone()).ok()?;
    let progress = |data| from_value::<Progress>(data).ok();
    Some(match kind.as_str() {
        "progress" => FromWorker::Progress(progress(data)?),
        "done" => FromWorker::Done(progress(data)?),
        "cancelled" => FromWorker::Cancelled(progress(data)?),
        "rows" => FromWorker::Rows(from_value::<RowsWindow>(data).ok()?),
        "explanation" => FromWorker::Explanation(from_value::<Selected>(data).ok()?),
        "error" => FromWorker::Error {
            message: from_value::<Failure>(data).ok()?.message.unwrap_or_else(|| "the replay failed".into()),
        },
        _ => return None,
    })
}

/// The worker and its message listener, kept while the panel is mounted.
pub struct Connection {
    worker: Worker,
    _listener: EventListener,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl Connection {
    /// Starts the worker; what it reports is dispatched to the panel's state.
    pub fn open(dispatch: UseReducerDispatcher<ReplayState>) -> Result<Connection, JsValue> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(WORKER_URL, &options)?;
        let listener = EventListener::new(&worker, "message", move |event| {
            let data = event.unchecked_ref::<MessageEvent>().data();
            if let Some(message) = decode(data) {
                dispatch.dispatch(ReplayAction::Worker(message));
            }
        });
        Ok(Connection { worker, _listener: listener })
    }

    pub fn post(&self, message: &ToWorker) {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        if let Ok(value) = message.serialize(&serializer) {
            let _ = self.worker.post_message(&value);
        }
    }
}
