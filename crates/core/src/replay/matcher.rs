//! Selectors compiled once into a matcher; each event is then checked against every selector.
//! One evaluation serves both the fast path (logged or not) and the explanation: a selector
//! that does not match returns a [`Miss`] saying which condition failed, without allocating.
//!
//! Semantics: spec §5.1 (advanced: OR across selectors, AND across field selectors, SELECT
//! operators OR'd, DESELECT operators excluding), §6.1-§6.2 (basic), decisions D23-D28.

use super::event::{EventRecord, Resource};
use crate::catalog::data_value::{self, DataValue};
use crate::catalog::{Category, Field};
use crate::request::model::{
    AdvancedEventSelector, AdvancedFieldSelector, EventSelector, Operator, ReadWriteType, Selectors,
};
use std::collections::HashSet;

/// Why one selector did not match an event. Indexes point into the selector as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Miss {
    /// Basic: the event is a management event and the selector has IncludeManagementEvents false.
    ManagementExcluded,
    /// Basic: ReadWriteType does not fit the event's readOnly.
    ReadWrite,
    /// Basic: the management event's eventSource is in ExcludeManagementEventSources.
    SourceExcluded,
    /// Basic: no data resource of the selector matches the event's resources.
    NoDataResource,
    /// The event's category is never selected by this kind of selector (network activity and
    /// insight events for basic selectors, insight events for all; spec §5.3, §6.1).
    CategoryNotSelectable,
    /// Advanced: field selector `index` failed; `excluded` tells a DESELECT operator excluded the
    /// value (else no SELECT operator matched, or the field is missing).
    Field { index: usize, excluded: bool },
}

/// One field selector: the field it reads and its operators.
#[derive(Debug, Clone)]
pub(crate) struct Condition {
    /// `None` for a name selectors do not know: its value is always missing (D23).
    pub(crate) field: Option<Field>,
    pub(crate) operators: Operators,
}

/// The operator values of one field selector, ready to test a value (spec §5.1 formal
/// version). The questions' solver (`ask`) tests its representative values with it too, so
/// the two cannot disagree on an operator.
#[derive(Debug, Clone)]
pub(crate) struct Operators {
    pub(crate) equals: Values,
    pub(crate) starts_with: Vec<Box<str>>,
    pub(crate) ends_with: Vec<Box<str>>,
    pub(crate) not_equals: Values,
    pub(crate) not_starts_with: Vec<Box<str>>,
    pub(crate) not_ends_with: Vec<Box<str>>,
    pub(crate) has_select: bool,
}

/// Equals values: a short list is scanned (faster than hashing), a long one is hashed.
#[derive(Debug, Clone)]
pub(crate) enum Values {
    Few(Vec<Box<str>>),
    Many(HashSet<Box<str>>),
}

impl Values {
    fn new(list: Vec<Box<str>>) -> Self {
        if list.len() <= 8 {
            Values::Few(list)
        } else {
            Values::Many(list.into_iter().collect())
        }
    }

    fn contains(&self, value: &str) -> bool {
        match self {
            Values::Few(list) => list.iter().any(|v| **v == *value),
            Values::Many(set) => set.contains(value),
        }
    }

    pub(crate) fn iter(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        match self {
            Values::Few(list) => Box::new(list.iter().map(|v| &**v)),
            Values::Many(set) => Box::new(set.iter().map(|v| &**v)),
        }
    }

    fn single(&self) -> Option<Box<str>> {
        match self {
            Values::Few(list) if list.len() == 1 => Some(list[0].clone()),
            Values::Few(_) | Values::Many(_) => None,
        }
    }
}

/// How a value fares against one field selector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Test {
    Pass,
    NotSelected,
    Excluded,
}

impl Condition {
    fn compile(field: &AdvancedFieldSelector) -> Self {
        Condition { field: Field::parse(&field.field), operators: Operators::of(field) }
    }

    fn test(&self, value: Option<&str>) -> Test {
        self.operators.test(value)
    }
}

impl Operators {
    /// The operators of a field selector as written.
    pub(crate) fn of(field: &AdvancedFieldSelector) -> Self {
        let list = |op| field.values(op).into_iter().flatten().map(|v| v.as_str().into()).collect::<Vec<Box<str>>>();
        Operators {
            equals: Values::new(list(Operator::Equals)),
            starts_with: list(Operator::StartsWith),
            ends_with: list(Operator::EndsWith),
            not_equals: Values::new(list(Operator::NotEquals)),
            not_starts_with: list(Operator::NotStartsWith),
            not_ends_with: list(Operator::NotEndsWith),
            has_select: Operator::ALL.iter().any(|op| op.is_select() && field.values(*op).is_some()),
        }
    }

    /// The single Equals value, when that is the whole SELECT side.
    fn single(&self) -> Option<Box<str>> {
        self.equals.single()
    }

