//! JSON that is one of people's own files rather than a request (issue 11 §1): a CloudFormation
//! template, `terraform show -json` output or describe-trails output, told apart by their
//! top-level keys. The importers (`import`, feature `iac`) read each one by these tests; the
//! page, whose wasm has no importers, hands such a text to its file view instead of judging it
//! as a request (which botocore would refuse for its unknown keys).

use crate::source::json::{self, Node, Value};

/// Which of people's own JSON files a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonFile {
    CloudformationTemplate,
    TerraformShowOutput,
    DescribeTrailsOutput,
}

/// True when `root` looks like a CloudFormation template (JSON, or YAML read by the importers):
/// a `Resources` object or a format version.
pub fn is_cloudformation_template(root: &Node) -> bool {
    root.get("AWSTemplateFormatVersion").is_some()
        || root.get("Resources").is_some_and(|r| matches!(r.value.value, Value::Object(_)))
}

/// True for `terraform show -json` output: a `format_version` with values or changes.
pub fn is_terraform_show_output(root: &Node) -> bool {
    root.get("format_version").is_some()
        && ["values", "planned_values", "resource_changes"].iter().any(|k| root.get(k).is_some())
}

/// True for describe-trails output: an object with `trailList`.
pub fn is_describe_trails_output(root: &Node) -> bool {
    root.get("trailList").is_some_and(|m| matches!(m.value.value, Value::Array(_)))
}

/// Which file `root` is, tested in the importers' order; None for anything else.
pub fn json_file(root: &Node) -> Option<JsonFile> {
    if is_cloudformation_template(root) {
        Some(JsonFile::CloudformationTemplate)
    } else if is_terraform_show_output(root) {
        Some(JsonFile::TerraformShowOutput)
    } else if is_describe_trails_output(root) {
        Some(JsonFile::DescribeTrailsOutput)
    } else {
        None
    }
}

/// Which file `text` is, when it is JSON.
pub fn json_file_of(text: &str) -> Option<JsonFile> {
    json::parse(text).ok().as_ref().and_then(json_file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_from_requests_by_their_keys() {
        let file = |text: &str| json_file_of(text);
        assert_eq!(
            file(r#"{"Resources": {"T": {"Type": "AWS::CloudTrail::Trail"}}}"#),
            Some(JsonFile::CloudformationTemplate)
        );
        assert_eq!(file(r#"{"AWSTemplateFormatVersion": "2010-09-09"}"#), Some(JsonFile::CloudformationTemplate));
        assert_eq!(file(r#"{"format_version": "1.2", "resource_changes": []}"#), Some(JsonFile::TerraformShowOutput));
        assert_eq!(file(r#"{"trailList": []}"#), Some(JsonFile::DescribeTrailsOutput));
        // A request, a request with a stray key of that name, broken JSON, another form.
        assert_eq!(file(r#"{"TrailName": "t", "EventSelectors": []}"#), None);
        assert_eq!(file(r#"{"TrailName": "t", "Resources": "x", "format_version": "1"}"#), None);
        assert_eq!(file(r#"{"Resources": {"#), None);
        assert_eq!(file("[1, 2]"), None);
    }
}
