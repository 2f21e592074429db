//! A basic selector without management events and without data resource values logs
//! nothing (decisions D12): legal, so a warning.

use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::Request;

pub fn check(request: &Request, out: &mut Vec<Diagnostic>) {
    for selector in request.event_selectors() {
        let Some(include) = selector.include_management_events.as_ref().filter(|b| !b.value) else {
            continue;
        };
        let has_values = selector.data_resources().iter().any(|r| !r.values().is_empty());
        if !has_values {
            out.push(
                Diagnostic::warning(
                    Code::LogsNothing,
                    "this event selector logs nothing: IncludeManagementEvents is false and it has no data resources",
                    &include.pointer,
                    include.span,
                )
                .help("set IncludeManagementEvents to true, add DataResources, or remove the selector")
                .fix("Log management events", include.span, "true")
                .decision("D12"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run_rule;

    #[test]
    fn warns_only_when_nothing_is_logged() {
        assert_eq!(
            run_rule(check, r#"{"TrailName":"t","EventSelectors":[{"IncludeManagementEvents":false}]}"#).len(),
            1
        );
        let with_data = r#"{"TrailName":"t","EventSelectors":[{"IncludeManagementEvents":false,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]}"#;
        assert!(run_rule(check, with_data).is_empty());
        assert!(run_rule(check, r#"{"TrailName":"t","EventSelectors":[{}]}"#).is_empty());
    }
}
