//! Ask the trail (issue 10): a question about a class of events, answered exactly by the core
//! in a worker (www/worker/ask-worker.js), with the examples and what decided them; the console
//! template the selectors equal; the semantic diff against the trail's stored selectors; and
//! what posture checkers would conclude. Every answer is asked again when the request changes.

mod builder;
mod views;
mod worker;

use crate::platform::editor_js::EditorRef;
use builder::QuestionBuilder;
use std::cell::RefCell;
use std::rc::Rc;
use trailscope_core::ask::lines::{Line, LineKind};
use trailscope_core::ask::presets::{Preset, PRESETS};
use wasm_bindgen::JsValue;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use worker::{AskWorker, Op};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AskPanelProps {
    pub request_editor: EditorRef,
    pub context_editor: EditorRef,
    /// Bumped whenever the analysis changes: the answers are asked again.
    pub revision: u64,
    /// The trail's stored selectors before this call (get-event-selectors JSON).
    pub before: Option<String>,
    /// The question a link restored.
    pub question: Option<String>,
    /// Told the question asked, for share links.
    pub on_question: Callback<Option<String>>,
}

/// The latest answer of each kind.
#[derive(Default, Clone, PartialEq)]
struct Answers {
    coverage: Option<Reply>,
    diff: Option<Reply>,
    checkers: Option<Reply>,
    templates: Option<Reply>,
}

/// An answer's lines, or why there is none.
pub type Reply = Result<Vec<Line>, String>;

fn text(value: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(value, &key.into()).ok()?.as_string()
}

/// The worker's `{answer: [Line]}` or `{refused: message}`, read field by field (serde's
/// derive costs the page more than this).
fn read(value: JsValue) -> Option<Reply> {
    if let Some(message) = text(&value, "refused") {
        return Some(Err(message));
    }
    let lines = js_sys::Array::from(&js_sys::Reflect::get(&value, &"answer".into()).ok()?);
    let line = |l: JsValue| -> Option<Line> {
        Some(Line { kind: LineKind::parse(&text(&l, "kind")?)?, text: text(&l, "text")?, detail: text(&l, "detail") })
    };
    Some(Ok(lines.iter().filter_map(line).collect()))
}

fn receive(answers: &UseStateHandle<Answers>) -> Callback<(Op, JsValue)> {
    let answers = answers.clone();
    Callback::from(move |(op, value): (Op, JsValue)| {
        let mut next = (*answers).clone();
        match op {
            Op::Covers => next.coverage = read(value),
            Op::Diff => next.diff = read(value),
            Op::Checkers => next.checkers = read(value),
            Op::Templates => next.templates = read(value),
        }
        answers.set(next);
    })
}

fn default_question() -> String {
    PRESETS.first().map(|p| p.question_text(None)).unwrap_or_default()
}

#[function_component(AskPanel)]
pub fn ask_panel(props: &AskPanelProps) -> Html {
    let answers = use_state(Answers::default);
    let question = use_state(|| props.question.clone().unwrap_or_else(default_question));
    let asked = use_state(|| props.question.is_some());
    let show_checkers = use_state(|| false);
    let worker: Rc<RefCell<Option<AskWorker>>> = use_mut_ref(|| None);
    let ask = {
        let (worker, on_answer) = (worker.clone(), receive(&answers));
        let (request_editor, context_editor) = (props.request_editor.clone(), props.context_editor.clone());
        Callback::from(move |(op, extra): (Op, Option<String>)| {
            if worker.borrow().is_none() {
                *worker.borrow_mut() = AskWorker::open(on_answer.clone()).ok();
            }
            let (request, context) = (request_editor.text().unwrap_or_default(), context_editor.text());
            let args: Vec<Option<&str>> = match op {
                Op::Covers => vec![Some(&request), extra.as_deref(), context.as_deref()],
                Op::Diff => vec![extra.as_deref(), Some(&request), context.as_deref()],
                Op::Checkers => vec![Some(&request), context.as_deref()],
                Op::Templates => vec![Some(&request)],
            };
            if let Some(w) = worker.borrow_mut().as_mut() {
                w.ask(op, &args);
            }
        })
    };
    {
        let (ask, question, asked, show_checkers, before) =
            (ask.clone(), question.clone(), *asked, *show_checkers, props.before.clone());
        use_effect_with((props.revision, before.clone()), move |_| {
            ask.emit((Op::Templates, None));
            if let Some(before) = before {
                ask.emit((Op::Diff, Some(before)));
            }
            if asked {
                ask.emit((Op::Covers, Some((*question).clone())));
            }
            if show_checkers {
                ask.emit((Op::Checkers, None));
            }
        });
    }
    let on_ask = {
        let (ask, question, asked, on_question) =
            (ask.clone(), question.clone(), asked.clone(), props.on_question.clone());
        Callback::from(move |_: MouseEvent| {
            asked.set(true);
            on_question.emit(Some((*question).clone()));
            ask.emit((Op::Covers, Some((*question).clone())));
        })
    };
    let on_preset = {
        let question = question.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(preset) = Preset::find(&id) {
                question.set(preset.question_text(None));
            }
        })
    };
    let on_text = {
        let question = question.clone();
        Callback::from(move |e: InputEvent| question.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let on_checkers = {
        let (ask, show_checkers) = (ask.clone(), show_checkers.clone());
        Callback::from(move |_: MouseEvent| {
            show_checkers.set(true);
            ask.emit((Op::Checkers, None));
        })
    };
    let on_build = {
        let question = question.clone();
        Callback::from(move |text: String| question.set(text))
    };
    html! {
        <div class="card ask" data-testid="ask-panel">
            <div class="card-head">
                <h2>{"Ask the trail"}</h2>
                { views::templates(answers.templates.as_ref()) }
            </div>
            <p class="hint">{"Is a class of events logged? Answered exactly from the selectors and the trail's state, no events needed."}</p>
            <div class="ask-row">
                <label for="ask-preset">{"Preset"}</label>
                <select id="ask-preset" onchange={on_preset} data-testid="ask-preset">
                    <option value="" selected=true disabled=true>{"Choose a compliance question…"}</option>
                    { for PRESETS.iter().map(|p| html! { <option value={p.id} title={p.source}>{p.title}</option> }) }
                </select>
            </div>
            <QuestionBuilder question={(*question).clone()} on_change={on_build} />
            <label for="ask-question" class="hint">{"Question (JSON: field names to a value, a list, or {\"StartsWith\": prefix})"}</label>
            <textarea id="ask-question" class="ask-question" rows="3" value={(*question).clone()} oninput={on_text}
                spellcheck="false" data-testid="ask-question" />
            <div class="ask-row">
                <button class="primary" onclick={on_ask} data-testid="ask-button">{"Ask"}</button>
                <button onclick={on_checkers} data-testid="checkers-button">{"What would posture checkers say?"}</button>
            </div>
            { views::answer(answers.coverage.as_ref(), "ask-answer") }
            if answers.diff.is_some() {
                <h3>{"Against the trail's stored selectors (A: stored, B: this request)"}</h3>
                { views::answer(answers.diff.as_ref(), "ask-diff") }
            }
            if *show_checkers {
                <h3>{"What posture checkers would conclude"}</h3>
                { views::answer(answers.checkers.as_ref(), "checkers") }
                <p class="hint">{"Each checker modelled from its code at a cited commit (spec checkers.md); the per-bucket ones judged the buckets the selectors name."}</p>
            }
        </div>
    }
}
