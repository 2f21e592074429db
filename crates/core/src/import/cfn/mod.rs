//! CloudFormation templates (JSON, or YAML read by `import::yaml`), CDK's `cdk synth` output
//! included: every `AWS::CloudTrail::Trail` resource that sets `EventSelectors` or
//! `AdvancedEventSelectors` becomes one request. CloudFormation's property names are the API's,
//! so only intrinsic functions (`intrinsic`) and scalar types (`coerce`) need translating. The
//! trail name is `TrailName`, else the logical ID (CloudFormation then generates the real name).

mod intrinsic;

use super::{coerce, ImportedTrail};
use crate::diagnostics::{Code, Diagnostic};
use crate::source::json::{Member, Node, Value};
use crate::source::span::Span;
use crate::source::unknown::Unknown;
use intrinsic::Resolver;
use std::collections::HashMap;

pub const TRAIL_TYPE: &str = "AWS::CloudTrail::Trail";

/// The trails of the template `root` (parsed from `text`) that set selectors.
pub fn trails(text: &str, root: &Node) -> Vec<ImportedTrail> {
    let Some(Value::Object(resources)) = root.get("Resources").map(|m| &m.value.value) else {
        return Vec::new();
    };
    let types: HashMap<String, String> = resources
        .iter()
        .filter_map(|r| Some((r.key.clone(), r.value.get("Type")?.value.as_str()?.to_string())))
        .collect();
    let mut resolver = Resolver::new(text, types);
    resources
        .iter()
        .filter(|r| r.value.get("Type").and_then(|t| t.value.as_str()) == Some(TRAIL_TYPE))
        .filter_map(|r| trail(r, &mut resolver))
        .collect()
}

const SELECTOR_LISTS: [&str; 2] = ["EventSelectors", "AdvancedEventSelectors"];

fn trail(resource: &Member, resolver: &mut Resolver<'_>) -> Option<ImportedTrail> {
    let properties = &resource.value.get("Properties")?.value;
    if SELECTOR_LISTS.iter().all(|k| properties.get(k).is_none()) {
        return None;
    }
    let mut notes = Vec::new();
    let name = match properties.get("TrailName") {
        Some(m) => {
            Member { value: coerce::request_member("TrailName", resolver.resolve(m.value.clone())), ..m.clone() }
        }
        None => {
            let (member, note) = generated_name(&resource.key, resource.key_span);
            notes.push(note);
            member
        }
    };
    let display = name.value.as_str().unwrap_or(&resource.key).to_string();
    let mut members = vec![name];
    for key in SELECTOR_LISTS {
        if let Some(m) = properties.get(key) {
            let value = coerce::request_member(key, resolver.resolve(m.value.clone()));
            members.push(Member { value, ..m.clone() });
        }
    }
    let document = Node { value: Value::Object(members), span: resource.value.span };
    Some(ImportedTrail { name: display, label: resource.key.clone(), document, notes })
}

/// The `TrailName` of a trail that sets none: CloudFormation generates one from the stack
/// name, the logical ID `id` (at `span`) and a random suffix; an unknown, and its note.
pub fn generated_name(id: &str, span: Span) -> (Member, Diagnostic) {
    let unknown = Unknown::opaque(id);
    let member = Member {
        key: "TrailName".into(),
        key_span: span,
        value: Node { value: Value::Unknown(Box::new(unknown)), span },
    };
    let note = Diagnostic::new(
        Code::NotChecked,
        format!("TrailName is not set: CloudFormation names the trail from the stack name, the logical ID {id} and a random suffix, so the name rules (§3.1) were not checked"),
        "/TrailName",
        span,
    )
    .help("set TrailName to check the name (and to find the trail in an account context)")
    .spec("§8")
    .decision("D45");
    (member, note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::json::parse;

    const TEMPLATE: &str = r#"{"Resources": {
        "Logs": {"Type": "AWS::S3::Bucket"},
        "Plain": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true}},
        "Audit": {"Type": "AWS::CloudTrail::Trail", "Properties": {
            "TrailName": "audit-trail",
            "EventSelectors": [{"IncludeManagementEvents": "false", "DataResources": [
                {"Type": "AWS::S3::Object", "Values": [{"Fn::Sub": "${Logs.Arn}/"}]}]}]}},
        "Unnamed": {"Type": "AWS::CloudTrail::Trail", "Properties": {
            "AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}]}]}}
    }}"#;

    #[test]
    fn every_trail_with_selectors_becomes_a_request() {
        let root = parse(TEMPLATE).unwrap();
        assert!(crate::request::files::is_cloudformation_template(&root));
        let trails = trails(TEMPLATE, &root);
        let names: Vec<&str> = trails.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["audit-trail", "Unnamed"]);
        let audit = &trails[0].document;
        let Value::Array(selectors) = &audit.get("EventSelectors").unwrap().value.value else { panic!() };
        assert_eq!(selectors[0].get("IncludeManagementEvents").unwrap().value.value, Value::Bool(false));
        assert!(trails[0].notes.is_empty());
        assert_eq!(trails[1].notes[0].code, Code::NotChecked);
        assert!(matches!(trails[1].document.get("TrailName").unwrap().value.value, Value::Unknown(_)));
    }
}
