//! Amazon Athena, engine version 3 (Trino SQL), over the CloudTrail table of the Athena user
//! guide (decisions D40).

use super::{double_quoted, standard_literal, table_name, Dialect, Syntax, DEFAULT_TABLE};
use crate::sql::SqlError;

pub(crate) struct Athena;

impl Syntax for Athena {
    fn dialect(&self) -> Dialect {
        Dialect::Athena
    }

    fn literal(&self, value: &str) -> Result<String, SqlError> {
        standard_literal(self, value)
    }

    fn starts_with(&self, column: &str, prefix: &str) -> Result<String, SqlError> {
        Ok(format!("starts_with({column}, {})", self.literal(prefix)?))
    }

    /// Trino has no `ends_with`: a string ends with a suffix exactly when, both reversed code
    /// point by code point, it starts with it (UTF-8 sequences never overlap).
    fn ends_with(&self, column: &str, suffix: &str) -> Result<String, SqlError> {
        let reversed: String = suffix.chars().rev().collect();
        Ok(format!("starts_with(reverse({column}), {})", self.literal(&reversed)?))
    }

    fn any(&self, array: &str, var: &str, body: &str) -> String {
        format!("any_match({array}, {var} -> {body})")
    }

    fn quote(&self, name: &str) -> String {
        double_quoted(name)
    }

    fn relation(&self, table: Option<&str>, source: Option<&str>) -> Result<String, SqlError> {
        if source.is_some() {
            return Err(SqlError::Options(
                "--source is for DuckDB, which reads log files itself; Athena reads a table (--table)".into(),
            ));
        }
        table_name(self, table.unwrap_or(DEFAULT_TABLE))
    }
}
