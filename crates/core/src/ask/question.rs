//! A question: a class of events described with the advanced selectors' field names (spec
//! §4.1) plus `awsRegion`. Each key holds a value, a list of values (any of them) or a prefix;
//! a key left out means any value, including none where a record may lack the field
//! (decisions D34).

use crate::catalog::Field;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// A key a question can constrain: a selector field, or the record's Region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Field(Field),
    AwsRegion,
}

impl Key {
    /// Every key, in the order questions are written and shown.
    pub const ALL: [Key; 12] = [
        Key::Field(Field::EventCategory),
        Key::Field(Field::EventSource),
        Key::Field(Field::EventName),
        Key::Field(Field::ReadOnly),
        Key::Field(Field::ResourcesType),
        Key::Field(Field::ResourcesArn),
        Key::Field(Field::EventType),
        Key::Field(Field::UserIdentityArn),
        Key::Field(Field::SessionCredentialFromConsole),
        Key::Field(Field::ErrorCode),
        Key::Field(Field::VpcEndpointId),
        Key::AwsRegion,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Key::Field(field) => field.name(),
            Key::AwsRegion => "awsRegion",
        }
    }

    pub fn parse(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The values the catalogues know for this key, offered when a question is built.
    pub fn suggestions(self) -> Vec<&'static str> {
        use crate::catalog::{self, Category};
        match self {
            Key::Field(Field::EventCategory) => Category::SELECTABLE_NAMES.to_vec(),
            Key::Field(Field::ReadOnly | Field::SessionCredentialFromConsole) => vec!["true", "false"],
            Key::Field(Field::ResourcesType) => catalog::resource_types().collect(),
            Key::Field(Field::EventSource) => catalog::network_activity_event_sources().collect(),
            Key::Field(Field::EventType) => vec!["AwsApiCall", "AwsServiceEvent", "AwsConsoleAction", "AwsVpceEvent"],
            Key::Field(Field::ErrorCode) => vec!["VpceAccessDenied"],
            Key::Field(Field::ResourcesArn) => vec!["arn:aws:s3:::"],
            Key::AwsRegion => vec!["us-east-1", "eu-west-1"],
            Key::Field(Field::EventName | Field::UserIdentityArn | Field::VpcEndpointId) => Vec::new(),
        }
    }
}

/// A key and the values offered for it (what the page's question builder lists).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KeySuggestions {
    pub key: &'static str,
    pub values: Vec<&'static str>,
}

/// Every key, with its suggestions.
pub fn keys() -> Vec<KeySuggestions> {
    Key::ALL.into_iter().map(|k| KeySuggestions { key: k.name(), values: k.suggestions() }).collect()
}

/// What a question asks of one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Constraint {
    /// One of these values (one value is a list of one).
    AnyOf(Vec<String>),
    /// A value starting with this prefix.
    StartsWith(String),
}

/// A class of events: every record whose keys meet every constraint.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Question {
    /// At most one constraint per key, in [`Key::ALL`] order.
    pub constraints: Vec<(Key, Constraint)>,
}

/// Why a question cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionError(pub String);

impl std::fmt::Display for QuestionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Question {
    /// Reads a question from its JSON form, e.g.
    /// `{"eventCategory": "Data", "resources.ARN": {"StartsWith": "arn:aws:s3:::b/"}}`.
    pub fn from_json(text: &str) -> Result<Question, QuestionError> {
        let value: Value = serde_json::from_str(text).map_err(|e| QuestionError(format!("not JSON: {e}")))?;
        Question::from_value(&value)
    }

    pub fn from_value(value: &Value) -> Result<Question, QuestionError> {
        let Value::Object(members) = value else {
            return Err(QuestionError("a question is a JSON object of field names to values".into()));
        };
        let mut constraints = Vec::new();
        for (name, value) in members {
            let key = Key::parse(name).ok_or_else(|| {
                let known: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
                QuestionError(format!("unknown key \"{name}\"; a question names {}", known.join(", ")))
            })?;
            constraints.push((key, constraint(name, value)?));
        }
        constraints.sort_by_key(|(key, _)| Key::ALL.iter().position(|k| k == key));
        Ok(Question { constraints })
    }

    pub fn get(&self, key: Key) -> Option<&Constraint> {
        self.constraints.iter().find(|(k, _)| *k == key).map(|(_, c)| c)
    }

    /// The question with `key` constrained (replacing what it had) or, with `None`, left free.
    pub fn with(&self, key: Key, constraint: Option<Constraint>) -> Question {
        let mut constraints: Vec<(Key, Constraint)> =
            self.constraints.iter().filter(|(k, _)| *k != key).cloned().collect();
        constraints.extend(constraint.map(|c| (key, c)));
        constraints.sort_by_key(|(key, _)| Key::ALL.iter().position(|k| k == key));
        Question { constraints }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A value, a list of values, or `{"StartsWith": prefix}`; booleans read as "true"/"false"
/// as selectors compare them (decisions D24).
fn constraint(name: &str, value: &Value) -> Result<Constraint, QuestionError> {
    let text = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null | Value::Number(_) | Value::Array(_) | Value::Object(_) => None,
    };
    let wrong =
        || QuestionError(format!("\"{name}\" takes a string, a list of strings, or {{\"StartsWith\": \"prefix\"}}"));
    match value {
        Value::Array(list) if !list.is_empty() => {
            list.iter().map(text).collect::<Option<Vec<String>>>().map(Constraint::AnyOf).ok_or_else(wrong)
        }
        Value::Object(members) if members.len() == 1 => match members.get("StartsWith") {
            Some(Value::String(prefix)) => Ok(Constraint::StartsWith(prefix.clone())),
            _ => Err(wrong()),
        },
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) | Value::Array(_) | Value::Object(_) => {
            text(value).map(|v| Constraint::AnyOf(vec![v])).ok_or_else(wrong)
        }
    }
}

impl Serialize for Question {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.constraints.len()))?;
        for (key, constraint) in &self.constraints {
            map.serialize_entry(key.name(), constraint)?;
        }
        map.end()
    }
}

impl Serialize for Constraint {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Constraint::AnyOf(values) if values.len() == 1 => values[0].serialize(serializer),
            Constraint::AnyOf(values) => values.serialize(serializer),
            Constraint::StartsWith(prefix) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("StartsWith", prefix)?;
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_three_forms_and_writes_them_back_in_key_order() {
        let text = r#"{"resources.ARN": {"StartsWith": "arn:aws:s3:::b/"}, "readOnly": false, "eventName": ["A", "B"], "eventCategory": "Data"}"#;
        let question = Question::from_json(text).unwrap();
        assert_eq!(
            question.to_json(),
            r#"{"eventCategory":"Data","eventName":["A","B"],"readOnly":"false","resources.ARN":{"StartsWith":"arn:aws:s3:::b/"}}"#
        );
        assert_eq!(Question::from_json(&question.to_json()).unwrap(), question);
    }

    #[test]
    fn refuses_unknown_keys_and_shapes() {
        assert!(Question::from_json(r#"{"eventname": "x"}"#).unwrap_err().0.contains("unknown key \"eventname\""));
        assert!(Question::from_json(r#"{"eventName": 3}"#).is_err());
        assert!(Question::from_json(r#"{"eventName": []}"#).is_err());
        assert!(Question::from_json(r#"{"eventName": {"EndsWith": "x"}}"#).is_err());
        assert!(Question::from_json("[]").is_err());
    }
}
