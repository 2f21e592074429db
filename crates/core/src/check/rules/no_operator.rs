//! A field selector needs at least one operator (decisions D16; spec §1.4: the model allows
//! none, but a user saw the service fail on it, aws/aws-sdk-go#4260).

use super::invalid_selectors;
use crate::diagnostics::Problems;
use crate::request::located::Request;

pub fn check(request: &Request, out: &mut Problems) {
    for field in request.advanced_event_selectors().iter().flat_map(|s| s.field_selectors()) {
        // An operator's values left to deployment are an operator all the same (decisions D45).
        if field.conditions.is_empty() && !request.unknowns.under(&field.pointer) {
            let (pointer, span) = field.anchor();
            // An empty name (`"Field": ""`) is not written into the sentence.
            let name = field.field_name().filter(|n| !n.is_empty()).unwrap_or("this field");
            out.push(|| {
                invalid_selectors(format!("the field selector for {name} has no operator"), pointer, span)
                    .help("add one of Equals, StartsWith, EndsWith, NotEquals, NotStartsWith, NotEndsWith")
                    .spec("§1.4")
                    .decision("D16")
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::run_rule;

    #[test]
    fn a_field_without_operator_fails() {
        let d = run_rule(
            check,
            r#"{"TrailName":"t","AdvancedEventSelectors":[{"FieldSelectors":[{"Field":"eventName"},{"Field":"readOnly","Equals":["true"]}]}]}"#,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].pointer, "/AdvancedEventSelectors/0/FieldSelectors/0/Field");
        assert!(d[0].message.contains("the field selector for eventName has no operator"), "{}", d[0].message);
    }

    #[test]
    fn an_empty_field_name_is_not_written_into_the_message() {
        let d = run_rule(check, r#"{"TrailName":"t","AdvancedEventSelectors":[{"FieldSelectors":[{"Field":""}]}]}"#);
        assert!(d[0].message.contains("the field selector for this field has no operator"), "{}", d[0].message);
    }
}
