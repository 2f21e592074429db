use super::python;
use super::schema::{Shape, Structure};
use crate::diagnostics::{child_pointer, Code, Diagnostic};
use crate::source::json::{Node, Value};

/// Validates `node` against `shape` like botocore's `ParamValidator.validate`, appending one
/// `ParamValidationError` diagnostic per problem in botocore's order. `name` is botocore's
/// parameter path (`""` for the input itself), `pointer` the JSON pointer of `node`.
pub fn validate(node: &Node, shape: &Shape, name: &str, pointer: &str, out: &mut Vec<Diagnostic>) {
    // A value an IaC file leaves to deployment can be of any shape (decisions D45).
    #[cfg(feature = "iac")]
    if matches!(node.value, Value::Unknown(_)) {
        return;
    }
    match shape {
        Shape::Structure(structure) => structure_(node, structure, name, pointer, out),
        Shape::List(member, min) => list(node, member, *min, name, pointer, out),
        Shape::String(min) => match &node.value {
            Value::String(s) => min_length(node, s.chars().count(), *min, name, pointer, out),
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::Array(_) | Value::Object(_) => {
                invalid_type(node, "<class 'str'>", name, pointer, out)
            }
            #[cfg(feature = "iac")]
            Value::Unknown(_) => {}
        },
        Shape::Boolean => {
            if !matches!(node.value, Value::Bool(_)) {
                invalid_type(node, "<class 'bool'>", name, pointer, out)
            }
        }
    }
}

/// botocore's `_get_name`: the input itself is called `input`; a leading `.` is dropped.
fn display_name(name: &str) -> &str {
    if name.is_empty() {
        "input"
    } else {
        name.strip_prefix('.').unwrap_or(name)
    }
}

fn error(message: String, pointer: &str, node_span: crate::source::span::Span) -> Diagnostic {
    Diagnostic::new(Code::ParamValidationError, message, pointer, node_span).spec("§1.6").decision("D4")
}

fn structure_(node: &Node, shape: &Structure, name: &str, pointer: &str, out: &mut Vec<Diagnostic>) {
    let Value::Object(members) = &node.value else {
        return invalid_type(node, "<class 'dict'>", name, pointer, out);
    };
    for required in shape.required {
        if node.get(required).is_none() {
            let message = format!("Missing required parameter in {}: \"{required}\"", display_name(name));
            out.push(
                error(message, pointer, node.span.first_byte()).help(format!("add \"{required}\" to this object")),
            );
        }
    }
    let valid: Vec<&str> = shape.members.iter().map(|(n, _)| *n).collect();
    for (index, member) in members.iter().enumerate().filter(|(_, m)| shape.member(&m.key).is_none()) {
        let message = format!(
            "Unknown parameter in {}: \"{}\", must be one of: {}",
            display_name(name),
            member.key,
            valid.join(", ")
        );
        let mut d = error(message, &child_pointer(pointer, &member.key), member.key_span);
        d = d.suggest(member.key_span, &member.key, valid.iter().copied());
        out.push(d.removal(node, index));
    }
    for member in members {
        if let Some(member_shape) = shape.member(&member.key) {
            let member_name = format!("{name}.{}", member.key);
            validate(&member.value, member_shape, &member_name, &child_pointer(pointer, &member.key), out);
        }
    }
}

fn list(node: &Node, member: &Shape, min: usize, name: &str, pointer: &str, out: &mut Vec<Diagnostic>) {
    let Value::Array(items) = &node.value else {
        return invalid_type(node, "<class 'list'>, <class 'tuple'>", name, pointer, out);
    };
    min_length(node, items.len(), min, name, pointer, out);
    for (i, item) in items.iter().enumerate() {
        validate(item, member, &format!("{name}[{i}]"), &child_pointer(pointer, i), out);
    }
}

fn min_length(node: &Node, len: usize, min: usize, name: &str, pointer: &str, out: &mut Vec<Diagnostic>) {
    if len < min {
        let message =
            format!("Invalid length for parameter {}, value: {len}, valid min length: {min}", display_name(name));
        out.push(error(message, pointer, node.span));
    }
}

fn invalid_type(node: &Node, valid: &str, name: &str, pointer: &str, out: &mut Vec<Diagnostic>) {
    let message = format!(
        "Invalid type for parameter {}, value: {}, type: {}, valid types: {valid}",
        display_name(name),
        python::str_of(node),
        python::type_of(node)
    );
    let mut d = error(message, pointer, node.span);
    if let Some(fixed) = bool_text(node).filter(|_| valid == "<class 'bool'>") {
        d = d.fix(format!("Replace with {fixed}"), node.span, fixed);
    }
    out.push(d);
}

/// `"true"` / `"false"` written as strings where a boolean is expected.
fn bool_text(node: &Node) -> Option<&'static str> {
    match node.as_str()?.to_ascii_lowercase().as_str() {
        "true" => Some("true"),
        "false" => Some("false"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::client::PUT_EVENT_SELECTORS_REQUEST;
    use crate::source::json::parse;

    fn messages(text: &str) -> Vec<String> {
        let node = parse(text).unwrap();
        let mut out = Vec::new();
        validate(&node, &Shape::Structure(&PUT_EVENT_SELECTORS_REQUEST), "", "", &mut out);
        out.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn missing_trail_name() {
        assert_eq!(messages("{}"), ["Missing required parameter in input: \"TrailName\""]);
    }

    /// botocore 1.44.8's reports for the same inputs: missing members first, then unknown ones,
    /// then each member's own problems in input order.
    #[test]
    fn reports_in_botocore_order() {
        let selectors = r#""EventSelectors": [{"IncludeManagementEvents": "yes", "DataResources": {}}]"#;
        let missing = "Missing required parameter in input: \"TrailName\"";
        let unknown =
            "Unknown parameter in input: \"Trail\", must be one of: TrailName, EventSelectors, AdvancedEventSelectors";
        let not_bool = "Invalid type for parameter EventSelectors[0].IncludeManagementEvents, value: yes, type: <class 'str'>, valid types: <class 'bool'>";
        let not_list = "Invalid type for parameter EventSelectors[0].DataResources, value: {}, type: <class 'dict'>, valid types: <class 'list'>, <class 'tuple'>";
        assert_eq!(
            messages(&format!(r#"{{"Trail": 1, "TrailName": "t", {selectors}}}"#)),
            [unknown, not_bool, not_list]
        );
        assert_eq!(messages(&format!(r#"{{"Trail": 1, {selectors}}}"#)), [missing, unknown, not_bool, not_list]);
    }

    #[test]
    fn min_lengths_of_advanced_members() {
        let got = messages(
            r#"{"TrailName": "t", "AdvancedEventSelectors": [{"FieldSelectors": []}, {"FieldSelectors": [{"Field": "", "Equals": []}, {"Field": "x", "Equals": [""]}]}]}"#,
        );
        assert_eq!(
            got,
            [
                "Invalid length for parameter AdvancedEventSelectors[0].FieldSelectors, value: 0, valid min length: 1",
                "Invalid length for parameter AdvancedEventSelectors[1].FieldSelectors[0].Field, value: 0, valid min length: 1",
                "Invalid length for parameter AdvancedEventSelectors[1].FieldSelectors[0].Equals, value: 0, valid min length: 1",
                "Invalid length for parameter AdvancedEventSelectors[1].FieldSelectors[1].Equals[0], value: 0, valid min length: 1",
            ]
        );
    }
}
