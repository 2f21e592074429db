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
mod empty_data_values;
mod event_category;
mod exclude_management_event_sources;
mod exclusion_without_management;
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

use crate::diagnostics::{Code, Diagnostic, Problems};
use crate::request::located::{LocatedString, Request};
use crate::source::span::Span;

/// A rule: reads the request, appends what it finds.
pub type Rule = fn(&Request, &mut Problems);

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
    ("empty_data_values", empty_data_values::check),
    ("exclusion_without_management", exclusion_without_management::check),
    ("wildcard_in_value", wildcard_in_value::check),
    ("arn_equals_prefix", arn_equals_prefix::check),
    ("s3_bucket_without_slash", s3_bucket_without_slash::check),
    ("duplicate_values", duplicate_values::check),
    ("never_matches", never_matches::check),
    ("arn_format_mismatch", arn_format_mismatch::check),
    ("all_data_events", all_data_events::check),
];

/// Runs `rules` over `request`, each an emitter with its own budget of built problems.
pub fn run(rules: &[(&str, Rule)], request: &Request, out: &mut Problems) {
    for (_, rule) in rules {
        out.next_emitter();
        rule(request, out);
    }
}

/// An `InvalidEventSelectorsException` diagnostic, the only selector-content error
/// PutEventSelectors declares (spec §2).
fn invalid_selectors(message: impl Into<String>, pointer: &str, span: Span) -> Diagnostic {
    Diagnostic::new(Code::InvalidEventSelectorsException, message, pointer, span)
}

/// A count over its limit (spec §4.2), reported at the first value past it with AWS's observed
/// message and trailscope's count in the help.
fn over_limit(first_over: &LocatedString, message: &str, help: String, decision: &'static str) -> Diagnostic {
    invalid_selectors(message, &first_over.pointer, first_over.span)
        .observed()
        .help(help)
        .spec("§4.2")
        .decision(decision)
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
    use crate::diagnostics::render::render;
    use crate::diagnostics::{Diagnostic, Edit, Problems};
    use crate::request::input;
    use crate::source::json::parse;
    use std::fmt::Write;

    /// Runs one rule on `text` (a request) and returns its diagnostics.
    pub fn run_rule(rule: super::Rule, text: &str) -> Vec<Diagnostic> {
        run_rule_counting(rule, text).0
    }

    /// Runs one rule on the first trail of an IaC file (`text`), whose values left to
    /// deployment are unknowns (decisions D45).
    #[cfg(feature = "iac")]
    pub fn run_rule_on_file(rule: super::Rule, text: &str) -> Vec<Diagnostic> {
        let Ok(crate::import::Imported::Trails(_, trails)) = crate::import::read(text) else {
            panic!("test input is an IaC file with a trail")
        };
        let read = input::read(&trails[0].document, "ctx-trail", &mut Problems::default());
        let mut out = Problems::default();
        rule(&read.expect("a request").1, &mut out);
        out.into_parts().0
    }

    /// Runs one rule on `text`: the problems it built, and how many more it only counted.
    pub fn run_rule_counting(rule: super::Rule, text: &str) -> (Vec<Diagnostic>, usize) {
        let root = parse(text).expect("test input is JSON");
        let read = input::read(&root, "ctx-trail", &mut Problems::default());
        let mut out = Problems::default();
        rule(&read.expect("a request").1, &mut out);
        let (built, counted) = out.into_parts();
        (built, counted.iter().sum())
    }

    pub fn pointers(diagnostics: &[Diagnostic]) -> Vec<&str> {
        diagnostics.iter().map(|d| d.pointer.as_str()).collect()
    }

    /// A rule's snapshot: for each case, the request, the rule's diagnostics as the CLI renders
    /// them, and the request after each fix.
    pub fn snapshot(rule: super::Rule, cases: &[Case<'_>]) -> String {
        let mut out = String::new();
        for (i, case) in cases.iter().enumerate() {
            let text = case.request;
            let diagnostics = run_rule(rule, text);
            let why = case.why.as_deref().map_or(String::new(), |w| format!(": {w}"));
            let _ = writeln!(out, "==================== case {}{why} ====================\n{text}\n", i + 1);
            if diagnostics.is_empty() {
                out.push_str("(no diagnostics)\n\n");
            }
            out.push_str(&render(text, "request.json", &diagnostics));
            for (n, d) in diagnostics.iter().enumerate() {
                for fix in &d.fixes {
                    let _ = writeln!(out, "---- after fix {} ({}):\n{}\n", n + 1, fix.title, apply(text, &fix.edits));
                }
            }
        }
        out
    }

    /// One snapshot case: a request as written in the cases file (its raw text, so that key
    /// order, spacing and spans are the file's), and what it shows when that is not obvious.
    #[derive(serde::Deserialize)]
    pub struct Case<'a> {
        pub why: Option<String>,
        #[serde(borrow, deserialize_with = "raw_text")]
        pub request: &'a str,
    }

    fn raw_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<&'de str, D::Error> {
        <&serde_json::value::RawValue as serde::Deserialize>::deserialize(deserializer).map(|raw| raw.get())
    }

    pub fn read_cases(text: &str) -> Vec<Case<'_>> {
        serde_json::from_str(text).expect("a cases file is a JSON array of {why?, request}")
    }

    /// `text` with `edits` applied, the last first so earlier spans stay valid.
    pub fn apply(text: &str, edits: &[Edit]) -> String {
        let mut edits: Vec<&Edit> = edits.iter().collect();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span));
        let mut out = text.to_string();
        for edit in edits {
            out.replace_range(edit.span.start..edit.span.end, &edit.text);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_support::{read_cases, run_rule, snapshot};

    /// Each rule with its snapshot cases, `cases/<rule>.json` beside the rules.
    macro_rules! snapshots {
        ($($rule:ident),+ $(,)?) => {
            &[$((stringify!($rule), $rule::check as Rule, include_str!(concat!("cases/", stringify!($rule), ".json")))),+]
        };
    }

    const SNAPSHOTS: &[(&str, Rule, &str)] = snapshots![
        trail_name,
        trail_arn,
        selector_lists,
        basic_selector_count,
        read_write_type,
        data_resource_type,
        data_resource_values,
        data_resource_count,
        exclude_management_event_sources,
        management_or_data,
        advanced_value_count,
        advanced_lengths,
        event_category,
        duplicate_field,
        no_operator,
        category_fields,
        basic_logs_nothing,
        wildcard_in_value,
        arn_equals_prefix,
        s3_bucket_without_slash,
        duplicate_values,
        empty_data_values,
        exclusion_without_management,
        never_matches,
        arn_format_mismatch,
        all_data_events,
    ];

    #[test]
    fn rule_snapshots() {
        for (name, rule, cases) in SNAPSHOTS {
            insta::assert_snapshot!(*name, snapshot(*rule, &read_cases(cases)));
        }
    }

    /// A new rule cannot skip snapshots, and each rule shows both a pass and a failure.
    #[test]
    fn every_rule_has_passing_and_failing_snapshot_cases() {
        for (name, rule) in NAME_RULES.iter().chain(SELECTOR_RULES).chain(LINT_RULES) {
            let Some((_, _, cases)) = SNAPSHOTS.iter().find(|(n, _, _)| n == name) else {
                panic!("rule {name} has no entry in SNAPSHOTS");
            };
            let found: Vec<usize> = read_cases(cases).iter().map(|case| run_rule(*rule, case.request).len()).collect();
            assert!(found.contains(&0), "{name}: no case passes");
            assert!(found.iter().any(|&n| n > 0), "{name}: no case fails");
        }
    }
}
