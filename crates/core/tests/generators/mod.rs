//! Generators shared by the property tests: selector sets and records drawn from the reference
//! vocabulary (`reference/vocab.rs`), so that they often meet.
#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use trailscope_core::model::{
    AdvancedEventSelector, AdvancedFieldSelector, DataResource, EventSelector, Operator, ReadWriteType, Selectors,
};

pub use crate::reference::vocab::{
    ARNS, BASIC_VALUES, ENDPOINTS, ERROR_CODES, EVENT_TYPES, NAMES, PIECES, RECORD_CATEGORIES, SELECTOR_CATEGORIES,
    SOURCES, TYPES, TYPE_PIECES, USER_ARNS,
};

/// A JSON value picked from several forms: booleans in records may be strings (D24, D30).
pub fn flag(strings: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop_oneof![any::<bool>().prop_map(Value::from), pick(strings).prop_map(Value::from)]
}

pub fn pick(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(list).prop_map(str::to_string)
}

/// One `resources[]` entry: a type or none, and the ARN under `ARN`, `arn` (D31), `ARNPrefix`
/// (D25), none, or both `ARN` and `arn` (`ARN` wins).
pub fn resource() -> impl Strategy<Value = Value> {
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
pub fn resources() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        Just(None),
        Just(Some(Value::Null)),
        Just(Some(json!([]))),
        prop::collection::vec(resource(), 1..4).prop_map(|list| Some(Value::from(list))),
    ]
}

/// `userIdentity`: absent, or an identity with or without an `arn`.
pub fn user_identity() -> impl Strategy<Value = Option<Value>> {
    prop::option::of(prop::option::of(pick(USER_ARNS)).prop_map(|arn| match arn {
        Some(arn) => json!({"type": "IAMUser", "arn": arn}),
        None => json!({"type": "AWSService", "invokedBy": "s3.amazonaws.com"}),
    }))
}

pub fn record() -> impl Strategy<Value = Value> {
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

pub fn basic_selector() -> impl Strategy<Value = EventSelector> {
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

pub fn field_selector(
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

pub fn equals(field: &str, value: String) -> AdvancedFieldSelector {
    let mut f = AdvancedFieldSelector::new(field);
    f.set_values(Operator::Equals, vec![value]);
    f
}

/// The selector's `resources.type`: none, the valid `Equals` one value (which resources.ARN
/// conditions then apply to, D25), or other operators (which select no type for them).
pub fn resource_type_selector() -> impl Strategy<Value = Option<AdvancedFieldSelector>> {
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

pub fn advanced_selector() -> impl Strategy<Value = AdvancedEventSelector> {
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

pub fn selectors() -> impl Strategy<Value = Selectors> {
    prop_oneof![
        prop::collection::vec(basic_selector(), 1..4).prop_map(Selectors::Basic),
        prop::collection::vec(advanced_selector(), 1..4).prop_map(Selectors::Advanced),
    ]
}
