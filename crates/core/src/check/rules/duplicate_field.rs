//! A field appears at most once per selector: conditions on one field go in one field selector
//! (spec §4.1 "only one resources.type field per selector"; decisions D15).

use super::invalid_selectors;
use crate::diagnostics::Problems;
use crate::request::located::Request;
use std::collections::HashSet;

pub fn check(request: &Request, out: &mut Problems) {
    for selector in request.advanced_event_selectors() {
        // The names seen so far in this selector: linear however many field selectors it has.
        let mut seen = HashSet::new();
        for later in selector.field_selectors() {
            let Some(name) = later.field_name() else {
                continue;
            };
            if !seen.insert(name) {
                let (pointer, span) = later.anchor();
                let advice = if name == "resources.type" {
                    "to log events on more than one resource type, add another selector"
                } else {
                    "combine its conditions into one field selector: SELECT operators are OR'd and DESELECT operators exclude"
                };
                let help = format!("field \"{name}\" appears more than once in this selector; {advice}");
                // spec: aws-messages.md, "two resources.type field selectors in one selector".
                let message = "A duplicate event selector was found for at least one field. Only one selector is allowed per field.";
                out.push(|| {
                    invalid_selectors(message, pointer, span).observed().help(help).spec("§4.1").decision("D15")
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};

    #[test]
    fn the_second_occurrence_is_reported() {
        let d = run_rule(
            check,
            r#"{"TrailName":"t","AdvancedEventSelectors":[{"FieldSelectors":[{"Field":"eventName","Equals":["a"]},{"Field":"eventCategory","Equals":["Data"]},{"Field":"eventName","Equals":["b"]}]}]}"#,
        );
        assert_eq!(pointers(&d), ["/AdvancedEventSelectors/0/FieldSelectors/2/Field"]);
        assert_eq!(
            d[0].message,
            "A duplicate event selector was found for at least one field. Only one selector is allowed per field."
        );
        assert!(d[0].help.as_deref().unwrap().starts_with("field \"eventName\" appears more than once"));
    }
}
