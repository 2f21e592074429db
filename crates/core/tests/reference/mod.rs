//! A deliberately simple evaluator written straight from the spec, on the raw JSON record. It
//! is slow and has no compilation step; the compiled matcher is property-tested against it.
//! Sections: §5.1 (advanced), §6.1-§6.2 (basic), decisions D23-D31.
//!
//! It shares nothing with the matcher beyond the selector model: the basic value forms (spec
//! §6.2, D10) and the category (D26) are derived again here, from the spec's text and its data
//! file, so that a bug in the core's helpers cannot agree with itself. It lives with the tests
//! because only they use it (and the matcher fuzz target, `crates/fuzz-checks`, which includes
//! this folder by path).

pub mod vocab;

use serde_json::Value;
use trailscope_core::model::{
    AdvancedEventSelector, AdvancedFieldSelector, EventSelector, Operator, ReadWriteType, Selectors,
};

/// The spec's list of `resources.type` values (§4.3), read from the file the spec points to.
const RESOURCE_TYPES: &str = include_str!("../../../../data/resource-types.txt");

/// Partitions an "all" value may name (spec §3.2 table).
const PARTITIONS: &[&str] =
    &["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

/// For each selector, whether it matches `record`.
pub fn matches(selectors: &Selectors, record: &Value) -> Vec<bool> {
    match selectors {
        Selectors::Basic(list) => list.iter().map(|s| basic(s, record)).collect(),
        Selectors::Advanced(list) => list.iter().map(|s| advanced(s, record)).collect(),
    }
}

/// A string field; booleans read as "true"/"false" (D24).
fn text(record: &Value, path: &[&str]) -> Option<String> {
    let mut value = record;
    for key in path {
        value = value.get(key)?;
    }
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// (type, ARN) of each resource: `ARN`, else `arn` (D31), else `ARNPrefix` (D25).
fn resources(record: &Value) -> Vec<(Option<String>, Option<String>)> {
    let Some(Value::Array(list)) = record.get("resources") else { return Vec::new() };
    let arn = |r: &Value| ["ARN", "arn", "ARNPrefix"].iter().find_map(|key| text(r, &[key]));
    list.iter().map(|r| (text(r, &["type"]), arn(r))).collect()
}

fn is_data_type(name: &str) -> bool {
    RESOURCE_TYPES.lines().map(str::trim).any(|line| line == name)
}

/// D26: eventCategory; else managementEvent "true" (D30); else a data-type resource; else
/// Management.
fn category(record: &Value) -> String {
    if let Some(c) = text(record, &["eventCategory"]) {
        return c;
    }
    if text(record, &["managementEvent"]).as_deref() == Some("true") {
        return "Management".into();
    }
    let data = resources(record).iter().any(|(t, _)| t.as_deref().is_some_and(is_data_type));
    if data { "Data" } else { "Management" }.into()
}

fn read_write_fits(rwt: ReadWriteType, record: &Value) -> bool {
    let read_only = text(record, &["readOnly"]);
    match rwt {
        ReadWriteType::All => true,
        ReadWriteType::ReadOnly => read_only.as_deref() == Some("true"),
        ReadWriteType::WriteOnly => read_only.as_deref() == Some("false"),
    }
}

/// How a basic `DataResources` value matches an ARN (spec §6.2 table): "all" values match
/// every resource of the type, Lambda function ARNs exactly, S3 and DynamoDB values by prefix.
/// Values outside the D10 forms never match (the validator rejects them). Regions and Lambda
/// names are not checked: the generators make only valid ones.
fn value_matches(resource_type: &str, value: &str, arn: Option<&str>) -> bool {
    let service = match resource_type {
        "AWS::S3::Object" => "s3",
        "AWS::Lambda::Function" => "lambda",
        "AWS::DynamoDB::Table" => "dynamodb",
        _ => return false,
    };
    let fields: Vec<&str> = value.splitn(6, ':').collect();
    let prefix_ok = fields.len() >= 3 && fields[0] == "arn" && PARTITIONS.contains(&fields[1]) && fields[2] == service;
    if !prefix_ok {
        return false;
    }
    // arn:<p>:<service>, and arn:<p>:s3::: : every resource of the type, with an ARN or not.
    if fields.len() == 3 || (service == "s3" && fields.len() == 6 && fields[3..].iter().all(|f| f.is_empty())) {
        return true;
    }
    let ([_, _, _, region, account, resource], Some(arn)) = (&fields[..], arn) else { return false };
    let account_ok = account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit());
    match service {
        // arn:<p>:s3:::<bucket>/<key prefix>; `*` is literal after the slash (D10).
        "s3" => {
            region.is_empty()
                && account.is_empty()
                && resource.split_once('/').is_some_and(|(bucket, _)| bucket_ok(bucket))
                && arn.starts_with(value)
        }
        "lambda" => !value.contains('*') && account_ok && resource.starts_with("function:") && arn == value,
        // DynamoDB's own naming: 3-255 characters (not in the spec; the validator applies it).
        _ => account_ok && resource.strip_prefix("table/").is_some_and(|t| t.len() >= 3) && arn.starts_with(value),
    }
}

/// D10's bucket naming: 3-63 of lowercase letters, digits, '.', '-', starting and ending with
/// a letter or digit.
fn bucket_ok(bucket: &str) -> bool {
    let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-';
    let edge = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    (3..=63).contains(&bucket.len())
        && bucket.bytes().all(allowed)
        && edge(bucket.bytes().next())
        && edge(bucket.bytes().last())
}

fn basic(selector: &EventSelector, record: &Value) -> bool {
    match category(record).as_str() {
        "Management" => {
            let source = text(record, &["eventSource"]).unwrap_or_default();
            selector.include_management_events
                && read_write_fits(selector.read_write_type, record)
                && !selector.exclude_management_event_sources.contains(&source)
        }
        "Data" => {
            let hit = selector.data_resources.iter().any(|dr| {
                resources(record).iter().any(|(t, arn)| {
                    t.as_deref() == Some(dr.resource_type.as_str())
                        && dr.values.iter().any(|v| value_matches(&dr.resource_type, v, arn.as_deref()))
                })
            });
            hit && read_write_fits(selector.read_write_type, record)
        }
        _ => false,
    }
}

/// The §5.1 formula for one value; a missing value fails SELECT and passes DESELECT (D23).
fn field_matches(field: &AdvancedFieldSelector, value: Option<&str>) -> bool {
    let values = |op| field.values(op).cloned().unwrap_or_default();
    let has_select =
        [Operator::Equals, Operator::StartsWith, Operator::EndsWith].iter().any(|op| field.values(*op).is_some());
    let Some(v) = value else { return !has_select };
    let select_ok = !has_select
        || values(Operator::Equals).iter().any(|x| v == x)
        || values(Operator::StartsWith).iter().any(|x| v.starts_with(x.as_str()))
        || values(Operator::EndsWith).iter().any(|x| v.ends_with(x.as_str()));
    let deselect_ok = !(values(Operator::NotEquals).iter().any(|x| v == x)
        || values(Operator::NotStartsWith).iter().any(|x| v.starts_with(x.as_str()))
        || values(Operator::NotEndsWith).iter().any(|x| v.ends_with(x.as_str())));
    select_ok && deselect_ok
}

fn advanced(selector: &AdvancedEventSelector, record: &Value) -> bool {
    let category = category(record);
    if category == "Insight" {
        return false;
    }
    let selected_type = selector
        .field_selectors
        .iter()
        .find(|f| f.field == "resources.type")
        .and_then(|f| f.equals.as_ref())
        .and_then(|e| e.first().cloned());
    selector.field_selectors.iter().all(|f| match f.field.as_str() {
        "eventCategory" => field_matches(f, Some(&category)),
        "resources.type" => resources(record).iter().any(|(t, _)| field_matches(f, t.as_deref())),
        "resources.ARN" => resources(record)
            .iter()
            .filter(|(t, _)| selected_type.is_none() || *t == selected_type)
            .any(|(_, arn)| field_matches(f, arn.as_deref())),
        "userIdentity.arn" => field_matches(f, text(record, &["userIdentity", "arn"]).as_deref()),
        name => field_matches(f, text(record, &[name]).as_deref()),
    })
}
