//! At most 500 values across all conditions of all advanced selectors (spec §1.1, §4.2;
//! decisions D13: every value of every operator counts, eventCategory and resources.type too).

use super::over_limit;
use crate::diagnostics::Problems;
use crate::request::located::Request;

pub const MAX_ADVANCED_VALUES: usize = 500;

pub fn check(request: &Request, out: &mut Problems) {
    let values: Vec<_> = request
        .advanced_event_selectors()
        .iter()
        .flat_map(|s| s.field_selectors())
        .flat_map(|f| &f.conditions)
        .flat_map(|c| &c.values)
        .collect();
    if let Some(first_over) = values.get(MAX_ADVANCED_VALUES) {
        let help = format!(
            "a trail's advanced event selectors can have up to 500 values across all conditions and selectors; this request has {} (this is value 501): use StartsWith/EndsWith to cover many values with one, or split the trail's coverage",
            values.len()
        );
        // spec: aws-messages.md, "501 condition values across 2 advanced selectors".
        let message = "There are too many filters applied. The maximum allowed number of filters is 500.";
        out.push(|| over_limit(first_over, message, help, "D13"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};
    use crate::diagnostics::Diagnostic;

    fn with_event_names(n: usize) -> Vec<Diagnostic> {
        let names: Vec<String> = (0..n).map(|i| format!("\"E{i}\"")).collect();
        run_rule(
            check,
            &format!(
                r#"{{"TrailName":"t","AdvancedEventSelectors":[{{"FieldSelectors":[{{"Field":"eventCategory","Equals":["Data"]}},{{"Field":"resources.type","Equals":["AWS::S3::Object"]}},{{"Field":"eventName","Equals":[{}]}}]}}]}}"#,
                names.join(",")
            ),
        )
    }

    #[test]
    fn five_hundred_pass_501_fail_at_the_501st() {
        assert!(with_event_names(498).is_empty());
        let over = with_event_names(499);
        assert_eq!(pointers(&over), ["/AdvancedEventSelectors/0/FieldSelectors/2/Equals/498"]);
        assert_eq!(
            over[0].message,
            "There are too many filters applied. The maximum allowed number of filters is 500."
        );
        assert!(over[0].help.as_deref().unwrap().contains("this request has 501"));
    }
}
