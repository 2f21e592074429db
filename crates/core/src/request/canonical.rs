//! The canonical form of selectors: one order for everything, defaults written out, exact
//! duplicates removed. Two selector sets that differ only in order (a Terraform plan's
//! perpetual diff) have the same canonical form; `ask::diff` compares meaning.

use crate::catalog::Field;
use crate::model::{AdvancedEventSelector, AdvancedFieldSelector, EventSelector, Operator, Selectors};

/// `selectors` in canonical form: fields in the documentation's order (spec §4.1), operators in
/// the model's order, values sorted and deduplicated, selectors sorted and deduplicated.
pub fn canonical(selectors: &Selectors) -> Selectors {
    match selectors {
        Selectors::Basic(list) => Selectors::Basic(sorted(list.iter().map(basic).collect())),
        Selectors::Advanced(list) => Selectors::Advanced(sorted(list.iter().map(advanced).collect())),
    }
}

/// A request in canonical form, as text: `TrailName` first, then the canonical selectors (what
/// `trailscope fmt` prints and the page's Format action writes).
pub fn request_text(trail_name: &str, selectors: &Selectors) -> String {
    let body = serde_json::to_string_pretty(&canonical(selectors)).unwrap_or_default();
    let name = serde_json::to_string(trail_name).unwrap_or_default();
    format!("{{\n  \"TrailName\": {name},{}\n", body.strip_prefix('{').unwrap_or(&body))
}

/// The canonical text of an accepted request: its `TrailName` as written in `source` (else the
/// trail's ARN, for get-event-selectors output or a bare selector list), then the selectors.
pub fn formatted(source: &str, response: &crate::model::SelectorsResponse) -> String {
    request_text(&trail_name(source, response), &response.selectors)
}

/// The trail an accepted request names: its `TrailName` as written in `source`, else the
/// trail's ARN (get-event-selectors output, a bare selector list).
pub fn trail_name(source: &str, response: &crate::model::SelectorsResponse) -> String {
    serde_json::from_str::<serde_json::Value>(source)
        .ok()
        .and_then(|v| v.get("TrailName").and_then(|n| n.as_str().map(str::to_string)))
        .unwrap_or_else(|| response.trail_arn.clone())
}

fn sorted<T: serde::Serialize + PartialEq>(mut list: Vec<T>) -> Vec<T> {
    list.sort_by_cached_key(|item| serde_json::to_string(item).unwrap_or_default());
    list.dedup();
    list
}

fn values(list: &[String]) -> Vec<String> {
    let mut out = list.to_vec();
    out.sort();
    out.dedup();
    out
}

fn basic(selector: &EventSelector) -> EventSelector {
    let mut resources: Vec<_> = selector
        .data_resources
        .iter()
        .map(|r| crate::model::DataResource { resource_type: r.resource_type.clone(), values: values(&r.values) })
        .collect();
    resources.sort_by(|a, b| (&a.resource_type, &a.values).cmp(&(&b.resource_type, &b.values)));
    resources.dedup();
    EventSelector {
        data_resources: resources,
        exclude_management_event_sources: values(&selector.exclude_management_event_sources),
        ..selector.clone()
    }
}

fn advanced(selector: &AdvancedEventSelector) -> AdvancedEventSelector {
    let mut fields: Vec<AdvancedFieldSelector> = selector.field_selectors.iter().map(field).collect();
    let rank =
        |f: &AdvancedFieldSelector| Field::ALL.iter().position(|k| k.name() == f.field).unwrap_or(Field::ALL.len());
    fields.sort_by_cached_key(|f| (rank(f), f.field.clone(), serde_json::to_string(f).unwrap_or_default()));
    fields.dedup();
    AdvancedEventSelector { name: selector.name.clone(), field_selectors: fields }
}

fn field(field: &AdvancedFieldSelector) -> AdvancedFieldSelector {
    let mut out = AdvancedFieldSelector::new(field.field.clone());
    for op in Operator::ALL {
        if let Some(list) = field.values(op) {
            out.set_values(op, values(list));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Selectors {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn order_and_duplicates_do_not_survive() {
        let a = read(
            r#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
            {"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.ARN", "NotStartsWith": ["b", "a", "a"]}]}]}"#,
        );
        let b = read(
            r#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]},
            {"Field": "resources.ARN", "NotStartsWith": ["a", "b"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}]}]}"#,
        );
        assert_ne!(a, b);
        assert_eq!(canonical(&a), canonical(&b));
        let Selectors::Advanced(list) = canonical(&a) else { panic!() };
        let names: Vec<&str> = list[0].field_selectors.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, ["eventCategory", "resources.type", "resources.ARN"]);
        assert_eq!(canonical(&canonical(&a)), canonical(&a));
    }

    #[test]
    fn a_request_reads_back_with_its_trail_name_first() {
        let text = request_text("my \"trail\"", &read(r#"{"EventSelectors": [{}]}"#));
        assert!(text.starts_with("{\n  \"TrailName\": \"my \\\"trail\\\"\",\n  \"EventSelectors\": ["), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["TrailName"], "my \"trail\"");
        assert_eq!(back["EventSelectors"][0]["ReadWriteType"], "All");
    }

    #[test]
    fn basic_defaults_are_written_out() {
        let text = serde_json::to_string(&canonical(&read(r#"{"EventSelectors": [{}, {}]}"#))).unwrap();
        assert_eq!(
            text,
            r#"{"EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[],"ExcludeManagementEventSources":[]}]}"#
        );
    }
}
