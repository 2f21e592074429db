//! Unknown values never cause a false error (issue 11 §2; decisions D45): in a request that
//! CloudTrail accepts, replacing any value (a string, a boolean, a list, an object) by a value
//! only known at deployment, opaque or a template with holes, adds no error.
#![cfg(feature = "iac")]

mod generators;
#[allow(dead_code)]
mod reference;

use proptest::prelude::*;
use trailscope_core::json::{self as tjson, Node, Value};
use trailscope_core::service::evaluate;
use trailscope_core::source::unknown::{Hole, Part, Unknown};

/// Every value's path (indices into arrays and object members), the root excluded.
fn paths(node: &Node, here: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    let children: Vec<&Node> = match &node.value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(members) => members.iter().map(|m| &m.value).collect(),
        _ => Vec::new(),
    };
    for (i, child) in children.into_iter().enumerate() {
        here.push(i);
        out.push(here.clone());
        paths(child, here, out);
        here.pop();
    }
}

fn at_mut<'a>(node: &'a mut Node, path: &[usize]) -> &'a mut Node {
    match path.split_first() {
        None => node,
        Some((&i, rest)) => match &mut node.value {
            Value::Array(items) => at_mut(&mut items[i], rest),
            Value::Object(members) => at_mut(&mut members[i].value, rest),
            _ => unreachable!("paths lead through containers"),
        },
    }
}

/// The unknowns a value can be replaced by: opaque, or its own text cut by holes without
/// examples (the known shape is then true of the value).
fn unknowns_for(node: &Node, cut: usize) -> Vec<Unknown> {
    let mut out = vec![Unknown::opaque("var.x")];
    if let Some(s) = node.as_str() {
        let cut = (0..=s.len()).filter(|i| s.is_char_boundary(*i)).nth(cut % (s.chars().count() + 1)).unwrap_or(0);
        let hole = Part::Hole(Hole { expression: "var.x".into(), example: None });
        out.push(Unknown::template("t", vec![Part::Text(s[..cut].into()), hole.clone()], None));
        out.push(Unknown::template("t", vec![hole, Part::Text(s[cut..].into())], None));
    }
    out
}

fn errors(root: &Node) -> Vec<String> {
    evaluate(root, None)
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} {}: {}", d.code, d.pointer, d.message))
        .collect()
}

proptest! {
    // Most generated selector sets are refused; the valid ones are the property's input.
    #![proptest_config(ProptestConfig { cases: 150, max_global_rejects: 50_000, ..ProptestConfig::default() })]

    #[test]
    fn an_unknown_in_a_valid_request_adds_no_error(selectors in generators::selectors(), cut in 0usize..64) {
        let mut request = serde_json::to_value(&selectors).unwrap();
        request["TrailName"] = "t-trail".into();
        let root = tjson::parse(&request.to_string()).unwrap();
        prop_assume!(errors(&root).is_empty());
        let mut all = Vec::new();
        paths(&root, &mut Vec::new(), &mut all);
        for path in all {
            for unknown in unknowns_for(at_mut(&mut root.clone(), &path), cut) {
                let mut changed = root.clone();
                let place = at_mut(&mut changed, &path);
                place.value = Value::Unknown(Box::new(unknown));
                let found = errors(&changed);
                prop_assert!(found.is_empty(), "{request} with an unknown at {path:?}: {found:?}");
            }
        }
    }
}

/// Hand-picked places where absence alone would be an error.
#[test]
fn unknowns_where_absence_is_an_error() {
    for request in [
        r#"{"TrailName": "t-trail", "EventSelectors": [{"IncludeManagementEvents": false, "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::my-bucket/"]}]}]}"#,
        r#"{"TrailName": "t-trail", "AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}]}]}"#,
        r#"{"TrailName": "t-trail", "AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["NetworkActivity"]}, {"Field": "eventSource", "Equals": ["kms.amazonaws.com"]}]}]}"#,
    ] {
        let root = tjson::parse(request).unwrap();
        assert!(errors(&root).is_empty(), "{request}");
        let mut all = Vec::new();
        paths(&root, &mut Vec::new(), &mut all);
        for path in all {
            let mut changed = root.clone();
            at_mut(&mut changed, &path).value = Value::Unknown(Box::new(Unknown::opaque("x")));
            assert_eq!(errors(&changed), Vec::<String>::new(), "{request} at {path:?}");
        }
    }
}
