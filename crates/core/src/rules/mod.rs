//! Service-side rules, one per file. Each rule reads the located request and appends
//! diagnostics; none stops at the first problem. Every rule cites the spec section (and the
//! trailscope decision, where AWS documents nothing) that it implements.

mod advanced_lengths;
mod advanced_value_count;
mod all_data_events;
mod arn_equals_prefix;
mod arn_format_mismatch;
mod basic_logs_nothing;
mod basic_selector_count;
mod category_fields;
mod data_resource_count;
mod data_resource_type;
mod data_resource_values;
mod duplicate_field;
mod duplicate_values;
mod event_category;
mod exclude_management_event_sources;
mod management_or_data;
mod never_matches;
mod no_operator;
mod read_write_type;
mod s3_bucket_without_slash;
mod selector_lists;
mod trail_arn;
mod trail_name;
mod wildcard_in_value;

pub mod fields;

use crate::diagnostic::{Code, Diagnostic};
use crate::span::Span;
use crate::syntax::{LocatedString, Request};

/// A rule: reads the request, appends what it finds.
pub type Rule = fn(&Request, &mut Vec<Diagnostic>);

/// Trail name or ARN (spec §3; decisions D5).
pub const NAME_RULES: &[(&str, Rule)] = &[("trail_name", trail_name::check), ("trail_arn", trail_arn::check)];

/// Selector rules (spec §1.2–§4.2; decisions D1–D17).
pub const SELECTOR_RULES: &[(&str, Rule)] = &[
    ("selector_lists", selector_lists::check),
    ("basic_selector_count", basic_selector_count::check),
    ("read_write_type", read_write_type::check),
    ("data_resource_type", data_resource_type::check),
    ("data_resource_values", data_resource_values::check),
    ("data_resource_count", data_resource_count::check),
    ("exclude_management_event_sources", exclude_management_event_sources::check),
    ("management_or_data", management_or_data::check),
    ("advanced_value_count", advanced_value_count::check),
    ("advanced_lengths", advanced_lengths::check),
    ("event_category", event_category::check),
    ("duplicate_field", duplicate_field::check),
    ("no_operator", no_operator::check),
    ("category_fields", category_fields::check),
];

/// Warnings for legal input that is probably not meant (decisions D11, D12, D18).
pub const LINT_RULES: &[(&str, Rule)] = &[
    ("basic_logs_nothing", basic_logs_nothing::check),
    ("wildcard_in_value", wildcard_in_value::check),
    ("arn_equals_prefix", arn_equals_prefix::check),
    ("s3_bucket_without_slash", s3_bucket_without_slash::check),
    ("duplicate_values", duplicate_values::check),
    ("never_matches", never_matches::check),
    ("arn_format_mismatch", arn_format_mismatch::check),
    ("all_data_events", all_data_events::check),
];

/// Runs `rules` over `request`.
pub fn run(rules: &[(&str, Rule)], request: &Request, out: &mut Vec<Diagnostic>) {
    for (_, rule) in rules {
        rule(request, out);
    }
}

/// An `InvalidEventSelectorsException` diagnostic, the only selector-content error
/// PutEventSelectors declares (spec §2).
fn invalid_selectors(message: impl Into<String>, pointer: &str, span: Span) -> Diagnostic {
    Diagnostic::new(Code::InvalidEventSelectorsException, message, pointer, span)
}

/// A trail name or ARN diagnostic (decisions D5 decides which of the two applies).
fn invalid_name(code: Code, message: impl Into<String>, pointer: &str, span: Span) -> Diagnostic {
    Diagnostic::new(code, message, pointer, span).decision("D5")
}

/// The span of bytes `start..end` of `s.value` inside the source, when the string was written
/// without escapes (so value bytes and source bytes line up); else the whole string.
fn sub_span(s: &LocatedString, start: usize, end: usize) -> Span {
    let unescaped = s.span.end - s.span.start == s.value.len() + 2;
    if unescaped && start <= end && end <= s.value.len() {
        Span::new(s.span.start + 1 + start, s.span.start + 1 + end)
    } else {
        s.span
    }
}

/// A JSON string literal of `text`, for fixes.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::diagnostic::Diagnostic;
    use crate::input;
    use crate::json::parse;

    /// Runs one rule on `text` (a request) and returns (code, pointer, message) triples.
    pub fn run_rule(rule: super::Rule, text: &str) -> Vec<Diagnostic> {
        let root = parse(text).expect("test input is JSON");
        let (read, _) = input::read(&root, "ctx-trail");
        let mut out = Vec::new();
        rule(&read.expect("a request").1, &mut out);
        out
    }

    pub fn pointers(diagnostics: &[Diagnostic]) -> Vec<&str> {
        diagnostics.iter().map(|d| d.pointer.as_str()).collect()
    }
}
