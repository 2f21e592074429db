//! The request as written, with the place of every value: the input of the service-side
//! rules. Decoding is lenient: a member of the wrong JSON type is left out here (the client
//! stage has already reported it), so the rules judge everything else.

use crate::diagnostics::child_pointer;
#[cfg(feature = "iac")]
use crate::diagnostics::path::Path;
use crate::request::model::Operator;
use crate::source::json::{Node, Value};
use crate::source::span::Span;

/// A value with its JSON pointer and source span.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub pointer: String,
    pub span: Span,
}

pub type LocatedString = Located<String>;
/// A list with its own place and each element's place.
pub type LocatedList<T> = Located<Vec<T>>;

#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub trail_name: Option<LocatedString>,
    pub event_selectors: Option<LocatedList<EventSelector>>,
    pub advanced_event_selectors: Option<LocatedList<AdvancedEventSelector>>,
    /// The whole document.
    pub span: Span,
    /// Where the document holds values nobody can know before deployment (decisions D45).
    pub unknowns: Unknowns,
}

/// The pointers of the document's unknown values, and how each is written. Decoding leaves an
/// unknown out as if absent (a template whose every hole has an example is judged by that
/// example instead); a rule for which absence means an error asks [`Unknowns::under`] first,
/// so that an unknown never causes one (decisions D45). Without the `iac` feature no document
/// has any, and the checks compile to nothing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Unknowns {
    #[cfg(feature = "iac")]
    found: Vec<(String, String)>,
}

