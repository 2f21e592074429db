//! Read-only pretty JSON.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct JsonViewProps {
    pub value: AttrValue,
    #[prop_or_default]
    pub label: AttrValue,
}

#[function_component(JsonView)]
pub fn json_view(props: &JsonViewProps) -> Html {
    html! { <pre class="json" tabindex="0" aria-label={props.label.clone()}>{props.value.clone()}</pre> }
}

/// Pretty JSON of any serializable value.
pub fn pretty<T: serde::Serialize>(value: &T) -> AttrValue {
    AttrValue::from(serde_json::to_string_pretty(value).unwrap_or_default())
}
