//! The replay's results: filters, a virtualized table (only the visible window of rows is
//! asked of the worker and drawn, so 100,000+ rows stay fast) and the explanation of the
//! clicked row next to its event JSON.

use super::state::{
    parse_selector, selector_name, selector_value, verdicts_label, Filter, ReplayState, Row, Selected, Verdicts,
};
use crate::components::docs::decision_badge;
use crate::components::json_view::JsonView;
use std::rc::Rc;
use trailscope_core::replay::explain::SelectorOutcome;
use trailscope_core::replay::session;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

const ROW_HEIGHT: usize = 26;
const VISIBLE_ROWS: usize = 14;
const OVERSCAN: usize = 10;

#[derive(Properties, PartialEq)]
pub struct ReplayTableProps {
    pub state: ReplayState,
    pub filter: Filter,
    pub on_filter: Callback<Filter>,
    pub request_rows: Callback<(Filter, usize, usize)>,
    pub explain: Callback<usize>,
    /// The before/after comparison is shown.
    pub compared: bool,
    /// What each selector is called (`selector_names`).
    pub names: Rc<Vec<String>>,
}

#[function_component(ReplayTable)]
pub fn replay_table(props: &ReplayTableProps) -> Html {
    let first_row = use_state(|| 0usize);
    {
        // Ask for the visible window whenever it, the filter or the data changes.
        let request = props.request_rows.clone();
        let start = first_row.saturating_sub(OVERSCAN);
        let deps = (
            props.filter.clone(),
            start,
            props.state.counts.events,
            props.state.counts.problems,
            props.state.status.clone(),
        );
        use_effect_with(deps, move |(filter, start, ..)| {
            request.emit((filter.clone(), *start, VISIBLE_ROWS + 2 * OVERSCAN))
        });
    }
    let onscroll = {
        let first_row = first_row.clone();
        Callback::from(move |e: Event| {
            let top = e.target_unchecked_into::<web_sys::Element>().scroll_top().max(0) as usize;
            if top / ROW_HEIGHT != *first_row {
                first_row.set(top / ROW_HEIGHT);
            }
        })
    };
    let (viewport, spacer) = (use_node_ref(), use_node_ref());
    {
        // Heights and row positions are CSSOM writes: the page's Content-Security-Policy
        // (style-src without 'unsafe-inline') blocks style attributes, not element.style.
        let (viewport, spacer) = (viewport.clone(), spacer.clone());
        let (total, start) = (props.state.row_total, props.state.row_start);
        use_effect(move || {
            if let Some(viewport) = viewport.cast::<HtmlElement>() {
                set_style(&viewport, "height", &rows_px(VISIBLE_ROWS));
            }
            let Some(spacer) = spacer.cast::<HtmlElement>() else { return };
            set_style(&spacer, "height", &rows_px(total));
            let (mut row, mut position) = (spacer.first_element_child(), start);
            while let Some(element) = row {
                if let Some(element) = element.dyn_ref::<HtmlElement>() {
                    set_style(element, "top", &rows_px(position));
                    set_style(element, "height", &rows_px(1));
                }
                (row, position) = (element.next_element_sibling(), position + 1);
            }
        });
    }
    let total = props.state.row_total;
    html! {
        <div class="results">
            { filters(props) }
            <div class="result-head"><span>{"#"}</span><span>{"verdict"}</span><span>{"matched"}</span><span>{"eventSource eventName"}</span></div>
            <div class="viewport" ref={viewport} {onscroll} tabindex="0"
                aria-label="Replay results" data-testid="replay-results" data-total={total.to_string()}>
                <div class="spacer" ref={spacer}>
                    { for props.state.rows.iter().map(|row| result_row(row, props.compared, &props.names, &props.explain)) }
                </div>
            </div>
            <p class="hint" data-testid="replay-shown">{format!("{total} events shown")}</p>
            { explanation(&props.state) }
        </div>
    }
}

/// The CSS length of `rows` rows.
fn rows_px(rows: usize) -> String {
    format!("{}px", rows * ROW_HEIGHT)
}

/// `element.style.setProperty(property, value)`.
fn set_style(element: &HtmlElement, property: &str, value: &str) {
    let _ = element.style().set_property(property, value);
}