impl Unknowns {
    /// True when an unknown is at `pointer` or inside the value there.
    #[cfg(feature = "iac")]
    pub fn under(&self, pointer: &str) -> bool {
        self.found
            .iter()
            .any(|(p, _)| p.strip_prefix(pointer).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')))
    }

    #[cfg(not(feature = "iac"))]
    #[inline(always)]
    pub fn under(&self, _pointer: &str) -> bool {
        false
    }

    /// [`Unknowns::under`] the member `key` of the value at `parent` (the pointer is only
    /// built with the `iac` feature, so that the page's build pays nothing).
    #[cfg(feature = "iac")]
    pub fn under_child(&self, parent: &str, key: &str) -> bool {
        self.under(&child_pointer(parent, key))
    }

    #[cfg(not(feature = "iac"))]
    #[inline(always)]
    pub fn under_child(&self, _parent: &str, _key: &str) -> bool {
        false
    }

    /// How the unknown at exactly `pointer` is written.
    #[cfg(feature = "iac")]
    pub fn written_at(&self, pointer: &str) -> Option<&str> {
        self.found.iter().find(|(p, _)| p == pointer).map(|(_, w)| w.as_str())
    }

    /// The unknowns of the document `root` (each one that has no example).
    #[cfg(feature = "iac")]
    fn of(root: &Node) -> Self {
        let mut found = Vec::new();
        collect_unknowns(root, &Path::Root(""), &mut found);
        Unknowns { found }
    }

    #[cfg(not(feature = "iac"))]
    fn of(_root: &Node) -> Self {
        Unknowns {}
    }
}

#[cfg(feature = "iac")]
fn collect_unknowns(node: &Node, path: &Path<'_>, out: &mut Vec<(String, String)>) {
    match &node.value {
        Value::Unknown(u) if u.example().is_none() => out.push((path.pointer(), u.written.clone())),
        Value::Object(members) => {
            for m in members {
                collect_unknowns(&m.value, &Path::Key(path, &m.key), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_unknowns(item, &Path::Index(path, i), out);
            }
        }
        Value::Unknown(_) | Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventSelector {
    pub pointer: String,
    pub span: Span,
    pub read_write_type: Option<LocatedString>,
    pub include_management_events: Option<Located<bool>>,
    pub data_resources: Option<LocatedList<DataResource>>,
    pub exclude_management_event_sources: Option<LocatedList<LocatedString>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DataResource {
    pub pointer: String,
    pub span: Span,
    pub resource_type: Option<LocatedString>,
    pub values: Option<LocatedList<LocatedString>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AdvancedEventSelector {
    pub pointer: String,
    pub span: Span,
    pub name: Option<LocatedString>,
    pub field_selectors: Option<LocatedList<AdvancedFieldSelector>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AdvancedFieldSelector {
    pub pointer: String,
    pub span: Span,
    pub field: Option<LocatedString>,
    pub conditions: Vec<Condition>,
}

/// One operator of a field selector and its values, e.g. `"Equals": ["Data"]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub operator: Operator,
    pub pointer: String,
    /// The operator's member name.
    pub key_span: Span,
    /// The value list.
    pub span: Span,
    pub values: Vec<LocatedString>,
}

impl AdvancedFieldSelector {
    pub fn field_name(&self) -> Option<&str> {
        self.field.as_ref().map(|f| f.value.as_str())
    }

    /// The field it names, when selectors know the name.
    pub fn known_field(&self) -> Option<crate::catalog::Field> {
        self.field_name().and_then(crate::catalog::Field::parse)
    }

    /// Where to point at the field selector as a whole: its `Field` value, else the object.
    pub fn anchor(&self) -> (&str, Span) {
        match &self.field {
            Some(f) => (&f.pointer, f.span),
            None => (&self.pointer, self.span.first_byte()),
        }
    }
}

impl AdvancedEventSelector {
    pub fn field_selectors(&self) -> &[AdvancedFieldSelector] {
        self.field_selectors.as_ref().map_or(&[], |l| &l.value)
    }
}

impl EventSelector {
    pub fn data_resources(&self) -> &[DataResource] {
        self.data_resources.as_ref().map_or(&[], |l| &l.value)
    }
}

impl DataResource {
    pub fn values(&self) -> &[LocatedString] {
        self.values.as_ref().map_or(&[], |l| &l.value)
    }
}

impl Request {
    pub fn event_selectors(&self) -> &[EventSelector] {
        self.event_selectors.as_ref().map_or(&[], |l| &l.value)
    }

    pub fn advanced_event_selectors(&self) -> &[AdvancedEventSelector] {
        self.advanced_event_selectors.as_ref().map_or(&[], |l| &l.value)
    }
}

/// Decoding helpers over one JSON object.
struct Object<'a> {
    node: &'a Node,
    pointer: &'a str,
}

impl<'a> Object<'a> {
    fn member(&self, key: &str) -> Option<(&'a Node, String)> {
        self.node.get(key).map(|m| (&m.value, child_pointer(self.pointer, key)))
    }

    fn string(&self, key: &str) -> Option<LocatedString> {
        self.member(key).and_then(|(node, pointer)| string(node, pointer))
    }

    fn boolean(&self, key: &str) -> Option<Located<bool>> {
        let (node, pointer) = self.member(key)?;
        match node.value {
            Value::Bool(b) => Some(Located { value: b, pointer, span: node.span }),
            Value::Null | Value::Number(_) | Value::String(_) | Value::Array(_) | Value::Object(_) => None,
            #[cfg(feature = "iac")]
            Value::Unknown(_) => None,
        }
    }

    fn list<T>(&self, key: &str, item: impl Fn(&'a Node, String) -> Option<T>) -> Option<LocatedList<T>> {
        let (node, pointer) = self.member(key)?;
        list(node, pointer, item)
    }
}

fn string(node: &Node, pointer: String) -> Option<LocatedString> {
    // A template whose every hole has an example is judged by the example (decisions D45).
    #[cfg(feature = "iac")]
    if let Value::Unknown(u) = &node.value {
        return u.example().map(|value| Located { value, pointer, span: node.span });
    }
    node.as_str().map(|s| Located { value: s.to_string(), pointer, span: node.span })
}

fn list<'a, T>(
    node: &'a Node,
    pointer: String,
    item: impl Fn(&'a Node, String) -> Option<T>,
) -> Option<LocatedList<T>> {
    let Value::Array(items) = &node.value else {
        return None;
    };
    let value = items.iter().enumerate().filter_map(|(i, n)| item(n, child_pointer(&pointer, i))).collect();
    Some(Located { value, pointer, span: node.span })
}

fn is_object(node: &Node) -> Option<()> {
    matches!(node.value, Value::Object(_)).then_some(())
}

pub fn event_selector(node: &Node, pointer: String) -> Option<EventSelector> {
    is_object(node)?;
    let o = Object { node, pointer: &pointer };
    Some(EventSelector {
        read_write_type: o.string("ReadWriteType"),
        include_management_events: o.boolean("IncludeManagementEvents"),
        data_resources: o.list("DataResources", data_resource),
        exclude_management_event_sources: o.list("ExcludeManagementEventSources", string),
        span: node.span,
        pointer: pointer.clone(),
    })
}

fn data_resource(node: &Node, pointer: String) -> Option<DataResource> {
    is_object(node)?;
    let o = Object { node, pointer: &pointer };
    Some(DataResource {
        resource_type: o.string("Type"),
        values: o.list("Values", string),
        span: node.span,
        pointer: pointer.clone(),
    })
}

pub fn advanced_event_selector(node: &Node, pointer: String) -> Option<AdvancedEventSelector> {
    is_object(node)?;
    let o = Object { node, pointer: &pointer };
    Some(AdvancedEventSelector {
        name: o.string("Name"),
        field_selectors: o.list("FieldSelectors", field_selector),
        span: node.span,
        pointer: pointer.clone(),
    })
}

fn field_selector(node: &Node, pointer: String) -> Option<AdvancedFieldSelector> {
    let Value::Object(members) = &node.value else {
        return None;
    };
    let o = Object { node, pointer: &pointer };
    // Of duplicate operator keys only the last counts, as JSON readers (and so CloudTrail) and
    // the stored form read them; the DuplicateKey warning points at the others (review B8).
    // The last member of each operator (six at most), found in one pass over the members.
    let mut last: Vec<(Operator, usize)> = Vec::new();
    for (i, operator) in members.iter().enumerate().filter_map(|(i, m)| Some((i, Operator::parse(&m.key)?))) {
        match last.iter_mut().find(|(op, _)| *op == operator) {
            Some(entry) => entry.1 = i,
            None => last.push((operator, i)),
        }
    }
    // In the members' order (a walk, not a sort: sorting code costs the page 2-3 KB).
    let conditions = (0..members.len())
        .filter_map(|i| last.iter().find(|(_, j)| *j == i).copied())
        .filter_map(|(operator, i)| {
            let m = &members[i];
            let located = list(&m.value, child_pointer(&pointer, &m.key), string)?;
            Some(Condition {
                operator,
                pointer: located.pointer,
                key_span: m.key_span,
                span: located.span,
                values: located.value,
            })
        })
        .collect();
    Some(AdvancedFieldSelector { field: o.string("Field"), conditions, span: node.span, pointer: pointer.clone() })
}

/// Decodes the members of a request-shaped object; `name_key` is `TrailName` or `TrailARN`.
pub fn request(node: &Node, name_key: &str) -> Request {
    let o = Object { node, pointer: "" };
    Request {
        trail_name: o.string(name_key),
        event_selectors: o.list("EventSelectors", event_selector),
        advanced_event_selectors: o.list("AdvancedEventSelectors", advanced_event_selector),
        span: node.span,
        unknowns: Unknowns::of(node),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::service::{put_event_selectors, Outcome};
    use crate::diagnostics::Code;

    /// A field selector whose `Equals` appears twice: `first` values, then `second`.
    fn duplicated_equals(first: usize, second: usize) -> String {
        let values = |n: usize, tag: &str| (0..n).map(|i| format!("\"{tag}{i}\"")).collect::<Vec<_>>().join(",");
        format!(
            r#"{{"TrailName": "t-trail", "AdvancedEventSelectors": [{{"FieldSelectors": [
                {{"Field": "eventCategory", "Equals": ["Data"]}},
                {{"Field": "resources.type", "Equals": ["AWS::S3::Object"]}},
                {{"Field": "eventName", "Equals": [{}], "Equals": [{}]}}]}}]}}"#,
            values(first, "First"),
            values(second, "Second")
        )
    }

    #[test]
    fn only_the_last_of_duplicate_operator_keys_is_judged() {
        let evaluation = put_event_selectors(&duplicated_equals(501, 1), None);
        let Outcome::Response(response) = &evaluation.outcome else {
            panic!("the ignored first list was judged: {:?}", evaluation.outcome);
        };
        let stored = serde_json::to_string(&response.selectors).unwrap();
        assert!(stored.contains("Second0") && !stored.contains("First0"), "{stored}");
        assert!(evaluation.diagnostics.iter().any(|d| d.code == Code::DuplicateKey));
    }

    #[test]
    fn the_last_duplicate_list_still_counts_toward_the_limit() {
        let evaluation = put_event_selectors(&duplicated_equals(1, 501), None);
        assert!(
            matches!(&evaluation.outcome, Outcome::Error(e) if e.error_type == Code::InvalidEventSelectorsException)
        );
    }
}
