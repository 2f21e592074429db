//! `ExcludeManagementEventSources` may name only kms.amazonaws.com and rdsdata.amazonaws.com
//! (spec §1.2; decisions D11). `exclusion_without_management` warns when the list has no effect.

use super::invalid_selectors;
use crate::catalog::EXCLUDABLE_MANAGEMENT_EVENT_SOURCES;
use crate::diagnostics::Problems;
use crate::request::located::Request;

pub fn check(request: &Request, out: &mut Problems) {
    for selector in request.event_selectors() {
        let Some(list) = &selector.exclude_management_event_sources else {
            continue;
        };
        for source in &list.value {
            if EXCLUDABLE_MANAGEMENT_EVENT_SOURCES.contains(&source.value.as_str()) {
                continue;
            }
            out.push(|| {
    let message = format!(
                    "\"{}\" cannot be excluded: ExcludeManagementEventSources accepts only kms.amazonaws.com and rdsdata.amazonaws.com",
                    source.value
                );
                let mut d = invalid_selectors(message, &source.pointer, source.span).spec("§1.2").decision("D11");
                d = d.suggest_or_pick(source.span, &source.value, EXCLUDABLE_MANAGEMENT_EVENT_SOURCES);
                d
            });
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
}
