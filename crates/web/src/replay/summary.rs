//! The replay's progress line and its counts, drawn from the state the worker reports.

use super::state::{ReplayState, Status};
use trailscope_core::replay::session::percent;
use yew::prelude::*;

fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1e6)
}

pub fn progress(state: &ReplayState) -> Html {
    let text = match &state.status {
        Status::Idle => return html! {},
        Status::Failed(message) => {
            return html! { <p class="context-error" role="alert" data-testid="replay-status">{message.clone()}</p> }
        }
        Status::Running => format!("Replaying {}: {}", state.source, megabytes(state.bytes)),
        Status::Done => format!("Replayed {}: {}", state.source, megabytes(state.bytes)),
        Status::Cancelled => format!("Cancelled after {} of {}", megabytes(state.bytes), state.source),
    };
    let bar = match state.total {
        Some(total) if total > 0.0 => {
            html! { <progress value={state.bytes.to_string()} max={total.to_string()} aria-label="replay progress" /> }
        }
        _ => html! { <progress aria-label="replay progress" /> },
    };
    html! {
        <div class="replay-progress">
            if state.status == Status::Running { { bar } }
            <span data-testid="replay-status">{text}</span>
        </div>
    }
}

pub fn counts(state: &ReplayState) -> Html {
    if matches!(state.status, Status::Idle | Status::Failed(_)) {
        return html! {};
    }
    let c = &state.counts;
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
                        <tr><th>{format!("Selector {i} matched")}</th><td>{*n}</td></tr>
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
