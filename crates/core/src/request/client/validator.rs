use super::python;
use super::schema::{Shape, Structure};
use crate::diagnostics::path::Path;
use crate::diagnostics::{Code, Diagnostic, Problems};
use crate::source::json::{Member, Node, Value};
use crate::source::span::Span;

/// botocore's `_get_name`: the input itself is called `input`; a leading `.` is dropped.
fn display_name(path: &Path<'_>) -> String {
    let name = path.botocore_name();
    match name.strip_prefix('.') {
        _ if name.is_empty() => "input".to_string(),
        Some(rest) => rest.to_string(),
        None => name,
    }
}

/// Validates the document `node` against `shape` like botocore's `ParamValidator.validate`,
/// reporting one `ParamValidationError` per problem in botocore's order. `name` is botocore's
/// name for the document (`""` for the input itself).
pub fn validate(node: &Node, shape: &Shape, name: &str, out: &mut Problems) {
    check(node, shape, &Path::Root(name), out);
}

fn check(node: &Node, shape: &Shape, path: &Path<'_>, out: &mut Problems) {
    // A value an IaC file leaves to deployment can be of any shape (decisions D45).
    #[cfg(feature = "iac")]
    if matches!(node.value, Value::Unknown(_)) {
        return;
    }
    match shape {
        Shape::Structure(structure) => structure_(node, structure, path, out),
        Shape::List(member, min) => list(node, member, *min, path, out),
        Shape::String(min) => match &node.value {
            Value::String(s) => min_length(node, s.chars().count(), *min, path, out),
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::Array(_) | Value::Object(_) => {
                invalid_type(node, "<class 'str'>", path, out)
            }
            #[cfg(feature = "iac")]
            Value::Unknown(_) => {}
        },
        Shape::Boolean => {
            if !matches!(node.value, Value::Bool(_)) {
                invalid_type(node, "<class 'bool'>", path, out)
            }
        }
    }
}

fn error(message: String, pointer: &str, node_span: Span) -> Diagnostic {
    Diagnostic::new(Code::ParamValidationError, message, pointer, node_span).spec("§1.6").decision("D4")
}

fn structure_(node: &Node, shape: &Structure, path: &Path<'_>, out: &mut Problems) {
    let Value::Object(members) = &node.value else {
        return invalid_type(node, "<class 'dict'>", path, out);
    };
    for required in shape.required.iter().filter(|required| node.get(required).is_none()) {
        out.push(|| {
            let message = format!("Missing required parameter in {}: \"{required}\"", display_name(path));
            error(message, &path.pointer(), node.span.first_byte()).help(format!("add \"{required}\" to this object"))
        });
    }
    for (index, member) in members.iter().enumerate().filter(|(_, m)| shape.member(&m.key).is_none()) {
        out.push(|| unknown_member(node, (index, member), shape, path));
    }
    for member in members {
        if let Some(member_shape) = shape.member(&member.key) {
            check(&member.value, member_shape, &Path::Key(path, &member.key), out);
        }
    }
}

/// The member `index` of the object `node`, unknown to its `shape`.
fn unknown_member(node: &Node, (index, member): (usize, &Member), shape: &Structure, path: &Path<'_>) -> Diagnostic {
    let valid: Vec<&str> = shape.members.iter().map(|(n, _)| *n).collect();
    let message = format!(
        "Unknown parameter in {}: \"{}\", must be one of: {}",
        display_name(path),
        member.key,
        valid.join(", ")
    );
    error(message, &Path::Key(path, &member.key).pointer(), member.key_span)
        .suggest(member.key_span, &member.key, valid.iter().copied())
        .removal(node, index)
}

fn list(node: &Node, member: &Shape, min: usize, path: &Path<'_>, out: &mut Problems) {
    let Value::Array(items) = &node.value else {
        return invalid_type(node, "<class 'list'>, <class 'tuple'>", path, out);
    };
    min_length(node, items.len(), min, path, out);
    for (i, item) in items.iter().enumerate() {
        check(item, member, &Path::Index(path, i), out);
    }
}

fn min_length(node: &Node, len: usize, min: usize, path: &Path<'_>, out: &mut Problems) {
    if len < min {
        out.push(|| {
            let message =
                format!("Invalid length for parameter {}, value: {len}, valid min length: {min}", display_name(path));
            error(message, &path.pointer(), node.span)
        });
    }
}

fn invalid_type(node: &Node, valid: &str, path: &Path<'_>, out: &mut Problems) {
    out.push(|| {
        let message = format!(
            "Invalid type for parameter {}, value: {}, type: {}, valid types: {valid}",
            display_name(path),
            python::str_of(node),
            python::type_of(node)
        );
        let d = error(message, &path.pointer(), node.span);
        match bool_text(node).filter(|_| valid == "<class 'bool'>") {
            Some(fixed) => d.fix(format!("Replace with {fixed}"), node.span, fixed),
            None => d,
        }
    });
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
        let mut out = Problems::default();
        validate(&node, &Shape::Structure(&PUT_EVENT_SELECTORS_REQUEST), "", &mut out);
        out.into_parts().0.into_iter().map(|d| d.message).collect()
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
