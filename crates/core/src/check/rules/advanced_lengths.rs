//! Model constraints botocore does not check, so the service does (spec §1.4, §1.6;
//! decisions D13): `Name` at most 1000 characters; `Field` at most 1000 characters matching
//! `[\w|\d|\.|_]+`; each value at most 2048 characters.

use super::invalid_selectors;
use crate::diagnostics::Problems;
use crate::request::located::Request;

pub const MAX_NAME: usize = 1000;
pub const MAX_FIELD: usize = 1000;
pub const MAX_VALUE: usize = 2048;

pub fn check(request: &Request, out: &mut Problems) {
    for selector in request.advanced_event_selectors() {
        if let Some(name) = selector.name.as_ref().filter(|n| n.value.chars().count() > MAX_NAME) {
            let message = format!("Name is {} characters long; the maximum is {MAX_NAME}", name.value.chars().count());
            out.push(|| invalid_selectors(message, &name.pointer, name.span).spec("§1.4").decision("D13"));
        }
        for field in selector.field_selectors() {
            if let Some(f) = &field.field {
                field_problems(&f.value)
                    .into_iter()
                    .for_each(|m| out.push(|| invalid_selectors(m, &f.pointer, f.span).spec("§1.4").decision("D13")));
            }
            for value in field.conditions.iter().flat_map(|c| &c.values) {
                let length = value.value.chars().count();
                if length > MAX_VALUE {
                    let message =
                        format!("this value is {length} characters long; operator values can have at most {MAX_VALUE}");
                    out.push(|| invalid_selectors(message, &value.pointer, value.span).spec("§1.4").decision("D13"));
                }
            }
        }
    }
}

fn field_problems(field: &str) -> Vec<String> {
    let mut found = Vec::new();
    let length = field.chars().count();
    if length > MAX_FIELD {
        found.push(format!("Field is {length} characters long; the maximum is {MAX_FIELD}"));
    }
    if let Some(c) = field.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '|'))) {
        found.push(format!("Field \"{}\" contains {c:?}; field names match [\\w|\\d|\\.|_]+", truncate(field)));
    }
    found
}

fn truncate(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}...", &text[..i]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};
    use crate::diagnostics::Diagnostic;

    fn selector(name: usize, field: &str, value: usize) -> Vec<Diagnostic> {
        run_rule(
            check,
            &format!(
                r#"{{"TrailName":"t","AdvancedEventSelectors":[{{"Name":"{}","FieldSelectors":[{{"Field":"{field}","Equals":["{}"]}}]}}]}}"#,
                "n".repeat(name),
                "v".repeat(value)
            ),
        )
    }

    #[test]
    fn boundaries() {
        assert!(selector(1000, &"f".repeat(1000), 2048).is_empty());
        assert_eq!(pointers(&selector(1001, "eventName", 1)), ["/AdvancedEventSelectors/0/Name"]);
        assert_eq!(pointers(&selector(1, &"f".repeat(1001), 1)), ["/AdvancedEventSelectors/0/FieldSelectors/0/Field"]);
        assert_eq!(pointers(&selector(1, "eventName", 2049)), ["/AdvancedEventSelectors/0/FieldSelectors/0/Equals/0"]);
        assert_eq!(selector(1, "event-name", 1).len(), 1);
    }
}
