//! Completion for the request editor (issue 12 §4), from the same facts the validator uses:
//! member names from the service model's shapes (spec §1.1-§1.4), fields, operators and values
//! per event category from the field table (spec §4.1; decisions D14, D17), `ReadWriteType`
//! values (spec §1.2), basic resource types (spec §1.3), excludable sources (spec §1.2).

mod scan;

use crate::catalog::{Category, Field, BASIC_RESOURCE_TYPES, EXCLUDABLE_MANAGEMENT_EVENT_SOURCES};
use crate::check::rules::fields::{category_of, rules_for, FieldRule};
use crate::request::client::{Shape, PUT_EVENT_SELECTORS_REQUEST};
use crate::request::model::{Operator, ReadWriteType};
use scan::{place, Place, Role, Step};
use serde::Serialize;

/// What may be written at the cursor: the byte range to replace and the candidates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Completions {
    pub from: usize,
    pub to: usize,
    pub items: Vec<Completion>,
}

/// One candidate: what the list shows, the JSON text inserted, and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Completion {
    pub label: String,
    pub apply: String,
    /// `property` (a member name), `field`, `operator` or `value`.
    pub kind: &'static str,
}

/// The completions at byte `offset` of `text` (empty where nothing can be written): those
/// whose name starts with what was typed of the token, then those that contain it (ignoring
/// case).
pub fn complete(text: &str, offset: usize) -> Completions {
    let Some(place) = place(text, offset) else {
        return Completions { from: offset, to: offset, items: Vec::new() };
    };
    let items = match place.role {
        Role::Key => keys(text, &place),
        Role::Value => values(text, &place),
    };
    Completions { from: place.from, to: place.to, items: matching(items, &place.typed) }
}

fn matching(items: Vec<Completion>, typed: &str) -> Vec<Completion> {
    let typed = typed.to_lowercase();
    let (mut starts, contains): (Vec<Completion>, Vec<Completion>) = items
        .into_iter()
        .filter(|c| c.label.to_lowercase().contains(&typed))
        .partition(|c| c.label.to_lowercase().starts_with(&typed));
    starts.extend(contains);
    starts
}

fn quoted(kind: &'static str) -> impl Fn(&str) -> Completion {
    move |label| Completion { label: label.to_string(), apply: serde_json::to_string(label).unwrap_or_default(), kind }
}

/// The shape at `path` in a `PutEventSelectors` request.
fn shape_at(path: &[Step]) -> Option<&'static Shape> {
    static REQUEST: Shape = Shape::Structure(&PUT_EVENT_SELECTORS_REQUEST);
    let mut shape = &REQUEST;
    for step in path {
        shape = match (shape, step) {
            (Shape::Structure(s), Step::Key(k)) => s.member(k)?,
            (Shape::List(item, _), Step::Index(_)) => item,
            (Shape::Structure(_) | Shape::List(..) | Shape::String(_) | Shape::Boolean, _) => return None,
        };
    }
    Some(shape)
}

/// Member names of the object the cursor is in; in a field selector, the operators the field
/// allows in the selector's category.
fn keys(text: &str, place: &Place) -> Vec<Completion> {
    let Some(Shape::Structure(s)) = shape_at(&place.path) else {
        return Vec::new();
    };
    let written = |name: &str| place.siblings.iter().any(|(k, _)| k == name);
    let names = s.members.iter().map(|(n, _)| *n).filter(|n| !written(n));
    if !in_field_selector(&place.path) {
        return names.map(quoted("property")).collect();
    }
    let allowed = field_rule(text, place).map(|(_, rule)| rule.operators);
    let operator = Operator::parse;
    names
        .filter(|n| match (operator(n), allowed) {
            (Some(op), Some(ops)) => ops.allows(op),
            (Some(_) | None, _) => true,
        })
        .map(|n| quoted(if operator(n).is_some() { "operator" } else { "property" })(n))
        .collect()
}

fn values(text: &str, place: &Place) -> Vec<Completion> {
    let value = quoted("value");
    match shape_at(&place.path) {
        Some(Shape::Boolean) => {
            return ["true", "false"].map(|b| Completion { label: b.into(), apply: b.into(), kind: "value" }).into()
        }
        Some(Shape::String(_)) => {}
        Some(Shape::Structure(_) | Shape::List(..)) | None => return Vec::new(),
    }
    let key_at = |back: usize| match place.path.len().checked_sub(back).and_then(|i| place.path.get(i)) {
        Some(Step::Key(k)) => k.as_str(),
        Some(Step::Index(_)) | None => "",
    };
    match (key_at(1), key_at(2)) {
        ("ReadWriteType", _) => ReadWriteType::NAMES.map(value).into(),
        ("Type", _) => BASIC_RESOURCE_TYPES.map(value).into(),
        (_, "ExcludeManagementEventSources") => EXCLUDABLE_MANAGEMENT_EVENT_SOURCES.map(value).into(),
        ("Field", _) => fields(text, place),
        (_, op) if Operator::parse(op).is_some() => operator_values(text, place),
        _ => Vec::new(),
    }
}

/// Whether the cursor's object is a field selector (`AdvancedEventSelectors/i/FieldSelectors/j`).
fn in_field_selector(path: &[Step]) -> bool {
    matches!(path, [Step::Key(a), Step::Index(_), Step::Key(f), Step::Index(_), ..] if a == "AdvancedEventSelectors" && f == "FieldSelectors")
}

/// The event category of the advanced selector the cursor is in, when the text parses (with
/// the member being named completed by a placeholder, so that `{"Field": "x", "|"}` parses).
fn category(text: &str, place: &Place) -> Option<Category> {
    let [Step::Key(_), Step::Index(i), ..] = place.path.as_slice() else {
        return None;
    };
    let root = crate::json::parse(text).ok().or_else(|| {
        let patched = format!("{}\"_\": 0{}", text.get(..place.from)?, text.get(place.to..)?);
        crate::json::parse(&patched).ok().filter(|_| place.role == Role::Key)
    })?;
    let read = crate::request::input::read(&root, "", &mut crate::diagnostics::Problems::default());
    let (_, request) = read?;
    category_of(request.advanced_event_selectors().get(*i)?)
}

fn fields(text: &str, place: &Place) -> Vec<Completion> {
    let field = quoted("field");
    match category(text, place) {
        Some(c) => {
            std::iter::once("eventCategory").chain(rules_for(c).iter().map(|r| r.field.name())).map(field).collect()
        }
        None => Field::ALL.iter().map(|f| f.name()).map(field).collect(),
    }
}

/// The field selector's `Field` (written before the cursor) and its rule in the category.
fn field_rule(text: &str, place: &Place) -> Option<(Field, &'static FieldRule)> {
    let name = place.siblings.iter().find(|(k, _)| k == "Field").map(|(_, v)| v.as_str())?;
    let field = Field::parse(name)?;
    let rule = rules_for(category(text, place)?).iter().find(|r| r.field == field)?;
    Some((field, rule))
}

fn operator_values(text: &str, place: &Place) -> Vec<Completion> {
    let value = quoted("value");
    let field = place.siblings.iter().find(|(k, _)| k == "Field").map(|(_, v)| v.as_str());
    if field == Some("eventCategory") {
        return Category::SELECTABLE_NAMES.map(value).into();
    }
    field_rule(text, place)
        .map(|(_, rule)| rule.values.candidates().into_iter().map(value).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
