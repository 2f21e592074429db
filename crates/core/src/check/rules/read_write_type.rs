//! `ReadWriteType` is `ReadOnly`, `WriteOnly` or `All` (spec §1.2, §2 "read-only is not
//! valid"; decisions D6). botocore does not check enums, so this reaches the service.

use super::invalid_selectors;
use crate::diagnostics::Problems;
use crate::request::located::Request;
use crate::request::model::ReadWriteType;

pub fn check(request: &Request, out: &mut Problems) {
    for rwt in request.event_selectors().iter().filter_map(|s| s.read_write_type.as_ref()) {
        if ReadWriteType::parse(&rwt.value).is_some() {
            continue;
        }
        out.push(|| {
            let message =
                format!("ReadWriteType \"{}\" is not valid; valid values are ReadOnly, WriteOnly and All", rwt.value);
            let mut d = invalid_selectors(message, &rwt.pointer, rwt.span).spec("§1.2").decision("D6");
            d = d.suggest_or_pick(rwt.span, &rwt.value, ReadWriteType::NAMES);
            d
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::run_rule;

    #[test]
    fn read_only_with_a_dash_is_rejected_with_a_fix() {
        let d = run_rule(
            check,
            r#"{"TrailName":"t","EventSelectors":[{"ReadWriteType":"read-only"},{"ReadWriteType":"All"}]}"#,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].pointer, "/EventSelectors/0/ReadWriteType");
        assert_eq!(d[0].fixes[0].edits[0].text, "\"ReadOnly\"");
    }
}
