//! Selectors, a trail's state and a question, as predicates over the solver's dimensions.
//! Each rule is a conjunction; the trail logs an event when one rule holds. The rules follow
//! the matcher's semantics (spec §5.1, §6.1-§6.2, decisions D23-D27); the property test
//! `ask_agrees_with_the_matcher` holds them to it.

use super::question::{Constraint, Key, Question};
use super::space::{Dim, Pred, ResourcePred};
use super::trail::TrailFacts;
use super::AskError;
use crate::catalog::Field;
use crate::model::{AdvancedEventSelector, AdvancedFieldSelector, EventSelector, Operator, ReadWriteType, Selectors};
use crate::replay::matcher::{Operators, ValueMatch};

/// A conjunction of predicates (indexes into [`Preds`]) from one selector.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub(crate) preds: Vec<usize>,
}

/// Every predicate of one problem; rules and classes point into it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Preds(pub(crate) Vec<Pred>);

fn operators(list: &[(Operator, Vec<String>)]) -> Operators {
    let mut field = AdvancedFieldSelector::new("");
    for (op, values) in list {
        field.set_values(*op, values.clone());
    }
    Operators::of(&field)
}

fn equals(value: &str) -> Operators {
    operators(&[(Operator::Equals, vec![value.to_string()])])
}

impl Preds {
    fn push(&mut self, pred: Pred) -> usize {
        self.0.push(pred);
        self.0.len() - 1
    }

    /// The rules of `selectors` on `trail` (D33: none when it is not logging; every rule
    /// also needs the home Region when it is single-Region).
    pub(crate) fn rules(&mut self, selectors: &Selectors, trail: &TrailFacts) -> Result<Vec<Rule>, AskError> {
        if !trail.is_logging {
            return Ok(Vec::new());
        }
        let mut rules = match selectors {
            Selectors::Basic(list) => list.iter().flat_map(|s| self.basic(s)).collect(),
            Selectors::Advanced(list) => {
                let mut rules = Vec::new();
                for (i, selector) in list.iter().enumerate() {
                    rules.extend(self.advanced(i, selector)?);
                }
                rules
            }
        };
        if !trail.is_multi_region_trail {
            let home = self.push(Pred::Text(Dim::Region, equals(&trail.home_region)));
            rules.iter_mut().for_each(|r: &mut Rule| r.preds.push(home));
        }
        Ok(rules)
    }

    /// A basic selector: its management rule and one rule per data value (spec §6.1-§6.2).
    fn basic(&mut self, s: &EventSelector) -> Vec<Rule> {
        let read_write = match s.read_write_type {
            ReadWriteType::All => None,
            // D27: a record without readOnly fits only All.
            ReadWriteType::ReadOnly => Some(equals("true")),
            ReadWriteType::WriteOnly => Some(equals("false")),
        };
        let mut rules = Vec::new();
        if s.include_management_events {
            let mut preds = vec![self.push(Pred::Text(Dim::Category, equals("Management")))];
            if !s.exclude_management_event_sources.is_empty() {
                let excluded = operators(&[(Operator::NotEquals, s.exclude_management_event_sources.clone())]);
                preds.push(self.push(Pred::Text(Dim::Source, excluded)));
            }
            rules.push(Rule { preds });
        }
        for resource in &s.data_resources {
            for value in resource.values.iter().filter_map(|v| ValueMatch::of(&resource.resource_type, v)) {
                let arn = match value {
                    ValueMatch::All => None,
                    ValueMatch::Prefix(p) => Some(operators(&[(Operator::StartsWith, vec![p.into()])])),
                    ValueMatch::Exact(e) => Some(equals(&e)),
                };
                let pred = ResourcePred { of_type: Some(equals(&resource.resource_type)), arn, arn_type: None };
                let preds = vec![
                    self.push(Pred::Text(Dim::Category, equals("Data"))),
                    self.push(Pred::Resource(Box::new(pred))),
                ];
                rules.push(Rule { preds });
            }
        }
        if let Some(rw) = read_write {
            let pred = self.push(Pred::Text(Dim::ReadOnly, rw));
            rules.iter_mut().for_each(|r| r.preds.push(pred));
        }
        rules
    }

