//! The span-keeping JSON parser against serde_json: the same verdict on every text (up to the
//! nesting limit, the byte order mark and serde's lenient skipping of `\u` escapes), the same
//! values, and spans that cut exactly the text each node was read from.

use serde_json::Value as Serde;
use std::collections::BTreeMap;
use trailscope_core::json::{parse, Node, Value, MAX_DEPTH};

pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let ours = parse(text);
    match &ours {
        Ok(node) => {
            spans(text, node);
            // serde_json skips values without decoding `\u` escapes or numbers, so it accepts
            // all that the strict parser does.
            let skipped = serde_json::from_str::<serde::de::IgnoredAny>(body);
            assert!(skipped.is_ok(), "ours accepts, serde_json refuses ({skipped:?}): {text:?}");
        }
        Err(e) => {
            assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "error span {:?}", e.span);
            assert!(
                text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end),
                "error span {:?}",
                e.span
            );
            if let Some((span, _, _)) = &e.fix {
                assert!(span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
        }
    }
    if let Ok(theirs) = serde_json::from_str::<Serde>(body) {
        match &ours {
            Ok(node) => same(node, &theirs, text),
            Err(e) => assert!(depth(&theirs) > MAX_DEPTH, "serde_json accepts, ours refuses ({e:?}): {text:?}"),
        }
    }
}

/// Containers nested in `value` (a scalar is 1 deep, as the parser counts).
fn depth(value: &Serde) -> usize {
    1 + match value {
        Serde::Array(items) => items.iter().map(depth).max().unwrap_or(0),
        Serde::Object(members) => members.values().map(depth).max().unwrap_or(0),
        Serde::Null | Serde::Bool(_) | Serde::Number(_) | Serde::String(_) => 0,
    }
}

/// The same value; with duplicate keys the last one counts (as serde_json keeps it).
fn same(node: &Node, theirs: &Serde, text: &str) {
    match (&node.value, theirs) {
        (Value::Null, Serde::Null) => {}
        (Value::Bool(a), Serde::Bool(b)) => assert_eq!(a, b),
        (Value::Number(a), Serde::Number(_)) => {
            let a: Serde = serde_json::from_str(a).unwrap_or(Serde::Null);
            assert_eq!(&a, theirs, "number at {:?} in {text:?}", node.span);
        }
        (Value::String(a), Serde::String(b)) => assert_eq!(a, b, "string at {:?}", node.span),
        (Value::Array(a), Serde::Array(b)) => {
            assert_eq!(a.len(), b.len(), "array at {:?}", node.span);
            a.iter().zip(b).for_each(|(a, b)| same(a, b, text));
        }
        (Value::Object(members), Serde::Object(b)) => {
            let last: BTreeMap<&str, &Node> = members.iter().map(|m| (m.key.as_str(), &m.value)).collect();
            assert_eq!(last.len(), b.len(), "object at {:?}", node.span);
            for (key, value) in last {
                same(value, &b[key], text);
            }
        }
        (ours, theirs) => panic!("ours {ours:?}, serde_json {theirs:?} at {:?} in {text:?}", node.span),
    }
}

/// Every span is inside its parent's, in order, on character boundaries, and cuts the text the
/// node was read from.
fn spans(text: &str, node: &Node) {
    let cut = |start: usize, end: usize| {
        assert!(start <= end && end <= text.len(), "span {start}..{end}");
        text.get(start..end).unwrap_or_else(|| panic!("span {start}..{end} is not on character boundaries"))
    };
    let here = cut(node.span.start, node.span.end);
    let decoded = |s: &str| serde_json::from_str::<String>(s).ok();
    match &node.value {
        Value::Null => assert_eq!(here, "null"),
        Value::Bool(b) => assert_eq!(here, b.to_string()),
        Value::Number(n) => assert_eq!(here, n),
        Value::String(s) => assert_eq!(decoded(here).as_ref(), Some(s), "string span {:?}", node.span),
        Value::Array(items) => {
            assert!(here.starts_with('[') && here.ends_with(']'), "array span {:?}", node.span);
            let mut at = node.span.start + 1;
            for item in items {
                assert!(item.span.start >= at && item.span.end < node.span.end, "item span {:?}", item.span);
                at = item.span.end;
                spans(text, item);
            }
        }
        Value::Object(members) => {
            assert!(here.starts_with('{') && here.ends_with('}'), "object span {:?}", node.span);
            let mut at = node.span.start + 1;
            for m in members {
                let key = cut(m.key_span.start, m.key_span.end);
                assert_eq!(decoded(key).as_ref(), Some(&m.key), "key span {:?}", m.key_span);
                assert!(m.key_span.start >= at && m.key_span.end <= m.value.span.start, "key span {:?}", m.key_span);
                assert!(m.value.span.end < node.span.end, "member span {:?}", m.value.span);
                at = m.value.span.end;
                spans(text, &m.value);
            }
        }
        Value::Unknown(_) => panic!("the JSON parser made an unknown value, which only importers make"),
    }
}
