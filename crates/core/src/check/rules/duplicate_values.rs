//! A value repeated in one list is legal but useless, and advanced duplicates still count
//! toward the 500-value limit (decisions D18).

use crate::diagnostics::{Code, Diagnostic, Problems};
use crate::request::located::{LocatedString, Request};
use crate::source::span::Span;
use std::collections::HashSet;

pub fn check(request: &Request, out: &mut Problems) {
    for selector in request.event_selectors() {
        for resource in selector.data_resources() {
            duplicates(resource.values(), out);
        }
        if let Some(list) = &selector.exclude_management_event_sources {
            duplicates(&list.value, out);
        }
    }
    for condition in
        request.advanced_event_selectors().iter().flat_map(|s| s.field_selectors()).flat_map(|f| &f.conditions)
    {
        duplicates(&condition.values, out);
    }
}

fn duplicates(values: &[LocatedString], out: &mut Problems) {
    // A set keeps this linear: a maximum-size list is 500 values of 2048 characters.
    let mut seen = HashSet::with_capacity(values.len());
    for (i, value) in values.iter().enumerate() {
        if !seen.insert(value.value.as_str()) {
            out.push(|| duplicate(&values[i - 1], value));
        }
    }
}

/// The warning for `value`, a repeat, with `previous` the element before it in the list.
fn duplicate(previous: &LocatedString, value: &LocatedString) -> Diagnostic {
    let d = Diagnostic::new(
        Code::DuplicateValue,
        format!("\"{}\" is already in this list", value.value),
        &value.pointer,
        value.span,
    )
    .decision("D18");
    // Removing the element together with the separator before it keeps the list valid, when
    // the element before it in the source is the one before it here (an unknown value left out
    // between them would go too, decisions D45).
    if adjacent(previous, value) {
        d.fix("Remove the duplicate", Span::new(previous.span.end, value.span.end), "")
    } else {
        d
    }
}

/// True when `next` is the list element right after `previous` (their pointers' last tokens).
/// Only an IaC document leaves elements out (decisions D45): without the `iac` feature every
/// list is whole.
#[cfg(not(feature = "iac"))]
#[inline(always)]
fn adjacent(_previous: &LocatedString, _next: &LocatedString) -> bool {
    true
}

#[cfg(feature = "iac")]
fn adjacent(previous: &LocatedString, next: &LocatedString) -> bool {
    let index = |s: &LocatedString| s.pointer.rsplit('/').next().and_then(|t| t.parse::<usize>().ok());
    matches!((index(previous), index(next)), (Some(a), Some(b)) if a + 1 == b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};

    #[test]
    fn second_occurrence_warns_with_a_removal() {
        let text = r#"{"TrailName":"t","AdvancedEventSelectors":[{"FieldSelectors":[{"Field":"eventName","Equals":["A", "B", "A"]}]}]}"#;
        let d = run_rule(check, text);
        assert_eq!(pointers(&d), ["/AdvancedEventSelectors/0/FieldSelectors/0/Equals/2"]);
        let edit = &d[0].fixes[0].edits[0];
        let fixed = format!("{}{}", &text[..edit.span.start], &text[edit.span.end..]);
        assert!(fixed.contains(r#"["A", "B"]"#), "{fixed}");
    }

    /// An unknown value between two equal ones (decisions D45): the repeat is reported, but
    /// removing it with the separator before it would remove the unknown too, so no fix.
    #[cfg(feature = "iac")]
    #[test]
    fn a_repeat_after_an_unknown_value_has_no_removal() {
        let yaml = "Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      TrailName: t\n      IsLogging: true\n      S3BucketName: b\n      EventSelectors:\n        - DataResources:\n            - Type: AWS::S3::Object\n              Values: [\"arn:aws:s3:::b/\", !Ref Other, \"arn:aws:s3:::b/\"]\n";
        let repeats = crate::check::rules::test_support::run_rule_on_file(check, yaml);
        assert_eq!(repeats.len(), 1, "{repeats:?}");
        assert!(repeats[0].fixes.is_empty(), "{:?}", repeats[0].fixes);
    }
}
