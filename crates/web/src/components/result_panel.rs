//! What CloudTrail would answer: the response, or the error as the API (or the SDK) reports
//! it, and the trail's selectors before and after as `get-event-selectors` prints them.

use crate::components::docs::decision_badge;
use crate::components::json_view::{pretty, JsonView};
use crate::state::analysis::is_returned;
use std::rc::Rc;
use trailscope_core::context::{ContextError, DEFAULT_ACCOUNT, DEFAULT_REGION};
use trailscope_core::diagnostics::Provenance;
use trailscope_core::model::SelectorsResponse;
use trailscope_core::report::Report;
use trailscope_core::service::{ApiError, RaisedBy, TrailState};
use trailscope_core::Code;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultPanelProps {
    pub report: Rc<Report>,
    /// Records the successful call on the context's trail.
    pub on_store: Callback<()>,
}

#[function_component(ResultPanel)]
pub fn result_panel(props: &ResultPanelProps) -> Html {
    let report = &props.report;
    let outcome = match (&report.response, &report.error) {
        (_, Some(error)) => Err(error),
        (Some(response), None) => Ok(response),
        (None, None) => return html! {},
    };
    html! {
        <>
            <div class="card result" aria-live="polite" data-testid="result">
                <div class="card-head"><h2>{"Result"}</h2>{ status(outcome, report.context_error.is_some()) }</div>
                if let Some(error) = &report.context_error { { context_ignored(error) } }
                { body(outcome, decision_of(report)) }
            </div>
            if let Some(trail) = &report.trail { { trail_state(trail, &props.on_store) } }
        </>
    }
}

/// The response, or the error.
type Outcome<'a> = Result<&'a SelectorsResponse, &'a ApiError>;

fn status(outcome: Outcome<'_>, context_ignored: bool) -> Html {
    match outcome {
        Ok(_) if context_ignored => {
            html! { <span class="status warn" data-testid="status">{"200 OK · without your account context"}</span> }
        }
        Ok(_) => {
            html! { <span class="status ok" data-testid="status">{"200 OK · CloudTrail would accept this request"}</span> }
        }
        Err(e) if e.raised_by == RaisedBy::Client => html! {
            <span class="status error" data-testid="status">{format!("{} · raised before sending", e.error_type)}</span>
        },
        Err(e) => html! {
            <span class="status error" data-testid="status">{format!("{} {}", e.http_status.unwrap_or(400), e.error_type)}</span>
        },
    }
}

/// The account context could not be used: the result says so, and why, above the answer.
fn context_ignored(error: &ContextError) -> Html {
    let place = if error.line > 0 { format!(" (line {}, column {})", error.line, error.column) } else { String::new() };
    html! {
        <p class="context-error" data-testid="context-ignored">
            <strong>{"Your account context was not used"}</strong>{format!("{place}: {}. ", error.message)}
            {format!("This result assumes the trail exists in {DEFAULT_REGION} of account {DEFAULT_ACCOUNT}.")}
        </p>
    }
}

/// The decision the returned error rests on, where it stands in for AWS (its message is
/// trailscope's own).
fn decision_of(report: &Report) -> Option<&'static str> {
    let error = report.error.as_ref()?;
    let returned = report.diagnostics.iter().find(|d| is_returned(error, d))?;
    returned.decision.filter(|_| returned.provenance == Provenance::Decision)
}

#[derive(serde::Serialize)]
struct WireError<'a> {
    #[serde(rename = "__type")]
    error_type: Code,
    message: &'a str,
}

fn body(outcome: Outcome<'_>, decision: Option<&'static str>) -> Html {
    match outcome {
        Ok(response) => html! {
            <>
                <p class="explain">{"PutEventSelectors response:"}</p>
                <JsonView value={pretty(response)} label="PutEventSelectors response" />
            </>
        },
        Err(error) => error_body(error, decision),
    }
}

fn error_body(error: &ApiError, decision: Option<&'static str>) -> Html {
    let explain = match error.raised_by {
        RaisedBy::Client if error.error_type == Code::ParamValidationError => {
            "botocore (boto3, the AWS CLI) rejects this before any request is sent: botocore.exceptions.ParamValidationError"
        }
        RaisedBy::Client => "This text cannot be sent: the SDK and the AWS CLI fail to read it.",
        RaisedBy::Service => "CloudTrail's error response (HTTP status not documented by AWS; 400 assumed, decision D22):",
    };
    let wire = WireError { error_type: error.error_type, message: &error.message };
    html! {
        <>
            <p class="explain">{explain}</p>
            <JsonView value={pretty(&wire)} label="Error response" />
            if let Some(id) = decision {
                <p class="note">{ decision_badge(id, true) }
                {" This outcome rests on trailscope decision "}{id}{": AWS does not fully document this rule, its exception or its message."}</p>
            }
        </>
    }
}

fn trail_state(trail: &TrailState, on_store: &Callback<()>) -> Html {
    let head = html! { <div class="card-head"><h2>{"Trail state"}</h2><span class="hint">{"as get-event-selectors prints it"}</span></div> };
    if trail.before == trail.after {
        return html! {
            <div class="card trail-state" data-testid="trail-state">
                { head }
                <h3>{"Stored selectors (unchanged by this call)"}</h3>
                <JsonView value={pretty(&trail.before)} label="Stored selectors" />
            </div>
        };
    }
    html! {
        <div class="card trail-state" data-testid="trail-state">
            { head }
            <div class="state-grid">
                <div>
                    <h3>{"Before"}</h3>
                    <JsonView value={pretty(&trail.before)} label="Stored selectors before" />
                </div>
                <div>
                    <h3>{"After this call"}</h3>
                    <JsonView value={pretty(&trail.after)} label="Stored selectors after" />
                </div>
            </div>
            <div class="actions">
                <button class="action" data-testid="store" onclick={on_store.reform(|_: MouseEvent| ())}>
                    {"Apply to the simulated trail"}
                </button>
                <span class="hint">{"stores these selectors on the trail in the account context, replacing basic or advanced ones"}</span>
            </div>
        </div>
    }
}
