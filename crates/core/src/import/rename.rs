//! A dialect's member names replaced by the API's (Terraform's `read_write_type`, CDK's
//! `equalTo`), everywhere in a value; names the dialect does not know are kept, for the client
//! checks to report, and what the tool would not send is dropped.

use crate::source::json::{Member, Node, Value};

/// `node` with each member named by `aws_name` (when it knows the name), members whose value
/// `sent` refuses left out.
pub fn renamed(node: &Node, aws_name: fn(&str) -> Option<&'static str>, sent: fn(&Node) -> bool) -> Node {
    let value = match &node.value {
        Value::Object(members) => Value::Object(
            members
                .iter()
                .filter(|m| sent(&m.value))
                .map(|m| Member {
                    key: aws_name(&m.key).map_or_else(|| m.key.clone(), str::to_string),
                    key_span: m.key_span,
                    value: renamed(&m.value, aws_name, sent),
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|n| renamed(n, aws_name, sent)).collect()),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) | Value::Unknown(_) => node.value.clone(),
    };
    Node { value, span: node.span }
}
