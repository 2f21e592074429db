//! `validate --format sarif`: SARIF 2.1.0 (OASIS), the format GitHub code scanning reads. One
//! run; one result per diagnostic of every trail, located in the validated file (1-based lines,
//! columns in UTF-16 code units as `columnKind` says), with its fix as a SARIF fix. Checked
//! against the OASIS schema in `make test` (scripts/sarif-schema.sh).

use serde_json::{json, Value};
use trailscope_core::diagnostics::{Edit, Fix};
use trailscope_core::import::Validation;
use trailscope_core::source::span::{LineIndex, Span};
use trailscope_core::{Code, Diagnostic, Severity};

const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The SARIF log of `validation`, `name` being the file as the user named it.
pub fn log(source: &str, name: &str, validation: &Validation) -> String {
    let index = LineIndex::new(source);
    let uri = uri(name);
    let mut codes: Vec<Code> = Vec::new();
    let mut results = Vec::new();
    for trail in &validation.trails {
        for d in &trail.evaluation.diagnostics {
            let rule_index = codes.iter().position(|c| *c == d.code).unwrap_or_else(|| {
                codes.push(d.code);
                codes.len() - 1
            });
            results.push(result(d, rule_index, &trail.name, &uri, &index));
        }
    }
    let rules: Vec<Value> = codes.iter().map(|c| rule(*c)).collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "trailscope",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/trailscope",
                "rules": rules,
            }},
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default() + "\n"
}

fn rule(code: Code) -> Value {
    json!({
        "id": code.as_str(),
        "name": code.as_str(),
        "shortDescription": {"text": format!("{}: raised as CloudTrail (or the SDK) would", code.as_str())},
        "defaultConfiguration": {"level": level(code.severity())},
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn result(d: &Diagnostic, rule_index: usize, trail: &str, uri: &str, index: &LineIndex<'_>) -> Value {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut result = json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": rule_index,
        "level": level(d.severity),
        "message": {"text": text},
        "locations": [{
            "physicalLocation": {"artifactLocation": {"uri": uri}, "region": region(d.span, index)},
            "logicalLocations": [{"fullyQualifiedName": format!("{trail}{}", d.pointer), "kind": "member"}],
        }],
        "properties": {
            "pointer": d.pointer,
            "trail": trail,
            "spec": d.basis.section,
            "decision": d.basis.decision,
            "provenance": d.provenance,
        },
    });
    if !d.fixes.is_empty() {
        let fixes: Vec<Value> = d.fixes.iter().map(|fix| sarif_fix(fix, uri, index)).collect();
        result["fixes"] = Value::Array(fixes);
    }
    result
}

fn sarif_fix(fix: &Fix, uri: &str, index: &LineIndex<'_>) -> Value {
    let replacements: Vec<Value> = fix.edits.iter().map(|e| replacement(e, index)).collect();
    json!({
        "description": {"text": fix.title},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
    })
}

fn replacement(edit: &Edit, index: &LineIndex<'_>) -> Value {
    json!({"deletedRegion": region(edit.span, index), "insertedContent": {"text": edit.text}})
}

/// A region in 1-based lines and UTF-16 columns, with its character offset and length.
fn region(span: Span, index: &LineIndex<'_>) -> Value {
    let [start, end] = [span.start, span.end].map(|offset| {
        let line = index.line_of(offset);
        let column = index.utf16_offset(offset) - index.utf16_offset(index.line_start(line)) + 1;
        (line + 1, column)
    });
    json!({
        "startLine": start.0,
        "startColumn": start.1,
        "endLine": end.0,
        "endColumn": end.1,
        "charOffset": index.utf16_offset(span.start),
        "charLength": index.utf16_offset(span.end) - index.utf16_offset(span.start),
    })
}

/// The file as a relative URI reference: `/` separators, other characters percent-encoded.
fn uri(name: &str) -> String {
    if name == "<stdin>" {
        return "stdin".into();
    }
    name.replace('\\', "/")
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("infra/my trail.yaml"), "infra/my%20trail.yaml");
        assert_eq!(uri("<stdin>"), "stdin");
    }

    #[test]
    fn regions_count_utf16_columns() {
        let text = "a\u{1F600}b\nc";
        let index = LineIndex::new(text);
        let r = region(Span::new(5, 6), &index);
        assert_eq!(
            (r["startLine"].as_u64(), r["startColumn"].as_u64(), r["endColumn"].as_u64()),
            (Some(1), Some(4), Some(5))
        );
        let r = region(Span::new(7, 8), &index);
        assert_eq!((r["startLine"].as_u64(), r["startColumn"].as_u64()), (Some(2), Some(1)));
    }
}
