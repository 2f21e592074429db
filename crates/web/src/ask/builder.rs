//! Building a question one key at a time, with the catalogues' values offered for each key
//! (resource types, network activity event sources, categories, flags).

use trailscope_core::ask::{Constraint, Key, Question};
use trailscope_core::catalog::{self, Category, Field};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionBuilderProps {
    pub question: String,
    /// The question with the new key, as JSON.
    pub on_change: Callback<String>,
}

/// The values the catalogues know for `key`.
fn suggestions(key: Key) -> Vec<&'static str> {
    match key {
        Key::Field(Field::EventCategory) => Category::SELECTABLE_NAMES.to_vec(),
        Key::Field(Field::ReadOnly | Field::SessionCredentialFromConsole) => vec!["true", "false"],
        Key::Field(Field::ResourcesType) => catalog::resource_types().collect(),
        Key::Field(Field::EventSource) => catalog::network_activity_event_sources().collect(),
        Key::Field(Field::EventType) => vec!["AwsApiCall", "AwsServiceEvent", "AwsConsoleAction", "AwsVpceEvent"],
        Key::Field(Field::ErrorCode) => vec!["VpceAccessDenied"],
        Key::Field(Field::ResourcesArn) => vec!["arn:aws:s3:::"],
        Key::AwsRegion => vec!["us-east-1", "eu-west-1"],
        Key::Field(Field::EventName | Field::UserIdentityArn | Field::VpcEndpointId) => Vec::new(),
    }
}

#[function_component(QuestionBuilder)]
pub fn question_builder(props: &QuestionBuilderProps) -> Html {
    let key = use_state(|| Key::ALL[0]);
    let prefix = use_state(|| false);
    let value = use_node_ref();
    let on_key = {
        let key = key.clone();
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlSelectElement>().value();
            key.set(Key::parse(&name).unwrap_or(Key::ALL[0]));
        })
    };
    let on_mode = {
        let prefix = prefix.clone();
        Callback::from(move |e: Event| prefix.set(e.target_unchecked_into::<HtmlSelectElement>().value() == "prefix"))
    };
    let on_add = {
        let (key, prefix, value, question, on_change) =
            (*key, *prefix, value.clone(), props.question.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(input) = value.cast::<HtmlInputElement>() else { return };
            let text = input.value();
            let constraint = if prefix { Constraint::StartsWith(text) } else { Constraint::AnyOf(vec![text]) };
            let current = Question::from_json(&question).unwrap_or_default();
            on_change.emit(current.with(key, Some(constraint)).to_json());
        })
    };
    html! {
        <div class="ask-row ask-builder" data-testid="ask-builder">
            <label for="ask-key">{"Add"}</label>
            <select id="ask-key" onchange={on_key} data-testid="ask-key">
                { for Key::ALL.iter().map(|k| html! { <option value={k.name()} selected={*k == *key}>{k.name()}</option> }) }
            </select>
            <select aria-label="How the value compares" onchange={on_mode}>
                <option value="equals" selected={!*prefix}>{"equals"}</option>
                <option value="prefix" selected={*prefix}>{"starts with"}</option>
            </select>
            <input ref={value} list="ask-values" aria-label="Value" data-testid="ask-value" />
            <datalist id="ask-values">
                { for suggestions(*key).into_iter().map(|v| html! { <option value={v} /> }) }
            </datalist>
            <button onclick={on_add} data-testid="ask-add">{"Add"}</button>
        </div>
    }
}
