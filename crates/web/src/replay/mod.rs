//! Replay events through the request's selectors in a Web Worker (www/worker/replay-worker.js,
//! over the wasm VerdictStore, which keeps, filters and pages the rows), with progress, cancel,
//! counts, a virtualized results table and per-event explanations. The page's own thread only
//! sends files and draws what the worker reports; a change of the compiled selectors (not of
//! the text around them) re-runs the replay on the events held, and results the current request
//! cannot be judged against are marked stale. The trail's stored selectors go along with every
//! replay, so the comparison is shown or hidden without replaying again.

mod sources;
mod state;
mod summary;
mod table;
mod worker;

use crate::state::live::{LiveState, ReplayChange, ReplaySetup};
use crate::state::playground::Events;
use sources::{files_of, shareable_text, source_of};
use state::{selector_names, Filter, ReplayAction, ReplayState, Status, Verdicts};
use std::cell::RefCell;
use std::rc::Rc;
use summary::{counts, progress};
use table::ReplayTable;
use trailscope_core::model::Selectors;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use worker::{Connection, Selectors as WorkerSelectors, Source, ToWorker};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReplayPanelProps {
    /// The request and context replayed (`LiveState::judged_request`, `judged_context`).
    pub live: Rc<LiveState>,
    /// The request's selectors as core compiled them (None while they cannot be judged): a
    /// held replay re-runs when they change.
    pub selectors: Option<Rc<Selectors>>,
    /// The trail's stored selectors before this call (get-event-selectors JSON).
    pub before: Option<String>,
    /// What to replay on mount (a restored state's events and comparison).
    pub opening: ReplaySetup,
    /// Told what is replayed now, in shareable form, and when the comparison is switched.
    pub on_setup: Callback<ReplayChange>,
}

#[function_component(ReplayPanel)]
pub fn replay_panel(props: &ReplayPanelProps) -> Html {
    let state = use_reducer(ReplayState::default);
    let connection: Rc<RefCell<Option<Connection>>> = use_mut_ref(|| None);
    let compare = use_state(|| props.opening.compare);
    let filter = use_state(Filter::default);

    // Sends a message, starting the worker first when needed.
    let post = {
        let (dispatch, connection) = (state.dispatcher(), connection.clone());
        Callback::from(move |message: ToWorker| {
            if connection.borrow().is_none() {
                match Connection::open(dispatch.clone()) {
                    Ok(c) => *connection.borrow_mut() = Some(c),
                    Err(_) => {
                        dispatch.dispatch(ReplayAction::Failed("the browser could not start the replay worker".into()));
                        return;
                    }
                }
            }
            if let Some(c) = connection.borrow().as_ref() {
                c.post(&message);
            }
        })
    };
    // The selectors now: read from the editors when a replay (re)starts.
    let selectors = {
        let (live, before) = (props.live.clone(), props.before.clone());
        move || WorkerSelectors {
            request: live.judged_request().unwrap_or_default(),
            context: live.judged_context(),
            before: before.clone(),
        }
    };
    let start = {
        let (post, dispatch, selectors) = (post.clone(), state.dispatcher(), selectors.clone());
        Callback::from(move |(source, sources, expected): (String, Vec<Source>, Option<u64>)| {
            dispatch.dispatch(ReplayAction::Start { source, expected });
            post.emit(ToWorker::Replay { selectors: selectors(), sources });
        })
    };
    {
        // New compiled selectors (or stored ones) re-run the replay on the events held; an
        // edit that compiles to the same selectors (a space) does not.
        let (post, dispatch) = (post.clone(), state.dispatcher());
        let rerun = state.status.holds_events() && props.selectors.is_some();
        use_effect_with((props.selectors.clone(), props.before.clone()), move |_| {
            if rerun {
                dispatch.dispatch(ReplayAction::Rerun);
                post.emit(ToWorker::Rerun(selectors()));
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
            let (label, source, expected) = source_of(&shared);
            start.emit((label, vec![source], expected));
            report.emit((Some(shared), false));
        })
    };
    let start_files = {
        let (start, report) = (start.clone(), report.clone());
        Callback::from(move |files: Option<web_sys::FileList>| {
            let files = files_of(files);
            let names: Vec<_> = files.iter().map(|f| f.name()).collect();
            start.emit((names.join(", "), files.iter().cloned().map(Source::File).collect(), None));
            report.emit((None, true));
            let report = report.clone();
            yew::platform::spawn_local(async move {
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
    // Cancel hands the keyboard focus to the status line, which says what was cancelled.
    let status_line = use_node_ref();
    let cancel = {
        let (post, status_line) = (post.clone(), status_line.clone());
        Callback::from(move |_: MouseEvent| {
            post.emit(ToWorker::Cancel);
            if let Some(line) = status_line.cast::<web_sys::HtmlElement>() {
                let _ = line.focus();
            }
        })
    };
    let on_compare = {
        let (compare, filter, on_setup) = (compare.clone(), filter.clone(), props.on_setup.clone());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            compare.set(on);
            if !on && filter.logged == Verdicts::Changed {
                filter.set(Filter { logged: Verdicts::All, ..(*filter).clone() });
            }
            on_setup.emit(ReplayChange::Compare(on));
        })
    };
    let request_rows =
        post.reform(|(filter, start, count): (Filter, usize, usize)| ToWorker::Rows { filter, start, count });
    let explain = post.reform(|index: usize| ToWorker::Explain { index });
    let running = state.status == Status::Running;
    let stale = state.status.holds_events() && props.selectors.is_none();
    let names = Rc::new(selector_names(props.selectors.as_deref()));
    let compared = state.compared && *compare;
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
            { progress(&state, status_line) }
            if stale {
                <p class="note stale-note" data-testid="replay-stale">{"Stale: these results are for earlier selectors. The request's selectors cannot be judged now; fix them to replay again."}</p>
            }
            <div class={classes!("replay-results", stale.then_some("stale"))}>
                { counts(&state, &names) }
                if state.status.holds_events() {
                    <ReplayTable state={(*state).clone()} filter={(*filter).clone()} on_filter={Callback::from(move |f| filter.set(f))}
                        {request_rows} {explain} {compared} {names} />
                }
            </div>
        </div>
    }
}
