//! `terraform show -json` output (issue 11 §1): a plan's `resource_changes` (each change's
//! `after` values, with `after_unknown` marking what is known only after apply) or a state's
//! `values.root_module` and its child modules. Every `aws_cloudtrail` becomes a request
//! (`terraform::document`); the trail is named by its address.

use super::terraform::{self, RESOURCE_TYPE};
use super::ImportedTrail;
use crate::source::json::{Member, Node, Value, MAX_DEPTH};
use crate::source::unknown::Unknown;

pub fn trails(root: &Node) -> Vec<ImportedTrail> {
    let mut found = Vec::new();
    if let Some(changes) = root.get("resource_changes") {
        for change in items(&changes.value).filter(|c| is_trail(c)) {
            let Some(after) = change.get("change").and_then(|c| c.value.get("after")) else {
                continue;
            };
            let unknown = change.get("change").and_then(|c| c.value.get("after_unknown")).map(|m| &m.value);
            let values = with_unknowns(&after.value, unknown, 0);
            push(&mut found, address(change), &values);
        }
    } else if let Some(module) = root.get("values").and_then(|v| v.value.get("root_module")) {
        module_trails(&module.value, &mut found, 0);
    }
    found
}

fn push(found: &mut Vec<ImportedTrail>, address: String, values: &Node) {
    if let Some((name, document)) = terraform::document(values) {
        let name = if name.is_empty() { address.clone() } else { name };
        found.push(ImportedTrail { name, label: address, document, notes: Vec::new() });
    }
}

fn items(node: &Node) -> impl Iterator<Item = &Node> {
    match &node.value {
        Value::Array(items) => items.iter(),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) | Value::Object(_) | Value::Unknown(_) => {
            [].iter()
        }
    }
}

fn is_trail(resource: &Node) -> bool {
    resource.get("type").and_then(|t| t.value.as_str()) == Some(RESOURCE_TYPE)
        && resource.get("mode").and_then(|m| m.value.as_str()) != Some("data")
}

fn address(resource: &Node) -> String {
    resource.get("address").and_then(|a| a.value.as_str()).unwrap_or(RESOURCE_TYPE).to_string()
}

/// A state module's trails, its child modules' included (nesting is bounded by the parser).
fn module_trails(module: &Node, found: &mut Vec<ImportedTrail>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    if let Some(resources) = module.get("resources") {
        for resource in items(&resources.value).filter(|r| is_trail(r)) {
            if let Some(values) = resource.get("values") {
                push(found, address(resource), &values.value);
            }
        }
    }
    if let Some(children) = module.get("child_modules") {
        for child in items(&children.value) {
            module_trails(child, found, depth + 1);
        }
    }
}

/// `after` with each value that `after_unknown` marks `true` replaced by an unknown.
fn with_unknowns(after: &Node, unknown: Option<&Node>, depth: usize) -> Node {
    let Some(unknown) = unknown.filter(|_| depth < MAX_DEPTH) else {
        return after.clone();
    };
    if unknown.value == Value::Bool(true) {
        let value = Value::Unknown(Box::new(Unknown::opaque("(known after apply)")));
        return Node { value, span: after.span };
    }
    let value = match (&after.value, &unknown.value) {
        (Value::Object(members), Value::Object(_)) => {
            let mut out: Vec<Member> = members
                .iter()
                .map(|m| Member {
                    value: with_unknowns(&m.value, unknown.get(&m.key).map(|u| &u.value), depth + 1),
                    ..m.clone()
                })
                .collect();
            // An argument known only after apply is absent from `after`.
            if let Value::Object(marks) = &unknown.value {
                for mark in marks.iter().filter(|m| m.value.value == Value::Bool(true) && after.get(&m.key).is_none()) {
                    let value = Value::Unknown(Box::new(Unknown::opaque("(known after apply)")));
                    out.push(Member {
                        key: mark.key.clone(),
                        key_span: mark.key_span,
                        value: Node { value, span: mark.value.span },
                    });
                }
            }
            Value::Object(out)
        }
        (Value::Array(items), Value::Array(marks)) => {
            Value::Array(items.iter().enumerate().map(|(i, n)| with_unknowns(n, marks.get(i), depth + 1)).collect())
        }
        _ => after.value.clone(),
    };
    Node { value, span: after.span }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::json::parse;

    #[test]
    fn a_plan_marks_what_is_known_after_apply() {
        let plan = parse(
            r#"{"format_version": "1.2", "resource_changes": [{"address": "aws_cloudtrail.main", "mode": "managed",
                "type": "aws_cloudtrail", "change": {"actions": ["create"],
                "after": {"event_selector": [{"read_write_type": "All", "data_resource": [{"type": "AWS::S3::Object"}]}]},
                "after_unknown": {"name": true, "event_selector": [{"data_resource": [{"values": true}]}]}}}]}"#,
        )
        .unwrap();
        assert!(crate::request::files::is_terraform_show_output(&plan));
        let trails = trails(&plan);
        assert_eq!((trails[0].name.as_str(), trails[0].label.as_str()), ("aws_cloudtrail.main", "aws_cloudtrail.main"));
        let doc = &trails[0].document;
        assert!(matches!(doc.get("TrailName").unwrap().value.value, Value::Unknown(_)));
        let Value::Array(s) = &doc.get("EventSelectors").unwrap().value.value else { panic!() };
        let Value::Array(r) = &s[0].get("DataResources").unwrap().value.value else { panic!() };
        assert!(matches!(r[0].get("Values").unwrap().value.value, Value::Unknown(_)));
    }

    #[test]
    fn a_state_is_read_through_its_modules() {
        let state = parse(
            r#"{"format_version": "1.0", "values": {"root_module": {"child_modules": [{"resources": [
                {"address": "module.ct.aws_cloudtrail.this[0]", "mode": "managed", "type": "aws_cloudtrail",
                 "values": {"name": "org", "event_selector": [{"read_write_type": "All"}], "advanced_event_selector": []}}]}]}}}"#,
        )
        .unwrap();
        let trails = trails(&state);
        assert_eq!(trails.len(), 1);
        assert_eq!((trails[0].name.as_str(), trails[0].label.as_str()), ("org", "module.ct.aws_cloudtrail.this[0]"));
    }
}
