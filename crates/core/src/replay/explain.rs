//! Why an event is logged or not: for each selector, matched, or the first condition that
//! failed with the event's actual value, and the decisions the verdict rests on.

use super::event::{Category, EventRecord};
use super::matcher::{Matcher, Miss};
use crate::catalog::Field;
use crate::request::model::{AdvancedFieldSelector, EventSelector, Operator, ReadWriteType, Selectors};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// For one selector: matched, or the first condition that failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SelectorOutcome {
    pub index: usize,
    pub name: Option<String>,
    pub matched: bool,
    /// For advanced selectors that did not match: the field selector that failed.
    pub field_selector: Option<usize>,
    pub reason: String,
    /// The trailscope decision this outcome rests on, when AWS documents nothing.
    pub decision: Option<Cow<'static, str>>,
}

/// Why an event is logged or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Explanation {
    pub logged: bool,
    pub category: Category,
    /// The record has no eventCategory: its category was derived (decisions D26).
    pub category_derived: bool,
    pub selectors: Vec<SelectorOutcome>,
    /// Why D26 gave the category (e.g. "no eventCategory"), when it was derived; only the
    /// one-line summary shows it, so the JSON shape stays as it was.
    #[serde(skip)]
    pub category_derivation: Option<&'static str>,
}

impl Explanation {
    pub fn matched(&self) -> Vec<usize> {
        self.selectors.iter().filter(|s| s.matched).map(|s| s.index).collect()
    }

    /// One line: which selector logged the event, or why each selector did not; every
    /// decision it rests on is named, since the line is often all a reader sees (CLI `reason`).
    pub fn summary(&self) -> String {
        let line = match self.selectors.iter().find(|s| s.matched) {
            Some(s) => format!("selector {}{} matched{}", s.index, name_suffix(&s.name), self.decision_note(s)),
            None if self.selectors.is_empty() => "no selectors".into(),
            None => {
                let reasons: Vec<String> = self
                    .selectors
                    .iter()
                    .map(|s| format!("selector {}: {}{}", s.index, s.reason, self.decision_note(s)))
                    .collect();
                reasons.join("; ")
            }
        };
        match &self.category_derivation {
            Some(why) => format!("{line} (category {} by decision D26: {why})", self.category.as_str()),
            None => line,
        }
    }

    /// " (decision Dn)" for an outcome that rests on one; D26 is named once for the whole line.
    fn decision_note(&self, outcome: &SelectorOutcome) -> String {
        match outcome.decision.as_deref() {
            Some("D26") if self.category_derivation.is_some() => String::new(),
            Some(id) => format!(" (decision {id})"),
            None => String::new(),
        }
    }
}

fn name_suffix(name: &Option<String>) -> String {
    name.as_ref().map_or(String::new(), |n| format!(" ({n})"))
}

pub fn explain(selectors: &Selectors, matcher: &Matcher, event: &EventRecord<'_>) -> Explanation {
    let category = event.category();
    let outcomes: Vec<SelectorOutcome> = (0..matcher.selector_count())
        .map(|index| {
            let result = matcher.check(index, event, category);
            let (name, field_selector, reason, decision) = match selectors {
                Selectors::Basic(list) => {
                    let (reason, decision) = basic_reason(&list[index], event, category, result);
                    (None, None, reason, decision)
                }
                Selectors::Advanced(list) => {
                    let selector = &list[index];
                    let (field, reason, decision) = advanced_reason(&selector.field_selectors, event, result);
                    (selector.name.clone(), field, reason, decision)
                }
            };
            SelectorOutcome {
                index,
                name,
                matched: result.is_ok(),
                field_selector,
                reason,
                decision: decision.map(Cow::Borrowed),
            }
        })
        .collect();
    Explanation {
        logged: outcomes.iter().any(|o| o.matched),
        category,
        category_derived: event.category_is_derived(),
        selectors: outcomes,
        category_derivation: event.category_derivation(),
    }
}

fn shown(value: Option<&str>) -> String {
    value.map_or("missing".to_string(), |v| format!("\"{v}\""))
}

