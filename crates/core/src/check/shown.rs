//! How many problems an evaluation lists (decisions D53): the first [`SHOWN_PER_STAGE`] of each
//! stage, in position order, and for a stage with more, one warning that counts the rest. A
//! 4 MiB request can hold two million problems; every one listed is flattened, sent to the page
//! as JSON and drawn in the editor, which took seconds (issue 14 §1). The API outcome is decided
//! before the cut, from every problem, so it stays what CloudTrail (or botocore) would return.

use crate::diagnostics::{Code, Diagnostic, Stage};

/// Problems of one stage listed before the rest are only counted.
pub const SHOWN_PER_STAGE: usize = 1000;

/// Stages, in the order of [`Stage`] (indexes of the per-stage counts).
const STAGES: [Stage; 6] = [Stage::Input, Stage::Client, Stage::Name, Stage::Lookup, Stage::Selectors, Stage::Lint];

/// `sorted` (in position order) cut to the first [`SHOWN_PER_STAGE`] problems of each stage, with
/// a [`Code::ProblemsNotShown`] warning at the first problem left out of each stage cut.
pub fn cap(sorted: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if sorted.len() <= SHOWN_PER_STAGE {
        return sorted;
    }
    let mut seen = [0usize; STAGES.len()];
    let mut first_left_out: [Option<Diagnostic>; STAGES.len()] = Default::default();
    let mut kept = Vec::new();
    for d in sorted {
        let stage = d.code.stage() as usize;
        seen[stage] += 1;
        if seen[stage] <= SHOWN_PER_STAGE {
            kept.push(d);
        } else if first_left_out[stage].is_none() {
            first_left_out[stage] = Some(d);
        }
    }
    for (stage, first) in first_left_out.into_iter().enumerate() {
        if let Some(first) = first {
            kept.push(not_shown(STAGES[stage], seen[stage] - SHOWN_PER_STAGE, &first));
        }
    }
    kept.sort_by_key(|d| (d.span.start, d.span.end));
    kept
}

/// The warning counting the `count` problems of `stage` left out, where the first of them is.
fn not_shown(stage: Stage, count: usize, first: &Diagnostic) -> Diagnostic {
    let what = match stage {
        Stage::Input => "input",
        Stage::Client => "client-side parameter",
        Stage::Name => "trail name",
        Stage::Lookup => "trail lookup",
        Stage::Selectors => "selector",
        Stage::Lint => "warning",
    };
    Diagnostic::new(
        Code::ProblemsNotShown,
        format!("{count} more {what} problems are not shown, from here on (the first {SHOWN_PER_STAGE} are)"),
        &first.pointer,
        first.span,
    )
    .help(format!("the first left out: {}; fix those shown and validate again", first.message))
    .decision("D53")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::service::{put_event_selectors, Outcome};
    use crate::source::span::Span;

    fn at(code: Code, start: usize) -> Diagnostic {
        Diagnostic::new(code, format!("problem at {start}"), &format!("/{start}"), Span::new(start, start + 1))
    }

    fn not_shown(diagnostics: &[Diagnostic]) -> Vec<&str> {
        diagnostics.iter().filter(|d| d.code == Code::ProblemsNotShown).map(|d| d.message.as_str()).collect()
    }

    #[test]
    fn each_stage_keeps_its_first_problems_and_counts_the_rest() {
        let errors = (0..SHOWN_PER_STAGE + 2).map(|i| at(Code::InvalidEventSelectorsException, 2 * i));
        let warnings = (0..SHOWN_PER_STAGE + 5).map(|i| at(Code::DuplicateValue, 2 * i + 1));
        let mut all: Vec<Diagnostic> = errors.chain(warnings).collect();
        all.sort_by_key(|d| d.span.start);
        let kept = cap(all);
        assert_eq!(kept.len(), 2 * SHOWN_PER_STAGE + 2);
        assert!(kept.windows(2).all(|w| w[0].span.start <= w[1].span.start), "in position order");
        let last_error = kept.iter().rfind(|d| d.code == Code::InvalidEventSelectorsException).unwrap();
        assert_eq!(last_error.span.start, 2 * (SHOWN_PER_STAGE - 1));
        assert_eq!(
            not_shown(&kept),
            [
                "2 more selector problems are not shown, from here on (the first 1000 are)",
                "5 more warning problems are not shown, from here on (the first 1000 are)"
            ]
        );
        let first_left_out = kept.iter().find(|d| d.code == Code::ProblemsNotShown).unwrap();
        assert_eq!(first_left_out.span.start, 2 * SHOWN_PER_STAGE);
        assert!(first_left_out
            .help
            .as_deref()
            .unwrap()
            .starts_with(&format!("the first left out: problem at {}", 2 * SHOWN_PER_STAGE)));
        let short: Vec<Diagnostic> = (0..SHOWN_PER_STAGE).map(|i| at(Code::DuplicateValue, i)).collect();
        assert_eq!(cap(short.clone()), short);
    }

    #[test]
    fn the_selector_error_is_still_the_first_problem() {
        let values: Vec<String> = (0..SHOWN_PER_STAGE + 7).map(|i| format!(r#""AWS::S3::Objec{i}""#)).collect();
        let text = format!(
            r#"{{"TrailName":"my-trail","AdvancedEventSelectors":[{{"FieldSelectors":[{{"Field":"eventCategory","Equals":["Data"]}},{{"Field":"resources.type","Equals":[{}]}}]}}]}}"#,
            values.join(",")
        );
        let evaluation = put_event_selectors(&text, None);
        let Outcome::Error(error) = &evaluation.outcome else { panic!("valid") };
        assert!(error.message.starts_with("\"AWS::S3::Objec0\" is not a valid value"), "{}", error.message);
        let first = evaluation.diagnostics.iter().find(|d| d.is_error()).unwrap();
        assert_eq!((first.code, &first.message), (error.error_type, &error.message));
        // 1007 invalid values, one resources.type with more than one value and one past the
        // 500-value limit (spec §4.1, §4.2).
        assert_eq!(
            not_shown(&evaluation.diagnostics),
            ["9 more selector problems are not shown, from here on (the first 1000 are)"]
        );
    }

    /// botocore lists every parameter problem in its one message: so does the outcome, whatever
    /// the list shows.
    #[test]
    fn the_client_error_keeps_every_problem() {
        let count = SHOWN_PER_STAGE + 3;
        let text = format!("[{}]", vec!["1"; count].join(","));
        let evaluation = put_event_selectors(&text, None);
        let Outcome::Error(error) = &evaluation.outcome else { panic!("valid") };
        assert_eq!(error.error_type, Code::ParamValidationError);
        assert_eq!(error.message.lines().count(), 1 + count);
        assert!(error.message.contains(&format!("EventSelectors[{}]", count - 1)));
        let first = evaluation.diagnostics.iter().find(|d| d.code == Code::ParamValidationError).unwrap();
        assert_eq!(first.pointer, "/0");
        assert_eq!(
            not_shown(&evaluation.diagnostics),
            ["3 more client-side parameter problems are not shown, from here on (the first 1000 are)"]
        );
    }
}
