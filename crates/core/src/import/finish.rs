//! An IaC trail's evaluation, finished for its file (issue 11 §2): fixes become edits of the
//! original text in its dialect (its quoting, its member names), a diagnostic about a value
//! judged by its example (decisions D45) names the value as written, and each unknown value
//! gets a note saying what was not checked, beside the importer's and the IaC tools' notes.

use super::{cdk, terraform, tools, Dialect, ImportedTrail};
use crate::check::service::{Evaluation, Outcome};
use crate::diagnostics::{child_pointer, Code, Diagnostic, Edit, Fix};
use crate::source::json::{Node, Value};
use crate::source::span::Span;
use crate::source::unknown::{Part, Unknown};

pub fn finish(text: &str, dialect: Dialect, trail: &ImportedTrail, mut evaluation: Evaluation) -> Evaluation {
    let mut places = Places::default();
    places.collect(&trail.document, String::new());
    for d in &mut evaluation.diagnostics {
        let before = d.message.clone();
        places.rewrite(d, text, dialect);
        // The API's error is the first error's message: it names the value as written too.
        if let Outcome::Error(error) = &mut evaluation.outcome {
            if error.message == before {
                error.message = d.message.clone();
            }
        }
    }
    let mut notes = trail.notes.clone();
    for (pointer, span, unknown) in &places.unknowns {
        if !notes.iter().any(|n| n.span == *span) {
            notes.push(note(pointer, *span, unknown));
        }
    }
    notes.extend(tools::notes(&trail.document, dialect));
    evaluation.diagnostics.extend(notes);
    evaluation.diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    evaluation
}

/// The document's unknown values and member names, by place.
#[derive(Default)]
struct Places<'a> {
    unknowns: Vec<(String, Span, &'a Unknown)>,
    keys: Vec<Span>,
}

