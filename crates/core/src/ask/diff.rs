//! The semantic diff of two selector sets: the classes of events one logs and the other does
//! not. Equivalence is exact (no event either way); each class found is described as a
//! question, grown from an example as far as both answers stay what they were, and then set
//! aside so the next search finds a different class.

use super::compile::{Preds, Rule};
use super::example::{judged, record};
use super::question::{Constraint, Key, Question};
use super::solve::{Event, Solver};
use super::{answer_in, Answer, AskError, Example, TrailFacts};
use crate::catalog::Field;
use crate::model::Selectors;
use serde::Serialize;
use serde_json::Value;

/// Past this many classes per side the diff says it stopped (`truncated`).
const MAX_CLASSES: usize = 6;

/// Events one side logs and the other does not, described as a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DiffClass {
    #[cfg_attr(feature = "ts", ts(type = "Question"))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    let named = serde_json::to_string(&(this, other)).unwrap_or_default();
    let sides = Sides { this: preds.rules(this, trail)?, other: preds.rules(other, trail)?, named };
    let scope_preds = preds.class(scope);
    let (mut classes, mut covered) = (Vec::new(), Vec::new());
    let mut solver = Solver::new(&preds.0);
    loop {
        let others: Vec<Rule> = sides.other.iter().chain(&covered).cloned().collect();
        let Some(event) = witness(&solver, &sides.this, &others, &scope_preds)? else {
            return Ok((classes, false));
        };
        if classes.len() == MAX_CLASSES {
            return Ok((classes, true));
        }
        let example = record(&solver, event, trail);
        let (question, class, logs, next) = describe(&mut preds, &sides, &example, scope)?;
        classes.push(DiffClass {
            question,
            logs: logs.0,
            other_logs: logs.1,
            example: judged(example.clone(), true, this, trail)?,
            other_example: judged(example, false, other, trail)?,
        });
        covered.push(Rule { preds: class });
        // Built with the class's predicates: it serves the next search too.
        solver = next;
    }
}

/// The rules of the side that logs a class and of the side that does not, and the strings
/// their selectors name.
struct Sides {
    this: Vec<Rule>,
    other: Vec<Rule>,
    named: String,
}

impl Sides {
    /// Whether either side's selectors name `value` (as a whole JSON string).
    fn names(&self, value: &str) -> bool {
        self.named.contains(&serde_json::Value::from(value).to_string())
    }
}

/// An event of the scope that a rule of `these` logs and no rule of `others` does.
fn witness(solver: &Solver, these: &[Rule], others: &[Rule], scope: &[usize]) -> Result<Option<Event>, AskError> {
    for rule in these {
        let class: Vec<usize> = scope.iter().chain(&rule.preds).copied().collect();
        if let Some(event) = solver.unlogged(others, &class)? {
            return Ok(Some(event));
        }
    }
    Ok(None)
}

type Described = (Question, Vec<usize>, (Answer, Answer), Solver);

/// The widest question grown from the example's values whose answers for both sides stay as
/// they were for the example's own values (ideally: this side all, the other none), with its
/// predicates, those answers and the solver that found them. Every candidate key's predicate
/// is added first, so one solver answers every candidate.
fn describe(preds: &mut Preds, sides: &Sides, example: &Value, scope: &Question) -> Result<Described, AskError> {
    let mut question = pinned(example, scope);
    let mut candidates: Vec<(Key, Constraint, usize)> = Vec::new();
    for (key, constraint) in &question.constraints {
        for c in std::iter::once(constraint.clone()).chain(wider_arn(*key, constraint)) {
            let pred = preds.constraint(*key, &c);
            candidates.push((*key, c, pred));
        }
    }
    let solver = Solver::new(&preds.0);
    let class_of = |q: &Question| -> Vec<usize> {
        q.constraints
            .iter()
            .filter_map(|(k, c)| candidates.iter().find(|(ck, cc, _)| ck == k && cc == c).map(|(_, _, p)| *p))
            .collect()
    };
    let answers = |q: &Question| -> Result<(Answer, Answer), AskError> {
        let class = class_of(q);
        Ok((answer_in(&solver, &sides.this, &class)?, answer_in(&solver, &sides.other, &class)?))
    };
    let mut current = answers(&question)?;
    for (key, constraint) in question.constraints.clone().into_iter().rev() {
        if scope.get(key).is_some() {
            continue;
        }
        let wider: Vec<Question> = wider_arn(key, &constraint)
            .map(|c| question.with(key, Some(c)))
            .into_iter()
            .chain([question.with(key, None)])
            .collect();
        for candidate in wider {
            if answers(&candidate)? == current {
                question = candidate;
                break;
            }
        }
    }
    // A key still pinned to a value neither side names (a made-up ARN, say) describes a point:
    // left free, the class is where the other side logs nothing and this side some.
    if current.1 == Answer::None {
        for (key, constraint) in question.constraints.clone() {
            let made_up = matches!(&constraint, Constraint::AnyOf(v) if v.len() == 1 && !sides.names(&v[0]));
            let wider = question.with(key, None);
            let got = if made_up && scope.get(key).is_none() { answers(&wider)? } else { continue };
            if got.1 == Answer::None && got.0 != Answer::None {
                (question, current) = (wider, got);
            }
        }
    }
    let class = class_of(&question);
    Ok((question, class, current, solver))
}

/// For an ARN value, the prefix up to its first path segment (`arn:aws:s3:::bucket/`).
fn wider_arn(key: Key, constraint: &Constraint) -> Option<Constraint> {
    let (Key::Field(Field::ResourcesArn), Constraint::AnyOf(values)) = (key, constraint) else { return None };
    let value = values.first()?;
    let start = value.find(":::")? + 3;
    let cut = start + value[start..].find('/')? + 1;
    Some(Constraint::StartsWith(value[..cut].to_string()))
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
