//! Advanced selector values are literal: `*`, `?` or regex anchors match only themselves
//! (spec §1.4 "Selectors don't support the use of wildcards like *"; decisions D18).

use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::Request;

pub fn check(request: &Request, out: &mut Vec<Diagnostic>) {
    for value in request
        .advanced_event_selectors()
        .iter()
        .flat_map(|s| s.field_selectors())
        .flat_map(|f| &f.conditions)
        .flat_map(|c| &c.values)
    {
        let v = &value.value;
        if v.bytes().any(|b| b == b'*' || b == b'?') || v.starts_with('^') || v.ends_with('$') {
            out.push(
                Diagnostic::warning(
                    Code::WildcardInValue,
                    format!("\"{v}\" is compared literally: selectors do not support wildcards or patterns"),
                    &value.pointer,
                    value.span,
                )
                .help("to match many values with one condition, use StartsWith, EndsWith, NotStartsWith or NotEndsWith")
                .spec("§1.4")
                .decision("D18"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run_rule;

    #[test]
    fn wildcards_warn() {
        let d = run_rule(
            check,
            r#"{"TrailName":"t","AdvancedEventSelectors":[{"FieldSelectors":[{"Field":"eventName","Equals":["Get*","Put","^x"]}]}]}"#,
        );
        assert_eq!(d.len(), 2);
    }
}