    /// SELECT operators OR'd, DESELECT operators exclude, both groups AND'd (spec §5.1); a
    /// missing value fails SELECT operators and is not excluded by DESELECT ones (D23).
    pub(crate) fn test(&self, value: Option<&str>) -> Test {
        let Some(v) = value else {
            return if self.has_select { Test::NotSelected } else { Test::Pass };
        };
        let selected = !self.has_select
            || self.equals.contains(v)
            || self.starts_with.iter().any(|p| v.starts_with(&**p))
            || self.ends_with.iter().any(|s| v.ends_with(&**s));
        if !selected {
            return Test::NotSelected;
        }
        let excluded = self.not_equals.contains(v)
            || self.not_starts_with.iter().any(|p| v.starts_with(&**p))
            || self.not_ends_with.iter().any(|s| v.ends_with(&**s));
        if excluded {
            Test::Excluded
        } else {
            Test::Pass
        }
    }

    /// Every string the operators compare with, by how they compare (the solver builds its
    /// representative values from them).
    pub(crate) fn constants(&self) -> (Vec<&str>, Vec<&str>, Vec<&str>) {
        let exact = self.equals.iter().chain(self.not_equals.iter()).collect();
        let prefixes = self.starts_with.iter().chain(&self.not_starts_with).map(|p| &**p).collect();
        let suffixes = self.ends_with.iter().chain(&self.not_ends_with).map(|p| &**p).collect();
        (exact, prefixes, suffixes)
    }
}

#[derive(Debug, Clone)]
pub(crate) struct AdvancedRule {
    pub(crate) category: Option<Category>,
    /// The selector's resources.type, which resources.ARN conditions apply to (D25).
    pub(crate) resource_type: Option<Box<str>>,
    pub(crate) conditions: Vec<Condition>,
}

impl AdvancedRule {
    fn compile(selector: &AdvancedEventSelector) -> Self {
        let conditions: Vec<Condition> = selector.field_selectors.iter().map(Condition::compile).collect();
        let single =
            |field: Field| conditions.iter().find(|c| c.field == Some(field)).and_then(|c| c.operators.single());
        let category = single(Field::EventCategory).map(|c| Category::selectable(&c).unwrap_or(Category::Other));
        AdvancedRule { category, resource_type: single(Field::ResourcesType), conditions }
    }

    fn check(&self, event: &EventRecord<'_>, category: Category) -> Result<(), Miss> {
        if matches!(category, Category::Insight | Category::Other) {
            return Err(Miss::CategoryNotSelectable);
        }
        for (index, condition) in self.conditions.iter().enumerate() {
            let test = match condition.field {
                Some(Field::EventCategory) => condition.test(Some(category.as_str())),
                Some(Field::ResourcesType) => {
                    any_resource(event.resources(), |r| condition.test(r.resource_type.as_deref()))
                }
                Some(Field::ResourcesArn) => {
                    let of_type = |r: &&Resource<'_>| {
                        self.resource_type.as_deref().is_none_or(|t| r.resource_type.as_deref() == Some(t))
                    };
                    any_resource(event.resources().iter().filter(of_type), |r| condition.test(r.arn()))
                }
                Some(field) => condition.test(event.field(field)),
                None => condition.test(None),
            };
            if test != Test::Pass {
                return Err(Miss::Field { index, excluded: test == Test::Excluded });
            }
        }
        Ok(())
    }
}

/// A multi-valued field passes when one entry passes (D25); with no entries it is missing.
fn any_resource<'r, 'a: 'r>(
    entries: impl IntoIterator<Item = &'r Resource<'a>>,
    test: impl Fn(&Resource<'a>) -> Test,
) -> Test {
    let mut result = None;
    for entry in entries {
        match test(entry) {
            Test::Pass => return Test::Pass,
            Test::Excluded => result = Some(Test::Excluded),
            Test::NotSelected => result = result.or(Some(Test::NotSelected)),
        }
    }
    result.unwrap_or(Test::NotSelected)
}

/// How a basic `DataResources.Values` entry matches a resource's ARN (spec §6.2, D10).
#[derive(Debug, Clone)]
pub(crate) enum ValueMatch {
    All,
    Prefix(Box<str>),
    Exact(Box<str>),
}

