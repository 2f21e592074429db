//! One kind of selector list, not empty (spec §1.1 "not both"; decisions D1, D2, D3).

use super::invalid_selectors;
use crate::diagnostics::Problems;
use crate::request::located::Request;

pub fn check(request: &Request, out: &mut Problems) {
    // A list left to deployment is there; an element left to deployment may be a selector
    // (decisions D45).
    let unknown = |key: &str| request.unknowns.under(key);
    match (&request.event_selectors, &request.advanced_event_selectors) {
        (Some(_), Some(advanced)) => out.push(|| {
            // spec: aws-messages.md, "both EventSelectors and AdvancedEventSelectors".
            invalid_selectors(
                "You can select events by using either EventSelectors or AdvancedEventSelectors, but not both.",
                &advanced.pointer,
                advanced.span.first_byte(),
            )
            .observed()
            .help("keep one of the two lists; applying one kind overwrites the other on the trail")
            .spec("§1.1")
            .decision("D1")
        }),
        (None, None) if unknown("/EventSelectors") || unknown("/AdvancedEventSelectors") => {}
        (None, None) => out.push(|| {
            invalid_selectors("specify EventSelectors or AdvancedEventSelectors", "", request.span.first_byte())
                .help("add \"EventSelectors\": [...] (basic) or \"AdvancedEventSelectors\": [...] (advanced)")
                .spec("§1.1")
                .decision("D2")
        }),
        (Some(list), None) if list.value.is_empty() && !unknown(&list.pointer) => out.push(|| {
            invalid_selectors(
                "EventSelectors is empty: specify a valid number of event selectors (1 to 5)",
                &list.pointer,
                list.span,
            )
            .spec("§2")
            .decision("D3")
        }),
        (None, Some(list)) if list.value.is_empty() && !unknown(&list.pointer) => out.push(|| {
            invalid_selectors(
                "AdvancedEventSelectors is empty: specify at least one advanced event selector",
                &list.pointer,
                list.span,
            )
            .spec("§2")
            .decision("D3")
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};

    #[test]
    fn both_neither_and_empty_lists_are_rejected() {
        let both = run_rule(check, r#"{"TrailName":"t","EventSelectors":[{}],"AdvancedEventSelectors":[]}"#);
        assert_eq!(pointers(&both), ["/AdvancedEventSelectors"]);
        assert_eq!(
            both[0].message,
            "You can select events by using either EventSelectors or AdvancedEventSelectors, but not both."
        );
        assert_eq!(run_rule(check, r#"{"TrailName":"t"}"#).len(), 1);
        assert_eq!(pointers(&run_rule(check, r#"{"TrailName":"t","EventSelectors":[]}"#)), ["/EventSelectors"]);
        assert_eq!(run_rule(check, r#"{"TrailName":"t","AdvancedEventSelectors":[]}"#).len(), 1);
        assert!(run_rule(check, r#"{"TrailName":"t","EventSelectors":[{}]}"#).is_empty());
    }

    /// A selector list left to deployment is there (decisions D45): neither list is missing.
    #[cfg(feature = "iac")]
    #[test]
    fn a_list_left_to_deployment_is_not_missing() {
        use crate::check::rules::test_support::run_rule_on_file;
        let template = |selectors: &str| {
            format!("Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      TrailName: t\n      IsLogging: true\n      S3BucketName: b\n{selectors}")
        };
        assert!(run_rule_on_file(check, &template("      EventSelectors: !Ref Selectors\n")).is_empty());
        assert!(run_rule_on_file(check, &template("      AdvancedEventSelectors: !Ref Selectors\n")).is_empty());
        assert_eq!(run_rule_on_file(check, &template("      EventSelectors: []\n")).len(), 1, "an empty list");
    }
}
