//! The selectors as CloudTrail stores them after a successful call: the request's values with
//! the documented defaults filled in (spec §1.2, §1.5).

use crate::request::located::{self, Request};
use crate::request::model::{
    AdvancedEventSelector, AdvancedFieldSelector, DataResource, EventSelector, ReadWriteType, Selectors,
};

/// The stored form of a request that passed validation (advanced wins only when basic is absent).
pub fn selectors(request: &Request) -> Selectors {
    match &request.event_selectors {
        Some(list) => Selectors::Basic(list.value.iter().map(event_selector).collect()),
        None => Selectors::Advanced(request.advanced_event_selectors().iter().map(advanced_event_selector).collect()),
    }
}

fn strings(list: &[located::LocatedString]) -> Vec<String> {
    list.iter().map(|s| s.value.clone()).collect()
}

fn event_selector(selector: &located::EventSelector) -> EventSelector {
    EventSelector {
        read_write_type: selector
            .read_write_type
            .as_ref()
            .and_then(|r| ReadWriteType::parse(&r.value))
            .unwrap_or_default(),
        include_management_events: selector.include_management_events.as_ref().is_none_or(|b| b.value),
        data_resources: selector
            .data_resources()
            .iter()
            .map(|r| DataResource {
                resource_type: r.resource_type.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
                values: strings(r.values()),
            })
            .collect(),
        exclude_management_event_sources: selector
            .exclude_management_event_sources
            .as_ref()
            .map(|l| strings(&l.value))
            .unwrap_or_default(),
    }
}

fn advanced_event_selector(selector: &located::AdvancedEventSelector) -> AdvancedEventSelector {
    AdvancedEventSelector {
        name: selector.name.as_ref().map(|n| n.value.clone()),
        field_selectors: selector.field_selectors().iter().map(field_selector).collect(),
    }
}

fn field_selector(field: &located::AdvancedFieldSelector) -> AdvancedFieldSelector {
    let mut out = AdvancedFieldSelector::new(field.field_name().unwrap_or_default().to_string());
    // With duplicate operator keys the last one wins, as JSON readers do.
    for condition in &field.conditions {
        out.set_values(condition.operator, strings(&condition.values));
    }
    out
}
