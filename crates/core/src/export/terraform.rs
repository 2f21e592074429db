//! A Terraform `aws_cloudtrail` resource (hashicorp/aws provider; spec §8, S13): `event_selector`
//! blocks with `data_resource` blocks, or `advanced_event_selector` blocks with `field_selector`
//! blocks, attribute names in snake_case. Strings are HCL quoted templates: `\`, `"` and control
//! characters escaped, and `${` / `%{` (which would start an interpolation or a directive)
//! written `$${` / `%%{`. The provider checks `field` against its own list, which lagged AWS:
//! a field it learned late pins the provider version that knows it (D52).

use super::literal::lowercase_flag;
use super::tree::{self, Node};
use super::Trail;
use crate::request::model::{AdvancedFieldSelector, Selectors};
use crate::source::escape::{c_quoted, unicode_escape};

/// Fields the provider's `field` check accepted in 6.0.0 (its error text in
/// hashicorp/terraform-provider-aws#43065, against 6.0.0-beta3; `userIdentity.arn` came with
/// #40629, December 2024).
const FIELDS_6_0: [&str; 7] =
    ["eventCategory", "eventName", "eventSource", "readOnly", "resources.ARN", "resources.type", "userIdentity.arn"];
/// Fields added in 6.2.0 (July 2, 2025; CHANGELOG "resource/aws_cloudtrail: Support `errorCode`,
/// `eventType`, `sessionCredentialFromConsole`, and `vpcEndpointId`", #43091).
const FIELDS_6_2: [&str; 4] = ["errorCode", "eventType", "sessionCredentialFromConsole", "vpcEndpointId"];

const BUCKET_VARIABLE: &str = "trail_bucket_name";
const BUCKET_HELP: &str =
    "The S3 bucket CloudTrail delivers log files to (its bucket policy must let CloudTrail write).";

pub(super) fn write(trail: &Trail, selectors: &Selectors) -> Result<String, String> {
    let provider = provider_version(selectors)?;
    let (member, value) = tree::selectors(selectors);
    let mut out: String = trail.header().iter().map(|line| format!("# {line}\n")).collect();
    out.push_str(&format!("# s3_bucket_name comes from var.{BUCKET_VARIABLE}: {BUCKET_HELP}\n"));
    if let Some((version, field)) = provider {
        out.push_str(&format!(
            "\n# `{field}` in field_selector needs hashicorp/aws {version} or later: earlier versions refuse it (D52).\n\
             terraform {{\n  required_providers {{\n    aws = {{\n      source  = \"hashicorp/aws\"\n      version = \">= {version}\"\n    }}\n  }}\n}}\n"
        ));
    }
    out.push_str(&format!(
        "\nvariable \"{BUCKET_VARIABLE}\" {{\n  type        = string\n  description = {}\n}}\n\n",
        string(BUCKET_HELP)
    ));
    out.push_str("resource \"aws_cloudtrail\" \"trail\" {\n");
    let head = [("name", string(trail.name)), ("s3_bucket_name", format!("var.{BUCKET_VARIABLE}"))];
    attributes(&head, 1, &mut out);
    if let Node::List(items) = &value {
        blocks(member, items, 1, &mut out);
    }
    out.push_str("}\n");
    Ok(out)
}

/// The provider version the fields need, and the field that needs it; a field the provider
/// does not know at all refuses the export.
fn provider_version(selectors: &Selectors) -> Result<Option<(&'static str, String)>, String> {
    let Selectors::Advanced(list) = selectors else { return Ok(None) };
    let fields =
        || list.iter().flat_map(|s| s.field_selectors.iter()).map(|f: &AdvancedFieldSelector| f.field.as_str());
    if let Some(unknown) = fields().find(|f| !FIELDS_6_0.contains(f) && !FIELDS_6_2.contains(f)) {
        return Err(format!("the aws_cloudtrail resource does not accept the field {unknown} (D52)"));
    }
    if let Some(newer) = fields().find(|f| FIELDS_6_2.contains(f)) {
        return Ok(Some(("6.2.0", newer.to_string())));
    }
    Ok(fields().find(|f| *f == "userIdentity.arn").map(|f| ("6.0.0", f.to_string())))
}

