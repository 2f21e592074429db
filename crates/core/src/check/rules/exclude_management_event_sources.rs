//! `ExcludeManagementEventSources` may name only kms.amazonaws.com and rdsdata.amazonaws.com
//! (spec §1.2; decisions D11). With `IncludeManagementEvents: false` the list has no effect
//! (warning; spec §6.1, Terraform's documented constraint).

use super::invalid_selectors;
use crate::catalog::EXCLUDABLE_MANAGEMENT_EVENT_SOURCES;
use crate::diagnostics::{Code, Diagnostic};
use crate::request::located::Request;

pub fn check(request: &Request, out: &mut Vec<Diagnostic>) {
    for selector in request.event_selectors() {
        let Some(list) = &selector.exclude_management_event_sources else {
            continue;
        };
        for source in &list.value {
            if EXCLUDABLE_MANAGEMENT_EVENT_SOURCES.contains(&source.value.as_str()) {
                continue;
            }
            let message = format!(
                "\"{}\" cannot be excluded: ExcludeManagementEventSources accepts only kms.amazonaws.com and rdsdata.amazonaws.com",
                source.value
            );
            let mut d = invalid_selectors(message, &source.pointer, source.span).spec("§1.2").decision("D11");
            d = d.suggest_or_pick(source.span, &source.value, EXCLUDABLE_MANAGEMENT_EVENT_SOURCES);
            out.push(d);
        }
        let management_off = selector.include_management_events.as_ref().is_some_and(|b| !b.value);
        if management_off && !list.value.is_empty() {
            out.push(
                Diagnostic::new(
                    Code::NoEffect,
                    "ExcludeManagementEventSources has no effect: this selector does not log management events (IncludeManagementEvents is false)",
                    &list.pointer,
                    list.span,
                )
                .spec("§6.1")
                .decision("D11"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};

    #[test]
    fn only_kms_and_rdsdata() {
        let d = run_rule(
            check,
            r#"{"TrailName":"t","EventSelectors":[{"ExcludeManagementEventSources":["kms.amazonaws.com","rdsdata.amazonaws.com","s3.amazonaws.com","kms.amazonaws.co"]}]}"#,
        );
        assert_eq!(
            pointers(&d),
            ["/EventSelectors/0/ExcludeManagementEventSources/2", "/EventSelectors/0/ExcludeManagementEventSources/3"]
        );
        assert!(!d[1].fixes.is_empty());
    }

    #[test]
    fn no_effect_without_management_events() {
        let d = run_rule(
            check,
            r#"{"TrailName":"t","EventSelectors":[{"IncludeManagementEvents":false,"ExcludeManagementEventSources":["kms.amazonaws.com"]}]}"#,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, Code::NoEffect);
    }
}
