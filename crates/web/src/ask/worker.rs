//! The ask worker (www/worker/ask-worker.js): questions go out as `{id, op, args}`, answers
//! come back as `{id, op, result}`, where `result` is the wasm facade's `Asked<T>`. Each op
//! keeps only its latest answer (an older one, overtaken by an edit, is dropped).

use gloo::events::EventListener;
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

const WORKER_URL: &str = "./worker/ask-worker.js";

/// The question a message asks (the facade's function names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    Covers,
    Diff,
    Checkers,
    Templates,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::Covers => "covers",
            Op::Diff => "diff",
            Op::Checkers => "checkers",
            Op::Templates => "templates",
        }
    }

    fn parse(name: &str) -> Option<Op> {
        [Op::Covers, Op::Diff, Op::Checkers, Op::Templates].into_iter().find(|op| op.name() == name)
    }
}

#[derive(Deserialize)]
struct Reply {
    id: u32,
    op: String,
}

/// The worker, its listener and the latest id posted per op.
pub struct AskWorker {
    worker: Worker,
    latest: Rc<RefCell<HashMap<Op, u32>>>,
    next: u32,
    _listener: EventListener,
}

impl Drop for AskWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl AskWorker {
    /// Starts the worker; each op's latest answer goes to `on_answer`.
    pub fn open(on_answer: Callback<(Op, JsValue)>) -> Result<AskWorker, JsValue> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(WORKER_URL, &options)?;
        let latest: Rc<RefCell<HashMap<Op, u32>>> = Rc::default();
        let seen = latest.clone();
        let listener = EventListener::new(&worker, "message", move |event| {
            let data = event.unchecked_ref::<MessageEvent>().data();
            let Ok(Reply { id, op }) = serde_wasm_bindgen::from_value::<Reply>(data.clone()) else { return };
            let Some(op) = Op::parse(&op) else { return };
            if seen.borrow().get(&op) == Some(&id) {
                let result = js_sys::Reflect::get(&data, &"result".into()).unwrap_or(JsValue::NULL);
                on_answer.emit((op, result));
            }
        });
        Ok(AskWorker { worker, latest, next: 0, _listener: listener })
    }

    /// Asks `op` with `args` (strings or null), replacing any answer still to come for it.
    pub fn ask(&mut self, op: Op, args: &[Option<&str>]) {
        self.next += 1;
        self.latest.borrow_mut().insert(op, self.next);
        let list = js_sys::Array::new();
        for arg in args {
            list.push(&arg.map_or(JsValue::NULL, JsValue::from_str));
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"id".into(), &self.next.into());
        let _ = js_sys::Reflect::set(&message, &"op".into(), &op.name().into());
        let _ = js_sys::Reflect::set(&message, &"args".into(), &list);
        let _ = self.worker.post_message(&message);
    }
}