impl<'a> Places<'a> {
    fn collect(&mut self, node: &'a Node, pointer: String) {
        match &node.value {
            Value::Unknown(u) => self.unknowns.push((pointer, node.span, u)),
            Value::Object(members) => {
                for m in members {
                    self.keys.push(m.key_span);
                    self.collect(&m.value, child_pointer(&pointer, &m.key));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.collect(item, child_pointer(&pointer, i));
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
        }
    }

    fn unknown_over(&self, span: Span) -> Option<(Span, &'a Unknown)> {
        self.unknowns
            .iter()
            .find(|(_, s, _)| s.start < span.end.max(span.start + 1) && span.start < s.end)
            .map(|(_, s, u)| (*s, *u))
    }

    fn rewrite(&self, d: &mut Diagnostic, text: &str, dialect: Dialect) {
        // A rule may point at the first byte of a value (the `{` of a JSON object); in YAML, HCL
        // or TS that byte can begin a longer character: the span takes the whole of it.
        d.span = d.span.whole_chars(text);
        if let Some((span, unknown)) = self.unknown_over(d.span) {
            if let Some(example) = unknown.example().filter(|_| span == d.span) {
                let written = display(unknown);
                d.message = d.message.replace(&example, &written);
                d.help = d.help.take().map(|h| h.replace(&example, &written));
            }
        }
        // A fix stays only when each of its edits can be written in the dialect.
        d.fixes = std::mem::take(&mut d.fixes)
            .into_iter()
            .filter_map(|fix| {
                let edits: Option<Vec<Edit>> = fix.edits.iter().map(|e| self.edit(e, text, dialect)).collect();
                edits.map(|edits| Fix { title: fix.title, edits })
            })
            .collect();
    }

    /// `edit` (JSON text at a span of the document) as an edit of the original text; `None`
    /// when the dialect cannot take it.
    fn edit(&self, edit: &Edit, text: &str, dialect: Dialect) -> Option<Edit> {
        let decoded = serde_json::from_str::<String>(&edit.text).ok();
        if let Some((span, unknown)) = self.unknown_over(edit.span) {
            // Only an addition at the end of a template judged by its example can be written.
            let suffix = decoded?.strip_prefix(&unknown.example()?)?.to_string();
            let at = unknown.append_at.filter(|_| span == edit.span && !suffix.is_empty())?;
            return Some(Edit { span: Span::new(at, at), text: escape_in_string(dialect, &suffix) });
        }
        let Some(decoded) = decoded else {
            // JSON text that is not one string (a member's removal, an inserted member) is written
            // for JSON's layout: it holds only where the file is that JSON.
            return matches!(dialect, Dialect::Json | Dialect::CloudformationJson).then(|| edit.clone());
        };
        if self.keys.contains(&edit.span) {
            return Some(Edit { span: edit.span, text: key(dialect, &decoded)? });
        }
        let written = text.get(edit.span.start..edit.span.end).unwrap_or_default();
        Some(Edit { span: edit.span, text: string(dialect, &decoded, written) })
    }
}

/// A template as people read it: literal text and `${reference}` holes.
fn display(unknown: &Unknown) -> String {
    match &unknown.parts {
        Some(parts) => parts
            .iter()
            .map(|p| match p {
                Part::Text(t) => t.clone(),
                Part::Hole(h) => format!("${{{}}}", h.expression),
            })
            .collect(),
        None => unknown.written.clone(),
    }
}

/// A member name in the dialect: CloudFormation's are the API's.
fn key(dialect: Dialect, aws: &str) -> Option<String> {
    match dialect {
        Dialect::Json | Dialect::CloudformationJson | Dialect::DescribeTrails => Some(json_string(aws)),
        Dialect::CloudformationYaml => Some(aws.to_string()),
        Dialect::Terraform => terraform::key_name(aws).map(str::to_string),
        Dialect::TerraformJson => terraform::key_name(aws).map(json_string),
        Dialect::Cdk => cdk::key_name(aws).map(str::to_string),
    }
}

/// A string literal of `value` in the dialect, replacing `written`.
fn string(dialect: Dialect, value: &str, written: &str) -> String {
    match dialect {
        // HCL reads `${` and `%{` in a quoted string as a template: escape them.
        Dialect::Terraform => json_string(value).replace("${", "$${").replace("%{", "%%{"),
        // JavaScript reads a JSON string literal as the same string; keep the file's quotes.
        Dialect::Cdk if written.starts_with('\'') => single_quoted(value),
        Dialect::Json
        | Dialect::CloudformationJson
        | Dialect::CloudformationYaml
        | Dialect::TerraformJson
        | Dialect::Cdk
        | Dialect::DescribeTrails => json_string(value),
    }
}

/// Text added inside an existing string literal of the dialect.
fn escape_in_string(dialect: Dialect, text: &str) -> String {
    let quoted = string(dialect, text, "");
    quoted[1..quoted.len() - 1].to_string()
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn single_quoted(text: &str) -> String {
    let inner = json_string(text);
    let inner = &inner[1..inner.len() - 1];
    format!("'{}'", inner.replace("\\\"", "\"").replace('\'', "\\'"))
}

/// The note for an unknown value: what was checked of it and what was not.
fn note(pointer: &str, span: Span, unknown: &Unknown) -> Diagnostic {
    let written = &unknown.written;
    let (message, help) = match (unknown.example(), unknown.shape()) {
        (Some(example), _) => (
            format!("{written} is only known at deployment; it was checked as {example}, with {}", holes(unknown)),
            "each reference is known to be of that form (a partition, an account, a bucket, function or table of this file), and every value of the form gives the same verdict; which one it will be was not checked".to_string(),
        ),
        (None, Some(shape)) => (
            format!("{written} is only known at deployment, so {} was not checked", what(pointer)),
            format!("its known shape is {shape}; {} can be anything", open(unknown)),
        ),
        (None, None) => (
            format!("{written} is only known at deployment, so {} was not checked", what(pointer)),
            "a value trailscope cannot know never causes an error; check it after deployment with get-event-selectors".to_string(),
        ),
    };
    Diagnostic::new(Code::NotChecked, message, pointer, span).help(help).spec("§8").decision("D45")
}

/// `reference = example` for each hole.
fn holes(unknown: &Unknown) -> String {
    let pairs: Vec<String> = unknown
        .parts
        .iter()
        .flatten()
        .filter_map(|p| match p {
            Part::Hole(h) => Some(format!("{} = {}", h.expression, h.example.as_deref().unwrap_or("?"))),
            Part::Text(_) => None,
        })
        .collect();
    pairs.join(", ")
}

fn open(unknown: &Unknown) -> String {
    unknown.open_holes().collect::<Vec<_>>().join(", ")
}

/// What of the request an unknown at `pointer` hides, for its note.
fn what(pointer: &str) -> &'static str {
    let last = pointer.rsplit('/').next().unwrap_or_default();
    let parent = pointer.rsplit('/').nth(1).unwrap_or_default();
    match (parent, last) {
        ("", "TrailName") => "the trail name (§3.1) and its lookup",
        ("", _) => "this selector list",
        ("EventSelectors" | "AdvancedEventSelectors" | "DataResources" | "FieldSelectors", _) => "this element",
        (_, "ReadWriteType") => "the ReadWriteType value",
        (_, "IncludeManagementEvents") => "whether the selector logs management events (and what depends on it)",
        (_, "Type") => "the data resource type and its values",
        (_, "Field") => "the field name and the category rules that depend on it",
        (_, "Name") => "the selector's name",
        _ if last.parse::<usize>().is_ok() => "this value",
        _ => "these values",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_written_in_the_dialect() {
        assert_eq!(string(Dialect::Terraform, "arn:${x}/%{y}", "\"a\""), r#""arn:$${x}/%%{y}""#);
        assert_eq!(string(Dialect::Cdk, "it's \"x\"", "'a'"), r#"'it\'s "x"'"#);
        assert_eq!(string(Dialect::Cdk, "x", "\"a\""), "\"x\"");
        assert_eq!(string(Dialect::CloudformationYaml, "a: b", "a"), "\"a: b\"");
        assert_eq!(escape_in_string(Dialect::Terraform, "/${x}"), "/$${x}");
    }

    #[test]
    fn notes_say_what_was_not_checked() {
        assert_eq!(what("/TrailName"), "the trail name (§3.1) and its lookup");
        assert_eq!(what("/EventSelectors/0/DataResources/0/Values/3"), "this value");
        assert_eq!(
            what("/AdvancedEventSelectors/0/FieldSelectors/1/Field"),
            "the field name and the category rules that depend on it"
        );
        assert_eq!(what("/AdvancedEventSelectors/0/FieldSelectors/1/Equals"), "these values");
        assert_eq!(what("/EventSelectors"), "this selector list");
    }
}
