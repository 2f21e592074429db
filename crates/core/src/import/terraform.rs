//! An `aws_cloudtrail` resource's arguments (from HCL or from `terraform show -json`) as the
//! request the AWS provider sends: Terraform's names mapped to the API's (spec §8), and what
//! the provider leaves out of the call left out here too (decisions D46): an empty or null
//! operator, value list or exclusion list is not sent, and a trail with neither
//! `event_selector` nor `advanced_event_selector` gets no PutEventSelectors call at all.

use super::coerce;
use super::rename::renamed;
use crate::source::json::{Member, Node, Value};

pub const RESOURCE_TYPE: &str = "aws_cloudtrail";

/// Terraform's argument and block names and the API's member names (spec §8).
const NAMES: &[(&str, &str)] = &[
    ("event_selector", "EventSelectors"),
    ("read_write_type", "ReadWriteType"),
    ("include_management_events", "IncludeManagementEvents"),
    ("exclude_management_event_sources", "ExcludeManagementEventSources"),
    ("data_resource", "DataResources"),
    ("type", "Type"),
    ("values", "Values"),
    ("advanced_event_selector", "AdvancedEventSelectors"),
    ("name", "Name"),
    ("field_selector", "FieldSelectors"),
    ("field", "Field"),
    ("equals", "Equals"),
    ("starts_with", "StartsWith"),
    ("ends_with", "EndsWith"),
    ("not_equals", "NotEquals"),
    ("not_starts_with", "NotStartsWith"),
    ("not_ends_with", "NotEndsWith"),
];

/// The API's name for a Terraform argument or block.
pub fn aws_name(terraform: &str) -> Option<&'static str> {
    NAMES.iter().find(|(t, _)| *t == terraform).map(|(_, a)| *a)
}

/// Terraform's name for an API member (`TrailName` is the resource's `name`).
pub fn key_name(aws: &str) -> Option<&'static str> {
    match aws {
        "TrailName" => Some("name"),
        _ => NAMES.iter().find(|(_, a)| *a == aws).map(|(t, _)| *t),
    }
}

/// The request of a resource whose arguments are `values` (an object of Terraform names; a
/// repeated block is an array of objects), and the trail's name as written; `None` when it
/// sets no selectors.
pub fn document(values: &Node) -> Option<(String, Node)> {
    let lists: Vec<Member> = ["event_selector", "advanced_event_selector"]
        .into_iter()
        .filter_map(|key| values.get(key))
        .filter(|m| sent(&m.value))
        .map(|m| {
            let aws = aws_name(&m.key).unwrap_or_default();
            Member {
                key: aws.to_string(),
                key_span: m.key_span,
                value: coerce::request_member(aws, renamed(&m.value, aws_name, sent)),
            }
        })
        .collect();
    if lists.is_empty() {
        return None;
    }
    let name = values.get("name");
    let display = name.and_then(|m| m.value.as_str()).unwrap_or_default().to_string();
    let trail_name = name.map(|m| Member {
        key: "TrailName".into(),
        key_span: m.key_span,
        value: coerce::request_member("TrailName", m.value.clone()),
    });
    let members = trail_name.into_iter().chain(lists).collect();
    Some((display, Node { value: Value::Object(members), span: values.span }))
}

/// False for what the provider does not send: null, and an empty list.
fn sent(node: &Node) -> bool {
    match &node.value {
        Value::Null => false,
        Value::Array(items) => !items.is_empty(),
        Value::Bool(_) | Value::Number(_) | Value::String(_) | Value::Object(_) | Value::Unknown(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::json::parse;

    #[test]
    fn names_are_mapped_and_what_is_not_sent_is_dropped() {
        let values = parse(
            r#"{"name": "t", "event_selector": [], "advanced_event_selector": [{"name": "s", "field_selector": [
                {"field": "eventCategory", "equals": ["Data"], "starts_with": null, "not_equals": []}]}]}"#,
        )
        .unwrap();
        let (name, document) = document(&values).unwrap();
        assert_eq!(name, "t");
        assert!(document.get("EventSelectors").is_none());
        let Value::Array(selectors) = &document.get("AdvancedEventSelectors").unwrap().value.value else { panic!() };
        let Value::Array(fields) = &selectors[0].get("FieldSelectors").unwrap().value.value else { panic!() };
        let Value::Object(members) = &fields[0].value else { panic!() };
        let keys: Vec<&str> = members.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, ["Field", "Equals"]);
        assert_eq!(key_name("NotStartsWith"), Some("not_starts_with"));
        assert_eq!(key_name("TrailName"), Some("name"));
    }

    #[test]
    fn a_trail_without_selectors_gets_no_call() {
        assert!(document(&parse(r#"{"name": "t", "event_selector": []}"#).unwrap()).is_none());
    }
}
