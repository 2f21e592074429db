//! Trail names (spec §3.1, rules 1–5; decisions D5). A value that starts with `arn:` is judged
//! by `trail_arn` instead. Each broken rule is its own diagnostic, pointing at the offending
//! characters where it can.
//!
//! Messages: "cannot be blank!", adjacent separators and the IP address form are AWS's observed
//! texts (docs/aws-messages.md); "too short"/"too long" are moto's texts; the others are
//! trailscope's, since AWS's own texts are not known.

use super::{invalid_name, quoted, sub_span};
use crate::diagnostics::{Code, Problems};
use crate::request::located::Request;

pub fn check(request: &Request, out: &mut Problems) {
    let Some(name) = &request.trail_name else {
        return;
    };
    if name.value.starts_with("arn:") {
        return;
    }
    let problems = problems(&name.value);
    let fix = suggestion(&name.value).map(|s| (format!("Rename to \"{s}\""), quoted(&s)));
    for problem in problems {
        let span = problem.range.map_or(name.span, |(s, e)| sub_span(name, s, e));
        let mut d = invalid_name(Code::InvalidTrailNameException, problem.message, &name.pointer, span).spec("§3.1");
        if problem.observed {
            d = d.observed();
        }
        if let Some((title, text)) = &fix {
            d = d.fix(title.clone(), name.span, text.clone());
        }
        let help = problem.detail.map_or(RULES_HELP.to_string(), |detail| format!("{detail}; {RULES_HELP}"));
        out.push(|| d.help(help));
    }
}

/// One broken name rule: the message, where it is one spot its byte range, whether the message
/// is AWS's observed text, and trailscope's detail for the help beside it.
#[derive(Debug)]
pub struct NameProblem {
    pub message: String,
    pub range: Option<(usize, usize)>,
    observed: bool,
    detail: Option<String>,
}

impl NameProblem {
    fn ours(message: String, range: Option<(usize, usize)>) -> Self {
        NameProblem { message, range, observed: false, detail: None }
    }

    fn observed(message: &str, range: Option<(usize, usize)>, detail: Option<String>) -> Self {
        NameProblem { message: message.to_string(), range, observed: true, detail }
    }
}

const RULES_HELP: &str = "trail names use 3-128 ASCII letters, digits, '.', '_' or '-', start and end with a letter or digit, have no two punctuation marks in a row and are not an IP address";

fn is_punctuation(b: u8) -> bool {
    matches!(b, b'.' | b'_' | b'-')
}

/// Every rule of §3.1 that `name` breaks: a message and, where it is one spot, its byte range.
pub fn problems(name: &str) -> Vec<NameProblem> {
    let mut found = Vec::new();
    if name.is_empty() {
        found.push(NameProblem::observed("Trail name cannot be blank!", None, None));
        return found;
    }
    let bytes = name.as_bytes();
    let length = name.chars().count();
    if length < 3 {
        found.push(NameProblem::ours(
            format!("Trail name too short. Minimum allowed length: 3 characters. Specified name length: {length} characters."),
            None,
        ));
    }
    if length > 128 {
        found.push(NameProblem::ours(
            format!("Trail name too long. Maximum allowed length: 128 characters. Specified name length: {length} characters."),
            Some((name.char_indices().nth(128).map_or(0, |(i, _)| i), name.len())),
        ));
    }
    if let Some((i, c)) =
        name.char_indices().find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        found.push(NameProblem::ours(
            format!("Trail name contains {c:?}: names can only contain ASCII letters, numbers, periods (.), underscores (_) and dashes (-)."),
            Some((i, i + c.len_utf8())),
        ));
    }
    if is_punctuation(bytes[0]) {
        found.push(NameProblem::ours(
            format!("Trail name must start with a letter or number, not '{}'.", bytes[0] as char),
            Some((0, 1)),
        ));
    }
    let last = bytes[bytes.len() - 1];
    if bytes.len() > 1 && is_punctuation(last) {
        found.push(NameProblem::ours(
            format!("Trail name must end with a letter or number, not '{}'.", last as char),
            Some((bytes.len() - 1, bytes.len())),
        ));
    }
    if let Some(i) = bytes.windows(2).position(|w| is_punctuation(w[0]) && is_punctuation(w[1])) {
        // spec: aws-messages.md, "trail name with adjacent separators"
        found.push(NameProblem::observed(
            "Trail name or ARN cannot have adjacent periods (.), hyphens (-), or underscores (_).",
            Some((i, i + 2)),
            Some(format!("found \"{}\"", &name[i..i + 2])),
        ));
    }
    if is_ip_address(name) {
        // spec: aws-messages.md, "trail name shaped like an IP address"
        found.push(NameProblem::observed(
            "Trail names must not be formatted as an IP address.",
            None,
            Some(format!("\"{name}\" has the form of an IPv4 address")),
        ));
    }
    found
}

