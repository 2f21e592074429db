//! Dated catalogues of values AWS accepts (`data/*.txt`, as of 2026-11). Kept as data files,
//! one place to update, because these lists grow (spec §4.3, §4.4; see data/README.md).

pub(crate) mod arn;
mod category;
pub(crate) mod data_value;
mod fields;

pub use category::Category;
pub use fields::Field;

const RESOURCE_TYPES: &str = include_str!("../../../../data/resource-types.txt");
const NETWORK_ACTIVITY_EVENT_SOURCES: &str = include_str!("../../../../data/network-activity-event-sources.txt");

/// The date of the catalogues, shown wherever a verdict rests on them.
pub const CATALOG_DATE: &str = "2026-11";

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Known `resources.type` values for advanced data selectors (spec §4.3).
pub fn resource_types() -> impl Iterator<Item = &'static str> {
    lines(RESOURCE_TYPES)
}

/// The lines of a catalogue as a set, built on first use.
type Listed = std::sync::OnceLock<std::collections::HashSet<&'static str>>;

/// Whether `value` is a line of `text`. The rules ask for each value of a request (400,000 in
/// 4 MiB) and a replay for each event: reading the list each time took most of a second.
fn is_listed(set: &'static Listed, text: &'static str, value: &str) -> bool {
    set.get_or_init(|| lines(text).collect()).contains(value)
}

pub fn is_resource_type(value: &str) -> bool {
    static KNOWN: Listed = Listed::new();
    is_listed(&KNOWN, RESOURCE_TYPES, value)
}

/// Event sources that support network activity events (spec §4.4).
pub fn network_activity_event_sources() -> impl Iterator<Item = &'static str> {
    lines(NETWORK_ACTIVITY_EVENT_SOURCES)
}

pub fn is_network_activity_event_source(value: &str) -> bool {
    static KNOWN: Listed = Listed::new();
    is_listed(&KNOWN, NETWORK_ACTIVITY_EVENT_SOURCES, value)
}

/// A resource type basic selectors accept, and the ARN service its values name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BasicType {
    pub name: &'static str,
    /// `arn:<partition>:<service>` alone means every resource of the type (spec §6.2, D8).
    pub service: &'static str,
}

/// The one table of basic types: the validator, the lints and the matcher read it (spec §1.3,
/// §6.2; decisions D9, D10).
pub const BASIC_TYPES: [BasicType; 3] = [
    BasicType { name: "AWS::DynamoDB::Table", service: "dynamodb" },
    BasicType { name: "AWS::Lambda::Function", service: "lambda" },
    BasicType { name: "AWS::S3::Object", service: "s3" },
];

/// The names of [`BASIC_TYPES`], for messages and suggestions.
pub const BASIC_RESOURCE_TYPES: [&str; 3] = [BASIC_TYPES[0].name, BASIC_TYPES[1].name, BASIC_TYPES[2].name];

pub fn basic_type(name: &str) -> Option<&'static BasicType> {
    BASIC_TYPES.iter().find(|t| t.name == name)
}

/// Management event sources that `ExcludeManagementEventSources` (and the advanced
/// management `eventSource NotEquals`) may name (spec §1.2, §4.1; decisions D11, D17).
pub const EXCLUDABLE_MANAGEMENT_EVENT_SOURCES: [&str; 2] = ["kms.amazonaws.com", "rdsdata.amazonaws.com"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_have_the_documented_sizes() {
        assert_eq!(resource_types().count(), 176);
        assert_eq!(network_activity_event_sources().count(), 76);
        assert!(is_resource_type("AWS::Quicksight::ActionConnector"));
        assert!(is_network_activity_event_source("kms.amazonaws.com"));
        assert!(BASIC_RESOURCE_TYPES.iter().all(|t| is_resource_type(t)));
    }

    #[test]
    fn each_basic_types_all_value_reads_as_all_everywhere() {
        use crate::catalog::data_value::{is_any_all, parse, DataValue};
        for t in BASIC_TYPES {
            let all = format!("arn:aws:{}", t.service);
            assert_eq!(basic_type(t.name), Some(&t));
            assert_eq!(parse(t.name, &all), Ok(DataValue::All), "{}", t.name);
            assert!(is_any_all(&all), "{all}");
        }
        assert_eq!(basic_type("AWS::SQS::Queue"), None);
    }
}
