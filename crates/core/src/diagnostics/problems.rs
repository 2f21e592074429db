//! Where the checks report problems (decisions D53). Each emitter (a rule, the client-side
//! validator, the duplicate-key scan) has its first [`SHOWN_PER_STAGE`] problems built and the
//! rest only counted: a 4 MiB request can hold two million problems, and building each one (its
//! message, JSON pointer, help and fixes) took seconds nobody waited for (issue 14 §1).
//!
//! An emitter walks the document in order, so its first problems are also the first in the
//! text; and it reports problems of one stage and one severity (checked in debug builds), so
//! what was built says which stages failed and the counts say how much more there is.

use super::{Diagnostic, Severity, Stage};
use crate::limits::SHOWN_PER_STAGE;

/// Stages, in the order of [`Stage`] (indexes of per-stage counts).
pub const STAGES: [Stage; 6] = [Stage::Input, Stage::Client, Stage::Name, Stage::Lookup, Stage::Selectors, Stage::Lint];

#[derive(Debug)]
pub struct Problems {
    built: Vec<Diagnostic>,
    /// Problems an emitter has built before it only counts.
    budget: usize,
    /// Problems the current emitter reported so far.
    reported: usize,
    /// The stage and severity of the current emitter's problems.
    kind: Option<(Stage, Severity)>,
    /// Problems reported past their emitter's budget, per stage.
    unbuilt: [usize; STAGES.len()],
}

impl Default for Problems {
    fn default() -> Self {
        Self::with_budget(SHOWN_PER_STAGE)
    }
}

impl Problems {
    /// Problems where each emitter builds at most `budget` (at least one, so that what is
    /// counted has a stage).
    pub fn with_budget(budget: usize) -> Self {
        Problems { built: Vec::new(), budget: budget.max(1), reported: 0, kind: None, unbuilt: [0; STAGES.len()] }
    }

    /// Reports a problem; `build` makes it only within the emitter's budget.
    pub fn push(&mut self, build: impl FnOnce() -> Diagnostic) {
        self.reported += 1;
        if self.reported <= self.budget {
            let d = build();
            let kind = (d.code.stage(), d.severity);
            debug_assert!(self.kind.is_none_or(|k| k == kind), "an emitter reports one stage and severity: {d:?}");
            self.kind = Some(kind);
            self.built.push(d);
        } else if let Some((stage, _)) = self.kind {
            self.unbuilt[stage as usize] += 1;
        }
    }

    /// The problems reported next come from another emitter, with a budget of its own.
    pub fn next_emitter(&mut self) {
        self.reported = 0;
        self.kind = None;
    }

    /// The problems built, in the order reported.
    pub fn built(&self) -> &[Diagnostic] {
        &self.built
    }

    /// The problems built, and the count of those only counted, per stage (indexed as
    /// [`STAGES`]).
    pub fn into_parts(self) -> (Vec<Diagnostic>, [usize; STAGES.len()]) {
        (self.built, self.unbuilt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;
    use crate::source::span::Span;

    fn problem(code: Code, at: usize) -> Diagnostic {
        Diagnostic::new(code, format!("at {at}"), "", Span::new(at, at + 1))
    }

    #[test]
    fn each_emitter_builds_its_budget_and_counts_the_rest() {
        let mut problems = Problems::with_budget(2);
        let mut builds = 0;
        for at in 0..5 {
            problems.push(|| {
                builds += 1;
                problem(Code::InvalidEventSelectorsException, at)
            });
        }
        problems.next_emitter();
        problems.push(|| problem(Code::DuplicateValue, 9));
        assert_eq!(builds, 2);
        let (built, unbuilt) = problems.into_parts();
        let messages: Vec<&str> = built.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["at 0", "at 1", "at 9"]);
        assert_eq!(unbuilt[Stage::Selectors as usize], 3);
        assert_eq!(unbuilt.iter().sum::<usize>(), 3);
    }

    #[test]
    fn a_budget_builds_at_least_one() {
        let mut problems = Problems::with_budget(0);
        problems.push(|| problem(Code::DuplicateKey, 0));
        problems.push(|| problem(Code::DuplicateKey, 1));
        let (built, unbuilt) = problems.into_parts();
        assert_eq!((built.len(), unbuilt[Stage::Lint as usize]), (1, 1));
    }
}
