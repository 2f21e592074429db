//! Which fields, operators and values an advanced selector of each event category may use on
//! a trail (spec §4.1 table; decisions D14, D17).

use crate::catalog;
use crate::syntax::AdvancedEventSelector;

/// `eventCategory` values a trail accepts (spec §4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum EventCategory {
    Management,
    Data,
    NetworkActivity,
}

impl EventCategory {
    pub const NAMES: [&'static str; 3] = ["Management", "Data", "NetworkActivity"];

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "Management" => Some(EventCategory::Management),
            "Data" => Some(EventCategory::Data),
            "NetworkActivity" => Some(EventCategory::NetworkActivity),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// `eventCategory` values that only event data stores accept (spec §4.1).
pub const EVENT_DATA_STORE_CATEGORIES: [&str; 4] = ["Insight", "ConfigurationItem", "Evidence", "ActivityAuditLog"];

/// Every field the documentation names (spec §4.1).
pub const KNOWN_FIELDS: [&str; 11] = [
    "eventCategory",
    "readOnly",
    "eventSource",
    "eventName",
    "eventType",
    "resources.type",
    "resources.ARN",
    "sessionCredentialFromConsole",
    "userIdentity.arn",
    "errorCode",
    "vpcEndpointId",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operators {
    EqualsOnly,
    NotEqualsOnly,
    EqualsOrNotEquals,
    Any,
}

impl Operators {
    pub fn allows(self, op: crate::model::Operator) -> bool {
        use crate::model::Operator::{Equals, NotEquals};
        match self {
            Operators::EqualsOnly => op == Equals,
            Operators::NotEqualsOnly => op == NotEquals,
            Operators::EqualsOrNotEquals => op == Equals || op == NotEquals,
            Operators::Any => true,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Operators::EqualsOnly => "only Equals",
            Operators::NotEqualsOnly => "only NotEquals",
            Operators::EqualsOrNotEquals => "only Equals or NotEquals",
            Operators::Any => "any operator",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Values {
    Any,
    OneOf(&'static [&'static str]),
    /// `data/resource-types.txt`.
    ResourceTypes,
    /// `data/network-activity-event-sources.txt`.
    NetworkActivityEventSources,
}

impl Values {
    pub fn allows(self, value: &str) -> bool {
        match self {
            Values::Any => true,
            Values::OneOf(list) => list.contains(&value),
            Values::ResourceTypes => catalog::is_resource_type(value),
            Values::NetworkActivityEventSources => catalog::is_network_activity_event_source(value),
        }
    }

    /// The allowed values, for suggestions.
    pub fn candidates(self) -> Vec<&'static str> {
        match self {
            Values::Any => Vec::new(),
            Values::OneOf(list) => list.to_vec(),
            Values::ResourceTypes => catalog::resource_types().collect(),
            Values::NetworkActivityEventSources => catalog::network_activity_event_sources().collect(),
        }
    }

    pub fn describe(self) -> String {
        match self {
            Values::Any => "any value".into(),
            Values::OneOf(list) => list.join(", "),
            Values::ResourceTypes => format!("a known resource type (catalogue of {})", catalog::CATALOG_DATE),
            Values::NetworkActivityEventSources => {
                format!(
                    "an event source that supports network activity events (catalogue of {})",
                    catalog::CATALOG_DATE
                )
            }
        }
    }
}

/// One row of the spec §4.1 matrix for one category.
#[derive(Debug, Clone, Copy)]
pub struct FieldRule {
    pub field: &'static str,
    pub operators: Operators,
    pub values: Values,
    pub single_value: bool,
    pub required: bool,
}

const fn rule(
    field: &'static str,
    operators: Operators,
    values: Values,
    single_value: bool,
    required: bool,
) -> FieldRule {
    FieldRule { field, operators, values, single_value, required }
}

const TRUE_FALSE: Values = Values::OneOf(&["true", "false"]);
const ANY: Values = Values::Any;
use Operators::{Any as AnyOp, EqualsOnly, EqualsOrNotEquals, NotEqualsOnly};

/// Management selectors on trails (spec §4.1; decisions D17).
const MANAGEMENT: &[FieldRule] = &[
    rule("readOnly", EqualsOnly, TRUE_FALSE, true, false),
    rule("eventSource", NotEqualsOnly, Values::OneOf(&catalog::EXCLUDABLE_MANAGEMENT_EVENT_SOURCES), false, false),
];

/// Data selectors on trails (spec §4.1; decisions D17).
const DATA: &[FieldRule] = &[
    rule("resources.type", EqualsOnly, Values::ResourceTypes, true, true),
    rule("readOnly", EqualsOnly, TRUE_FALSE, true, false),
    rule("eventName", AnyOp, ANY, false, false),
    rule("eventSource", AnyOp, ANY, false, false),
    rule("eventType", AnyOp, ANY, false, false),
    rule("resources.ARN", AnyOp, ANY, false, false),
    rule("userIdentity.arn", AnyOp, ANY, false, false),
    rule("sessionCredentialFromConsole", EqualsOrNotEquals, Values::OneOf(&["true"]), false, false),
];

/// Network activity selectors on trails (spec §4.1, §4.4; decisions D17).
const NETWORK_ACTIVITY: &[FieldRule] = &[
    rule("eventSource", EqualsOnly, Values::NetworkActivityEventSources, true, true),
    rule("errorCode", EqualsOnly, Values::OneOf(&["VpceAccessDenied"]), false, false),
    rule("eventName", AnyOp, ANY, false, false),
    rule("vpcEndpointId", AnyOp, ANY, false, false),
    rule("userIdentity.arn", AnyOp, ANY, false, false),
];

/// The fields (other than `eventCategory`) a selector of `category` may use.
pub fn rules_for(category: EventCategory) -> &'static [FieldRule] {
    match category {
        EventCategory::Management => MANAGEMENT,
        EventCategory::Data => DATA,
        EventCategory::NetworkActivity => NETWORK_ACTIVITY,
    }
}

/// The category of a selector: its single `eventCategory Equals` value, when valid.
pub fn category_of(selector: &AdvancedEventSelector) -> Option<EventCategory> {
    let mut fields = selector.field_selectors().iter().filter(|f| f.field_name() == Some("eventCategory"));
    let field = fields.next()?;
    match field.conditions.as_slice() {
        [c] if c.operator == crate::model::Operator::Equals && c.values.len() == 1 => {
            EventCategory::parse(&c.values[0].value)
        }
        _ => None,
    }
}

/// The selector's single `resources.type Equals` value, if it has one.
pub fn resource_type_of(selector: &AdvancedEventSelector) -> Option<&str> {
    let field = selector.field_selectors().iter().find(|f| f.field_name() == Some("resources.type"))?;
    match field.conditions.as_slice() {
        [c] if c.operator == crate::model::Operator::Equals && c.values.len() == 1 => Some(&c.values[0].value),
        _ => None,
    }
}
