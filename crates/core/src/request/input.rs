//! Recognises the shapes people paste (spec §1.1, §1.5) and runs the client-side checks on
//! them: a `PutEventSelectors` request (boto3 kwargs / `--cli-input-json`), a
//! `get-event-selectors` output (read as a request for the trail it names), or a bare array of
//! basic or advanced selectors (the trail name comes from the account context).

use crate::diagnostics::path::Path;
use crate::diagnostics::{child_pointer, Code, Diagnostic, Problems};
use crate::request::client::{
    self, Shape, ADVANCED_EVENT_SELECTOR, EVENT_SELECTOR, GET_EVENT_SELECTORS_OUTPUT, PUT_EVENT_SELECTORS_REQUEST,
};
use crate::request::located::{self, Located, LocatedList, Request};
use crate::source::json::{Node, Value};
use crate::source::span::Span;
use std::collections::HashMap;

/// What the text was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum InputForm {
    PutEventSelectorsRequest,
    GetEventSelectorsOutput,
    EventSelectorList,
    AdvancedEventSelectorList,
}

/// The request read from `root`; its client-side problems (and duplicate-key warnings) go to
/// `out`. `context_trail` names the trail for a bare selector list.
pub fn read(root: &Node, context_trail: &str, out: &mut Problems) -> Option<(InputForm, Request)> {
    out.next_emitter();
    duplicate_keys(root, out);
    out.next_emitter();
    match &root.value {
        Value::Object(_) if root.get("TrailARN").is_some() && root.get("TrailName").is_none() => {
            client::validate(root, &Shape::Structure(&GET_EVENT_SELECTORS_OUTPUT), "", out);
            let request = located::request(root, "TrailARN");
            Some((InputForm::GetEventSelectorsOutput, request))
        }
        Value::Object(_) => {
            client::validate(root, &Shape::Structure(&PUT_EVENT_SELECTORS_REQUEST), "", out);
            let request = located::request(root, "TrailName");
            Some((InputForm::PutEventSelectorsRequest, request))
        }
        Value::Array(items) => Some(selector_list(root, items, context_trail, out)),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {
            out.push(|| unrecognized(root));
            None
        }
        #[cfg(feature = "iac")]
        Value::Unknown(_) => {
            out.push(|| unrecognized(root));
            None
        }
    }
}

fn selector_list(root: &Node, items: &[Node], context_trail: &str, out: &mut Problems) -> (InputForm, Request) {
    let advanced = items.iter().any(|n| n.get("FieldSelectors").is_some() || n.get("Name").is_some());
    let mut request = Request {
        trail_name: Some(Located {
            value: context_trail.to_string(),
            pointer: String::new(),
            span: root.span.first_byte(),
        }),
        event_selectors: None,
        advanced_event_selectors: None,
        span: root.span,
        unknowns: Default::default(),
    };
    let pointers = || (0..items.len()).map(|i| child_pointer("", i));
    if advanced {
        client::validate(root, &Shape::List(&ADVANCED_SHAPE, 0), "AdvancedEventSelectors", out);
        let selectors = items.iter().zip(pointers()).filter_map(|(n, p)| located::advanced_event_selector(n, p));
        request.advanced_event_selectors = whole(selectors.collect(), root.span);
        (InputForm::AdvancedEventSelectorList, request)
    } else {
        client::validate(root, &Shape::List(&BASIC_SHAPE, 0), "EventSelectors", out);
        let selectors = items.iter().zip(pointers()).filter_map(|(n, p)| located::event_selector(n, p));
        request.event_selectors = whole(selectors.collect(), root.span);
        (InputForm::EventSelectorList, request)
    }
}

/// A list that is the whole document.
fn whole<T>(value: Vec<T>, span: Span) -> Option<LocatedList<T>> {
    Some(Located { value, pointer: String::new(), span })
}

static BASIC_SHAPE: Shape = Shape::Structure(&EVENT_SELECTOR);
static ADVANCED_SHAPE: Shape = Shape::Structure(&ADVANCED_EVENT_SELECTOR);

fn unrecognized(root: &Node) -> Diagnostic {
    Diagnostic::new(
        Code::UnrecognizedInput,
        format!(
            "expected a PutEventSelectors request object, a get-event-selectors output or an array of selectors, found {}",
            root.type_name()
        ),
        "",
        root.span,
    )
    .help("start from a sample, e.g. {\"TrailName\": \"my-trail\", \"EventSelectors\": [{\"ReadWriteType\": \"All\"}]}")
    .spec("§1.1")
}

/// JSON readers keep the last of duplicate members; the earlier ones are silently lost.
fn duplicate_keys(root: &Node, out: &mut Problems) {
    duplicates_under(root, &Path::Root(""), out);
}

/// Objects with at most this many members are checked pairwise, without a map.
const SCANNED_MEMBERS: usize = 8;

fn duplicates_under(node: &Node, path: &Path<'_>, out: &mut Problems) {
    match &node.value {
        Value::Object(members) => {
            // Each key's last position, so that telling an earlier duplicate stays linear in
            // the members (a 4 MiB object has hundreds of thousands); a small object is scanned.
            let last: Option<HashMap<&str, usize>> = (members.len() > SCANNED_MEMBERS)
                .then(|| members.iter().enumerate().map(|(i, m)| (m.key.as_str(), i)).collect());
            for (i, member) in members.iter().enumerate() {
                let path = Path::Key(path, &member.key);
                let repeated = match &last {
                    Some(last) => last.get(member.key.as_str()).is_some_and(|&j| j != i),
                    None => members[i + 1..].iter().any(|later| later.key == member.key),
                };
                if repeated {
                    out.push(|| duplicate_key(&member.key, &path.pointer(), member.key_span));
                }
                duplicates_under(&member.value, &path, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                duplicates_under(item, &Path::Index(path, i), out);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
        #[cfg(feature = "iac")]
        Value::Unknown(_) => {}
    }
}

fn duplicate_key(key: &str, pointer: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::DuplicateKey,
        format!(
            "\"{key}\" appears again later in this object; JSON readers keep only the last one, so this one is ignored"
        ),
        pointer,
        span,
    )
    .help("merge the two members or delete one")
    .spec("§1.6")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::json::parse;

    #[test]
    fn every_duplicate_but_the_last_is_reported_at_any_depth() {
        let node = parse(r#"{"a": 1, "b": {"c": 1, "c": 2}, "a": 2, "a": 3, "d": [{"e": 1, "e": 1}]}"#).unwrap();
        let mut out = Problems::default();
        duplicate_keys(&node, &mut out);
        let pointers: Vec<&str> = out.built().iter().map(|d| d.pointer.as_str()).collect();
        assert_eq!(pointers, ["/a", "/b/c", "/a", "/d/0/e"]);
        // Past SCANNED_MEMBERS, through the map: the same answer.
        let many: Vec<String> = (0..20).map(|i| format!(r#""k{}": {{"x~/": 1, "x~/": 2}}"#, i % 7)).collect();
        let node = parse(&format!("{{{}}}", many.join(", "))).unwrap();
        let mut out = Problems::default();
        duplicate_keys(&node, &mut out);
        let out = out.built();
        assert_eq!(out.len(), 13 + 20, "13 earlier keys, and one in each of the 20 values");
        assert_eq!(out[0].pointer, "/k0");
        assert_eq!(out[1].pointer, "/k0/x~0~1");
        assert!(out.iter().all(|d| d.code == Code::DuplicateKey));
    }
}
