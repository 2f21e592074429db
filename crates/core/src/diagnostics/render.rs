//! Diagnostics as text, in the style of rustc: the source line, a caret under the span, the
//! code, help, fix and the spec basis. Shared by the CLI and anything that prints text.

use crate::diagnostics::{Diagnostic, Provenance, Severity};
use crate::source::span::{LineIndex, Position};
use std::fmt::Write;

/// Characters of a long line shown before the span's start, and from it on: a minified request
/// is one line of up to 4 MiB, which must not be printed again under each of its problems.
const SHOWN_BEFORE: usize = 100;
const SHOWN_FROM: usize = 200;

/// Renders `diagnostics` of `source` (named `file_name` in the location line).
pub fn render(source: &str, file_name: &str, diagnostics: &[Diagnostic]) -> String {
    let index = LineIndex::new(source);
    // Every position in one pass over the text, however many diagnostics share a long line.
    let offsets: Vec<usize> = diagnostics.iter().flat_map(|d| [d.span.start, d.span.end]).collect();
    let positions = index.positions(&offsets);
    let mut out = String::new();
    for (d, ends) in diagnostics.iter().zip(positions.chunks_exact(2)) {
        render_one(&index, file_name, d, (ends[0], ends[1]), &mut out);
        out.push('\n');
    }
    out
}

/// The part of line `line` (0-based) shown for a span starting at byte `offset` (column
/// `start.column`): the whole line, or when it is long a window around the start, marked `…`
/// where cut. Also the column (from 1) of the span's start in what is shown, and the number of
/// characters shown from it on.
fn shown_line(index: &LineIndex<'_>, line: usize, offset: usize, start: Position) -> (String, usize, usize) {
    let text = index.line_text(line);
    if text.len() <= SHOWN_BEFORE + SHOWN_FROM {
        let after = (text.chars().count() + 1).saturating_sub(start.column);
        return (text.replace('\t', " "), start.column, after);
    }
    let mut at = offset.saturating_sub(index.line_start(line)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    // Both walks stop after a bounded number of characters.
    let from = text[..at].char_indices().rev().take(SHOWN_BEFORE).last().map_or(at, |(i, _)| i);
    let to = text[at..].char_indices().nth(SHOWN_FROM).map_or(text.len(), |(i, _)| at + i);
    let (cut_left, cut_right) = (from > 0, to < text.len());
    let mut shown = String::with_capacity(to - from + 8);
    if cut_left {
        shown.push('…');
    }
    shown.push_str(&text[from..to].replace('\t', " "));
    if cut_right {
        shown.push('…');
    }
    let column = text[from..at].chars().count() + 1 + usize::from(cut_left);
    (shown, column, text[at..to].chars().count())
}

fn render_one(
    index: &LineIndex<'_>,
    file_name: &str,
    d: &Diagnostic,
    (start, end): (Position, Position),
    out: &mut String,
) {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        #[cfg(feature = "iac")]
        Severity::Note => "note",
    };
    let line_no = start.line.to_string();
    let pad = " ".repeat(line_no.len());
    let _ = writeln!(out, "{level}[{}]: {}", d.code, d.message);
    let _ = writeln!(out, "{pad}--> {file_name}:{}:{}", start.line, start.column);
    let _ = writeln!(out, "{pad} |");
    let (line, column, after) = shown_line(index, start.line - 1, d.span.start, start);
    let _ = writeln!(out, "{line_no} | {line}");
    // The caret runs to the span's end, or to the end of what is shown of the line.
    let spanned = if end.line == start.line { end.column.saturating_sub(start.column) } else { after };
    let width = spanned.min(after).max(1);
    let _ = writeln!(out, "{pad} | {}{}", " ".repeat(column - 1), "^".repeat(width));
    if !d.pointer.is_empty() {
        let _ = writeln!(out, "{pad} = at: {}", d.pointer);
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "{pad} = help: {help}");
    }
    for fix in &d.fixes {
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
    fn a_long_line_is_shown_around_the_span() {
        let source = format!("{{\"TrailName\": \"{}\u{e9}bad{}\"}}", "a".repeat(5000), "b".repeat(5000));
        let start = source.find("bad").unwrap();
        let d = Diagnostic::new(Code::InvalidTrailNameException, "bad", "/TrailName", Span::new(start, start + 3));
        let text = render(&source, "req.json", &[d]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], " --> req.json:1:5017");
        let shown = format!("1 | …{}\u{e9}bad{}…", "a".repeat(99), "b".repeat(197));
        assert_eq!(lines[3], shown);
        assert_eq!(lines[4], format!("  | {}^^^", " ".repeat(101)));
    }

    #[test]
    fn many_problems_on_one_long_line_cost_their_own_size() {
        let source = format!("[{}]", vec!["1"; 50_000].join(","));
        let diagnostics: Vec<Diagnostic> = (1..source.len() - 1)
            .step_by(2)
            .map(|i| Diagnostic::new(Code::InvalidTrailNameException, "x", "", Span::new(i, i + 1)))
            .collect();
        let text = render(&source, "req.json", &diagnostics);
        // About 500 bytes each, where showing the whole line would be 100 KB each.
        assert!(text.len() < diagnostics.len() * 600, "{} bytes for {} problems", text.len(), diagnostics.len());
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
