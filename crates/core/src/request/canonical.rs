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
    fn basic_defaults_are_written_out() {
        let text = serde_json::to_string(&canonical(&read(r#"{"EventSelectors": [{}, {}]}"#))).unwrap();
        assert_eq!(
            text,
            r#"{"EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[],"ExcludeManagementEventSources":[]}]}"#
        );
    }
}
