//! The analysis the page shows: the core's report on the editors' texts, counted, and tied to
//! the text it was made from so that its fixes are never applied to a newer text.

use std::rc::Rc;
use trailscope_core::model::Selectors;
use trailscope_core::report::{report_with_selectors, FlatDiagnostic, FlatFix, Offsets, Report};
use trailscope_core::service::ApiError;
use yew::Reducible;

/// The core's report on the editors' texts, and the selectors a replay can run through.
pub type Judged = (Report, Option<Selectors>);

/// Runs the core on the editors' texts.
pub fn analyse(request: &str, context: &str) -> Judged {
    report_with_selectors(request, Some(context), Offsets::BytesAndUtf16)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub report: Rc<Report>,
    /// The report's diagnostics, shared by the editor and the problems list (made once per
    /// analysis, not on every render).
    pub diagnostics: Rc<Vec<FlatDiagnostic>>,
    /// The selectors a replay runs through (None while they cannot be judged).
    pub selectors: Option<Rc<Selectors>>,
    /// Counts analyses: a held replay re-runs after each one.
    pub revision: u64,
    /// The text revision analysed: how many edits the editors had seen when their texts were
    /// read. The report's offsets hold for that text only.
    pub text_revision: u64,
}

impl Analysis {
    /// The analysis of the texts the page opens with (no edit yet).
    pub fn new((report, selectors): Judged) -> Self {
        Analysis {
            diagnostics: Rc::new(report.diagnostics.clone()),
            selectors: selectors.map(Rc::new),
            report: Rc::new(report),
            revision: 0,
            text_revision: 0,
        }
    }

    /// `fix`, tagged with the text it applies to.
    pub fn stamp(&self, fix: FlatFix) -> StampedFix {
        StampedFix { text_revision: self.text_revision, fix }
    }
}

/// Whether `d` is what the API returns as `error`: its code, and its message in the error's
/// (botocore lists every parameter problem in one message; the service returns one).
pub fn is_returned(error: &ApiError, d: &FlatDiagnostic) -> bool {
    d.code == error.error_type && error.message.contains(d.message.as_str())
}

/// A new report, made from the texts at `text_revision`.
pub struct Analysed {
    pub report: Judged,
    pub text_revision: u64,
}

impl Reducible for Analysis {
    type Action = Analysed;

    fn reduce(self: Rc<Self>, Analysed { report, text_revision }: Analysed) -> Rc<Self> {
        Rc::new(Analysis { revision: self.revision + 1, text_revision, ..Analysis::new(report) })
    }
}

/// A fix offered by an analysis, with the text revision its offsets are for.
#[derive(Debug, Clone, PartialEq)]
pub struct StampedFix {
    pub text_revision: u64,
    pub fix: FlatFix,
}

impl StampedFix {
    /// The fix, when the text is still the one analysed (`text_revision` edits seen now); None
    /// when it was edited since (within the debounce): its offsets would land elsewhere.
    pub fn for_text(self, text_revision: u64) -> Option<FlatFix> {
        (self.text_revision == text_revision).then_some(self.fix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BAD: &str = r#"{"TrailName": "t", "EventSelectors": [{"ReadWriteType": "All"},]}"#;

    #[test]
    fn each_analysis_counts_and_keeps_its_text_revision() {
        let first = Rc::new(Analysis::new(analyse("{}", "{}")));
        assert_eq!((first.revision, first.text_revision), (0, 0));
        let second = first.reduce(Analysed { report: analyse(BAD, "{}"), text_revision: 7 });
        assert_eq!((second.revision, second.text_revision), (1, 7));
        assert_eq!(*second.diagnostics, second.report.diagnostics);
        assert!(!second.diagnostics.is_empty());
    }

    #[test]
    fn the_returned_problem_is_the_one_the_error_names() {
        let report = analyse(r#"{"TrailName": "a", "EventSelectors": [{"ReadWriteType": "Often"}]}"#, "{}").0;
        let error = report.error.as_ref().expect("an invalid name");
        let returned: Vec<_> = report.diagnostics.iter().filter(|d| is_returned(error, d)).collect();
        assert_eq!(returned.len(), 1);
        assert_eq!((returned[0].code, &returned[0].message), (error.error_type, &error.message));
    }

    #[test]
    fn a_fix_from_an_older_text_is_dropped() {
        let analysis = Rc::new(Analysis::new(analyse("{}", "{}")))
            .reduce(Analysed { report: analyse(BAD, "{}"), text_revision: 3 });
        let fix =
            analysis.diagnostics.iter().find_map(|d| d.fixes.first().cloned()).expect("the trailing comma has a fix");
        assert_eq!(analysis.stamp(fix.clone()).for_text(3), Some(fix.clone()));
        // Typed since the analysis (its debounce not yet run): the fix is not applied.
        assert_eq!(analysis.stamp(fix).for_text(4), None);
    }
}
