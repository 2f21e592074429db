//! Which fields, operators and values an advanced selector of each event category may use on
//! a trail (spec §4.1 table; decisions D14, D17).

use crate::catalog::{self, Category, Field};
use crate::request::located::AdvancedEventSelector;

/// `eventCategory` values that only event data stores accept (spec §4.1).
pub const EVENT_DATA_STORE_CATEGORIES: [&str; 4] = ["Insight", "ConfigurationItem", "Evidence", "ActivityAuditLog"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operators {
    EqualsOnly,
    NotEqualsOnly,
    EqualsOrNotEquals,
    Any,
}

impl Operators {
    pub fn allows(self, op: crate::request::model::Operator) -> bool {
        use crate::request::model::Operator::{Equals, NotEquals};
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
    pub field: Field,
    pub operators: Operators,
    pub values: Values,
    pub single_value: bool,
    pub required: bool,
}

const fn rule(field: Field, operators: Operators, values: Values, single_value: bool, required: bool) -> FieldRule {
    FieldRule { field, operators, values, single_value, required }
}

const TRUE_FALSE: Values = Values::OneOf(&["true", "false"]);
const ANY: Values = Values::Any;
use Operators::{Any as AnyOp, EqualsOnly, EqualsOrNotEquals, NotEqualsOnly};

/// Management selectors on trails (spec §4.1; decisions D17).
const MANAGEMENT: &[FieldRule] = &[
    rule(Field::ReadOnly, EqualsOnly, TRUE_FALSE, true, false),
    rule(Field::EventSource, NotEqualsOnly, Values::OneOf(&catalog::EXCLUDABLE_MANAGEMENT_EVENT_SOURCES), false, false),
];

/// Data selectors on trails (spec §4.1; decisions D17).
const DATA: &[FieldRule] = &[
    rule(Field::ResourcesType, EqualsOnly, Values::ResourceTypes, true, true),
    rule(Field::ReadOnly, EqualsOnly, TRUE_FALSE, true, false),
    rule(Field::EventName, AnyOp, ANY, false, false),
    rule(Field::EventSource, AnyOp, ANY, false, false),
    rule(Field::EventType, AnyOp, ANY, false, false),
    rule(Field::ResourcesArn, AnyOp, ANY, false, false),
    rule(Field::UserIdentityArn, AnyOp, ANY, false, false),
    rule(Field::SessionCredentialFromConsole, EqualsOrNotEquals, Values::OneOf(&["true"]), false, false),
];

/// Network activity selectors on trails (spec §4.1, §4.4; decisions D17).
const NETWORK_ACTIVITY: &[FieldRule] = &[
    rule(Field::EventSource, EqualsOnly, Values::NetworkActivityEventSources, true, true),
    rule(Field::ErrorCode, EqualsOnly, Values::OneOf(&["VpceAccessDenied"]), false, false),
    rule(Field::EventName, AnyOp, ANY, false, false),
    rule(Field::VpcEndpointId, AnyOp, ANY, false, false),
    rule(Field::UserIdentityArn, AnyOp, ANY, false, false),
];

/// The fields (other than `eventCategory`) a selector of `category` may use.
pub fn rules_for(category: Category) -> &'static [FieldRule] {
    match category {
        Category::Management => MANAGEMENT,
        Category::Data => DATA,
        Category::NetworkActivity => NETWORK_ACTIVITY,
        // Not selectable on a trail (event_category reports them): no field is allowed.
        Category::Insight | Category::Other => &[],
    }
}

/// The category of a selector: its single `eventCategory Equals` value, when valid.
pub fn category_of(selector: &AdvancedEventSelector) -> Option<Category> {
    let mut fields = selector.field_selectors().iter().filter(|f| f.known_field() == Some(Field::EventCategory));
    let field = fields.next()?;
    match field.conditions.as_slice() {
        [c] if c.operator == crate::request::model::Operator::Equals && c.values.len() == 1 => {
            Category::selectable(&c.values[0].value)
        }
        _ => None,
    }
}

/// The selector's single `resources.type Equals` value, if it has one.
pub fn resource_type_of(selector: &AdvancedEventSelector) -> Option<&str> {
    let field = selector.field_selectors().iter().find(|f| f.known_field() == Some(Field::ResourcesType))?;
    match field.conditions.as_slice() {
        [c] if c.operator == crate::request::model::Operator::Equals && c.values.len() == 1 => Some(&c.values[0].value),
        _ => None,
    }
}
