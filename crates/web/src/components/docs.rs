//! Badges that cite the spec or a decision, linked to its text: docs/*.md ship beside the page
//! as docs/spec.html and docs/decisions.html (scripts/docs-html.mjs), one anchor per section and decision.

use yew::prelude::*;

/// Decision `id` (`D5`), linked; `undocumented` when it stands in for what AWS does not
/// document (the message or the outcome is trailscope's, not AWS's).
pub fn decision_badge(id: &str, undocumented: bool) -> Html {
    let label = if undocumented { format!("not documented by AWS · {id}") } else { format!("decision {id}") };
    link(classes!("badge", undocumented.then_some("decision")), format!("decisions.html#{id}"), label)
}

/// Spec section `section` (`§3.1`), linked.
pub fn spec_badge(section: &str) -> Html {
    let anchor = section.trim_start_matches('§');
    link(classes!("badge", "spec"), format!("spec.html#s{anchor}"), format!("spec {section}"))
}

fn link(class: Classes, href: String, label: String) -> Html {
    html! { <a {class} href={format!("./docs/{href}")} target="_blank" rel="noopener">{label}</a> }
}
