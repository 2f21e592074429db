//! Scalars as the IaC tool hands them to CloudTrail (decisions D46): CloudFormation and
//! Terraform convert a template's number or boolean written where a string goes into that
//! string (YAML `Equals: [true]` is `"true"`), and the strings `"true"`/`"false"` where a
//! boolean goes into the boolean. Anything else is left as written, for the client checks to
//! judge; the walk follows the request's shapes (the service model).

use crate::request::client::{Shape, PUT_EVENT_SELECTORS_REQUEST};
use crate::source::json::{Member, Node, Value};

/// `node`, the value of request member `key` (`EventSelectors`, ...), with its scalars converted.
pub fn request_member(key: &str, node: Node) -> Node {
    match PUT_EVENT_SELECTORS_REQUEST.member(key) {
        Some(shape) => coerce(node, shape),
        None => node,
    }
}

fn coerce(node: Node, shape: &Shape) -> Node {
    let Node { value, span } = node;
    let value = match (shape, value) {
        (Shape::String(_), Value::Bool(b)) => Value::String(b.to_string()),
        (Shape::String(_), Value::Number(raw)) => Value::String(raw),
        (Shape::Boolean, Value::String(s)) if s.eq_ignore_ascii_case("true") => Value::Bool(true),
        (Shape::Boolean, Value::String(s)) if s.eq_ignore_ascii_case("false") => Value::Bool(false),
        (Shape::List(member, _), Value::Array(items)) => {
            Value::Array(items.into_iter().map(|item| coerce(item, member)).collect())
        }
        (Shape::Structure(structure), Value::Object(members)) => Value::Object(
            members
                .into_iter()
                .map(|m| match structure.member(&m.key) {
                    Some(shape) => Member { value: coerce(m.value, shape), ..m },
                    None => m,
                })
                .collect(),
        ),
        (_, value) => value,
    };
    Node { value, span }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::json::parse;

    #[test]
    fn scalars_take_the_type_of_their_place() {
        let node = parse(
            r#"[{"IncludeManagementEvents": "TRUE", "ReadWriteType": 1,
                 "DataResources": [{"Type": true, "Values": [2, "x"]}]}]"#,
        )
        .unwrap();
        let out = request_member("EventSelectors", node);
        let Value::Array(selectors) = &out.value else { panic!() };
        let s = &selectors[0];
        assert_eq!(s.get("IncludeManagementEvents").unwrap().value.value, Value::Bool(true));
        assert_eq!(s.get("ReadWriteType").unwrap().value.as_str(), Some("1"));
        let Value::Array(resources) = &s.get("DataResources").unwrap().value.value else { panic!() };
        assert_eq!(resources[0].get("Type").unwrap().value.as_str(), Some("true"));
        let Value::Array(values) = &resources[0].get("Values").unwrap().value.value else { panic!() };
        assert_eq!(values[0].as_str(), Some("2"));
    }

    #[test]
    fn what_cannot_be_converted_is_left_for_the_client_checks() {
        let node = parse(r#"[{"IncludeManagementEvents": "yes", "Bogus": 1, "DataResources": {}}]"#).unwrap();
        assert_eq!(request_member("EventSelectors", node.clone()), node);
    }
}