fn filters(props: &ReplayTableProps) -> Html {
    let with = |change: fn(&mut Filter, String)| {
        let (filter, on_filter) = (props.filter.clone(), props.on_filter.clone());
        Callback::from(move |e: Event| {
            let target = e.target();
            let value = target
                .clone()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                .map(|s| s.value())
                .or_else(|| target.and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()))
                .unwrap_or_default();
            let mut next = filter.clone();
            change(&mut next, value);
            on_filter.emit(next);
        })
    };
    let selectors = props.state.counts.by_selector.len();
    let filter = &props.filter;
    let shown = Verdicts::ALL.into_iter().filter(|v| *v != Verdicts::Changed || props.compared);
    html! {
        <div class="filters">
            <select onchange={with(|f, v| f.logged = Verdicts::parse(&v).unwrap_or_default())} aria-label="Verdict filter" data-testid="filter-logged">
                { for shown.map(|v| html! { <option value={v.as_str()} selected={filter.logged == v}>{verdicts_label(v)}</option> }) }
            </select>
            <select onchange={with(|f, v| f.selector = parse_selector(&v))} aria-label="Selector filter" data-testid="filter-selector">
                <option value={selector_value(None)} selected={filter.selector.is_none()}>{"any selector"}</option>
                { for (0..selectors).map(|i| html! {
                    <option value={selector_value(Some(i))} selected={filter.selector == Some(i)}>{format!("selector {}", selector_name(&props.names, i))}</option>
                }) }
            </select>
            <input type="search" placeholder="eventSource or eventName" value={props.filter.text.clone()}
                oninput={with(|f, v| f.text = v).reform(Event::from)} aria-label="Search eventSource and eventName" data-testid="filter-text" />
        </div>
    }
}

fn result_row(Row { row, before }: &Row, compared: bool, names: &[String], explain: &Callback<usize>) -> Html {
    let index = row.index() as usize;
    let onclick = explain.reform(move |_: MouseEvent| index);
    let row = match row {
        session::Row::Event(verdict) => verdict,
        session::Row::Problem(problem) => {
            return html! {
                <button class="result-row problem" {onclick}>
                    <span>{index}</span><span class="sev error">{"problem"}</span><span></span><span class="message">{problem.message.clone()}</span>
                </button>
            };
        }
    };
    let verdict = if row.logged { "logged" } else { "not logged" };
    let change = match before.filter(|_| compared) {
        Some(before) if before != row.logged => {
            if row.logged {
                " (was not)"
            } else {
                " (was logged)"
            }
        }
        _ => "",
    };
    let matched: Vec<String> = row.matched.iter().map(|&i| selector_name(names, i)).collect();
    let matched = if matched.is_empty() { "-".to_string() } else { matched.join(", ") };
    html! {
        <button class={classes!("result-row", row.logged.then_some("logged"), (!change.is_empty()).then_some("changed"))} {onclick} data-index={index.to_string()}>
            <span>{index}</span>
            <span class="verdict">{format!("{verdict}{change}")}</span>
            <span class="matched" title={matched.clone()}>{matched.clone()}</span>
            <span>{format!("{} {}", row.event_source.as_deref().unwrap_or("-"), row.event_name.as_deref().unwrap_or("-"))}</span>
        </button>
    }
}

fn explanation(state: &ReplayState) -> Html {
    let Some(Selected { index, record, explanation: explained, problem }) = &state.selected else { return html! {} };
    let pretty = record
        .as_deref()
        .and_then(|r| serde_json::from_str::<serde_json::Value>(r).ok())
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .or_else(|| record.clone())
        .unwrap_or_default();
    let verdict = match explained.as_ref().map(|e| e.logged) {
        Some(true) => "logged",
        Some(false) => "not logged",
        None => "not judged",
    };
    let derived = explained.as_ref().is_some_and(|e| e.category_derived);
    html! {
        <div class="explanation" data-testid="replay-explanation">
            <div>
                <h3>{format!("Event {index}: {verdict}")}</h3>
                if let Some(problem) = problem { <p class="context-error">{problem.clone()}</p> }
                if derived {
                    <p class="note">{ decision_badge("D26", true) }{" the record has no eventCategory; its category was derived"}</p>
                }
                <ul class="why">
                    { for explained.iter().flat_map(|e| &e.selectors).map(selector_line) }
                </ul>
            </div>
            <JsonView value={pretty} label="Event record" />
        </div>
    }
}

fn selector_line(outcome: &SelectorOutcome) -> Html {
    let SelectorOutcome { index, matched, reason, .. } = outcome;
    let matched = *matched;
    let name = outcome.name.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
    let decision = outcome.decision.clone();
    html! {
        <li class={classes!(matched.then_some("matched"))}>
            <span class="sev">{if matched { "✓" } else { "✕" }}</span>
            {format!(" selector {index}{name}: {reason} ")}
            if let Some(id) = decision { { decision_badge(&id, true) } }
        </li>
    }
}
