//! The compiled matcher against the reference evaluator written straight from the spec, on
//! generated selector sets and events from a small shared vocabulary (so they often meet).

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use trailscope_core::model::{
    AdvancedEventSelector, AdvancedFieldSelector, DataResource, EventSelector, Operator, ReadWriteType, Selectors,
};
use trailscope_core::replay::explain::explain;
use trailscope_core::replay::{EventRecord, Matcher};

mod reference;

use reference::vocab::{
    ARNS, BASIC_VALUES, ENDPOINTS, ERROR_CODES, EVENT_TYPES, NAMES, PIECES, RECORD_CATEGORIES, SELECTOR_CATEGORIES,
    SOURCES, TYPES, TYPE_PIECES, USER_ARNS,
};

/// A JSON value picked from several forms: booleans in records may be strings (D24, D30).
fn flag(strings: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop_oneof![any::<bool>().prop_map(Value::from), pick(strings).prop_map(Value::from)]
}

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(list).prop_map(str::to_string)
}

/// One `resources[]` entry: a type or none, and the ARN under `ARN`, `arn` (D31), `ARNPrefix`
/// (D25), none, or both `ARN` and `arn` (`ARN` wins).
fn resource() -> impl Strategy<Value = Value> {
    (prop::option::of(pick(TYPES)), pick(ARNS), pick(ARNS), 0..5u8).prop_map(|(t, a, other, key)| {
        let mut m = Map::new();
        if let Some(t) = t {
            m.insert("type".into(), t.into());
        }
        match key {
            0 => drop(m.insert("ARN".into(), a.into())),
            1 => drop(m.insert("arn".into(), a.into())),
            2 => drop(m.insert("ARNPrefix".into(), a.into())),
            3 => {}
            _ => {
                m.insert("ARN".into(), a.into());
                m.insert("arn".into(), other.into());
            }
        }
        Value::Object(m)
    })
}

/// `resources`: absent, null, empty, or one to three entries.
fn resources() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        Just(None),
        Just(Some(Value::Null)),
        Just(Some(json!([]))),
        prop::collection::vec(resource(), 1..4).prop_map(|list| Some(Value::from(list))),
    ]
}

/// `userIdentity`: absent, or an identity with or without an `arn`.
fn user_identity() -> impl Strategy<Value = Option<Value>> {
    prop::option::of(prop::option::of(pick(USER_ARNS)).prop_map(|arn| match arn {
        Some(arn) => json!({"type": "IAMUser", "arn": arn}),
        None => json!({"type": "AWSService", "invokedBy": "s3.amazonaws.com"}),
    }))
}

fn record() -> impl Strategy<Value = Value> {
    let identity = (
        user_identity(),
        prop::option::of(flag(&["true"])),
        prop::option::of(pick(ENDPOINTS)),
        prop::option::of(flag(&["true", "True"])),
    );
    (
        prop::option::of(pick(RECORD_CATEGORIES)),
        prop::option::of(pick(SOURCES)),
        prop::option::of(pick(NAMES)),
        prop::option::of(flag(&["true", "false", "True"])),
        prop::option::of(pick(EVENT_TYPES)),
        resources(),
        prop::option::of(pick(ERROR_CODES)),
        identity,
    )
        .prop_map(
            |(
                category,
                source,
                name,
                read_only,
                event_type,
                resources,
                error,
                (identity, console, endpoint, management),
            )| {
                let mut m = Map::new();
                let mut put = |k: &str, v: Option<Value>| {
                    if let Some(v) = v {
                        m.insert(k.into(), v);
                    }
                };
                put("eventCategory", category.map(Value::from));
                put("eventSource", source.map(Value::from));
                put("eventName", name.map(Value::from));
                put("readOnly", read_only);
                put("eventType", event_type.map(Value::from));
                put("managementEvent", management);
                put("errorCode", error.map(Value::from));
                put("resources", resources);
                put("userIdentity", identity);
                put("sessionCredentialFromConsole", console);
                put("vpcEndpointId", endpoint.map(Value::from));
                Value::Object(m)
            },
        )
}

