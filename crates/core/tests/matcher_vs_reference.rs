//! The compiled matcher against the reference evaluator written straight from the spec, on
//! generated selector sets and events from a small shared vocabulary (so they often meet).

use proptest::prelude::*;
use serde_json::{json, Value};
use trailscope_core::replay::explain::explain;
use trailscope_core::replay::{EventRecord, Matcher};

mod generators;
mod reference;

use generators::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn compiled_matcher_agrees_with_the_reference(selectors in selectors(), records in prop::collection::vec(record(), 1..8)) {
        let matcher = Matcher::new(&selectors);
        let mut matched = Vec::new();
        for record in &records {
            let text = record.to_string();
            let event: EventRecord = serde_json::from_str(&text).unwrap();
            // The replay reads records with its own field reader first: it must see the same.
            let fast = trailscope_core::replay::extract::record(text.as_bytes()).map(|(r, _)| r);
            prop_assert_eq!(fast.as_ref(), Some(&event), "field reader on {}", text);
            matcher.matches_into(&event, event.category(), &mut matched);
            let expected: Vec<usize> = reference::matches(&selectors, record).iter().enumerate().filter(|(_, m)| **m).map(|(i, _)| i).collect();
            prop_assert_eq!(&matched, &expected, "record {}", text);
            let why = explain(&selectors, &matcher, &event);
            prop_assert_eq!(why.matched(), expected);
            prop_assert!(why.selectors.iter().all(|s| !s.reason.is_empty()));
        }
    }
}

const RECORD_KEYS: &[&str] = &[
    "eventID",
    "eventSource",
    "eventName",
    "eventType",
    "eventCategory",
    "errorCode",
    "vpcEndpointId",
    "readOnly",
    "sessionCredentialFromConsole",
    "managementEvent",
    "userIdentity",
    "resources",
    "arn",
    "ARN",
    "ARNPrefix",
    "type",
    "requestParameters",
];

/// Bytes that matter to JSON's grammar, inserted to damage a record where it is most fragile.
const STRUCTURAL: &[u8] = b",:[]{}\"\\0123-+.eEtfnul \n\t\x01";

/// JSON trees over the record vocabulary, with every JSON type in every place.
fn record_like() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        pick(PIECES).prop_map(Value::from),
        "[a-z\"\\\\\u{e9}\u{1F600}/]{0,6}".prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
        (-3i64..1000).prop_map(Value::from),
        (-1e6f64..1e6).prop_map(|f| json!(f)),
    ];
    leaf.prop_recursive(4, 48, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(RECORD_KEYS), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// What the replay's single-pass field reader accepts, serde accepts with the same fields
    /// (when it gives up, the replay uses serde itself), on well-formed trees and on the same
    /// text cut short, with a byte changed, with a grammar byte inserted, or with a byte removed.
    #[test]
    fn field_reader_agrees_with_serde(
        tree in record_like(),
        cut in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        token in prop::sample::select(STRUCTURAL),
        pretty in any::<bool>(),
    ) {
        let text = if pretty { serde_json::to_string_pretty(&tree).unwrap() } else { tree.to_string() };
        let at = cut.index(text.len().max(1)).min(text.len().saturating_sub(1));
        let mut changed = text.clone().into_bytes();
        let (mut inserted, mut removed) = (changed.clone(), changed.clone());
        if !changed.is_empty() {
            changed[at] = byte;
            inserted.insert(at, token);
            removed.remove(at);
        }
        // A record runs on into whatever follows it in the chunk: the next record, a comma.
        let followed = format!("{text} ,{text}");
        for bytes in [text.as_bytes(), &text.as_bytes()[..at], &changed[..], &inserted[..], &removed[..], followed.as_bytes()] {
            // The length matters as much as the fields: the replay advances the stream by it.
            let ours = trailscope_core::replay::extract::record(bytes);
            let mut stream = serde_json::Deserializer::from_slice(bytes).into_iter::<EventRecord>();
            let theirs = stream.next().and_then(Result::ok).map(|r| (r, stream.byte_offset()));
            if ours.is_some() {
                prop_assert_eq!(ours, theirs, "{}", String::from_utf8_lossy(bytes));
            }
        }
    }
}
