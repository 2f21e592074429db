//! Ask the trail: exact answers to "is this class of events logged?", from the selectors
//! alone (issue 10). A question names a class of events; the answer is `all`, `none` or
//! `some`, with a logged and an unlogged example where they exist. No sampling: the solver
//! cuts each field's strings into finitely many classes that every selector treats alike
//! (`space`), and searches them all (`solve`).
//!
//! - [`question`]: the question's keys and forms;
//! - `compile`: selectors, the trail's state and a question as predicates;
//! - `space`, `solve`: the atoms and the search;
//! - `example`: the witnesses as CloudTrail records, judged again by the replay matcher.

mod bits;
mod compile;
pub mod diff;
mod example;
pub mod lines;
pub mod presets;
pub mod question;
mod solve;
mod space;
#[cfg(test)]
mod tests;
pub mod trail;

pub use diff::{diff, Diff, DiffClass};
pub use example::Example;
pub use question::{Constraint, Key, Question};
pub use trail::TrailFacts;

use crate::model::Selectors;
use compile::Preds;
use serde::Serialize;
use solve::Solver;

/// How much of a class the trail logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Answer {
    All,
    Some,
    None,
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::All => "all",
            Answer::Some => "some",
            Answer::None => "none",
        }
    }

    pub fn parse(text: &str) -> Option<Answer> {
        [Answer::All, Answer::Some, Answer::None].into_iter().find(|a| a.as_str() == text)
    }
}

/// An answer, or why there is none: what the npm package and the page receive, as
/// `{"answer": value}` or `{"refused": message}` (externally tagged: the page reads it without serde).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Asked<T> {
    Answer(T),
    Refused(String),
}

impl<T> From<Result<T, String>> for Asked<T> {
    fn from(result: Result<T, String>) -> Self {
        match result {
            Ok(value) => Asked::Answer(value),
            Err(message) => Asked::Refused(message),
        }
    }
}

/// Why a question got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AskError {
    /// No record fits the question (e.g. `eventCategory: Insight`, or contradictory keys).
    EmptyClass(String),
    /// The selectors use a shape the solver cannot answer exactly (decisions D34).
    Unsupported(String),
    /// The search grew past its bound; refused rather than approximated.
    TooComplex,
    /// The replay matcher disagreed with the solver on an example: a bug, never shown as an answer.
    Internal(String),
}

impl std::fmt::Display for AskError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AskError::EmptyClass(why) => write!(f, "no event fits the question: {why}"),
            AskError::Unsupported(why) => f.write_str(why),
            AskError::TooComplex => {
                f.write_str("the question is too complex to answer exactly within trailscope's bounds")
            }
            AskError::Internal(why) => write!(f, "internal error (please report): {why}"),
        }
    }
}

/// The answer to one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    pub answer: Answer,
    #[cfg_attr(feature = "ts", ts(type = "Question"))]
    pub question: Question,
    pub trail: TrailFacts,
    pub logged_example: Option<Example>,
    pub unlogged_example: Option<Example>,
}

/// Answers `question` for a trail in state `trail` with `selectors` (valid selectors: run
/// validation first; the answer is about what CloudTrail would store).
pub fn covers(selectors: &Selectors, trail: &TrailFacts, question: &Question) -> Result<Coverage, AskError> {
    let mut preds = Preds::default();
    let rules = preds.rules(selectors, trail)?;
    let class = preds.class(question);
    let solver = Solver::new(&preds.0);
    let (logged, unlogged) = search(&solver, &rules, &class, question)?;
    let witness = |event: Option<solve::Event>, logged: bool| {
        event.map(|e| example::example(&solver, e, logged, selectors, trail)).transpose()
    };
    Ok(Coverage {
        answer: answer_of(logged.is_some(), unlogged.is_some()),
        question: question.clone(),
        trail: trail.clone(),
        logged_example: witness(logged, true)?,
        unlogged_example: witness(unlogged, false)?,
    })
}

/// The answer alone, without examples, from a solver built with the class's predicates.
pub(crate) fn answer_in(solver: &Solver, rules: &[compile::Rule], class: &[usize]) -> Result<Answer, AskError> {
    let logged = solver.logged(rules, class).is_some();
    Ok(answer_of(logged, solver.unlogged(rules, class)?.is_some()))
}

type Witnesses = (Option<solve::Event>, Option<solve::Event>);

fn search(
    solver: &Solver,
    rules: &[compile::Rule],
    class: &[usize],
    question: &Question,
) -> Result<Witnesses, AskError> {
    if solver.member(class).is_none() {
        return Err(AskError::EmptyClass(empty_reason(question)));
    }
    Ok((solver.logged(rules, class), solver.unlogged(rules, class)?))
}

fn answer_of(logged: bool, unlogged: bool) -> Answer {
    match (logged, unlogged) {
        (true, true) => Answer::Some,
        (true, false) => Answer::All,
        (false, _) => Answer::None,
    }
}

fn empty_reason(question: &Question) -> String {
    use crate::catalog::Field;
    match question.get(Key::Field(Field::EventCategory)) {
        Some(Constraint::AnyOf(values)) if values.iter().all(|v| crate::catalog::Category::selectable(v).is_none()) => {
            "eventCategory must be Management, Data or NetworkActivity (Insights events come from insight selectors, \
             not event selectors)"
                .into()
        }
        _ => "its keys contradict each other or name values no record holds (readOnly is \"true\" or \"false\")".into(),
    }
}
