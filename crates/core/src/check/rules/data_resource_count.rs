//! At most 250 data resource values across all basic selectors; "all" values do not count
//! (spec §1.2, §4.2; decisions D8). Message: AWS's observed text.

use super::over_limit;
use crate::catalog::data_value::is_any_all;
use crate::diagnostics::Problems;
use crate::request::located::Request;

pub const MAX_DATA_RESOURCE_VALUES: usize = 250;

pub fn check(request: &Request, out: &mut Problems) {
    let counted: Vec<_> = request
        .event_selectors()
        .iter()
        .flat_map(|s| s.data_resources())
        .flat_map(|r| r.values())
        .filter(|v| !is_any_all(&v.value))
        .collect();
    if let Some(first_over) = counted.get(MAX_DATA_RESOURCE_VALUES) {
        let help = format!(
            "this request has {} (this is value 251); the limit is 250 values in total across all event selectors, and values that log all resources of a type (e.g. arn:aws:s3) do not count",
            counted.len()
        );
        // spec: aws-messages.md, "251 basic data resource values across 5 selectors" (AWS's text
        // has no final period).
        let message = "Specify a valid number of DataResources.Values (0 to 250) for all your selectors";
        out.push(|| over_limit(first_over, message, help, "D8"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};
    use crate::diagnostics::Diagnostic;

    fn with(per_selector: &[usize]) -> Vec<Diagnostic> {
        let selectors: Vec<String> = per_selector
            .iter()
            .enumerate()
            .map(|(s, &n)| {
                let values: Vec<String> = (0..n).map(|i| format!("\"arn:aws:s3:::bucket-{s}-{i}/\"")).collect();
                format!(
                    r#"{{"DataResources":[{{"Type":"AWS::S3::Object","Values":["arn:aws:s3",{}]}}]}}"#,
                    values.join(",")
                )
            })
            .collect();
        run_rule(check, &format!(r#"{{"TrailName":"t","EventSelectors":[{}]}}"#, selectors.join(",")))
    }

    #[test]
    fn boundaries_250_and_251_in_one_or_several_selectors() {
        assert!(with(&[250]).is_empty());
        let over = with(&[251]);
        assert_eq!(pointers(&over), ["/EventSelectors/0/DataResources/0/Values/251"]);
        assert_eq!(over[0].message, "Specify a valid number of DataResources.Values (0 to 250) for all your selectors");
        assert!(with(&[125, 125]).is_empty());
        assert_eq!(pointers(&with(&[125, 126])), ["/EventSelectors/1/DataResources/0/Values/126"]);
        assert!(with(&[50, 50, 50, 50, 50]).is_empty());
    }
}
