//! The answers as the panel draws them: the core's lines (crates/core/src/ask/lines.rs, what
//! the CLI prints), each styled by its kind; a record or a checker's flaws open on demand.

use trailscope_core::ask::lines::{Line, LineKind};
use trailscope_core::ask::Asked;
use yew::prelude::*;

fn class(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Heading => "line-heading",
        LineKind::All => "answer answer-all",
        LineKind::Some => "answer answer-some",
        LineKind::None => "answer answer-none",
        LineKind::Note => "hint",
        LineKind::Logged => "example logged",
        LineKind::Unlogged => "example unlogged",
        LineKind::Deciding => "deciding",
        LineKind::Right => "checker agrees",
        LineKind::Wrong => "checker disagrees",
        LineKind::Unknown => "checker unknown",
        LineKind::Template => "badge template",
    }
}

fn line(l: &Line) -> Html {
    let text = html! { <span class={class(l.kind)}>{l.text.clone()}</span> };
    match (&l.detail, l.kind) {
        (Some(detail), LineKind::Template) => {
            html! { <span class={class(l.kind)} title={detail.clone()}>{l.text.clone()}</span> }
        }
        (Some(detail), LineKind::Logged | LineKind::Unlogged) => html! {
            <li>{text}<details><summary>{"The record"}</summary>
                <pre class="json" tabindex="0" aria-label="Example record">{detail.clone()}</pre></details></li>
        },
        (Some(detail), _) => html! { <li>{text}<span class="why">{detail.clone()}</span></li> },
        (None, _) => html! { <li>{text}</li> },
    }
}

/// An answer's lines, or why there is none; nothing before the first answer.
pub fn answer(asked: Option<&Asked<Vec<Line>>>, testid: &'static str) -> Html {
    match asked {
        None => html! {},
        Some(Asked::Refused(message)) => {
            html! { <p class="ask-refused" role="alert" data-testid={testid}>{message.clone()}</p> }
        }
        Some(Asked::Answer(value)) => html! {
            <ul class="ask-lines" aria-live="polite" data-testid={testid}>{ for value.iter().map(line) }</ul>
        },
    }
}

/// The console templates the selectors equal, as badges beside the panel's title.
pub fn templates(asked: Option<&Asked<Vec<Line>>>) -> Html {
    let Some(Asked::Answer(value)) = asked else { return html! {} };
    html! { <span class="templates" data-testid="templates">{ for value.iter().map(line) }</span> }
}
