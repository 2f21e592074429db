//! Where an IaC tool's own schema disagrees with AWS (issue 11 §2; decisions D47): a note
//! beside trailscope's verdict (which stays AWS's), citing the tool's schema or the thread
//! where its users met the difference.

use super::Dialect;
use crate::diagnostics::{child_pointer, Code, Diagnostic};
use crate::source::json::{Node, Value};

/// The non-basic types the CloudFormation schema of `AWS::CloudTrail::Trail` lists for a basic
/// `DataResource.Type` (cfn-lint 1.58.0, `cfnlint/data/schemas/resources/92b0a0f5db6788ed.json`).
const CFN_SCHEMA_EXTRA_TYPES: [&str; 6] = [
    "AWS::S3Outposts::Object",
    "AWS::ManagedBlockchain::Node",
    "AWS::S3ObjectLambda::AccessPoint",
    "AWS::EC2::Snapshot",
    "AWS::S3::AccessPoint",
    "AWS::DynamoDB::Stream",
];
const CFN_SCHEMA: &str = "cfn-lint 1.58.0 (PyPI), cfnlint/data/schemas/resources/92b0a0f5db6788ed.json";

/// Advanced-selector fields the AWS provider's allow-list refused (at plan) until the pull
/// request that added them, and the thread where users met the refusal.
const TERRAFORM_LATE_FIELDS: [(&str, &str); 5] = [
    ("userIdentity.arn", "https://github.com/hashicorp/terraform-provider-aws/pull/40629 (issue #36280)"),
    ("eventType", "https://github.com/hashicorp/terraform-provider-aws/pull/43091 (issue #43065)"),
    ("errorCode", "https://github.com/hashicorp/terraform-provider-aws/pull/43091"),
    ("sessionCredentialFromConsole", "https://github.com/hashicorp/terraform-provider-aws/pull/43091 (PR #41704)"),
    ("vpcEndpointId", "https://github.com/hashicorp/terraform-provider-aws/pull/43091"),
];

pub fn notes(document: &Node, dialect: Dialect) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    match dialect {
        Dialect::CloudformationJson | Dialect::CloudformationYaml | Dialect::Cdk => cloudformation(document, &mut out),
        Dialect::Terraform | Dialect::TerraformJson => terraform(document, &mut out),
        Dialect::Json | Dialect::DescribeTrails => {}
    }
    out
}

/// `(pointer, node)` of each element of the list at `key` of `node`.
fn elements<'a>(node: &'a Node, key: &str, pointer: &str) -> Vec<(String, &'a Node)> {
    let pointer = child_pointer(pointer, key);
    match node.get(key).map(|m| &m.value.value) {
        Some(Value::Array(items)) => items.iter().enumerate().map(|(i, n)| (child_pointer(&pointer, i), n)).collect(),
        _ => Vec::new(),
    }
}

fn note(message: String, pointer: &str, node: &Node) -> Diagnostic {
    Diagnostic::new(Code::ToolDisagrees, message, pointer, node.span).spec("§8").decision("D47")
}

fn cloudformation(document: &Node, out: &mut Vec<Diagnostic>) {
    for (selector, s) in elements(document, "EventSelectors", "") {
        for (resource, r) in elements(s, "DataResources", &selector) {
            let Some(ty) =
                r.get("Type").filter(|t| t.value.as_str().is_some_and(|t| CFN_SCHEMA_EXTRA_TYPES.contains(&t)))
            else {
                continue;
            };
            let message = format!(
                "cfn-lint accepts this DataResources.Type (the CloudFormation schema lists it), but AWS refuses it in basic event selectors; source: {CFN_SCHEMA}"
            );
            out.push(note(message, &child_pointer(&resource, "Type"), &ty.value));
        }
    }
    for (selector, s) in elements(document, "AdvancedEventSelectors", "") {
        if let Some(name) = s.get("Name").filter(|n| n.value.as_str() == Some("")) {
            let message = format!("CloudFormation's schema requires a Name of 1 to 1000 characters, so cfn-lint and CloudFormation refuse this empty Name; AWS accepts it (0 to 1000); source: {CFN_SCHEMA}");
            out.push(note(message, &child_pointer(&selector, "Name"), &name.value));
        }
    }
}

fn terraform(document: &Node, out: &mut Vec<Diagnostic>) {
    for (selector, s) in elements(document, "AdvancedEventSelectors", "") {
        for (field, f) in elements(s, "FieldSelectors", &selector) {
            let Some(m) = f.get("Field") else { continue };
            let Some((name, source)) = TERRAFORM_LATE_FIELDS.iter().find(|(n, _)| m.value.as_str() == Some(n)) else {
                continue;
            };
            let message = format!(
                "AWS accepts {name}, but the AWS provider's field allow-list refused it at plan (\"expected ... field to be one of [...]\") until {source}; an older provider fails before AWS sees it"
            );
            out.push(note(message, &child_pointer(&field, "Field"), &m.value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::json::parse;

    #[test]
    fn each_tool_disagreement_gets_its_note() {
        let doc = parse(r#"{"EventSelectors": [{"DataResources": [{"Type": "AWS::DynamoDB::Stream"}, {"Type": "AWS::S3::Object"}]}]}"#).unwrap();
        let found = notes(&doc, Dialect::CloudformationYaml);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/EventSelectors/0/DataResources/0/Type");
        assert!(notes(&doc, Dialect::Terraform).is_empty());
        let doc = parse(r#"{"AdvancedEventSelectors": [{"Name": "", "FieldSelectors": [{"Field": "eventCategory"}, {"Field": "userIdentity.arn"}]}]}"#).unwrap();
        let tf = notes(&doc, Dialect::Terraform);
        assert_eq!(tf.len(), 1);
        assert!(tf[0].message.contains("pull/40629"));
        assert_eq!(notes(&doc, Dialect::CloudformationJson)[0].pointer, "/AdvancedEventSelectors/0/Name");
    }
}
