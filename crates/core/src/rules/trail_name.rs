//! Trail names (spec §3.1, rules 1–5; decisions D5). A value that starts with `arn:` is judged
//! by `trail_arn` instead. Each broken rule is its own diagnostic, pointing at the offending
//! characters where it can.
//!
//! Messages: "cannot be blank!" is AWS's observed text; "too short"/"too long" are moto's
//! texts; the others are trailscope's, since AWS's own texts are not published.

use super::{invalid_name, quoted, sub_span};
use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::Request;

pub fn check(request: &Request, out: &mut Vec<Diagnostic>) {
    let Some(name) = &request.trail_name else {
        return;
    };
    if name.value.starts_with("arn:") {
        return;
    }
    let problems = problems(&name.value);
    let fix = suggestion(&name.value).map(|s| (format!("Rename to \"{s}\""), quoted(&s)));
    for (message, range) in problems {
        let span = range.map_or(name.span, |(s, e)| sub_span(name, s, e));
        let mut d = invalid_name(Code::InvalidTrailNameException, message, &name.pointer, span).spec("§3.1");
        if let Some((title, text)) = &fix {
            d = d.fix(title.clone(), name.span, text.clone());
        }
        out.push(d.help(RULES_HELP));
    }
}

const RULES_HELP: &str = "trail names use 3-128 ASCII letters, digits, '.', '_' or '-', start and end with a letter or digit, have no two punctuation marks in a row and are not an IP address";

fn is_punctuation(b: u8) -> bool {
    matches!(b, b'.' | b'_' | b'-')
}

/// Every rule of §3.1 that `name` breaks: a message and, where it is one spot, its byte range.
pub fn problems(name: &str) -> Vec<(String, Option<(usize, usize)>)> {
    let mut found = Vec::new();
    if name.is_empty() {
        found.push(("Trail name cannot be blank!".to_string(), None));
        return found;
    }
    let bytes = name.as_bytes();
    let length = name.chars().count();
    if length < 3 {
        found.push((
            format!("Trail name too short. Minimum allowed length: 3 characters. Specified name length: {length} characters."),
            None,
        ));
    }
    if length > 128 {
        found.push((
            format!("Trail name too long. Maximum allowed length: 128 characters. Specified name length: {length} characters."),
            Some((name.char_indices().nth(128).map_or(0, |(i, _)| i), name.len())),
        ));
    }
    if let Some((i, c)) =
        name.char_indices().find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        found.push((
            format!("Trail name contains {c:?}: names can only contain ASCII letters, numbers, periods (.), underscores (_) and dashes (-)."),
            Some((i, i + c.len_utf8())),
        ));
    }
    if is_punctuation(bytes[0]) {
        found.push((
            format!("Trail name must start with a letter or number, not '{}'.", bytes[0] as char),
            Some((0, 1)),
        ));
    }
    let last = bytes[bytes.len() - 1];
    if bytes.len() > 1 && is_punctuation(last) {
        found.push((
            format!("Trail name must end with a letter or number, not '{}'.", last as char),
            Some((bytes.len() - 1, bytes.len())),
        ));
    }
    if let Some(i) = bytes.windows(2).position(|w| is_punctuation(w[0]) && is_punctuation(w[1])) {
        found.push((
            format!("Trail name cannot have adjacent periods, underscores or dashes: found \"{}\".", &name[i..i + 2]),
            Some((i, i + 2)),
        ));
    }
    if is_ip_address(name) {
        found.push((format!("Trail name cannot be in IP address format: \"{name}\" looks like an IP address."), None));
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
    use crate::rules::test_support::run_rule;

    fn name_codes(name: &str) -> usize {
        run_rule(check, &format!(r#"{{"TrailName": {}}}"#, quoted(name))).len()
    }

    #[test]
    fn length_boundaries() {
        assert_eq!(name_codes("ab"), 1);
        assert_eq!(name_codes("abc"), 0);
        assert_eq!(name_codes(&"a".repeat(128)), 0);
        assert_eq!(name_codes(&"a".repeat(129)), 1);
        assert_eq!(name_codes(""), 1);
    }

    #[test]
    fn the_spec_examples_are_rejected() {
        for bad in ["my--namespace", "my-_namespace", "192.168.5.4", "-trail", "trail.", "my trail", "tr\u{e9}il"] {
            assert!(name_codes(bad) >= 1, "{bad}");
        }
        for good in ["my-trail", "My_Trail.2", "1.2.3", "1.2.3.4.5", "a1b", "192.168.5.4x"] {
            assert_eq!(name_codes(good), 0, "{good}");
        }
    }

    #[test]
    fn points_at_the_offending_characters() {
        let d = run_rule(check, r#"{"TrailName": "my--trail"}"#);
        assert_eq!(d[0].span, crate::span::Span::new(17, 19));
        assert_eq!(d[0].fix.as_ref().unwrap().edits[0].text, "\"my-trail\"");
    }

    #[test]
    fn suggestions_are_valid_names() {
        assert_eq!(suggestion("-my  trail-").as_deref(), Some("my-trail"));
        assert_eq!(suggestion("ab"), None);
        assert_eq!(suggestion("good-name"), None);
    }
}
