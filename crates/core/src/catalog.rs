//! Dated catalogues of values AWS accepts (`data/*.txt`, as of 2026-11). Kept as data files,
//! one place to update, because these lists grow (spec §4.3, §4.4; see data/README.md).

const RESOURCE_TYPES: &str = include_str!("../../../data/resource-types.txt");
const NETWORK_ACTIVITY_EVENT_SOURCES: &str = include_str!("../../../data/network-activity-event-sources.txt");

/// The date of the catalogues, shown wherever a verdict rests on them.
pub const CATALOG_DATE: &str = "2026-11";

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Known `resources.type` values for advanced data selectors (spec §4.3).
pub fn resource_types() -> impl Iterator<Item = &'static str> {
    lines(RESOURCE_TYPES)
}

pub fn is_resource_type(value: &str) -> bool {
    resource_types().any(|t| t == value)
}

/// Event sources that support network activity events (spec §4.4).
pub fn network_activity_event_sources() -> impl Iterator<Item = &'static str> {
    lines(NETWORK_ACTIVITY_EVENT_SOURCES)
}

pub fn is_network_activity_event_source(value: &str) -> bool {
    network_activity_event_sources().any(|s| s == value)
}

/// The resource types basic selectors accept (spec §1.3; decisions D9).
pub const BASIC_RESOURCE_TYPES: [&str; 3] = ["AWS::DynamoDB::Table", "AWS::Lambda::Function", "AWS::S3::Object"];

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
}
