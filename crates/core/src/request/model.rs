//! The AWS shapes as CloudTrail stores and returns them (spec §1.2–§1.5), with AWS's JSON
//! names. These are the clean, validated values; `located` holds the located input.

use serde::{Deserialize, Serialize};

/// `ReadWriteType` (spec §1.2); default `All`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ReadWriteType {
    ReadOnly,
    WriteOnly,
    #[default]
    All,
}

impl ReadWriteType {
    pub const NAMES: [&'static str; 3] = ["ReadOnly", "WriteOnly", "All"];

    pub fn as_str(self) -> &'static str {
        match self {
            ReadWriteType::ReadOnly => "ReadOnly",
            ReadWriteType::WriteOnly => "WriteOnly",
            ReadWriteType::All => "All",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "ReadOnly" => Some(ReadWriteType::ReadOnly),
            "WriteOnly" => Some(ReadWriteType::WriteOnly),
            "All" => Some(ReadWriteType::All),
            _ => None,
        }
    }
}

/// A basic event selector with the defaults CloudTrail fills in (spec §1.2, §1.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EventSelector {
    #[serde(default)]
    pub read_write_type: ReadWriteType,
    #[serde(default = "default_true")]
    pub include_management_events: bool,
    #[serde(default)]
    pub data_resources: Vec<DataResource>,
    #[serde(default)]
    pub exclude_management_event_sources: Vec<String>,
}

fn default_true() -> bool {
    true
}

impl Default for EventSelector {
    /// The selector of a trail that was never configured: all read and write management
    /// events, no data events (spec §1.5, §6.1; decisions D28).
    fn default() -> Self {
        EventSelector {
            read_write_type: ReadWriteType::All,
            include_management_events: true,
            data_resources: Vec::new(),
            exclude_management_event_sources: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DataResource {
    #[serde(rename = "Type")]
    pub resource_type: String,
    #[serde(default)]
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AdvancedEventSelector {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub name: Option<String>,
    pub field_selectors: Vec<AdvancedFieldSelector>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AdvancedFieldSelector {
    pub field: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub equals: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub starts_with: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub ends_with: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub not_equals: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub not_starts_with: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub not_ends_with: Option<Vec<String>>,
}

/// The six operators of an advanced field selector (spec §1.4, §5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Operator {
    Equals,
    StartsWith,
    EndsWith,
    NotEquals,
    NotStartsWith,
    NotEndsWith,
}

impl Operator {
    pub const ALL: [Operator; 6] = [
        Operator::Equals,
        Operator::StartsWith,
        Operator::EndsWith,
        Operator::NotEquals,
        Operator::NotStartsWith,
        Operator::NotEndsWith,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Operator::Equals => "Equals",
            Operator::StartsWith => "StartsWith",
            Operator::EndsWith => "EndsWith",
            Operator::NotEquals => "NotEquals",
            Operator::NotStartsWith => "NotStartsWith",
            Operator::NotEndsWith => "NotEndsWith",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Operator::ALL.into_iter().find(|op| op.as_str() == name)
    }

    /// SELECT operators are OR'd; DESELECT (`Not…`) operators exclude (spec §5.1).
    pub fn is_select(self) -> bool {
        matches!(self, Operator::Equals | Operator::StartsWith | Operator::EndsWith)
    }
}

impl AdvancedFieldSelector {
    /// A field selector on `field` with no operator yet.
    pub fn new(field: impl Into<String>) -> Self {
        AdvancedFieldSelector {
            field: field.into(),
            equals: None,
            starts_with: None,
            ends_with: None,
            not_equals: None,
            not_starts_with: None,
            not_ends_with: None,
        }
    }

    /// The value list of `op`, if present.
    pub fn values(&self, op: Operator) -> Option<&Vec<String>> {
        match op {
            Operator::Equals => self.equals.as_ref(),
            Operator::StartsWith => self.starts_with.as_ref(),
            Operator::EndsWith => self.ends_with.as_ref(),
            Operator::NotEquals => self.not_equals.as_ref(),
            Operator::NotStartsWith => self.not_starts_with.as_ref(),
            Operator::NotEndsWith => self.not_ends_with.as_ref(),
        }
    }

    /// Sets the value list of `op`.
    pub fn set_values(&mut self, op: Operator, values: Vec<String>) {
        let slot = match op {
            Operator::Equals => &mut self.equals,
            Operator::StartsWith => &mut self.starts_with,
            Operator::EndsWith => &mut self.ends_with,
            Operator::NotEquals => &mut self.not_equals,
            Operator::NotStartsWith => &mut self.not_starts_with,
            Operator::NotEndsWith => &mut self.not_ends_with,
        };
        *slot = Some(values);
    }
}

/// What a trail stores: basic or advanced selectors, never both (spec §1.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Selectors {
    #[serde(rename = "EventSelectors")]
    Basic(Vec<EventSelector>),
    #[serde(rename = "AdvancedEventSelectors")]
    Advanced(Vec<AdvancedEventSelector>),
}

impl Default for Selectors {
    /// A trail never configured (decisions D28).
    fn default() -> Self {
        Selectors::Basic(vec![EventSelector::default()])
    }
}

/// `PutEventSelectorsResponse` / `GetEventSelectorsResponse` (spec §1.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SelectorsResponse {
    #[serde(rename = "TrailARN")]
    pub trail_arn: String,
    #[serde(flatten)]
    pub selectors: Selectors,
}
