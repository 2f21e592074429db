//! The replay's progress line and its counts, drawn from the state the worker reports.

use super::state::{selector_name, ReplayState, Status};
use trailscope_core::replay::session::percent;
use yew::prelude::*;

/// `bytes` in MB with one decimal, in integers (no float formatting in the page).
fn megabytes(bytes: u64) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// How far a replay got: events of the expected count, or bytes of the known size, with the
/// share done; else the events and bytes read.
fn how_far(state: &ReplayState) -> String {
    let events = state.counts.events + state.counts.problems;
    match (state.expected, state.total) {
        (Some(expected), _) => format!("{events} of {expected} events ({})", percent(events, expected)),
        (None, Some(total)) => format!(
            "{events} events, {} of {} ({})",
            megabytes(state.bytes),
            megabytes(total),
            percent(state.bytes, total)
        ),
        (None, None) => format!("{events} events, {}", megabytes(state.bytes)),
    }
}

pub fn progress(state: &ReplayState, status_line: NodeRef) -> Html {
    let text = match &state.status {
        Status::Idle => return html! {},
        Status::Failed(message) => {
            return html! { <p class="context-error" role="alert" data-testid="replay-status">{message.clone()}</p> }
        }
        Status::Running => format!("Replaying {}: {}", state.source, how_far(state)),
        Status::Done => format!("Replayed {}: {}", state.source, how_far(state)),
        Status::Cancelled => format!("Cancelled {} after {}", state.source, how_far(state)),
    };
    let bar = match (state.expected, state.total) {
        (Some(expected), _) => Some((state.counts.events + state.counts.problems, expected)),
        (None, total) => total.map(|total| (state.bytes, total)),
    };
    let bar = match bar {
        Some((value, max)) if max > 0 => {
            html! { <progress value={value.to_string()} max={max.to_string()} aria-label="replay progress" /> }
        }
        _ => html! { <progress aria-label="replay progress" /> },
    };
    html! {
        <div class="replay-progress">
            if state.status == Status::Running { { bar } }
            <span data-testid="replay-status" tabindex="-1" ref={status_line}>{text}</span>
        </div>
    }
}

/// A replay that found nothing to judge says what it reads, instead of "0 events, 0 problems".
fn nothing_found(state: &ReplayState) -> Html {
    html! {
        <p class="context-error" role="alert" data-testid="replay-nothing">
            {format!("No CloudTrail events were found in {}. Replay reads a log file ({{\"Records\": [...]}}), \
                      JSON Lines, a JSON array of event records, a single record, lookup-events or EventBridge \
                      output; event records are JSON objects.", state.source)}
        </p>
    }
}

pub fn counts(state: &ReplayState, names: &[String]) -> Html {
    if matches!(state.status, Status::Idle | Status::Failed(_)) {
        return html! {};
    }
    let c = &state.counts;
    if state.status == Status::Done && c.events + c.problems == 0 {
        return nothing_found(state);
    }
    html! {
        <div class="replay-summary">
            <table class="counts" data-testid="replay-counts">
                <tbody>
                    <tr><th>{"Events"}</th><td data-testid="count-events">{c.events}</td></tr>
                    <tr><th>{"Logged"}</th><td data-testid="count-logged">{c.logged}</td><td>{percent(c.logged, c.events)}</td></tr>
                    <tr><th>{"Not logged"}</th><td data-testid="count-not-logged">{c.not_logged}</td></tr>
                    <tr><th>{"Data events"}</th><td data-testid="count-data">{c.data_events}</td>
                        <td>{format!("{} of events, {} logged", percent(c.data_events, c.events), c.data_events_logged)}</td></tr>
                    <tr><th>{"Problems"}</th><td data-testid="count-problems">{c.problems}</td></tr>
                    { for c.by_selector.iter().enumerate().map(|(i, n)| html! {
                        <tr><th>{format!("Selector {} matched", selector_name(names, i))}</th><td>{*n}</td></tr>
                    }) }
                </tbody>
            </table>
            <table class="counts top" data-testid="replay-top">
                <thead><tr><th>{"eventSource eventName"}</th><th>{"events"}</th><th>{"logged"}</th></tr></thead>
                <tbody>
                    { for state.top.iter().take(10).map(|t| html! { <tr><td>{t.name.clone()}</td><td>{t.events}</td><td>{t.logged}</td></tr> }) }
                </tbody>
            </table>
        </div>
    }
}
