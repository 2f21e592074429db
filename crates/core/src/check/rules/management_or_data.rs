//! A basic selector that excludes management events must name data resources: AWS rejects
//! `IncludeManagementEvents: false` with `DataResources` absent or `[]` (docs/aws-messages.md,
//! which corrects decisions D12; spec §1.2). With data resources whose `Values` are all empty
//! the selector is legal and logs nothing: `basic_logs_nothing` warns about that.

use super::invalid_selectors;
use crate::diagnostics::Problems;
use crate::request::located::Request;

pub fn check(request: &Request, out: &mut Problems) {
    for selector in request.event_selectors() {
        let Some(include) = selector.include_management_events.as_ref().filter(|b| !b.value) else {
            continue;
        };
        // Data resources left to deployment may be there (decisions D45).
        let unknown = request.unknowns.under_child(&selector.pointer, "DataResources");
        if selector.data_resources().is_empty() && !unknown {
            out.push(|| {
                invalid_selectors(
                    "Invalid combination of parameters in EventSelectors. When includeManagementEvents is false, DataResources must not be empty",
                    &include.pointer,
                    include.span,
                )
                .observed()
                .help("this selector would log nothing: log management events, or add DataResources")
                .fix("Log management events", include.span, "true")
                .spec("§1.2")
                .decision("D12")
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::run_rule;
    use crate::diagnostics::Diagnostic;

    fn basic(selector: &str) -> Vec<Diagnostic> {
        run_rule(check, &format!(r#"{{"TrailName":"t","EventSelectors":[{selector}]}}"#))
    }

    #[test]
    fn no_management_events_and_no_data_resources_is_rejected() {
        for selector in
            [r#"{"IncludeManagementEvents":false}"#, r#"{"IncludeManagementEvents":false,"DataResources":[]}"#]
        {
            let d = basic(selector);
            assert_eq!(d.len(), 1, "{selector}");
            assert!(d[0].is_error());
            assert!(d[0].message.starts_with("Invalid combination of parameters in EventSelectors."));
            assert_eq!(d[0].fixes[0].edits[0].text, "true");
        }
    }

    #[test]
    fn data_resources_even_with_empty_values_pass_here() {
        assert!(basic(r#"{"IncludeManagementEvents":false,"DataResources":[{"Type":"AWS::S3::Object","Values":[]}]}"#)
            .is_empty());
        assert!(basic(r#"{"IncludeManagementEvents":true}"#).is_empty());
        assert!(basic("{}").is_empty());
    }
}