fn basic_selector() -> impl Strategy<Value = EventSelector> {
    let values = prop::collection::vec(prop::sample::select(BASIC_VALUES), 0..3);
    let resource = (pick(&TYPES[..3]), values)
        .prop_map(|(t, v)| DataResource { resource_type: t, values: v.into_iter().map(str::to_string).collect() });
    (
        prop::sample::select(&[ReadWriteType::All, ReadWriteType::ReadOnly, ReadWriteType::WriteOnly][..]),
        any::<bool>(),
        prop::collection::vec(resource, 0..3),
        prop::collection::vec(pick(&SOURCES[1..2]), 0..2),
    )
        .prop_map(|(rw, include, data, exclude)| EventSelector {
            read_write_type: rw,
            include_management_events: include,
            data_resources: data,
            exclude_management_event_sources: exclude,
        })
}

fn field_selector(
    field: &'static str,
    values: &'static [&'static str],
) -> impl Strategy<Value = AdvancedFieldSelector> {
    prop::collection::vec((prop::sample::select(&Operator::ALL[..]), prop::collection::vec(pick(values), 1..3)), 1..3)
        .prop_map(move |ops| {
            let mut f = AdvancedFieldSelector::new(field);
            for (op, v) in ops {
                f.set_values(op, v);
            }
            f
        })
}

fn equals(field: &str, value: String) -> AdvancedFieldSelector {
    let mut f = AdvancedFieldSelector::new(field);
    f.set_values(Operator::Equals, vec![value]);
    f
}

/// The selector's `resources.type`: none, the valid `Equals` one value (which resources.ARN
/// conditions then apply to, D25), or other operators (which select no type for them).
fn resource_type_selector() -> impl Strategy<Value = Option<AdvancedFieldSelector>> {
    let others = &Operator::ALL[..];
    prop_oneof![
        Just(None),
        pick(TYPES).prop_map(|t| Some(equals("resources.type", t))),
        (
            prop::sample::select(others).prop_filter("not Equals", |op| *op != Operator::Equals),
            prop::collection::vec(pick(TYPE_PIECES), 1..3)
        )
            .prop_map(|(op, values)| {
                let mut f = AdvancedFieldSelector::new("resources.type");
                f.set_values(op, values);
                Some(f)
            }),
    ]
}

fn advanced_selector() -> impl Strategy<Value = AdvancedEventSelector> {
    let optional = prop_oneof![
        field_selector("eventName", NAMES),
        field_selector("eventSource", SOURCES),
        field_selector("resources.ARN", ARNS),
        field_selector("resources.ARN", PIECES),
        field_selector("eventType", PIECES),
        field_selector("readOnly", &["true", "false"]),
        field_selector("errorCode", ERROR_CODES),
        field_selector("eventName", PIECES),
        field_selector("userIdentity.arn", USER_ARNS),
        field_selector("userIdentity.arn", PIECES),
        field_selector("sessionCredentialFromConsole", &["true", "false"]),
        field_selector("vpcEndpointId", ENDPOINTS),
        field_selector("vpcEndpointId", PIECES),
    ];
    (pick(SELECTOR_CATEGORIES), resource_type_selector(), prop::collection::vec(optional, 0..3)).prop_map(
        |(category, resource_type, mut rest)| {
            let mut fields = vec![equals("eventCategory", category)];
            fields.extend(resource_type);
            fields.append(&mut rest);
            AdvancedEventSelector { name: None, field_selectors: fields }
        },
    )
}

fn selectors() -> impl Strategy<Value = Selectors> {
    prop_oneof![
        prop::collection::vec(basic_selector(), 1..4).prop_map(Selectors::Basic),
        prop::collection::vec(advanced_selector(), 1..4).prop_map(Selectors::Advanced),
    ]
}

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
