//! The matcher's compiled selectors written as SQL predicates, one per selector and category.
//! The semantics are the matcher's (`replay::matcher`: spec §5.1, §6.1-§6.2, decisions
//! D23-D27), read from its own compiled form: the same `Operators` (whose `test` decides what
//! can be decided before any record is seen: an eventCategory condition, a missing value) and
//! the same basic `ValueMatch` forms.

use super::dialect::Syntax;
use super::expr::Sql;
use super::layout::{self, any_resource, equals, present};
use super::SqlError;
use crate::ask::TrailFacts;
use crate::catalog::{Category, Field};
use crate::model::ReadWriteType;
use crate::replay::matcher::{AdvancedRule, BasicRule, Matcher, Operators, Rules, Test, ValueMatch};

/// The categories selectors can select (spec §4.1); a record of any other is never logged.
pub(crate) const SELECTABLE: [Category; 3] = [Category::Management, Category::Data, Category::NetworkActivity];

/// The selectors as SQL: for each selectable category, the selectors that can match a record
/// of it, in selector order, with their predicate; and the trail's own gate.
pub(crate) struct Compiled {
    pub(crate) by_category: Vec<(Category, Vec<(usize, Sql)>)>,
    /// What the trail's state and the replay refuse whatever the selectors say.
    pub(crate) gate: Sql,
}

pub(crate) fn compile(matcher: &Matcher, trail: &TrailFacts, syntax: &dyn Syntax) -> Result<Compiled, SqlError> {
    let writer = Writer { syntax };
    let mut by_category = Vec::new();
    for category in SELECTABLE {
        let mut selectors = Vec::new();
        for index in 0..matcher.selector_count() {
            let predicate = match matcher.rules() {
                Rules::Basic(rules) => writer.basic(&rules[index], category)?,
                Rules::Advanced(rules) => writer.advanced(&rules[index], category)?,
            };
            if predicate != Sql::Const(false) {
                selectors.push((index, predicate));
            }
        }
        by_category.push((category, selectors));
    }
    Ok(Compiled { by_category, gate: writer.gate(trail)? })
}

struct Writer<'a> {
    syntax: &'a dyn Syntax,
}

