//! The questions' solver against the reference evaluator: on random selector sets, trail
//! states and questions, no sampled record of the class contradicts the answer (an unlogged
//! one under `all`, a logged one under `none`), and every example is in the class and gets
//! the answer's verdict from the reference evaluator.

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use trailscope_core::ask::{covers, Answer, AskError, Constraint, Key, Question, TrailFacts};
use trailscope_core::catalog::Field;
use trailscope_core::model::Selectors;

mod generators;
mod reference;

use generators::*;

const REGIONS: &[&str] = &["us-east-1", "eu-west-1"];

fn constraint(values: &'static [&'static str]) -> impl Strategy<Value = Constraint> {
    prop_oneof![
        pick(values).prop_map(|v| Constraint::AnyOf(vec![v])),
        prop::collection::vec(pick(values), 1..3).prop_map(Constraint::AnyOf),
        pick(PIECES).prop_map(Constraint::StartsWith),
        pick(values).prop_map(|v| Constraint::StartsWith(v[..v.len() / 2].to_string())),
    ]
}

fn question() -> impl Strategy<Value = Question> {
    let key = prop_oneof![
        pick(&["Management", "Data", "NetworkActivity"])
            .prop_map(|c| (Key::Field(Field::EventCategory), Constraint::AnyOf(vec![c]))),
        constraint(SOURCES).prop_map(|c| (Key::Field(Field::EventSource), c)),
        constraint(NAMES).prop_map(|c| (Key::Field(Field::EventName), c)),
        pick(&["true", "false"]).prop_map(|v| (Key::Field(Field::ReadOnly), Constraint::AnyOf(vec![v]))),
        constraint(TYPES).prop_map(|c| (Key::Field(Field::ResourcesType), c)),
        constraint(ARNS).prop_map(|c| (Key::Field(Field::ResourcesArn), c)),
        constraint(USER_ARNS).prop_map(|c| (Key::Field(Field::UserIdentityArn), c)),
        constraint(REGIONS).prop_map(|c| (Key::AwsRegion, c)),
    ];
    prop::collection::vec(key, 0..4)
        .prop_map(|pairs| pairs.into_iter().fold(Question::default(), |q, (key, c)| q.with(key, Some(c))))
}

fn trail() -> impl Strategy<Value = TrailFacts> {
    (prop::bool::weighted(0.9), any::<bool>()).prop_map(|(logging, multi)| TrailFacts {
        is_logging: logging,
        is_multi_region_trail: multi,
        ..TrailFacts::assumed()
    })
}

/// A record of the solver's model (decisions D34): one of the three categories, readOnly
/// true, false or absent, at most one resource with a type and an ARN.
fn model_record() -> impl Strategy<Value = Value> {
    let resource = prop::option::of((pick(TYPES), prop_oneof![pick(ARNS), pick(PIECES)]));
    (
        pick(&["Management", "Data", "NetworkActivity"]),
        prop_oneof![pick(SOURCES), pick(PIECES)],
        prop_oneof![pick(NAMES), pick(PIECES)],
        prop::option::of(any::<bool>()),
        prop_oneof![pick(&["AwsApiCall", "AwsServiceEvent"]), pick(PIECES)],
        resource,
        (prop::option::of(pick(USER_ARNS)), prop::option::of(pick(&["VpceAccessDenied"])), pick(REGIONS)),
        (prop::option::of(pick(ENDPOINTS)), prop::option::of(pick(&["true", "false"]))),
    )
        .prop_map(
            |(category, source, name, read_only, event_type, resource, (user, error, region), (vpce, console))| {
                let mut m = Map::new();
                m.insert("eventCategory".into(), category.into());
                m.insert("eventSource".into(), source.into());
                m.insert("eventName".into(), name.into());
                m.insert("eventType".into(), event_type.into());
                m.insert("awsRegion".into(), region.into());
                read_only.map(|r| m.insert("readOnly".into(), r.into()));
                resource.map(|(t, a)| m.insert("resources".into(), json!([{"type": t, "ARN": a}])));
                user.map(|u| m.insert("userIdentity".into(), json!({"type": "IAMUser", "arn": u})));
                error.map(|e| m.insert("errorCode".into(), e.into()));
                vpce.map(|v| m.insert("vpcEndpointId".into(), v.into()));
                console.map(|c| m.insert("sessionCredentialFromConsole".into(), c.into()));
                Value::Object(m)
            },
        )
}

/// The record's value for a question key, read straight from the JSON.
fn value_of(record: &Value, key: Key) -> Vec<Option<String>> {
    let text = |v: Option<&Value>| {
        v.and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        })
    };
    let resource = |member: &str| match record.get("resources") {
        Some(Value::Array(list)) => list.iter().map(|r| text(r.get(member))).collect(),
        _ => vec![None],
    };
    match key {
        Key::Field(Field::ResourcesType) => resource("type"),
        Key::Field(Field::ResourcesArn) => resource("ARN"),
        Key::Field(Field::UserIdentityArn) => vec![text(record.get("userIdentity").and_then(|u| u.get("arn")))],
        Key::Field(field) => vec![text(record.get(field.name()))],
        Key::AwsRegion => vec![text(record.get("awsRegion"))],
    }
}

/// Whether the record is in the question's class (every resource fits, D34).
fn in_class(question: &Question, record: &Value) -> bool {
    question.constraints.iter().all(|(key, constraint)| {
        value_of(record, *key).iter().all(|v| match (v, constraint) {
            (Some(v), Constraint::AnyOf(values)) => values.contains(v),
            (Some(v), Constraint::StartsWith(p)) => v.starts_with(p.as_str()),
            (None, _) => false,
        })
    })
}

/// The reference verdict, with the trail's state (D33).
fn logged(selectors: &Selectors, trail: &TrailFacts, record: &Value) -> bool {
    let region = record.get("awsRegion").and_then(Value::as_str);
    trail.refuses(region).is_none() && reference::matches(selectors, record).into_iter().any(|m| m)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn answers_never_contradict_a_record(
        selectors in selectors(),
        trail in trail(),
        question in question(),
        records in prop::collection::vec(model_record(), 1..24),
    ) {
        let coverage = match covers(&selectors, &trail, &question) {
            Ok(c) => c,
            Err(AskError::EmptyClass(_) | AskError::Unsupported(_)) => return Ok(()),
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        };
        for (example, expected) in [(&coverage.logged_example, true), (&coverage.unlogged_example, false)] {
            if let Some(example) = example {
                prop_assert!(in_class(&question, &example.record), "example outside the class: {}", example.record);
                prop_assert_eq!(logged(&selectors, &trail, &example.record), expected, "example {}", example.record);
            }
        }
        prop_assert_eq!(coverage.logged_example.is_some(), coverage.answer != Answer::None);
        prop_assert_eq!(coverage.unlogged_example.is_some(), coverage.answer != Answer::All);
        for record in records.iter().filter(|r| in_class(&question, r)) {
            match (coverage.answer, logged(&selectors, &trail, record)) {
                (Answer::All, false) => prop_assert!(false, "answer all, but unlogged: {}", record),
                (Answer::None, true) => prop_assert!(false, "answer none, but logged: {}", record),
                _ => {}
            }
        }
    }
}
