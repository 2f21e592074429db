//! A deliberately simple evaluator written straight from the spec, on the raw JSON record. It
//! is slow and has no compilation step; the compiled [`super::Matcher`] is property-tested
//! against it. Sections: §5.1 (advanced), §6.1-§6.2 (basic), decisions D23-D28.

use crate::data_value::{self, DataValue};
use crate::model::{AdvancedEventSelector, AdvancedFieldSelector, EventSelector, Operator, ReadWriteType, Selectors};
use serde_json::Value;

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

/// D26.
fn category(record: &Value) -> String {
    if let Some(c) = text(record, &["eventCategory"]) {
        return c;
    }
    // D30: a string "true" counts as well.
    if text(record, &["managementEvent"]).as_deref() == Some("true") {
        return "Management".into();
    }
    let data = resources(record).iter().any(|(t, _)| t.as_deref().is_some_and(crate::catalog::is_resource_type));
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
                        && dr.values.iter().any(|v| match data_value::parse(&dr.resource_type, v) {
                            Ok(DataValue::All) => true,
                            Ok(DataValue::LambdaFunction) => arn.as_deref() == Some(v.as_str()),
                            Ok(_) => arn.as_deref().is_some_and(|a| a.starts_with(v.as_str())),
                            Err(_) => false,
                        })
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
