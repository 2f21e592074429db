//! The problems list: every diagnostic, ordered by position, with the one CloudTrail (or
//! botocore) would return pinned first and marked; a click selects its span in the editor, and
//! a fix can be applied from here as well as from the editor's tooltip.

use crate::components::docs::{decision_badge, spec_badge};
use crate::state::analysis::is_returned;
use std::rc::Rc;
use trailscope_core::diagnostics::Provenance;
use trailscope_core::report::{FlatDiagnostic, FlatFix};
use trailscope_core::service::ApiError;
use trailscope_core::Severity;
use yew::prelude::*;

/// Rows rendered at most; the rest are counted (the editor still marks them all).
const MAX_ROWS: usize = 300;

#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    pub diagnostics: Rc<Vec<FlatDiagnostic>>,
    /// The error the call returns, if it fails: its problem is pinned first.
    pub error: Option<ApiError>,
    pub on_reveal: Callback<(usize, usize)>,
    /// None when the request cannot be edited (a read-only embed): fixes are not offered.
    pub on_fix: Option<Callback<FlatFix>>,
}

#[function_component(Problems)]
pub fn problems(props: &ProblemsProps) -> Html {
    let errors = props.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = props.diagnostics.len() - errors;
    let hidden = props.diagnostics.len().saturating_sub(MAX_ROWS);
    let returned = |d: &FlatDiagnostic| props.error.as_ref().is_some_and(|e| is_returned(e, d));
    // The returned problems first, then the others; each group in the order of positions.
    let (pinned, rest): (Vec<_>, Vec<_>) = props.diagnostics.iter().partition(|d| returned(d));
    let rows = pinned.iter().map(|d| (*d, true)).chain(rest.iter().map(|d| (*d, false))).take(MAX_ROWS);
    html! {
        <div class="problems" aria-label="Problems">
            <div class="problems-head">
                <h3>{"Problems"}</h3>
                <span class={classes!("count", (errors > 0).then_some("error-count"))} data-testid="error-count">{format!("{errors} error{}", plural(errors))}</span>
                <span class={classes!("count", (warnings > 0).then_some("warning-count"))} data-testid="warning-count">{format!("{warnings} warning{}", plural(warnings))}</span>
            </div>
            if props.diagnostics.is_empty() {
                <p class="empty">{"No problems: CloudTrail would accept this request."}</p>
            } else {
                <ul class="problem-list">
                    { for rows.map(|(d, pinned)| row(d, pinned, &props.on_reveal, props.on_fix.as_ref())) }
                </ul>
                if hidden > 0 { <p class="more">{format!("and {hidden} more (all are marked in the editor)")}</p> }
            }
        </div>
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn row(
    d: &FlatDiagnostic,
    returned: bool,
    on_reveal: &Callback<(usize, usize)>,
    on_fix: Option<&Callback<FlatFix>>,
) -> Html {
    let (from, to) = (d.from.unwrap_or(0), d.to.unwrap_or(0));
    let reveal = on_reveal.reform(move |_: MouseEvent| (from, to));
    let severity = if d.severity == Severity::Error { "error" } else { "warning" };
    let fix_buttons = on_fix.into_iter().flat_map(|on_fix| {
        d.fixes.iter().map(move |fix| {
            let title = format!("Fix: {}", fix.title);
            let fix = fix.clone();
            html! { <button class="fix" onclick={on_fix.reform(move |_: MouseEvent| fix.clone())}>{title}</button> }
        })
    });
    html! {
        <li class={classes!("problem", severity, returned.then_some("returned"))} data-code={d.code.as_str()}>
            <button class="problem-main" onclick={reveal} title={format!("Go to {}", if d.pointer.is_empty() { "/" } else { &d.pointer })}>
                <span class={classes!("sev", severity)} aria-label={severity}>{if severity == "error" { "✕" } else { "!" }}</span>
                <span class="code">{d.code.as_str()}</span>
                <span class="message">{d.message.clone()}</span>
                <span class="where">{format!("{}:{}", d.line, d.column)}</span>
            </button>
            <div class="problem-details">
                if returned { <span class="badge returned" data-testid="returned">{"the error the call returns"}</span> }
                if let Some(help) = &d.help { <span class="help">{help.clone()}</span> }
                { basis(d) }
                { for fix_buttons }
            </div>
        </li>
    }
}

/// The spec section, and the decision: "not documented by AWS" only where the message is
/// trailscope's own (its provenance), not where it is AWS's or botocore's.
fn basis(d: &FlatDiagnostic) -> Html {
    let decision = d.decision.map(|id| decision_badge(id, d.provenance == Provenance::Decision));
    let section = (!d.spec.is_empty()).then(|| spec_badge(d.spec));
    html! { <>{ for section }{ for decision }</> }
}
