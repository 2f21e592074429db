//! The semantic diff of two selector sets: the classes of events one logs and the other does
//! not. Equivalence is exact (no event either way); each class found is described as a
//! question, grown from an example as far as both answers stay what they were, and then set
//! aside so the next search finds a different class.

use super::compile::{Preds, Rule};
use super::example::{judged, record};
use super::question::{Constraint, Key, Question};
use super::solve::Solver;
use super::{answer, Answer, AskError, Example, TrailFacts};
use crate::catalog::Field;
use crate::model::Selectors;
use serde::Serialize;
use serde_json::Value;

/// Past this many classes per side the diff says it stopped (`truncated`).
const MAX_CLASSES: usize = 6;

/// Events one side logs and the other does not, described as a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiffClass {
    pub question: Question,
    /// How much of the class each side logs (the side that logs it first).
    pub logs: Answer,
    pub other_logs: Answer,
    /// An event of the class: logged by this side ...
    pub example: Example,
    /// ... and not by the other (the same record).
    pub other_example: Example,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diff {
    pub equivalent: bool,
    /// Logged by A, not by B.
    pub only_a: Vec<DiffClass>,
    /// Logged by B, not by A.
    pub only_b: Vec<DiffClass>,
    /// More classes exist than were described.
    pub truncated: bool,
}

/// The semantic diff of `a` and `b` on `trail`, within the events of `scope` (all events for an
/// empty question). Order, duplicates, the two spellings of "all buckets" and basic against
/// advanced make no difference unless the events logged differ.
pub fn diff(a: &Selectors, b: &Selectors, trail: &TrailFacts, scope: &Question) -> Result<Diff, AskError> {
    let (only_a, more_a) = one_side(a, b, trail, scope)?;
    let (only_b, more_b) = one_side(b, a, trail, scope)?;
    Ok(Diff { equivalent: only_a.is_empty() && only_b.is_empty(), only_a, only_b, truncated: more_a || more_b })
}

/// The classes `this` logs and `other` does not; true when there are more than were described.
fn one_side(
    this: &Selectors,
    other: &Selectors,
    trail: &TrailFacts,
    scope: &Question,
) -> Result<(Vec<DiffClass>, bool), AskError> {
    let mut preds = Preds::default();
    let these = preds.rules(this, trail)?;
    let mut others = preds.rules(other, trail)?;
    let scope_preds = preds.class(scope);
    let mut classes = Vec::new();
    loop {
        let solver = Solver::new(&preds.0);
        let Some(event) = witness(&solver, &these, &others, &scope_preds)? else { return Ok((classes, false)) };
        if classes.len() == MAX_CLASSES {
            return Ok((classes, true));
        }
        let example = record(&solver, event, trail);
        let class = describe(&example, this, other, trail, scope)?;
        classes.push(DiffClass {
            logs: answer(this, trail, &class)?,
            other_logs: answer(other, trail, &class)?,
            example: judged(example.clone(), true, this, trail)?,
            other_example: judged(example, false, other, trail)?,
            question: class.clone(),
        });
        let covered = preds.class(&class);
        others.push(Rule { preds: covered });
    }
}

/// An event of the scope that a rule of `these` logs and no rule of `others` does.
fn witness(
    solver: &Solver<'_>,
    these: &[Rule],
    others: &[Rule],
    scope: &[usize],
) -> Result<Option<super::solve::Event>, AskError> {
    for rule in these {
        let class: Vec<usize> = scope.iter().chain(&rule.preds).copied().collect();
        if let Some(event) = solver.unlogged(others, &class)? {
            return Ok(Some(event));
        }
    }
    Ok(None)
}

/// The widest question grown from the example's values whose answers for both sides stay as
/// they were for the example's own values (ideally: this side all, the other none).
fn describe(
    example: &Value,
    this: &Selectors,
    other: &Selectors,
    trail: &TrailFacts,
    scope: &Question,
) -> Result<Question, AskError> {
    let mut question = pinned(example, scope);
    let answers = |q: &Question| -> Result<(Answer, Answer), AskError> {
        Ok((answer(this, trail, q)?, answer(other, trail, q)?))
    };
    let wanted = answers(&question)?;
    for (key, _) in question.constraints.clone().into_iter().rev() {
        if scope.get(key).is_some() {
            continue;
        }
        for wider in wider(&question, key) {
            if answers(&wider)? == wanted {
                question = wider;
                break;
            }
        }
    }
    Ok(question)
}

/// Wider forms of `key` in `question`: left free, or for an ARN its first path segment.
fn wider(question: &Question, key: Key) -> Vec<Question> {
    let mut out = vec![question.with(key, None)];
    if let (Key::Field(Field::ResourcesArn), Some(Constraint::AnyOf(values))) = (key, question.get(key)) {
        if let Some(cut) =
            values.first().and_then(|v| v.find(":::").and_then(|i| v[i + 3..].find('/').map(|j| i + 3 + j + 1)))
        {
            out.insert(0, question.with(key, Some(Constraint::StartsWith(values[0][..cut].to_string()))));
        }
    }
    out
}

/// The question whose every key holds the record's value (keys the record lacks stay free),
/// inside `scope`.
fn pinned(record: &Value, scope: &Question) -> Question {
    Key::ALL.into_iter().fold(scope.clone(), |q, key| match (scope.get(key), value_of(record, key)) {
        (None, Some(value)) => q.with(key, Some(Constraint::AnyOf(vec![value]))),
        _ => q,
    })
}

/// The record's value for `key` (the first resource for resources.*).
fn value_of(record: &Value, key: Key) -> Option<String> {
    let value = match key {
        Key::Field(Field::UserIdentityArn) => record.get("userIdentity")?.get("arn"),
        Key::Field(Field::ResourcesType) => record.get("resources")?.get(0)?.get("type"),
        Key::Field(Field::ResourcesArn) => record.get("resources")?.get(0)?.get("ARN"),
        Key::Field(field) => record.get(field.name()),
        Key::AwsRegion => record.get("awsRegion"),
    }?;
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null | Value::Number(_) | Value::Array(_) | Value::Object(_) => None,
    }
}