    /// An advanced selector: one rule, or none when a condition can never hold (a field name
    /// selectors do not know, with a SELECT operator: D23).
    fn advanced(&mut self, selector: usize, s: &AdvancedEventSelector) -> Result<Option<Rule>, AskError> {
        let mut preds = Vec::new();
        let (mut of_type, mut arn) = (Vec::new(), Vec::new());
        for field in &s.field_selectors {
            match Field::parse(&field.field) {
                Some(Field::ResourcesType) => of_type.push(field),
                Some(Field::ResourcesArn) => arn.push(field),
                Some(known) => preds.push(self.push(Pred::Text(dim_of(known), Operators::of(field)))),
                None if Operator::ALL.iter().any(|op| op.is_select() && field.values(*op).is_some()) => {
                    return Ok(None)
                }
                None => {}
            }
        }
        if let Some(pred) = resource_pred(selector, &of_type, &arn)? {
            preds.push(self.push(Pred::Resource(Box::new(pred))));
        }
        Ok(Some(Rule { preds }))
    }

    /// The predicates of a question's class: one per key. With at most one resource per
    /// record (D34), "a resource of this type" and "a resource with this ARN" are tested on the
    /// same resource, so the two keys can be two predicates.
    pub(crate) fn class(&mut self, question: &Question) -> Vec<usize> {
        question.constraints.iter().map(|(key, constraint)| self.constraint(*key, constraint)).collect()
    }

    /// The predicate of one question key.
    pub(crate) fn constraint(&mut self, key: Key, constraint: &Constraint) -> usize {
        let operators = constraint_operators(constraint);
        let pred = match key {
            Key::Field(Field::ResourcesType) => {
                Pred::Resource(Box::new(ResourcePred { of_type: Some(operators), arn: None, arn_type: None }))
            }
            Key::Field(Field::ResourcesArn) => {
                Pred::Resource(Box::new(ResourcePred { of_type: None, arn: Some(operators), arn_type: None }))
            }
            Key::Field(field) => Pred::Text(dim_of(field), operators),
            Key::AwsRegion => Pred::Text(Dim::Region, operators),
        };
        self.push(pred)
    }
}

fn constraint_operators(constraint: &Constraint) -> Operators {
    match constraint {
        Constraint::AnyOf(values) => operators(&[(Operator::Equals, values.clone())]),
        Constraint::StartsWith(prefix) => operators(&[(Operator::StartsWith, vec![prefix.clone()])]),
    }
}

/// The resource part of an advanced selector. Exact over records with several resources only
/// when one resource must pass both conditions (decisions D34): at most one condition on each
/// of resources.type and resources.ARN, and an ARN condition beside a type condition only when
/// the type is one Equals value (the type the ARN condition reads, D25).
fn resource_pred(
    selector: usize,
    of_type: &[&AdvancedFieldSelector],
    arn: &[&AdvancedFieldSelector],
) -> Result<Option<ResourcePred>, AskError> {
    let single_type = of_type.first().and_then(|t| match t.values(Operator::Equals) {
        Some(values) if values.len() == 1 => Some(values[0].clone()),
        _ => None,
    });
    if of_type.len() > 1 || arn.len() > 1 || (!arn.is_empty() && !of_type.is_empty() && single_type.is_none()) {
        return Err(AskError::Unsupported(format!(
            "selector {selector} tests resources.type and resources.ARN in a way that two different resources of \
             one record could meet apart; trailscope answers questions exactly only when one resource must meet \
             both (one resources.type Equals value, at most one condition on each)"
        )));
    }
    if of_type.is_empty() && arn.is_empty() {
        return Ok(None);
    }
    Ok(Some(ResourcePred {
        of_type: of_type.first().map(|f| Operators::of(f)),
        arn: arn.first().map(|f| Operators::of(f)),
        arn_type: single_type,
    }))
}

fn dim_of(field: Field) -> Dim {
    match field {
        Field::EventCategory => Dim::Category,
        Field::ReadOnly => Dim::ReadOnly,
        Field::EventSource => Dim::Source,
        Field::EventName => Dim::Name,
        Field::EventType => Dim::EventType,
        Field::SessionCredentialFromConsole => Dim::Console,
        Field::UserIdentityArn => Dim::UserArn,
        Field::ErrorCode => Dim::ErrorCode,
        Field::VpcEndpointId => Dim::Vpce,
        Field::ResourcesType | Field::ResourcesArn => Dim::Resource,
    }
}