fn basic_reason(
    selector: &EventSelector,
    event: &EventRecord<'_>,
    category: Category,
    result: Result<(), Miss>,
) -> (String, Option<&'static str>) {
    let read_only = event.field(Field::ReadOnly);
    match result {
        Ok(()) if category == Category::Data => ("a data resource matches the event's resource".into(), Some("D27")),
        Ok(()) => (
            format!(
                "management event (readOnly {}) fits ReadWriteType {:?}",
                shown(read_only),
                selector.read_write_type
            ),
            None,
        ),
        Err(Miss::ManagementExcluded) => ("management event, but IncludeManagementEvents is false".into(), None),
        Err(Miss::ReadWrite) => {
            let wants = if selector.read_write_type == ReadWriteType::ReadOnly { "read-only" } else { "write" };
            let decision = read_only.is_none().then_some("D27");
            (
                format!(
                    "readOnly is {}; ReadWriteType {:?} logs only {wants} events",
                    shown(read_only),
                    selector.read_write_type
                ),
                decision,
            )
        }
        Err(Miss::SourceExcluded) => (
            format!("eventSource {} is in ExcludeManagementEventSources", shown(event.field(Field::EventSource))),
            None,
        ),
        Err(Miss::NoDataResource) => {
            (format!("no DataResources value matches the event's resources ({})", resources_text(event)), Some("D27"))
        }
        Err(Miss::CategoryNotSelectable) if category == Category::Insight => {
            ("Insight events come from insight selectors, not event selectors".into(), None)
        }
        Err(_) => (format!("{} events are never logged by basic event selectors", category.as_str()), None),
    }
}

fn resources_text(event: &EventRecord<'_>) -> String {
    if event.resources().is_empty() {
        return "none".into();
    }
    let list: Vec<String> = event
        .resources()
        .iter()
        .map(|r| format!("{} {}", r.resource_type.as_deref().unwrap_or("?"), r.arn().unwrap_or("(no ARN)")))
        .collect();
    list.join(", ")
}

/// The values a field has in the event, as text.
/// The event's value of the field named `name`, as the explanation shows it; `None` when the
/// record lacks it (or selectors know no such field).
fn field_value(name: &str, event: &EventRecord<'_>) -> Option<String> {
    let field = Field::parse(name)?;
    if !field.per_resource() {
        return event.field(field).map(|v| format!("\"{v}\""));
    }
    let resources = event.resources();
    let value = |r: &super::event::Resource<'_>| {
        if field == Field::ResourcesType {
            shown(r.resource_type.as_deref())
        } else {
            shown(r.arn())
        }
    };
    (!resources.is_empty()).then(|| format!("[{}]", resources.iter().map(value).collect::<Vec<_>>().join(", ")))
}

fn operators_text(field: &AdvancedFieldSelector, select: bool) -> String {
    let parts: Vec<String> = Operator::ALL
        .iter()
        .filter(|op| op.is_select() == select)
        .filter_map(|op| field.values(*op).map(|v| format!("{} {:?}", op.as_str(), v)))
        .collect();
    parts.join(" or ")
}

fn advanced_reason(
    fields: &[AdvancedFieldSelector],
    event: &EventRecord<'_>,
    result: Result<(), Miss>,
) -> (Option<usize>, String, Option<&'static str>) {
    match result {
        Ok(()) => (None, format!("all {} field selectors hold", fields.len()), None),
        Err(Miss::Field { index, excluded }) => {
            let field = &fields[index];
            let name = field.field.as_str();
            let decision = match name {
                // The ARN read from a lowercase `arn` key rests on its own decision.
                "resources.ARN" if event.resources().iter().any(|r| r.arn.is_none() && r.arn_lowercase.is_some()) => {
                    Some("D31")
                }
                "resources.type" | "resources.ARN" => Some("D25"),
                "readOnly" | "sessionCredentialFromConsole" => Some("D24"),
                "eventCategory" if event.category_is_derived() => Some("D26"),
                _ => None,
            };
            let reason = match (field_value(name, event), excluded) {
                (None, _) => {
                    return (
                        Some(index),
                        format!(
                            "{name} is missing from the record, and {} does not match a missing field",
                            operators_text(field, true)
                        ),
                        Some("D23"),
                    )
                }
                (Some(v), true) => format!("{name} is {v}; {} excludes it", operators_text(field, false)),
                (Some(v), false) => format!("{name} is {v}; {} does not select it", operators_text(field, true)),
            };
            (Some(index), reason, decision)
        }
        Err(_) => (None, format!("{} events are never logged by event selectors", event.category().as_str()), None),
    }
}
