//! Which dialect a text is written in, from its content (issue 11 §1), and the importer that
//! reads it. JSON is tried first (CloudFormation JSON, `terraform show -json`, describe-trails,
//! else the request forms); then Terraform HCL (its top-level blocks), a CDK object literal
//! (`CfnTrail` or its camelCase props), then YAML (a CloudFormation template).

use super::{cdk, cfn, describe_trails, hcl, terraform_json, yaml, Imported};
use crate::diagnostics::{Code, Diagnostic};
use crate::request::files::{is_cloudformation_template, json_file, JsonFile};
use crate::source::json;
use crate::source::span::Span;
use serde::Serialize;

/// The dialects trailscope reads (`FileDialect` in TypeScript, beside the export's `Dialect`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "FileDialect"))]
#[serde(rename_all = "kebab-case")]
pub enum Dialect {
    /// A PutEventSelectors request, a get-event-selectors output or a selector list.
    Json,
    CloudformationJson,
    CloudformationYaml,
    /// Terraform HCL (`resource "aws_cloudtrail"`).
    Terraform,
    /// `terraform show -json` of a plan or a state.
    TerraformJson,
    /// CDK `CfnTrail` props as a TypeScript or JavaScript object literal.
    Cdk,
    /// `aws cloudtrail describe-trails` output (with `get-trail-status` merged in, optionally).
    DescribeTrails,
}

impl Dialect {
    /// Its short name (the page's badge).
    pub fn short(self) -> &'static str {
        match self {
            Dialect::Json => "JSON request",
            Dialect::CloudformationJson => "CloudFormation JSON",
            Dialect::CloudformationYaml => "CloudFormation YAML",
            Dialect::Terraform => "Terraform",
            Dialect::TerraformJson => "Terraform JSON",
            Dialect::Cdk => "CDK",
            Dialect::DescribeTrails => "describe-trails",
        }
    }

    /// How people call it.
    pub fn title(self) -> &'static str {
        match self {
            Dialect::Json => "JSON request",
            Dialect::CloudformationJson => "CloudFormation template (JSON)",
            Dialect::CloudformationYaml => "CloudFormation template (YAML)",
            Dialect::Terraform => "Terraform configuration",
            Dialect::TerraformJson => "terraform show -json output",
            Dialect::Cdk => "CDK CfnTrail props",
            Dialect::DescribeTrails => "describe-trails output",
        }
    }
}

/// Reads `text` with the importer of its dialect.
pub fn read(text: &str) -> Result<Imported, Box<Diagnostic>> {
    if let Ok(root) = json::parse(text) {
        return Ok(match json_file(&root) {
            Some(JsonFile::CloudformationTemplate) => {
                Imported::Trails(Dialect::CloudformationJson, cfn::trails(text, &root))
            }
            Some(JsonFile::TerraformShowOutput) => {
                Imported::Trails(Dialect::TerraformJson, terraform_json::trails(&root))
            }
            Some(JsonFile::DescribeTrailsOutput) => {
                Imported::Context(Box::new(describe_trails::from_node(&root).map_err(|p| p.diagnostic(text))?))
            }
            None => Imported::Request,
        });
    }
    if hcl::looks_like(text) {
        return Ok(Imported::Trails(Dialect::Terraform, hcl::trails(text).map_err(|p| p.diagnostic(text))?));
    }
    if cdk::looks_like(text) {
        return Ok(Imported::Trails(Dialect::Cdk, cdk::trails(text).map_err(|p| p.diagnostic(text))?));
    }
    if text.trim_start().starts_with(['{', '[']) {
        // Broken JSON, most likely: the JSON path reports where.
        return Err(Box::new(unrecognized()));
    }
    let root = yaml::parse(text).map_err(|p| p.diagnostic(text))?;
    if is_cloudformation_template(&root) {
        return Ok(Imported::Trails(Dialect::CloudformationYaml, cfn::trails(text, &root)));
    }
    Err(Box::new(unrecognized()))
}

fn unrecognized() -> Diagnostic {
    Diagnostic::new(
        Code::UnrecognizedInput,
        "not a PutEventSelectors request, a CloudFormation template, a Terraform configuration, CDK CfnTrail props or describe-trails output",
        "",
        Span::new(0, 0),
    )
    .help("paste the request JSON, a template with an AWS::CloudTrail::Trail, a .tf file with resource \"aws_cloudtrail\", the CfnTrail props object, or `aws cloudtrail describe-trails` output")
    .spec("§8")
    .decision("D45")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dialect(text: &str) -> Option<Dialect> {
        match read(text) {
            Ok(Imported::Trails(d, _)) => Some(d),
            Ok(Imported::Request) => Some(Dialect::Json),
            Ok(Imported::Context(_)) => Some(Dialect::DescribeTrails),
            Err(_) => None,
        }
    }

    #[test]
    fn dialects_are_recognised_from_the_content() {
        assert_eq!(dialect(r#"{"TrailName": "t", "EventSelectors": []}"#), Some(Dialect::Json));
        assert_eq!(dialect(r#"{"Resources": {}}"#), Some(Dialect::CloudformationJson));
        assert_eq!(dialect("Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n"), Some(Dialect::CloudformationYaml));
        assert_eq!(dialect("resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n}\n"), Some(Dialect::Terraform));
        assert_eq!(dialect("new CfnTrail(this, 'T', { trailName: 'x', isLogging: true });"), Some(Dialect::Cdk));
        let listed =
            r#"{"trailList": [{"Name": "a", "TrailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/a"}]}"#;
        assert_eq!(dialect(listed), Some(Dialect::DescribeTrails));
        assert_eq!(
            dialect(r#"{"format_version": "1.2", "values": {"root_module": {}}}"#),
            Some(Dialect::TerraformJson)
        );
        assert_eq!(dialect(r#"{"TrailName": "t",}"#), None, "broken JSON stays JSON's to report");
        assert_eq!(dialect("just: yaml\n"), None);
    }
}
