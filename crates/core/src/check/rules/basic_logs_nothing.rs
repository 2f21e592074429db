//! A basic selector without management events whose data resources all have empty `Values`
//! logs nothing (decisions D12 as corrected by docs/aws-messages.md): legal, so a warning.
//! Without any data resources AWS rejects the selector instead (`management_or_data`).

use crate::diagnostics::{Code, Diagnostic, Problems};
use crate::request::located::Request;

pub fn check(request: &Request, out: &mut Problems) {
    for selector in request.event_selectors() {
        let Some(include) = selector.include_management_events.as_ref().filter(|b| !b.value) else {
            continue;
        };
        let resources = selector.data_resources();
        // Values left to deployment may be there (decisions D45).
        if request.unknowns.under_child(&selector.pointer, "DataResources") {
            continue;
        }
        if !resources.is_empty() && resources.iter().all(|r| r.values().is_empty()) {
            out.push(|| {
                Diagnostic::new(
                    Code::LogsNothing,
                    "this event selector logs nothing: IncludeManagementEvents is false and its data resources have no values",
                    &include.pointer,
                    include.span,
                )
                .help("set IncludeManagementEvents to true, add DataResources, or remove the selector")
                .fix("Log management events", include.span, "true")
                .decision("D12")
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::run_rule;

    #[test]
    fn warns_only_when_nothing_is_logged() {
        let empty_values = r#"{"TrailName":"t","EventSelectors":[{"IncludeManagementEvents":false,"DataResources":[{"Type":"AWS::S3::Object","Values":[]}]}]}"#;
        assert_eq!(run_rule(check, empty_values).len(), 1);
        // No data resources at all is management_or_data's error, not this warning.
        assert!(run_rule(check, r#"{"TrailName":"t","EventSelectors":[{"IncludeManagementEvents":false}]}"#).is_empty());
        let with_data = r#"{"TrailName":"t","EventSelectors":[{"IncludeManagementEvents":false,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]}"#;
        assert!(run_rule(check, with_data).is_empty());
        assert!(run_rule(check, r#"{"TrailName":"t","EventSelectors":[{}]}"#).is_empty());
    }
}