/// The block an API member's items become, for members that are lists of objects.
fn block_name(member: &str) -> Option<&'static str> {
    match member {
        "EventSelectors" => Some("event_selector"),
        "DataResources" => Some("data_resource"),
        "AdvancedEventSelectors" => Some("advanced_event_selector"),
        "FieldSelectors" => Some("field_selector"),
        _ => None,
    }
}

/// Each item of `member` as a block, after a blank line unless it opens its parent's body.
fn blocks(member: &str, items: &[Node], depth: usize, out: &mut String) {
    let name = block_name(member).unwrap_or(member);
    for item in items {
        let Node::Map(members) = item else { continue };
        if !out.ends_with("{\n") {
            out.push('\n');
        }
        indent(depth, out);
        out.push_str(name);
        out.push_str(" {\n");
        body(members, depth + 1, out);
        indent(depth, out);
        out.push_str("}\n");
    }
}

/// A block's body: its attributes (aligned, as `terraform fmt` writes them), then its blocks.
fn body(members: &[(&'static str, Node)], depth: usize, out: &mut String) {
    let is_block = |key: &str| block_name(key).is_some();
    let plain: Vec<(String, String)> =
        members.iter().filter(|(k, _)| !is_block(k)).map(|(k, v)| (snake_case(k), value(v, depth))).collect();
    let pairs: Vec<(&str, String)> = plain.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    attributes(&pairs, depth, out);
    for (key, node) in members.iter().filter(|(k, _)| is_block(k)) {
        if let Node::List(items) = node {
            blocks(key, items, depth, out);
        }
    }
}

fn attributes(pairs: &[(&str, String)], depth: usize, out: &mut String) {
    let width = pairs.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (key, value) in pairs {
        indent(depth, out);
        out.push_str(&format!("{key:width$} = {value}\n"));
    }
}

fn value(node: &Node, depth: usize) -> String {
    match node {
        Node::Text(text) => string(text),
        Node::Flag(flag) => lowercase_flag(*flag).to_string(),
        Node::List(items) => list(items, depth),
        Node::Map(_) => String::new(),
    }
}

/// A list of strings: on one line while short, else one item a line.
fn list(items: &[Node], depth: usize) -> String {
    let items: Vec<String> = items.iter().map(|item| value(item, depth + 1)).collect();
    let line = format!("[{}]", items.join(", "));
    if line.len() + 2 * depth <= 100 {
        return line;
    }
    let pad = "  ".repeat(depth + 1);
    let body: String = items.iter().map(|item| format!("{pad}{item},\n")).collect();
    format!("[\n{body}{}]", "  ".repeat(depth))
}

fn indent(depth: usize, out: &mut String) {
    out.push_str(&"  ".repeat(depth));
}

/// `ReadWriteType` -> `read_write_type`.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// An HCL quoted template that yields exactly `text`: `${` and `%{` doubled to `$${` and `%%{`
/// (a `$` or `%` before them stays as it is: HCL reads `$$${` as `$` then the escape `$${`).
pub(super) fn string(text: &str) -> String {
    c_quoted(&text.replace("${", "$${").replace("%{", "%%{"), '"', unicode_escape(char::is_control))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolation_and_directives_are_escaped() {
        assert_eq!(string("a ${b} %{c} $ % $$ {"), r#""a $${b} %%{c} $ % $$ {""#);
        assert_eq!(string("$${x}"), r#""$$${x}""#);
        assert_eq!(string("q\"\\\n\u{1}é"), r#""q\"\\\n\u0001é""#);
    }

    #[test]
    fn member_names_become_snake_case() {
        assert_eq!(snake_case("ExcludeManagementEventSources"), "exclude_management_event_sources");
        assert_eq!(snake_case("NotStartsWith"), "not_starts_with");
        assert_eq!(snake_case("Type"), "type");
    }
}
