//! The compiled matcher against the reference evaluator written straight from the spec
//! (`crates/core/tests/reference/`, compiled here by path), on structured input: selector sets
//! and records built with `arbitrary` from the vocabulary the property test uses, plus free
//! strings where any string is a valid value (advanced operators' values, the record's fields).
//! The explanation must name the same selectors, and the replay's field reader read the same
//! record as serde.

#[path = "../../core/tests/reference/mod.rs"]
mod reference;

use arbitrary::{Arbitrary, Unstructured};
use reference::vocab::{
    ARNS, BASIC_VALUES, ENDPOINTS, ERROR_CODES, EVENT_TYPES, NAMES, PIECES, RECORD_CATEGORIES, SELECTOR_CATEGORIES,
    SOURCES, TYPES, TYPE_PIECES, USER_ARNS,
};
use serde_json::{Map, Value};
use trailscope_core::model::{
    AdvancedEventSelector, AdvancedFieldSelector, DataResource, EventSelector, Operator, ReadWriteType, Selectors,
};
use trailscope_core::replay::explain::explain;
use trailscope_core::replay::{extract, EventRecord, Matcher};

/// A string from a list, or (for `Free`) any short string.
#[derive(Arbitrary, Debug)]
enum Word {
    Listed(u8),
    Piece(u8),
    Free(String),
}

impl Word {
    fn text(&self, list: &[&str]) -> String {
        match self {
            Word::Listed(i) => pick(list, *i),
            Word::Piece(i) => pick(PIECES, *i),
            Word::Free(s) => s.chars().take(12).collect(),
        }
    }

    /// Only from `list` (where the reference assumes valid values).
    fn listed(&self, list: &[&str]) -> String {
        match self {
            Word::Listed(i) | Word::Piece(i) => pick(list, *i),
            Word::Free(s) => pick(list, s.len() as u8),
        }
    }
}

fn pick(list: &[&str], i: u8) -> String {
    list[usize::from(i) % list.len()].to_string()
}

/// A boolean as records write it: a JSON boolean, or a string (D24, D30).
#[derive(Arbitrary, Debug)]
enum Flag {
    Bool(bool),
    Text(Word),
}

