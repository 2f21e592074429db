//! Diagnostics as text, in the style of rustc: the source line, a caret under the span, the
//! code, help, fix and the spec basis. Shared by the CLI and anything that prints text.

use crate::diagnostics::{Diagnostic, Provenance, Severity};
use crate::source::span::LineIndex;
use std::fmt::Write;

/// Renders `diagnostics` of `source` (named `file_name` in the location line).
pub fn render(source: &str, file_name: &str, diagnostics: &[Diagnostic]) -> String {
    let index = LineIndex::new(source);
    let mut out = String::new();
    for d in diagnostics {
        render_one(&index, file_name, d, &mut out);
        out.push('\n');
    }
    out
}

fn render_one(index: &LineIndex<'_>, file_name: &str, d: &Diagnostic, out: &mut String) {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let start = index.line_column(d.span.start);
    let line_no = start.line.to_string();
    let pad = " ".repeat(line_no.len());
    let _ = writeln!(out, "{level}[{}]: {}", d.code, d.message);
    let _ = writeln!(out, "{pad}--> {file_name}:{}:{}", start.line, start.column);
    let _ = writeln!(out, "{pad} |");
    let line = index.line_text(start.line - 1);
    let _ = writeln!(out, "{line_no} | {}", line.replace('\t', " "));
    let end = index.line_column(d.span.end);
    let caret_end = if end.line == start.line { end.column } else { line.chars().count() + 1 };
    let width = caret_end.saturating_sub(start.column).max(1);
    let _ = writeln!(out, "{pad} | {}{}", " ".repeat(start.column - 1), "^".repeat(width));
    if !d.pointer.is_empty() {
        let _ = writeln!(out, "{pad} = at: {}", d.pointer);
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "{pad} = help: {help}");
    }
    if let Some(fix) = &d.fix {
        let _ = writeln!(out, "{pad} = fix: {}", fix.title);
    }
    match d.provenance {
        Provenance::Observed => {
            let _ = writeln!(out, "{pad} = note: the message is AWS's, as observed from the real service");
        }
        Provenance::Documented => {
            let _ = writeln!(out, "{pad} = note: the message is AWS's (or botocore's), as documented");
        }
        Provenance::Decision => {}
    }
    match (d.basis.section, d.basis.decision) {
        ("", None) => {}
        (section, Some(decision)) => {
            let _ =
                writeln!(out, "{pad} = note: not documented by AWS; trailscope decision {decision} (spec {section})");
        }
        (section, None) => {
            let _ = writeln!(out, "{pad} = note: spec {section}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;
    use crate::source::span::Span;

    #[test]
    fn caret_under_the_span() {
        let source = "{\n  \"TrailName\": \"my--trail\"\n}";
        let d = Diagnostic::new(Code::InvalidTrailNameException, "bad", "/TrailName", Span::new(20, 22))
            .help("h")
            .spec("§3.1");
        let text = render(source, "req.json", &[d]);
        assert_eq!(
            text,
            "error[InvalidTrailNameException]: bad\n --> req.json:2:19\n  |\n2 |   \"TrailName\": \"my--trail\"\n  |                   ^^\n  = at: /TrailName\n  = help: h\n  = note: spec §3.1\n\n"
        );
    }

    #[test]
    fn notes_say_whose_words_and_which_decision() {
        let d = Diagnostic::new(Code::InvalidTrailNameException, "bad", "/TrailName", Span::new(0, 1))
            .observed()
            .spec("§3.1")
            .decision("D5");
        let text = render("{}", "req.json", &[d]);
        assert!(text.ends_with(
            "  = note: the message is AWS's, as observed from the real service\n  = note: not documented by AWS; trailscope decision D5 (spec §3.1)\n\n"
        ));
    }
}
