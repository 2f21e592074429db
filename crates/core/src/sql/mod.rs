//! Selectors compiled to SQL (issue 13): a query that selects exactly the events a trail's
//! selectors log, for Amazon Athena (Trino), Spark SQL and DuckDB, so that months of logs can
//! be judged where they are stored. The SQL keeps every semantic of the replay matcher (it is
//! written from the matcher's compiled form, `predicate`) and of the trail's state (decisions
//! D33); where a dialect cannot say something exactly, the answer is a refusal, never an
//! approximation. `make test` runs the queries on DuckDB and Spark against the matcher, event
//! for event, and parses the Athena queries with a Trino grammar.
//!
//! - `dialect/`: literals, prefix and suffix tests, array tests and the relation, per engine;
//! - `layout`: the table's columns (decisions D40) and the record's category (D26);
//! - `predicate`: one predicate per selector and category;
//! - `query`: the modes.

mod dialect;
mod expr;
mod layout;
mod predicate;
mod query;

pub use dialect::{Dialect, DEFAULT_TABLE};
pub use query::VIEW_NAME;

use crate::ask::TrailFacts;
use crate::model::Selectors;
use crate::replay::Matcher;
use serde::{Deserialize, Serialize};

/// What the query returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Mode {
    /// The predicate alone, over the table's columns (never NULL: `NOT` it for the events the
    /// trail does not log).
    Where,
    /// `CREATE OR REPLACE VIEW trailscope_logged`: every column of the logged events, with
    /// `trailscope_category` and `trailscope_selector`.
    View,
    /// One row per logged event: `eventid`, `eventtime`, `eventsource`, `eventname`,
    /// `awsregion`, `category`, `selector` (the first selector that matches it).
    #[default]
    Select,
    /// Events and data-event cost per selector, eventSource, eventName and category, and a
    /// total row (all keys NULL).
    Count,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Where, Mode::View, Mode::Select, Mode::Count];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Where => "where",
            Mode::View => "view",
            Mode::Select => "select",
            Mode::Count => "count",
        }
    }

    pub fn parse(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == name)
    }
}

/// What to write: the engine, the mode, and where the events are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "SqlOptions"))]
pub struct SqlOptions {
    pub dialect: Dialect,
    #[serde(default)]
    pub mode: Mode,
    /// The CloudTrail table (Athena, Spark: `cloudtrail_logs_pp` when absent; DuckDB: a table
    /// with the same columns, instead of log files).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub table: Option<String>,
    /// DuckDB only: the log files to read (a path or glob of `.json` / `.json.gz` files;
    /// `*.json.gz` when neither this nor `table` is given).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub source: Option<String>,
}

/// Why no SQL was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SqlError {
    /// The dialect cannot say it exactly (decisions D42).
    Unsupported(String),
    /// The options do not fit together.
    Options(String),
}

impl std::fmt::Display for SqlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SqlError::Unsupported(why) => write!(f, "cannot write this exactly in SQL: {why}"),
            SqlError::Options(why) => f.write_str(why),
        }
    }
}

/// The SQL that selects exactly the events `selectors` log on `trail` (validated selectors;
/// `TrailFacts::assumed()` for the selectors alone).
pub fn to_sql(selectors: &Selectors, trail: &TrailFacts, options: &SqlOptions) -> Result<String, SqlError> {
    let syntax = options.dialect.syntax();
    let relation = syntax.relation(options.table.as_deref(), options.source.as_deref())?;
    let compiled = predicate::compile(&Matcher::new(selectors), trail, syntax)?;
    let body = query::write(syntax, &compiled, options.mode, &relation)?;
    Ok(match options.mode {
        Mode::Where => body,
        Mode::View | Mode::Select | Mode::Count => format!("{}\n{body};\n", header(options.dialect, trail)),
    })
}

/// The comment the queries start with: what they read and what they assume.
fn header(dialect: Dialect, trail: &TrailFacts) -> String {
    let trail = match (trail.assumed, trail.is_logging, trail.is_multi_region_trail) {
        (true, _, _) => "the selectors alone (no account context)".to_string(),
        (false, false, _) => "a trail that is not logging: no event is logged (decisions D33)".to_string(),
        (false, true, false) => format!("a single-Region trail: only {} events (decisions D33)", trail.home_region),
        (false, true, true) => "a logging, multi-Region trail".to_string(),
    };
    let lines = [
        "-- Written by trailscope from the trail's event selectors: the events they log.".to_string(),
        format!("-- {}", layout_note(dialect)),
        format!("-- Judged for {trail}."),
    ];
    lines.join("\n")
}

/// The table layout a dialect's queries assume, in one sentence (the page shows it).
pub fn layout_note(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Athena => {
            "Reads the CloudTrail table of the Athena user guide (CREATE EXTERNAL TABLE cloudtrail_logs_pp, with \
             partition projection) with two more columns the matcher needs: managementevent STRING and \
             resources[].arnprefix STRING (decisions D40)."
        }
        Dialect::Spark => {
            "Reads the same CloudTrail table as Athena (through the AWS Glue catalog, or a view with the same \
             columns over spark.read.json of the logs' Records), with managementevent and resources[].arnprefix \
             (decisions D40); string literals assume spark.sql.parser.escapedStringLiterals=false (the default)."
        }
        Dialect::Duckdb => {
            "Reads CloudTrail log files ({\"Records\": [...]}, .json or .json.gz) with read_json, each record as \
             JSON, and gives them the Athena table's columns (decisions D40); no catalog needed."
        }
    }
}

#[cfg(test)]
mod tests;