/// Four dot-separated groups of 1-3 digits, e.g. 192.168.5.4 (spec §3.1 rule 5).
fn is_ip_address(name: &str) -> bool {
    let groups: Vec<&str> = name.split('.').collect();
    groups.len() == 4 && groups.iter().all(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
}

/// A valid name close to `name`: other characters become '-', punctuation runs collapse,
/// and the ends are trimmed. None when that is not a valid name.
pub fn suggestion(name: &str) -> Option<String> {
    let mut out = String::new();
    for c in name.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '-' };
        let previous_is_punctuation = out.bytes().last().is_some_and(is_punctuation);
        if !(previous_is_punctuation && is_punctuation(c as u8)) {
            out.push(c);
        }
    }
    let out = out.trim_matches(|c: char| matches!(c, '.' | '_' | '-')).to_string();
    (out != name && problems(&out).is_empty()).then_some(out)
}

/// True when `value` breaks none of the name rules.
pub fn is_valid(value: &str) -> bool {
    problems(value).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::run_rule;
    use crate::diagnostics::Diagnostic;
    use crate::diagnostics::Provenance;

    fn diagnostics(name: &str) -> Vec<Diagnostic> {
        run_rule(check, &format!(r#"{{"TrailName": {}}}"#, quoted(name)))
    }

    fn messages(name: &str) -> Vec<String> {
        diagnostics(name).into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn length_boundaries() {
        assert_eq!(
            messages("ab"),
            ["Trail name too short. Minimum allowed length: 3 characters. Specified name length: 2 characters."]
        );
        assert!(messages("abc").is_empty());
        assert!(messages(&"a".repeat(128)).is_empty());
        assert_eq!(
            messages(&"a".repeat(129)),
            ["Trail name too long. Maximum allowed length: 128 characters. Specified name length: 129 characters."]
        );
        assert_eq!(messages(""), ["Trail name cannot be blank!"]);
    }

    #[test]
    fn each_rule_has_its_own_message() {
        let adjacent = "Trail name or ARN cannot have adjacent periods (.), hyphens (-), or underscores (_).";
        assert_eq!(messages("my--namespace"), [adjacent]);
        assert_eq!(messages("my-_namespace"), [adjacent]);
        assert_eq!(messages("192.168.5.4"), ["Trail names must not be formatted as an IP address."]);
        assert_eq!(messages("-trail"), ["Trail name must start with a letter or number, not '-'."]);
        assert_eq!(messages("trail."), ["Trail name must end with a letter or number, not '.'."]);
        assert_eq!(
            messages("my trail"),
            ["Trail name contains ' ': names can only contain ASCII letters, numbers, periods (.), underscores (_) and dashes (-)."]
        );
        assert_eq!(messages("tr\u{e9}il").len(), 1);
        for good in ["my-trail", "My_Trail.2", "1.2.3", "1.2.3.4.5", "a1b", "192.168.5.4x"] {
            assert!(messages(good).is_empty(), "{good}");
        }
    }

    #[test]
    fn aws_words_are_marked_observed_and_keep_trailscope_help() {
        let d = diagnostics("192.168.5.4");
        assert_eq!(d[0].provenance, Provenance::Observed);
        assert!(d[0].help.as_deref().unwrap().starts_with("\"192.168.5.4\" has the form of an IPv4 address"));
        assert_eq!(diagnostics("-trail")[0].provenance, Provenance::Decision);
        assert_eq!(diagnostics("")[0].provenance, Provenance::Observed);
    }

    #[test]
    fn points_at_the_offending_characters() {
        let d = diagnostics("my--trail");
        assert_eq!(d[0].span, crate::source::span::Span::new(17, 19));
        assert!(d[0].help.as_deref().unwrap().starts_with("found \"--\""));
        assert_eq!(d[0].fixes[0].edits[0].text, "\"my-trail\"");
        assert_eq!(diagnostics("my trail")[0].span, crate::source::span::Span::new(17, 18));
        assert_eq!(diagnostics("trail.")[0].span, crate::source::span::Span::new(20, 21));
    }

    /// Written with an escape, value bytes and source bytes no longer line up: the diagnostic
    /// points at the whole string rather than at a wrong spot.
    #[test]
    fn an_escaped_name_is_pointed_at_whole() {
        let d = run_rule(check, r#"{"TrailName": "my\u0020trail"}"#);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span, crate::source::span::Span::new(14, 29));
    }

    #[test]
    fn suggestions_are_valid_names() {
        assert_eq!(suggestion("-my  trail-").as_deref(), Some("my-trail"));
        assert_eq!(suggestion("ab"), None);
        assert_eq!(suggestion("good-name"), None);
    }

    /// A one-character name has one end: a separator there is reported once, as its start; two
    /// adjacent separators are pointed at exactly (kills `>` -> `>=` and `i + 2` -> `i * 2`, which
    /// survived cargo-mutants).
    #[test]
    fn one_problem_per_fault_at_its_exact_bytes() {
        let ranges = |name: &str| -> Vec<(String, Option<(usize, usize)>)> {
            problems(name).into_iter().map(|p| (p.message, p.range)).filter(|(m, _)| m.contains("must")).collect()
        };
        let dash = ranges("-");
        assert_eq!(dash.len(), 1, "{dash:?}");
        assert!(dash[0].0.contains("must start"), "{dash:?}");
        let adjacent = problems("a..b").into_iter().find(|p| p.message.contains("adjacent")).expect("adjacent");
        assert_eq!(adjacent.range, Some((1, 3)));
    }
}
