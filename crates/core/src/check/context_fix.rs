//! The fix for `TrailNotFoundException` (issue 12 §4): the named trail added to the account
//! context, as an insertion into the context's own text (its `trails` array, or a new `trails`
//! member), so that the user's formatting and other trails stay as they wrote them.

use crate::catalog::arn;
use crate::check::context::AccountContext;
use crate::diagnostics::report::{FixTarget, FlatDiagnostic, FlatEdit, FlatFix, Offsets};
use crate::diagnostics::{Code, Edit};
use crate::source::json::{self, Node, Value};
use crate::source::span::Span;

/// Gives each `TrailNotFoundException` of a report the fix that adds its trail to the context
/// (`context_text`, which `context` was read from). The trail's name is the request's value at
/// the diagnostic's span.
pub fn attach(
    request: &str,
    context_text: &str,
    context: &AccountContext,
    diagnostics: &mut [FlatDiagnostic],
    offsets: Offsets,
) {
    for d in diagnostics.iter_mut().filter(|d| d.code == Code::TrailNotFoundException) {
        let name = request.get(d.start..d.end).and_then(|s| serde_json::from_str::<String>(s).ok());
        let Some(edit) = name.as_deref().and_then(|name| add_trail(context_text, context, name)) else {
            continue;
        };
        let utf16 = (offsets == Offsets::BytesAndUtf16)
            .then(|| context_text.get(..edit.span.start).map(|s| s.encode_utf16().count()))
            .flatten();
        let at = FlatEdit { start: edit.span.start, end: edit.span.end, from: utf16, to: utf16, text: edit.text };
        let title = format!("Add \"{}\" to the account context", name.unwrap_or_default());
        d.fixes.push(FlatFix { title, target: FixTarget::Context, edits: vec![at] });
    }
}

/// The edit that adds a trail named `name` (a name, or a trail ARN) to `context_text`, which
/// `context` was read from: a single-account trail in the context's account and Region, or in
/// the ARN's. None when the text is not a JSON object.
pub fn add_trail(context_text: &str, context: &AccountContext, name: &str) -> Option<Edit> {
    let root = json::parse(context_text).ok()?;
    let Value::Object(members) = &root.value else {
        return None;
    };
    let entry = trail_entry(context, name);
    let edit = match root.get("trails").map(|m| &m.value) {
        Some(Node { value: Value::Array(items), span }) => match items.last() {
            Some(last) => insert(last.span.end, format!(",\n    {entry}")),
            None => insert(span.start + 1, format!("\n    {entry}\n  ")),
        },
        // A `trails` that is not an array is a context error: no lookup ran, no fix is asked.
        Some(_) => return None,
        None => match members.last() {
            Some(last) => insert(last.value.span.end, format!(",\n  \"trails\": [\n    {entry}\n  ]")),
            None => insert(root.span.start + 1, format!("\n  \"trails\": [\n    {entry}\n  ]\n")),
        },
    };
    Some(edit)
}

fn insert(at: usize, text: String) -> Edit {
    Edit { span: Span::new(at, at), text }
}

/// One trail as the context format writes it (spec: the account-context format, README).
fn trail_entry(context: &AccountContext, name: &str) -> String {
    let (name, region, account) = match arn::split(name) {
        Some(a) => (a.resource.strip_prefix("trail/").unwrap_or(a.resource), a.region, a.account),
        None => (name, context.region.as_str(), context.account.as_str()),
    };
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
    format!(
        "{{ \"name\": {}, \"homeRegion\": {}, \"account\": {}, \"isOrganizationTrail\": false, \"status\": \"ok\" }}",
        quoted(name),
        quoted(region),
        quoted(account)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::put_event_selectors;
    use crate::Code;

    fn apply(text: &str, edit: &Edit) -> String {
        let mut out = text.to_string();
        out.replace_range(edit.span.start..edit.span.end, &edit.text);
        out
    }

    /// After the edit, the trail that was not found is found: the request is answered.
    fn fixes_the_lookup(context_text: &str, name: &str) {
        let request = format!(r#"{{"TrailName": {name:?}, "EventSelectors": [{{"ReadWriteType": "All"}}]}}"#);
        let context = AccountContext::from_json(context_text).unwrap();
        let before = put_event_selectors(&request, Some(&context));
        assert!(before.diagnostics.iter().any(|d| d.code == Code::TrailNotFoundException));
        let fixed = apply(context_text, &add_trail(context_text, &context, name).unwrap());
        let context = AccountContext::from_json(&fixed).unwrap_or_else(|e| panic!("{e:?}\n{fixed}"));
        let after = put_event_selectors(&request, Some(&context));
        assert!(after.diagnostics.iter().all(|d| !d.is_error()), "{:?}\n{fixed}", after.diagnostics);
    }

    #[test]
    fn adds_to_a_list_an_empty_list_or_no_list() {
        let with_trails = r#"{"account": "123456789012", "region": "eu-west-1", "trails": [{"name": "a-trail", "homeRegion": "eu-west-1"}]}"#;
        fixes_the_lookup(with_trails, "new-trail");
        fixes_the_lookup(r#"{"account": "123456789012", "region": "eu-west-1", "trails": []}"#, "new-trail");
        fixes_the_lookup(r#"{"account": "123456789012", "region": "eu-west-1"}"#, "new-trail");
    }

    #[test]
    fn the_report_offers_the_fix_on_the_context() {
        let context_text = r#"{"account": "123456789012", "region": "eu-west-1", "trails": []}"#;
        let request = r#"{"TrailName": "new-trail", "EventSelectors": []}"#;
        let report = crate::report::report(request, Some(context_text), Offsets::BytesAndUtf16);
        let fixes: Vec<&FlatFix> = report.diagnostics.iter().flat_map(|d| &d.fixes).collect();
        assert_eq!(fixes.len(), 1, "{:?}", report.diagnostics);
        assert_eq!(fixes[0].target, FixTarget::Context);
        assert_eq!(fixes[0].title, "Add \"new-trail\" to the account context");
        assert_eq!(fixes[0].edits[0].from, Some(context_text.len() - 2));
    }

    #[test]
    fn an_arn_gives_the_trail_its_region_and_account() {
        let arn = "arn:aws:cloudtrail:us-west-2:123456789012:trail/west";
        let context_text = r#"{"account": "123456789012", "region": "us-west-2", "trails": []}"#;
        let context = AccountContext::from_json(context_text).unwrap();
        let edit = add_trail(context_text, &context, arn).unwrap();
        assert!(edit.text.contains(r#""name": "west", "homeRegion": "us-west-2""#), "{}", edit.text);
        fixes_the_lookup(context_text, arn);
    }
}
