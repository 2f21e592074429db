use crate::source::span::Span;

/// A parsed JSON value with the byte span it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number exactly as written (JSON numbers have no fixed precision).
    Number(String),
    String(String),
    Array(Vec<Node>),
    /// Members in source order; duplicate keys are kept (the last one wins on lookup).
    Object(Vec<Member>),
    /// A value an IaC file writes as a reference or function (decisions D45): never produced
    /// by the JSON parser, only by the importers.
    #[cfg(feature = "iac")]
    Unknown(Box<crate::source::unknown::Unknown>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    /// The member named `key`; with duplicate keys, the last one (as JSON readers do).
    pub fn get(&self, key: &str) -> Option<&Member> {
        match &self.value {
            Value::Object(members) => members.iter().rev().find(|m| m.key == key),
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) | Value::Array(_) => None,
            #[cfg(feature = "iac")]
            Value::Unknown(_) => None,
        }
    }

    /// The key of member `index` and the span that removes it with one comma: up to the next
    /// member's key, or from the previous member's value when it is the last.
    pub fn member_removal(&self, index: usize) -> Option<(&str, Span)> {
        let Value::Object(members) = &self.value else {
            return None;
        };
        let member = members.get(index)?;
        let start = match index.checked_sub(1).and_then(|i| members.get(i)) {
            Some(previous) if index + 1 == members.len() => previous.value.span.end,
            Some(_) | None => member.key_span.start,
        };
        let end = members.get(index + 1).map_or(member.value.span.end, |next| next.key_span.start);
        Some((&member.key, Span::new(start, end)))
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::Array(_) | Value::Object(_) => None,
            #[cfg(feature = "iac")]
            Value::Unknown(_) => None,
        }
    }

    /// The JSON type name, as people read it in messages.
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            #[cfg(feature = "iac")]
            Value::Unknown(_) => "unknown",
        }
    }
}
