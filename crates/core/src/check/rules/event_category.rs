//! Every advanced selector has one `eventCategory` field selector with `Equals` and exactly one
//! value of Management, Data or NetworkActivity (spec §4.1; decisions D14). Messages for a
//! missing eventCategory, another operator and an unknown value are AWS's observed texts
//! (docs/aws-messages.md); trailscope's explanation goes in the help.

use super::fields::EVENT_DATA_STORE_CATEGORIES;
use super::invalid_selectors;
use crate::catalog::{Category, Field};
use crate::diagnostics::Problems;
use crate::request::located::{AdvancedFieldSelector, Request};
use crate::request::model::Operator;

pub fn check(request: &Request, out: &mut Problems) {
    for selector in request.advanced_event_selectors() {
        let Some(field) = selector.field_selectors().iter().find(|f| f.known_field() == Some(Field::EventCategory))
        else {
            // An empty list is the client stage's ParamValidationError already; a field name
            // left to deployment may be eventCategory (decisions D45).
            let unknown = request.unknowns.under_child(&selector.pointer, "FieldSelectors");
            if !selector.field_selectors().is_empty() && !unknown {
                out.push(|| {
                    invalid_selectors(
                        "The following fields are required: [eventCategory].",
                        &selector.pointer,
                        selector.span.first_byte(),
                    )
                    .observed()
                    .help("every advanced event selector needs an eventCategory field selector: add {\"Field\": \"eventCategory\", \"Equals\": [\"Management\"]} (or Data / NetworkActivity)")
                    .spec("§4.1")
                    .decision("D14")
                });
            }
            continue;
        };
        check_field(field, request.unknowns.under(&field.pointer), out);
    }
}

/// `unknown`: the field selector holds a value left to deployment (decisions D45).
fn check_field(field: &AdvancedFieldSelector, unknown: bool, out: &mut Problems) {
    for condition in field.conditions.iter().filter(|c| c.operator != Operator::Equals) {
        out.push(|| {
            invalid_selectors(
                "Only the following operators are valid with the eventCategory field: [Equals].",
                &condition.pointer,
                condition.key_span,
            )
            .observed()
            .help(format!("{} cannot be used with eventCategory", condition.operator.as_str()))
            .spec("§4.1")
            .decision("D14")
        });
    }
    let Some(equals) = field.conditions.iter().find(|c| c.operator == Operator::Equals) else {
        if unknown {
            return;
        }
        let (pointer, span) = field.anchor();
        out.push(|| {
            invalid_selectors(
                "eventCategory needs Equals with one value: Management, Data or NetworkActivity",
                pointer,
                span,
            )
            .spec("§4.1")
            .decision("D14")
        });
        return;
    };
    if let Some(second) = equals.values.get(1) {
        let message = format!(
            "eventCategory takes exactly one value; this Equals has {}: use one selector per category",
            equals.values.len()
        );
        out.push(|| invalid_selectors(message, &second.pointer, second.span).spec("§4.1").decision("D14"));
    }
    for value in equals.values.iter().filter(|v| Category::selectable(&v.value).is_none()) {
        out.push(|| {
            let help = if EVENT_DATA_STORE_CATEGORIES.contains(&value.value.as_str()) {
                format!("\"{}\" is only valid for event data stores, not trails; trails accept Management, Data and NetworkActivity", value.value)
            } else {
                format!("\"{}\" is not a category; trails accept Management, Data and NetworkActivity", value.value)
            };
            let d = invalid_selectors("The eventCategory field value is not valid.", &value.pointer, value.span)
                .observed()
                .help(help)
                .spec("§4.1")
                .decision("D14");
            d.suggest_or_pick(value.span, &value.value, Category::SELECTABLE_NAMES)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};
    use crate::diagnostics::Diagnostic;

    fn advanced(fields: &str) -> Vec<Diagnostic> {
        run_rule(check, &format!(r#"{{"TrailName":"t","AdvancedEventSelectors":[{{"FieldSelectors":[{fields}]}}]}}"#))
    }

    #[test]
    fn category_rules() {
        assert!(advanced(r#"{"Field":"eventCategory","Equals":["Data"]}"#).is_empty());
        assert_eq!(pointers(&advanced(r#"{"Field":"eventName","Equals":["x"]}"#)), ["/AdvancedEventSelectors/0"]);
        assert_eq!(
            pointers(&advanced(r#"{"Field":"eventCategory","StartsWith":["D"]}"#)),
            [
                "/AdvancedEventSelectors/0/FieldSelectors/0/StartsWith",
                "/AdvancedEventSelectors/0/FieldSelectors/0/Field"
            ]
        );
        assert_eq!(
            pointers(&advanced(r#"{"Field":"eventCategory","Equals":["Data","Management"]}"#)),
            ["/AdvancedEventSelectors/0/FieldSelectors/0/Equals/1"]
        );
        let insight = advanced(r#"{"Field":"eventCategory","Equals":["Insight"]}"#);
        assert_eq!(insight[0].message, "The eventCategory field value is not valid.");
        assert!(insight[0].help.as_deref().unwrap().contains("event data stores"));
        let typo = advanced(r#"{"Field":"eventCategory","Equals":["data"]}"#);
        assert_eq!(typo[0].fixes[0].edits[0].text, "\"Data\"");
    }
}
