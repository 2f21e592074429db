//! With `IncludeManagementEvents: false`, `ExcludeManagementEventSources` has no effect
//! (spec §6.1, Terraform's documented constraint; decisions D11): a warning.

use crate::diagnostics::{Code, Diagnostic, Problems};
use crate::request::located::Request;

pub fn check(request: &Request, out: &mut Problems) {
    for selector in request.event_selectors() {
        let Some(list) = selector.exclude_management_event_sources.as_ref().filter(|l| !l.value.is_empty()) else {
            continue;
        };
        if selector.include_management_events.as_ref().is_some_and(|b| !b.value) {
            out.push(|| {
                Diagnostic::new(
                    Code::NoEffect,
                    "ExcludeManagementEventSources has no effect: this selector does not log management events (IncludeManagementEvents is false)",
                    &list.pointer,
                    list.span,
                )
                .spec("§6.1")
                .decision("D11")
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::run_rule;

    #[test]
    fn no_effect_without_management_events() {
        let d = run_rule(
            check,
            r#"{"TrailName":"t","EventSelectors":[{"IncludeManagementEvents":false,"ExcludeManagementEventSources":["kms.amazonaws.com"]}]}"#,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, Code::NoEffect);
        let with_management =
            r#"{"TrailName":"t","EventSelectors":[{"ExcludeManagementEventSources":["kms.amazonaws.com"]}]}"#;
        assert!(run_rule(check, with_management).is_empty());
        let empty = r#"{"TrailName":"t","EventSelectors":[{"IncludeManagementEvents":false,"ExcludeManagementEventSources":[]}]}"#;
        assert!(run_rule(check, empty).is_empty());
    }
}
