//! The selectors as one neutral tree every writer walks: AWS's member names, in the order the
//! canonical form serializes them (spec §1.2-§1.4), every value present (defaults written out).

use crate::request::model::{AdvancedEventSelector, AdvancedFieldSelector, EventSelector, Operator, Selectors};

/// A value to write: text, a boolean, a list, or members by AWS name, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    Text(String),
    Flag(bool),
    List(Vec<Node>),
    Map(Vec<(&'static str, Node)>),
}

impl Node {
    pub fn is_scalar(&self) -> bool {
        matches!(self, Node::Text(_) | Node::Flag(_))
    }
}

fn texts(list: &[String]) -> Node {
    Node::List(list.iter().cloned().map(Node::Text).collect())
}

/// The request member (`EventSelectors` or `AdvancedEventSelectors`) and its value.
pub(crate) fn selectors(selectors: &Selectors) -> (&'static str, Node) {
    match selectors {
        Selectors::Basic(list) => ("EventSelectors", Node::List(list.iter().map(basic).collect())),
        Selectors::Advanced(list) => ("AdvancedEventSelectors", Node::List(list.iter().map(advanced).collect())),
    }
}

fn basic(selector: &EventSelector) -> Node {
    let resources = selector
        .data_resources
        .iter()
        .map(|r| Node::Map(vec![("Type", Node::Text(r.resource_type.clone())), ("Values", texts(&r.values))]))
        .collect();
    Node::Map(vec![
        ("ReadWriteType", Node::Text(selector.read_write_type.as_str().to_string())),
        ("IncludeManagementEvents", Node::Flag(selector.include_management_events)),
        ("DataResources", Node::List(resources)),
        ("ExcludeManagementEventSources", texts(&selector.exclude_management_event_sources)),
    ])
}

fn advanced(selector: &AdvancedEventSelector) -> Node {
    let mut members = Vec::new();
    if let Some(name) = &selector.name {
        members.push(("Name", Node::Text(name.clone())));
    }
    members.push(("FieldSelectors", Node::List(selector.field_selectors.iter().map(field).collect())));
    Node::Map(members)
}

fn field(field: &AdvancedFieldSelector) -> Node {
    let mut members = vec![("Field", Node::Text(field.field.clone()))];
    for op in Operator::ALL {
        if let Some(values) = field.values(op) {
            members.push((op.as_str(), texts(values)));
        }
    }
    Node::Map(members)
}
