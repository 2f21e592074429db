//! Selector values are literal: `*`, `?` or regex anchors match only themselves (spec §1.4
//! "Selectors don't support the use of wildcards like *"; decisions D18). Basic S3 values may
//! hold `*` after the bucket's `/` (decisions D10 as corrected by docs/aws-messages.md): legal,
//! and as literal as in advanced values, so they get the same warning.

use crate::catalog::data_value;
use crate::catalog::BASIC_RESOURCE_TYPES;
use crate::diagnostics::{Code, Diagnostic, Problems};
use crate::request::located::{LocatedString, Request};

pub fn check(request: &Request, out: &mut Problems) {
    let advanced = request
        .advanced_event_selectors()
        .iter()
        .flat_map(|s| s.field_selectors())
        .flat_map(|f| &f.conditions)
        .flat_map(|c| &c.values)
        .filter(|value| looks_like_a_pattern(&value.value));
    for value in advanced {
        out.push(|| literal(value, "selectors do not support wildcards or patterns", "§1.4"));
    }
    for value in basic_values_with_star(request) {
        out.push(|| literal(value, "an S3 key prefix is matched character by character, * included", "§6.2"));
    }
}

fn looks_like_a_pattern(v: &str) -> bool {
    v.bytes().any(|b| b == b'*' || b == b'?') || v.starts_with('^') || v.ends_with('$')
}

/// Valid basic data resource values that contain `*` (invalid ones are `data_resource_values`'s).
fn basic_values_with_star(request: &Request) -> impl Iterator<Item = &LocatedString> {
    request.event_selectors().iter().flat_map(|s| s.data_resources()).flat_map(|resource| {
        let ty = resource.resource_type.as_ref().map(|t| t.value.as_str()).filter(|t| BASIC_RESOURCE_TYPES.contains(t));
        resource
            .values()
            .iter()
            .filter(move |v| v.value.contains('*') && ty.is_some_and(|t| data_value::parse(t, &v.value).is_ok()))
    })
}

fn literal(value: &LocatedString, why: &str, section: &'static str) -> Diagnostic {
    Diagnostic::new(Code::WildcardInValue, format!("\"{}\" is compared literally: {why}", value.value), &value.pointer, value.span)
        .help("to match many values with one condition, use StartsWith, EndsWith, NotStartsWith or NotEndsWith (advanced selectors), or a shorter prefix")
        .spec(section)
        .decision("D18")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};

    #[test]
    fn wildcards_and_anchors_warn() {
        let d = run_rule(
            check,
            r#"{"TrailName":"t","AdvancedEventSelectors":[{"FieldSelectors":[{"Field":"eventName","Equals":["Get*","Put","^x","y$","a?"]}]}]}"#,
        );
        assert_eq!(
            pointers(&d),
            [
                "/AdvancedEventSelectors/0/FieldSelectors/0/Equals/0",
                "/AdvancedEventSelectors/0/FieldSelectors/0/Equals/2",
                "/AdvancedEventSelectors/0/FieldSelectors/0/Equals/3",
                "/AdvancedEventSelectors/0/FieldSelectors/0/Equals/4"
            ]
        );
        assert_eq!(d[0].message, "\"Get*\" is compared literally: selectors do not support wildcards or patterns");
    }

    #[test]
    fn a_star_in_a_valid_s3_key_prefix_warns_and_an_invalid_value_does_not() {
        let d = run_rule(
            check,
            r#"{"TrailName":"t","EventSelectors":[{"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::corp-bucket/*","arn:aws:s3:::*/*","arn:aws:s3:::b-1/"]}]}]}"#,
        );
        assert_eq!(pointers(&d), ["/EventSelectors/0/DataResources/0/Values/0"]);
        assert!(d[0].message.contains("character by character"));
    }
}