impl ValueMatch {
    /// The match for `value` of `resource_type`; `None` for a value validation refuses.
    pub(crate) fn of(resource_type: &str, value: &str) -> Option<ValueMatch> {
        match data_value::parse(resource_type, value) {
            Ok(DataValue::All) => Some(ValueMatch::All),
            Ok(DataValue::LambdaFunction) => Some(ValueMatch::Exact(value.into())),
            Ok(_) => Some(ValueMatch::Prefix(value.into())),
            Err(_) => None,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct BasicRule {
    pub(crate) read_write_type: ReadWriteType,
    pub(crate) include_management_events: bool,
    pub(crate) excluded_sources: Vec<Box<str>>,
    pub(crate) data: Vec<(Box<str>, Vec<ValueMatch>)>,
}

impl BasicRule {
    fn compile(selector: &EventSelector) -> Self {
        let data = selector
            .data_resources
            .iter()
            .map(|r| {
                let values = r.values.iter().filter_map(|v| ValueMatch::of(&r.resource_type, v)).collect();
                (r.resource_type.as_str().into(), values)
            })
            .collect();
        BasicRule {
            read_write_type: selector.read_write_type,
            include_management_events: selector.include_management_events,
            excluded_sources: selector.exclude_management_event_sources.iter().map(|s| s.as_str().into()).collect(),
            data,
        }
    }

    /// D27: a record without readOnly fits only `All`.
    fn read_write_fits(&self, event: &EventRecord<'_>) -> bool {
        match self.read_write_type {
            ReadWriteType::All => true,
            ReadWriteType::ReadOnly => event.field(Field::ReadOnly) == Some("true"),
            ReadWriteType::WriteOnly => event.field(Field::ReadOnly) == Some("false"),
        }
    }

    fn check(&self, event: &EventRecord<'_>, category: Category) -> Result<(), Miss> {
        match category {
            Category::Management if !self.include_management_events => Err(Miss::ManagementExcluded),
            Category::Management if !self.read_write_fits(event) => Err(Miss::ReadWrite),
            Category::Management => match event.event_source.as_deref() {
                Some(source) if self.excluded_sources.iter().any(|s| **s == *source) => Err(Miss::SourceExcluded),
                _ => Ok(()),
            },
            Category::Data if !self.data_matches(event) => Err(Miss::NoDataResource),
            Category::Data if !self.read_write_fits(event) => Err(Miss::ReadWrite),
            Category::Data => Ok(()),
            Category::NetworkActivity | Category::Insight | Category::Other => Err(Miss::CategoryNotSelectable),
        }
    }

    fn data_matches(&self, event: &EventRecord<'_>) -> bool {
        self.data.iter().any(|(resource_type, values)| {
            event.resources().iter().filter(|r| r.resource_type.as_deref() == Some(&**resource_type)).any(|r| {
                values.iter().any(|v| match (v, r.arn()) {
                    (ValueMatch::All, _) => true,
                    (ValueMatch::Prefix(p), Some(arn)) => arn.starts_with(&**p),
                    (ValueMatch::Exact(e), Some(arn)) => arn == &**e,
                    _ => false,
                })
            })
        })
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Rules {
    Basic(Vec<BasicRule>),
    Advanced(Vec<AdvancedRule>),
}

/// Validated selectors, compiled for matching.
#[derive(Debug, Clone)]
pub struct Matcher {
    rules: Rules,
}

impl Matcher {
    /// Compiles selectors that passed validation (a trail never configured is
    /// `Selectors::default()`, decisions D28).
    pub fn new(selectors: &Selectors) -> Self {
        let rules = match selectors {
            Selectors::Basic(list) => Rules::Basic(list.iter().map(BasicRule::compile).collect()),
            Selectors::Advanced(list) => Rules::Advanced(list.iter().map(AdvancedRule::compile).collect()),
        };
        Matcher { rules }
    }

    /// The compiled rules (the SQL compiler, `crate::sql`, writes them as SQL).
    pub(crate) fn rules(&self) -> &Rules {
        &self.rules
    }

    pub fn selector_count(&self) -> usize {
        match &self.rules {
            Rules::Basic(r) => r.len(),
            Rules::Advanced(r) => r.len(),
        }
    }

    /// Whether selector `index` matches `event`, and if not, why.
    pub fn check(&self, index: usize, event: &EventRecord<'_>, category: Category) -> Result<(), Miss> {
        match &self.rules {
            Rules::Basic(rules) => rules[index].check(event, category),
            Rules::Advanced(rules) => match rules[index].category {
                Some(c) if c != category => Err(Miss::Field { index: self.category_index(index), excluded: false }),
                _ => rules[index].check(event, category),
            },
        }
    }

    /// The position of the eventCategory field selector of advanced selector `index`.
    fn category_index(&self, index: usize) -> usize {
        match &self.rules {
            Rules::Advanced(rules) => {
                rules[index].conditions.iter().position(|c| c.field == Some(Field::EventCategory)).unwrap_or(0)
            }
            Rules::Basic(_) => 0,
        }
    }

    /// Appends the indexes of the selectors that match `event`, judged in `category` (its
    /// `category()`), to `matched` (cleared first); the trail logs the event when one does (OR
    /// across selectors, spec §5.1).
    pub fn matches_into(&self, event: &EventRecord<'_>, category: Category, matched: &mut Vec<usize>) {
        matched.clear();
        matched.extend((0..self.selector_count()).filter(|&i| self.check(i, event, category).is_ok()));
    }
}
