//! Spark SQL over the CloudTrail table as Spark reads it (the Glue catalog's table of the
//! Athena user guide, or a view with the same columns; decisions D40).

use super::{refuse_nul, table_name, Dialect, Syntax, DEFAULT_TABLE};
use crate::sql::SqlError;

pub(crate) struct Spark;

impl Syntax for Spark {
    fn dialect(&self) -> Dialect {
        Dialect::Spark
    }

    /// Spark reads backslash escapes in string literals (`spark.sql.parser.escapedStringLiterals`
    /// false, its default) and joins adjacent literals, so `''` is not a quote: both the quote
    /// and the backslash are escaped with a backslash.
    fn literal(&self, value: &str) -> Result<String, SqlError> {
        refuse_nul(self, value)?;
        Ok(format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'")))
    }

    fn starts_with(&self, column: &str, prefix: &str) -> Result<String, SqlError> {
        Ok(format!("startswith({column}, {})", self.literal(prefix)?))
    }

    fn ends_with(&self, column: &str, suffix: &str) -> Result<String, SqlError> {
        Ok(format!("endswith({column}, {})", self.literal(suffix)?))
    }

    fn any(&self, array: &str, var: &str, body: &str) -> String {
        format!("exists({array}, {var} -> {body})")
    }

    fn quote(&self, name: &str) -> String {
        format!("`{}`", name.replace('`', "``"))
    }

    fn relation(&self, table: Option<&str>, source: Option<&str>) -> Result<String, SqlError> {
        if source.is_some() {
            return Err(SqlError::Options(
                "--source is for DuckDB, which reads log files itself; Spark reads a table (--table)".into(),
            ));
        }
        table_name(self, table.unwrap_or(DEFAULT_TABLE))
    }
}
