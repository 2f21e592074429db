//! Answers as lines of text, each with its kind: what the CLI prints and the page draws, from
//! one place. (The structured answers are for programs; these are for people.)

use super::diff::{Diff, DiffClass};
use super::presets::TemplateMatch;
use super::{Answer, Coverage, Example, TrailFacts};
use crate::checkers::{CheckerRow, CheckerVerdict, Comparison};
use serde::Serialize;

/// What a line is, for its look (and the CLI's indentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum LineKind {
    Heading,
    /// The answer: how much is logged.
    All,
    Some,
    None,
    Note,
    /// An example event, logged or not; `detail` holds its record.
    Logged,
    Unlogged,
    /// Why one selector matched the example or not.
    Deciding,
    /// A checker agreeing with CloudTrail, disagreeing, or not evaluating.
    Right,
    Wrong,
    Unknown,
    /// A console template the selectors equal.
    Template,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Line {
    pub kind: LineKind,
    pub text: String,
    /// More to show on demand: an example's record (pretty JSON), a checker's flaws.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub detail: Option<String>,
}

fn line(kind: LineKind, text: impl Into<String>) -> Line {
    Line { kind, text: text.into(), detail: None }
}

fn answer_kind(answer: Answer) -> LineKind {
    match answer {
        Answer::All => LineKind::All,
        Answer::Some => LineKind::Some,
        Answer::None => LineKind::None,
    }
}

pub fn trail_note(trail: &TrailFacts) -> String {
    if trail.assumed {
        return "no trail in the context: the answer is about the selectors alone (a logging, multi-Region trail)"
            .into();
    }
    format!(
        "trail {} (home {}): {}, {}",
        trail.name.as_deref().unwrap_or("?"),
        trail.home_region,
        if trail.is_logging { "logging" } else { "NOT logging" },
        if trail.is_multi_region_trail { "multi-Region" } else { "single-Region" }
    )
}

pub fn coverage(coverage: &Coverage) -> Vec<Line> {
    let mut out = vec![
        line(
            answer_kind(coverage.answer),
            format!("answer: {} of {} is logged", coverage.answer.as_str(), coverage.question.to_json()),
        ),
        line(LineKind::Note, trail_note(&coverage.trail)),
    ];
    for (label, example) in [("logged", &coverage.logged_example), ("not logged", &coverage.unlogged_example)] {
        out.extend(example.iter().flat_map(|e| example_lines(label, e)));
    }
    out
}

/// An example: one line saying what event it is, then what decided it.
fn example_lines(label: &str, example: &Example) -> Vec<Line> {
    let record = &example.record;
    let field = |k: &str| record.get(k).and_then(|v| v.as_str()).unwrap_or("?").to_string();
    let arn = record.get("resources").and_then(|r| r.get(0)).and_then(|r| r.get("ARN")).and_then(|a| a.as_str());
    let text = format!(
        "{label}, e.g. {} {}{} in {}",
        field("eventSource"),
        field("eventName"),
        arn.map_or(String::new(), |a| format!(" on {a}")),
        field("awsRegion")
    );
    let kind = if example.logged { LineKind::Logged } else { LineKind::Unlogged };
    let mut out = vec![Line { kind, text, detail: serde_json::to_string_pretty(record).ok() }];
    out.extend(example.trail.iter().map(|why| line(LineKind::Deciding, why.clone())));
    out.extend(example.deciding.iter().map(|s| {
        let name = s.name.as_ref().map_or(String::new(), |n| format!(" ({n})"));
        let verdict = if s.matched { "matched".to_string() } else { s.reason.clone() };
        let decision = s.decision.as_ref().map_or(String::new(), |d| format!(" (decision {d})"));
        line(LineKind::Deciding, format!("selector {}{name}: {verdict}{decision}", s.index))
    }));
    out
}

pub fn diff(diff: &Diff) -> Vec<Line> {
    if diff.equivalent {
        return vec![line(LineKind::All, "equivalent: both log exactly the same events")];
    }
    let mut out = Vec::new();
    for (title, classes) in [("only A logs", &diff.only_a), ("only B logs", &diff.only_b)] {
        out.extend(classes.iter().flat_map(|c| class_lines(title, c)));
    }
    if diff.truncated {
        out.push(line(LineKind::Note, "more differences exist than are listed"));
    }
    out
}

fn class_lines(title: &str, class: &DiffClass) -> Vec<Line> {
    let heading = format!(
        "{title}: {} (this side logs {}, the other {})",
        class.question.to_json(),
        class.logs.as_str(),
        class.other_logs.as_str()
    );
    std::iter::once(line(LineKind::Heading, heading))
        .chain(example_lines("logged by this side, not the other", &class.example))
        .collect()
}

pub fn checkers(rows: &[Comparison]) -> Vec<Line> {
    rows.iter().flat_map(comparison).collect()
}

fn comparison(row: &Comparison) -> Vec<Line> {
    let heading =
        format!("{}: CloudTrail logs {} of {}", row.check.question(), row.exact.as_str(), row.question.to_json());
    std::iter::once(line(LineKind::Heading, heading)).chain(row.checkers.iter().map(checker)).collect()
}

fn checker(row: &CheckerRow) -> Line {
    let verdict = match &row.conclusion.verdict {
        CheckerVerdict::Pass => "PASS".to_string(),
        CheckerVerdict::Fail => "FAIL".to_string(),
        CheckerVerdict::NotEvaluated { reason } => format!("not evaluated ({reason})"),
    };
    let (kind, mark) = match row.agrees {
        Some(true) => (LineKind::Right, "right"),
        Some(false) => (LineKind::Wrong, "WRONG"),
        None => (LineKind::Unknown, "-"),
    };
    let detail = (row.agrees == Some(false)).then(|| row.explained.join("; "));
    Line { kind, text: format!("{:<36} {verdict:<6} {mark}", row.name), detail }
}

pub fn templates(matches: &[TemplateMatch]) -> Vec<Line> {
    matches
        .iter()
        .map(|t| {
            let of = t.resource_type.as_ref().map_or(String::new(), |r| format!(" ({r})"));
            Line {
                kind: LineKind::Template,
                text: format!("= console template: {}{of}", t.title),
                detail: Some(t.source.to_string()),
            }
        })
        .collect()
}

/// Lines as the CLI prints them: a record after the lines that explain its example, a
/// checker's flaws after its line, indented.
pub fn to_text(lines: &[Line]) -> String {
    let mut out = String::new();
    let mut record: Option<String> = None;
    for l in lines {
        let explains = matches!(l.kind, LineKind::Deciding);
        if !explains {
            out.extend(record.take().map(|r| format!("  record: {r}\n")));
        }
        let indent =
            if explains || matches!(l.kind, LineKind::Right | LineKind::Wrong | LineKind::Unknown) { "  " } else { "" };
        out.push_str(&format!("{indent}{}\n", l.text));
        match (l.kind, &l.detail) {
            (LineKind::Logged | LineKind::Unlogged, Some(detail)) => {
                record =
                    Some(serde_json::from_str::<serde_json::Value>(detail).map_or(detail.clone(), |v| v.to_string()));
            }
            (_, Some(detail)) => out.push_str(&format!("{indent}  {detail}\n")),
            (_, None) => {}
        }
    }
    out.extend(record.map(|r| format!("  record: {r}\n")));
    out
}
