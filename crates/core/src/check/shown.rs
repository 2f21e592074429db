//! How many problems an evaluation lists (decisions D53): the first [`SHOWN_PER_STAGE`] of each
//! stage, in position order, and for a stage with more, one warning that counts the rest. A
//! 4 MiB request can hold two million problems; every one listed is flattened, sent to the page
//! as JSON and drawn in the editor, which took seconds (issue 14 §1). The API outcome is decided
//! before the cut, from every problem built and counted (`diagnostics::problems`), so it stays
//! what CloudTrail (or botocore, up to its first [`SHOWN_PER_STAGE`] lines) would return.

use crate::diagnostics::problems::STAGES;
use crate::diagnostics::{Code, Diagnostic, Stage};
use crate::limits::SHOWN_PER_STAGE;

/// `sorted` (in position order) cut to the first [`SHOWN_PER_STAGE`] problems of each stage. A
/// stage with more (left out here, or only counted where reported: `unbuilt`, indexed as
/// [`STAGES`]) gets a [`Code::ProblemsNotShown`] warning at its last problem shown: what an
/// emitter only counted comes after what it built.
pub fn cap(sorted: Vec<Diagnostic>, unbuilt: [usize; STAGES.len()]) -> Vec<Diagnostic> {
    if sorted.len() <= SHOWN_PER_STAGE && unbuilt.iter().all(|&n| n == 0) {
        return sorted;
    }
    let mut left_out = unbuilt;
    let mut shown = [0usize; STAGES.len()];
    let mut last_shown: [Option<usize>; STAGES.len()] = [None; STAGES.len()];
    let mut kept = Vec::with_capacity(sorted.len().min(STAGES.len() * SHOWN_PER_STAGE));
    for d in sorted {
        let stage = d.code.stage() as usize;
        if shown[stage] < SHOWN_PER_STAGE {
            shown[stage] += 1;
            last_shown[stage] = Some(kept.len());
            kept.push(d);
        } else {
            left_out[stage] += 1;
        }
    }
    let markers: Vec<Diagnostic> = STAGES
        .iter()
        .enumerate()
        .filter(|(i, _)| left_out[*i] > 0)
        .filter_map(|(i, stage)| last_shown[i].map(|k| not_shown(*stage, left_out[i], &kept[k])))
        .collect();
    kept.extend(markers);
    // Stable: each warning stays after the problem it follows.
    kept.sort_by_key(|d| (d.span.start, d.span.end));
    kept
}

/// The warning counting the `count` problems of `stage` left out, after `last`, the last shown.
fn not_shown(stage: Stage, count: usize, last: &Diagnostic) -> Diagnostic {
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
        format!("{count} more {what} problems after this one are not shown (the first {SHOWN_PER_STAGE} are)"),
        &last.pointer,
        last.span,
    )
    .help("fix the problems shown and validate again")
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
        let mut unbuilt = [0; STAGES.len()];
        unbuilt[Stage::Lint as usize] = 10;
        let kept = cap(all, unbuilt);
        assert_eq!(kept.len(), 2 * SHOWN_PER_STAGE + 2);
        assert!(kept.windows(2).all(|w| w[0].span.start <= w[1].span.start), "in position order");
        let last_error = kept.iter().rfind(|d| d.code == Code::InvalidEventSelectorsException).unwrap();
        assert_eq!(last_error.span.start, 2 * (SHOWN_PER_STAGE - 1));
        assert_eq!(
            not_shown(&kept),
            [
                "2 more selector problems after this one are not shown (the first 1000 are)",
                "15 more warning problems after this one are not shown (the first 1000 are)"
            ]
        );
        let marker = kept.iter().position(|d| d.code == Code::ProblemsNotShown).unwrap();
        assert_eq!((kept[marker - 1].span, &kept[marker - 1].pointer), (kept[marker].span, &kept[marker].pointer));
        assert_eq!(kept[marker].span.start, 2 * (SHOWN_PER_STAGE - 1));
        let short: Vec<Diagnostic> = (0..SHOWN_PER_STAGE).map(|i| at(Code::DuplicateValue, i)).collect();
        assert_eq!(cap(short.clone(), [0; STAGES.len()]), short);
    }

    /// Problems only counted where they were reported still get their warning.
    #[test]
    fn counted_problems_are_announced_after_the_last_shown() {
        let shown: Vec<Diagnostic> = (0..3).map(|i| at(Code::ParamValidationError, i)).collect();
        let mut unbuilt = [0; STAGES.len()];
        unbuilt[Stage::Client as usize] = 4;
        let kept = cap(shown, unbuilt);
        assert_eq!(
            not_shown(&kept),
            ["4 more client-side parameter problems after this one are not shown (the first 1000 are)"]
        );
        assert_eq!(kept.last().map(|d| d.span.start), Some(2));
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
            ["9 more selector problems after this one are not shown (the first 1000 are)"]
        );
    }

    /// botocore lists every parameter problem in its one message: so does the outcome, up to the
    /// first thousand, then it counts the rest.
    #[test]
    fn the_client_error_lists_the_first_thousand_and_counts_the_rest() {
        let count = SHOWN_PER_STAGE + 3;
        let text = format!("[{}]", vec!["1"; count].join(","));
        let evaluation = put_event_selectors(&text, None);
        let Outcome::Error(error) = &evaluation.outcome else { panic!("valid") };
        assert_eq!(error.error_type, Code::ParamValidationError);
        let lines: Vec<&str> = error.message.lines().collect();
        assert_eq!(lines.len(), 2 + SHOWN_PER_STAGE);
        assert!(lines[SHOWN_PER_STAGE].contains(&format!("EventSelectors[{}]", SHOWN_PER_STAGE - 1)));
        assert_eq!(lines[SHOWN_PER_STAGE + 1], "... and 3 more (trailscope lists the first 1000; decisions D53)");
        let first = evaluation.diagnostics.iter().find(|d| d.code == Code::ParamValidationError).unwrap();
        assert_eq!(first.pointer, "/0");
        assert_eq!(
            not_shown(&evaluation.diagnostics),
            ["3 more client-side parameter problems after this one are not shown (the first 1000 are)"]
        );
    }
}
