//! Properties over generated input: never a panic, diagnostics always point inside the text in
//! position order, the parser agrees with serde_json, and fixes repair what they claim to.

use proptest::prelude::*;
use serde_json::{json, Value};
use trailscope_core::context::DEFAULT_CONTEXT_JSON;
use trailscope_core::source::span::LineIndex;
use trailscope_core::{json as tjson, put_event_selectors, AccountContext, Evaluation};

fn context() -> AccountContext {
    AccountContext::from_json(DEFAULT_CONTEXT_JSON).unwrap()
}

fn check_invariants(text: &str, evaluation: &Evaluation) {
    let mut previous = 0;
    for d in &evaluation.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "span {:?} outside {} bytes",
            d.span,
            text.len()
        );
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "span not on char boundary");
        assert!(d.span.start >= previous, "diagnostics out of order");
        previous = d.span.start;
        assert!(!d.message.is_empty());
        assert!(d.pointer.is_empty() || d.pointer.starts_with('/'));
    }
    let has_error = evaluation.diagnostics.iter().any(|d| d.is_error());
    assert_eq!(evaluation.is_valid(), !has_error, "outcome disagrees with the diagnostics");
    let index = LineIndex::new(text);
    for d in &evaluation.diagnostics {
        let _ = (index.line_column(d.span.end), index.utf16_offset(d.span.end));
    }
}

/// Strings that are likely to be interesting in a request.
fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("t-trail".to_string()),
        Just("management-events".to_string()),
        Just("arn:aws:s3:::bucket/".to_string()),
        Just("arn:aws:s3".to_string()),
        Just("arn:aws:lambda:us-east-1:123456789012:function:f".to_string()),
        Just("AWS::S3::Object".to_string()),
        Just("Data".to_string()),
        Just("Management".to_string()),
        Just("eventName".to_string()),
        Just("resources.ARN".to_string()),
        Just("readOnly".to_string()),
        Just("true".to_string()),
        "[a-zA-Z0-9:/._*\\- \u{e9}\u{1F600}]{0,12}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        atom().prop_map(Value::String),
        any::<bool>().prop_map(Value::Bool),
        Just(Value::Null),
        (-5i64..300).prop_map(|n| json!(n)),
    ]
}

const KEYS: &[&str] = &[
    "TrailName",
    "EventSelectors",
    "AdvancedEventSelectors",
    "ReadWriteType",
    "IncludeManagementEvents",
    "DataResources",
    "ExcludeManagementEventSources",
    "Type",
    "Values",
    "Name",
    "FieldSelectors",
    "Field",
    "Equals",
    "StartsWith",
    "EndsWith",
    "NotEquals",
    "NotStartsWith",
    "NotEndsWith",
    "TrailARN",
    "Bogus",
];

/// JSON trees built from the request vocabulary, so generated input reaches deep rules.
fn request_like() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let evaluation = put_event_selectors(&text, None);
        check_invariants(&text, &evaluation);
    }

    #[test]
    fn parser_agrees_with_serde_json(text in "[\\[\\]{}\":,0-9a-z .eE+\\-\\\\/tfnul]{0,40}") {
        let ours = tjson::parse(&text).is_ok();
        let theirs = serde_json::from_str::<serde::de::IgnoredAny>(&text).is_ok();
        prop_assert_eq!(ours, theirs, "disagree on {:?}", text);
    }

    #[test]
    fn request_like_trees_never_panic(tree in request_like(), pretty in any::<bool>(), with_context in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&tree).unwrap() } else { tree.to_string() };
        let context = context();
        let evaluation = put_event_selectors(&text, with_context.then_some(&context));
        check_invariants(&text, &evaluation);
    }

    #[test]
    fn applying_a_fix_removes_its_diagnostic(tree in request_like()) {
        let text = serde_json::to_string_pretty(&tree).unwrap();
        let evaluation = put_event_selectors(&text, None);
        for (d, fix) in evaluation.diagnostics.iter().flat_map(|d| d.fixes.iter().map(move |f| (d, f))) {
            let mut fixed = text.clone();
            let mut edits = fix.edits.clone();
            edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
            for e in &edits {
                fixed.replace_range(e.span.start..e.span.end, &e.text);
            }
            let after = put_event_selectors(&fixed, None);
            let same = |list: &[trailscope_core::Diagnostic]| list.iter().filter(|x| x.code == d.code && x.pointer == d.pointer && x.message == d.message).count();
            prop_assert!(same(&after.diagnostics) < same(&evaluation.diagnostics), "fix {:?} did not remove {:?}\n{}\n->\n{}", fix, d.message, text, fixed);
        }
    }

    #[test]
    fn valid_json_never_yields_a_syntax_error(tree in request_like()) {
        let text = tree.to_string();
        let evaluation = put_event_selectors(&text, None);
        prop_assert!(evaluation.diagnostics.iter().all(|d| d.code != trailscope_core::Code::JsonSyntaxError));
    }
}

#[test]
fn huge_input_gets_a_limit_error_not_work() {
    let text = format!("[{}]", "1,".repeat(3 * 1024 * 1024) + "1");
    let evaluation = put_event_selectors(&text, None);
    assert_eq!(evaluation.diagnostics.len(), 1);
    assert_eq!(evaluation.diagnostics[0].code, trailscope_core::Code::InputTooLarge);
}

#[test]
fn deep_nesting_is_a_syntax_error_not_a_stack_overflow() {
    let text = "[".repeat(100_000);
    let evaluation = put_event_selectors(&text, None);
    assert_eq!(evaluation.diagnostics[0].code, trailscope_core::Code::JsonSyntaxError);
}