impl Flag {
    fn value(&self) -> Value {
        match self {
            Flag::Bool(b) => Value::Bool(*b),
            Flag::Text(w) => Value::from(w.text(&["true", "false", "True"])),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct ResourceIn {
    kind: Option<Word>,
    arn: Word,
    other: Word,
    /// 0 `ARN`, 1 `arn` (D31), 2 `ARNPrefix` (D25), 3 none, else both `ARN` and `arn`.
    key: u8,
}

#[derive(Arbitrary, Debug)]
enum ResourcesIn {
    Absent,
    Null,
    List(Vec<ResourceIn>),
}

#[derive(Arbitrary, Debug)]
struct RecordIn {
    category: Option<Word>,
    source: Option<Word>,
    name: Option<Word>,
    read_only: Option<Flag>,
    event_type: Option<Word>,
    resources: ResourcesIn,
    error: Option<Word>,
    /// Absent, or an identity with or without an `arn`.
    identity: Option<Option<Word>>,
    console: Option<Flag>,
    endpoint: Option<Word>,
    management: Option<Flag>,
}

impl RecordIn {
    fn json(&self) -> Value {
        let mut m = Map::new();
        let mut put = |k: &str, v: Option<Value>| {
            if let Some(v) = v {
                m.insert(k.into(), v);
            }
        };
        let word = |w: &Option<Word>, list: &[&str]| w.as_ref().map(|w| Value::from(w.text(list)));
        put("eventCategory", word(&self.category, RECORD_CATEGORIES));
        put("eventSource", word(&self.source, SOURCES));
        put("eventName", word(&self.name, NAMES));
        put("readOnly", self.read_only.as_ref().map(Flag::value));
        put("eventType", word(&self.event_type, EVENT_TYPES));
        put("managementEvent", self.management.as_ref().map(Flag::value));
        put("errorCode", word(&self.error, ERROR_CODES));
        put(
            "resources",
            match &self.resources {
                ResourcesIn::Absent => None,
                ResourcesIn::Null => Some(Value::Null),
                ResourcesIn::List(list) => Some(list.iter().take(4).map(ResourceIn::json).collect()),
            },
        );
        put(
            "userIdentity",
            self.identity.as_ref().map(|arn| match arn {
                Some(arn) => serde_json::json!({"type": "IAMUser", "arn": arn.text(USER_ARNS)}),
                None => serde_json::json!({"type": "AWSService", "invokedBy": "s3.amazonaws.com"}),
            }),
        );
        put("sessionCredentialFromConsole", self.console.as_ref().map(Flag::value));
        put("vpcEndpointId", word(&self.endpoint, ENDPOINTS));
        Value::Object(m)
    }
}

impl ResourceIn {
    fn json(&self) -> Value {
        let mut m = Map::new();
        if let Some(kind) = &self.kind {
            m.insert("type".into(), kind.text(TYPES).into());
        }
        let (arn, other) = (Value::from(self.arn.text(ARNS)), Value::from(self.other.text(ARNS)));
        match self.key % 5 {
            0 => drop(m.insert("ARN".into(), arn)),
            1 => drop(m.insert("arn".into(), arn)),
            2 => drop(m.insert("ARNPrefix".into(), arn)),
            3 => {}
            _ => {
                m.insert("ARN".into(), arn);
                m.insert("arn".into(), other);
            }
        }
        Value::Object(m)
    }
}

#[derive(Arbitrary, Debug)]
struct BasicIn {
    read_write: u8,
    include_management: bool,
    data: Vec<(u8, Vec<u8>)>,
    exclude_kms: bool,
}

impl BasicIn {
    fn selector(&self) -> EventSelector {
        EventSelector {
            read_write_type: read_write(self.read_write),
            include_management_events: self.include_management,
            data_resources: self
                .data
                .iter()
                .take(3)
                .map(|(kind, values)| DataResource {
                    resource_type: pick(&TYPES[..3], *kind),
                    values: values.iter().take(3).map(|v| pick(BASIC_VALUES, *v)).collect(),
                })
                .collect(),
            exclude_management_event_sources: if self.exclude_kms { vec![SOURCES[1].into()] } else { Vec::new() },
        }
    }
}

fn read_write(i: u8) -> ReadWriteType {
    [ReadWriteType::All, ReadWriteType::ReadOnly, ReadWriteType::WriteOnly][usize::from(i) % 3]
}

/// An optional field selector: the field (by index), and up to three (operator, values).
#[derive(Arbitrary, Debug)]
struct FieldIn {
    field: u8,
    operators: Vec<(u8, Vec<Word>)>,
}

/// The fields an optional field selector may name, and the list its listed values come from.
const FIELDS: &[(&str, &[&str])] = &[
    ("eventName", NAMES),
    ("eventSource", SOURCES),
    ("resources.ARN", ARNS),
    ("eventType", EVENT_TYPES),
    ("readOnly", &["true", "false"]),
    ("errorCode", ERROR_CODES),
    ("userIdentity.arn", USER_ARNS),
    ("sessionCredentialFromConsole", &["true", "false"]),
    ("vpcEndpointId", ENDPOINTS),
];

fn operator(i: u8) -> Operator {
    Operator::ALL[usize::from(i) % Operator::ALL.len()]
}

impl FieldIn {
    fn selector(&self) -> Option<AdvancedFieldSelector> {
        let (name, list) = FIELDS[usize::from(self.field) % FIELDS.len()];
        let boolean = name == "readOnly" || name == "sessionCredentialFromConsole";
        let mut f = AdvancedFieldSelector::new(name);
        for (op, values) in self.operators.iter().take(3) {
            let values: Vec<String> =
                values.iter().take(3).map(|w| if boolean { w.listed(list) } else { w.text(list) }).collect();
            if !values.is_empty() {
                f.set_values(operator(*op), values);
            }
        }
        (!self.operators.iter().take(3).all(|(_, v)| v.is_empty())).then_some(f)
    }
}

/// The selector's `resources.type`: none, `Equals` one type (which resources.ARN conditions then
/// apply to, D25), or another operator with pieces of types (which selects no type for them).
#[derive(Arbitrary, Debug)]
enum ResourceTypeIn {
    None,
    Equals(u8),
    Other(u8, Vec<u8>),
}

#[derive(Arbitrary, Debug)]
struct AdvancedIn {
    category: u8,
    resource_type: ResourceTypeIn,
    fields: Vec<FieldIn>,
}

fn equals(field: &str, value: String) -> AdvancedFieldSelector {
    let mut f = AdvancedFieldSelector::new(field);
    f.set_values(Operator::Equals, vec![value]);
    f
}

impl AdvancedIn {
    fn selector(&self) -> AdvancedEventSelector {
        let mut fields = vec![equals("eventCategory", pick(SELECTOR_CATEGORIES, self.category))];
        match &self.resource_type {
            ResourceTypeIn::None => {}
            ResourceTypeIn::Equals(t) => fields.push(equals("resources.type", pick(TYPES, *t))),
            ResourceTypeIn::Other(op, values) if !values.is_empty() => {
                let op = Operator::ALL.iter().copied().filter(|o| *o != Operator::Equals).nth(usize::from(*op) % 5);
                let mut f = AdvancedFieldSelector::new("resources.type");
                f.set_values(
                    op.unwrap_or(Operator::NotEquals),
                    values.iter().take(3).map(|v| pick(TYPE_PIECES, *v)).collect(),
                );
                fields.push(f);
            }
            ResourceTypeIn::Other(..) => {}
        }
        fields.extend(self.fields.iter().take(3).filter_map(FieldIn::selector));
        AdvancedEventSelector { name: None, field_selectors: fields }
    }
}

#[derive(Arbitrary, Debug)]
enum SelectorsIn {
    Basic(Vec<BasicIn>),
    Advanced(Vec<AdvancedIn>),
}

#[derive(Arbitrary, Debug)]
struct Input {
    selectors: SelectorsIn,
    records: Vec<RecordIn>,
}

pub fn check(data: &[u8]) {
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else { return };
    let selectors = match &input.selectors {
        SelectorsIn::Basic(list) if !list.is_empty() => {
            Selectors::Basic(list.iter().take(5).map(BasicIn::selector).collect())
        }
        SelectorsIn::Advanced(list) if !list.is_empty() => {
            Selectors::Advanced(list.iter().take(5).map(AdvancedIn::selector).collect())
        }
        SelectorsIn::Basic(_) | SelectorsIn::Advanced(_) => return,
    };
    let matcher = Matcher::new(&selectors);
    let mut matched = Vec::new();
    for record in input.records.iter().take(8) {
        let record = record.json();
        let text = record.to_string();
        let Ok(event) = serde_json::from_str::<EventRecord>(&text) else {
            panic!("a record of the vocabulary does not read: {text}")
        };
        let fast = extract::record(text.as_bytes()).map(|(r, _)| r);
        assert_eq!(fast.as_ref(), Some(&event), "field reader on {text}");
        matcher.matches_into(&event, event.category(), &mut matched);
        let expected: Vec<usize> =
            reference::matches(&selectors, &record).iter().enumerate().filter(|(_, m)| **m).map(|(i, _)| i).collect();
        assert_eq!(matched, expected, "record {text}\nselectors {selectors:?}");
        let why = explain(&selectors, &matcher, &event);
        assert_eq!(why.matched(), expected, "explanation of {text}");
        assert!(why.selectors.iter().all(|s| !s.reason.is_empty()));
    }
}