impl Writer<'_> {
    /// The trail's state (decisions D33: a trail that is not logging logs nothing; a
    /// single-Region trail refuses events of another Region, as `TrailFacts::refuses` judges
    /// a record) and the records the replay refuses as not CloudTrail's (its
    /// `looks_like_event`: an `aws:` eventSource, decisions D32; none of eventSource,
    /// eventName and eventCategory).
    fn gate(&self, trail: &TrailFacts) -> Result<Sql, SqlError> {
        if !trail.is_logging {
            return Ok(Sql::Const(false));
        }
        let region = if trail.is_multi_region_trail {
            Sql::Const(true)
        } else {
            let absent = Sql::text(format!("{} IS NULL", layout::AWS_REGION));
            Sql::or([absent, equals(self.syntax, layout::AWS_REGION, &trail.home_region)?])
        };
        let foreign = Sql::and([
            present(layout::EVENT_SOURCE),
            Sql::text(self.syntax.starts_with(layout::EVENT_SOURCE, "aws:")?),
        ]);
        let known = Sql::or([present(layout::EVENT_SOURCE), present("eventname"), present("eventcategory")]);
        Ok(Sql::and([region, foreign.not(), known]))
    }

    /// One field selector on a value (spec §5.1): SELECT operators OR'd, DESELECT operators
    /// exclude; a missing value fails SELECT operators and passes DESELECT ones (D23), as
    /// `Operators::test(None)` says.
    fn test(&self, operators: &Operators, column: &str) -> Result<Sql, SqlError> {
        let selected = if operators.has_select {
            Sql::or([
                self.one_of(column, operators.equals.iter())?,
                self.each(&operators.starts_with, |v| self.syntax.starts_with(column, v))?,
                self.each(&operators.ends_with, |v| self.syntax.ends_with(column, v))?,
            ])
        } else {
            Sql::Const(true)
        };
        let excluded = Sql::or([
            self.one_of(column, operators.not_equals.iter())?,
            self.each(&operators.not_starts_with, |v| self.syntax.starts_with(column, v))?,
            self.each(&operators.not_ends_with, |v| self.syntax.ends_with(column, v))?,
        ]);
        let value_passes = Sql::and([selected, excluded.not()]);
        Ok(match operators.test(None) {
            Test::Pass => Sql::or([Sql::text(format!("{column} IS NULL")), value_passes]),
            Test::NotSelected | Test::Excluded => Sql::and([present(column), value_passes]),
        })
    }

    /// `column IN (...)`, the values sorted so that the text does not depend on hashing.
    fn one_of<'v>(&self, column: &str, values: impl Iterator<Item = &'v str>) -> Result<Sql, SqlError> {
        let mut values: Vec<&str> = values.collect();
        values.sort_unstable();
        values.dedup();
        let literals = values.iter().map(|v| self.syntax.literal(v)).collect::<Result<Vec<_>, _>>()?;
        Ok(match literals.as_slice() {
            [] => Sql::Const(false),
            [one] => Sql::text(format!("{column} = {one}")),
            many => Sql::text(format!("{column} IN ({})", many.join(", "))),
        })
    }

    /// Any of a prefix or suffix test over `values`.
    fn each(&self, values: &[Box<str>], test: impl Fn(&str) -> Result<String, SqlError>) -> Result<Sql, SqlError> {
        let tests = values.iter().map(|v| test(v).map(Sql::text)).collect::<Result<Vec<_>, _>>()?;
        Ok(Sql::or(tests))
    }

    /// An advanced selector on a record of `category` (`Matcher::check`: the selector's single
    /// eventCategory value first, then every condition; spec §5.1).
    fn advanced(&self, rule: &AdvancedRule, category: Category) -> Result<Sql, SqlError> {
        if rule.category.is_some_and(|c| c != category) {
            return Ok(Sql::Const(false));
        }
        let mut conditions = Vec::new();
        for condition in &rule.conditions {
            let operators = &condition.operators;
            conditions.push(match condition.field {
                Some(Field::EventCategory) => Sql::Const(operators.test(Some(category.as_str())) == Test::Pass),
                Some(Field::ResourcesType) => any_resource(self.syntax, self.test(operators, layout::RESOURCE_TYPE)?),
                Some(Field::ResourcesArn) => {
                    // D25: the ARN of a resource of the selector's resources.type, when it names one.
                    let of_type = match &rule.resource_type {
                        Some(t) => Sql::text(format!("{} = {}", layout::RESOURCE_TYPE, self.syntax.literal(t)?)),
                        None => Sql::Const(true),
                    };
                    let arn = self.test(operators, layout::RESOURCE_ARN)?;
                    any_resource(self.syntax, Sql::and([of_type, arn]))
                }
                Some(field) => match layout::column(field) {
                    Some(column) => self.test(operators, column)?,
                    None => Sql::Const(operators.test(None) == Test::Pass),
                },
                // A field name selectors do not know: its value is always missing (D23).
                None => Sql::Const(operators.test(None) == Test::Pass),
            });
        }
        Ok(Sql::and(conditions))
    }

    /// A basic selector on a record of `category` (spec §6.1-§6.2, decisions D27).
    fn basic(&self, rule: &BasicRule, category: Category) -> Result<Sql, SqlError> {
        let read_write = match rule.read_write_type {
            ReadWriteType::All => Sql::Const(true),
            // D27: a record without readOnly fits only All.
            ReadWriteType::ReadOnly => equals(self.syntax, layout::READ_ONLY, "true")?,
            ReadWriteType::WriteOnly => equals(self.syntax, layout::READ_ONLY, "false")?,
        };
        Ok(match category {
            Category::Management if !rule.include_management_events => Sql::Const(false),
            Category::Management => {
                let sources = rule.excluded_sources.iter().map(|s| &**s);
                let excluded = Sql::and([present(layout::EVENT_SOURCE), self.one_of(layout::EVENT_SOURCE, sources)?]);
                Sql::and([read_write, excluded.not()])
            }
            Category::Data => Sql::and([self.data_resources(rule)?, read_write]),
            Category::NetworkActivity | Category::Insight | Category::Other => Sql::Const(false),
        })
    }

    /// A resource of one of the selector's types whose ARN one of its values matches (§6.2, D10).
    fn data_resources(&self, rule: &BasicRule) -> Result<Sql, SqlError> {
        let mut any = Vec::new();
        for (resource_type, values) in &rule.data {
            let mut arns = Vec::new();
            for value in values {
                let arn = layout::RESOURCE_ARN;
                arns.push(match value {
                    ValueMatch::All => Sql::Const(true),
                    ValueMatch::Prefix(p) => Sql::and([present(arn), Sql::text(self.syntax.starts_with(arn, p)?)]),
                    ValueMatch::Exact(e) => equals(self.syntax, arn, e)?,
                });
            }
            let of_type = Sql::text(format!("{} = {}", layout::RESOURCE_TYPE, self.syntax.literal(resource_type)?));
            any.push(any_resource(self.syntax, Sql::and([of_type, Sql::or(arns)])));
        }
        Ok(Sql::or(any))
    }
}
