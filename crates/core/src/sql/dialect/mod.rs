//! What differs between the SQL dialects trailscope writes: string literals, the prefix and
//! suffix tests, "any element of an array", identifiers, and the relation the events come from.
//! Everything else (the predicate, the query modes) is written once over [`Syntax`].

mod athena;
mod duckdb;
mod spark;

use super::SqlError;
use serde::{Deserialize, Serialize};

/// A SQL engine trailscope writes for (decisions D40: the table layout each one reads).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "SqlDialect"))]
pub enum Dialect {
    /// Amazon Athena (engine version 3, Trino SQL) over the CloudTrail table.
    Athena,
    /// Spark SQL over the same table (AWS Glue catalog, or a view of it).
    Spark,
    /// DuckDB over the raw log files (`read_json` of `{"Records": [...]}` files, gzipped or not).
    Duckdb,
}

impl Dialect {
    pub const ALL: [Dialect; 3] = [Dialect::Athena, Dialect::Spark, Dialect::Duckdb];

    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Athena => "athena",
            Dialect::Spark => "spark",
            Dialect::Duckdb => "duckdb",
        }
    }

    pub fn parse(name: &str) -> Option<Dialect> {
        Dialect::ALL.into_iter().find(|d| d.as_str() == name)
    }

    pub(crate) fn syntax(self) -> &'static dyn Syntax {
        match self {
            Dialect::Athena => &athena::Athena,
            Dialect::Spark => &spark::Spark,
            Dialect::Duckdb => &duckdb::DuckDb,
        }
    }
}

/// One dialect's spelling of what the compiler needs.
pub(crate) trait Syntax {
    fn dialect(&self) -> Dialect;

    /// A string literal holding exactly `value`.
    fn literal(&self, value: &str) -> Result<String, SqlError>;

    /// Whether `column` starts with `prefix` (NULL for a NULL column).
    fn starts_with(&self, column: &str, prefix: &str) -> Result<String, SqlError>;

    /// Whether `column` ends with `suffix` (NULL for a NULL column).
    fn ends_with(&self, column: &str, suffix: &str) -> Result<String, SqlError>;

    /// Whether one element `var` of `array` makes `body` true: false for an empty array, NULL
    /// for a NULL one (callers wrap it in `coalesce(.., FALSE)`).
    fn any(&self, array: &str, var: &str, body: &str) -> String;

    /// A quoted identifier.
    fn quote(&self, name: &str) -> String;

    /// The relation rows are read from, given the `--table` and `--source` options.
    fn relation(&self, table: Option<&str>, source: Option<&str>) -> Result<String, SqlError>;
}

/// The table the Athena and Spark queries read by default: the name in the Athena user guide's
/// partition-projection example.
pub const DEFAULT_TABLE: &str = "cloudtrail_logs_pp";

/// A literal quoted the SQL standard's way (a quote is doubled, a backslash is itself), which
/// Trino and DuckDB read. NUL is refused: trailscope writes no NUL into SQL text (D42).
pub(crate) fn standard_literal(syntax: &dyn Syntax, value: &str) -> Result<String, SqlError> {
    refuse_nul(syntax, value)?;
    Ok(format!("'{}'", value.replace('\'', "''")))
}

pub(crate) fn refuse_nul(syntax: &dyn Syntax, value: &str) -> Result<(), SqlError> {
    if value.contains('\0') {
        return Err(SqlError::Unsupported(format!(
            "the value {value:?} holds a NUL character, which trailscope does not write into {} SQL (decisions D42)",
            syntax.dialect().as_str()
        )));
    }
    Ok(())
}

/// A table name as given (`name` or `database.name`): plain parts as they are, others quoted.
pub(crate) fn table_name(syntax: &dyn Syntax, table: &str) -> Result<String, SqlError> {
    if table.trim().is_empty() {
        return Err(SqlError::Options("--table needs a table name".into()));
    }
    let plain = |part: &str| {
        part.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    let parts: Vec<String> =
        table.split('.').map(|part| if plain(part) { part.to_string() } else { syntax.quote(part) }).collect();
    Ok(parts.join("."))
}

/// `"name"`, a double quote doubled (Trino, DuckDB).
pub(crate) fn double_quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}
