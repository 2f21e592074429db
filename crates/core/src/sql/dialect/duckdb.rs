//! DuckDB over raw CloudTrail log files: `read_json` of `{"Records": [...]}` files, gzipped or
//! not, each record read as JSON and given the Athena table's columns (decisions D40), so the
//! same predicate reads the same names everywhere.

use super::{double_quoted, standard_literal, table_name, Dialect, Syntax};
use crate::sql::SqlError;

pub(crate) struct DuckDb;

/// The files read when neither `--source` nor `--table` is given.
pub const DEFAULT_SOURCE: &str = "*.json.gz";

impl Syntax for DuckDb {
    fn dialect(&self) -> Dialect {
        Dialect::Duckdb
    }

    fn literal(&self, value: &str) -> Result<String, SqlError> {
        standard_literal(self, value)
    }

    fn starts_with(&self, column: &str, prefix: &str) -> Result<String, SqlError> {
        Ok(format!("starts_with({column}, {})", self.literal(prefix)?))
    }

    fn ends_with(&self, column: &str, suffix: &str) -> Result<String, SqlError> {
        Ok(format!("ends_with({column}, {})", self.literal(suffix)?))
    }

    /// `list_filter` keeps the elements whose body is true (not NULL); the list of a NULL
    /// array is NULL.
    fn any(&self, array: &str, var: &str, body: &str) -> String {
        format!("len(list_filter({array}, lambda {var}: {body})) > 0")
    }

    fn quote(&self, name: &str) -> String {
        double_quoted(name)
    }

    fn relation(&self, table: Option<&str>, source: Option<&str>) -> Result<String, SqlError> {
        match (table, source) {
            (Some(_), Some(_)) => Err(SqlError::Options("give --table or --source, not both".into())),
            (Some(table), None) => table_name(self, table),
            (None, source) => Ok(read_files(&self.literal(source.unwrap_or(DEFAULT_SOURCE))?)),
        }
    }
}

/// Every record of the files, with the columns the predicate reads. Each record is read as
/// JSON, so a field no record of a file has is still a (NULL) column, and keys are matched
/// case-sensitively as the matcher reads them: a resource's `arn` is its `ARN`, else its `arn`
/// (decisions D31), and `ARNPrefix` is its own column (D25). Booleans read as "true"/"false"
/// (D24).
fn read_files(source: &str) -> String {
    let text = |key: &str, column: &str| format!("e->>'{key}' AS {column}");
    let mut columns: Vec<String> = [
        ("eventID", "eventid"),
        ("eventTime", "eventtime"),
        ("eventSource", "eventsource"),
        ("eventName", "eventname"),
        ("eventType", "eventtype"),
        ("eventCategory", "eventcategory"),
        ("awsRegion", "awsregion"),
        ("recipientAccountId", "recipientaccountid"),
        ("errorCode", "errorcode"),
        ("vpcEndpointId", "vpcendpointid"),
        ("readOnly", "readonly"),
        ("sessionCredentialFromConsole", "sessioncredentialfromconsole"),
        ("managementEvent", "managementevent"),
    ]
    .iter()
    .map(|(key, column)| text(key, column))
    .collect();
    columns.push("struct_pack(arn := e->'userIdentity'->>'arn') AS useridentity".into());
    columns.push(
        "list_transform(CAST(e->'resources' AS JSON[]), lambda x: struct_pack(\
         arn := coalesce(x->>'ARN', x->>'arn'), arnprefix := x->>'ARNPrefix', type := x->>'type')) AS resources"
            .into(),
    );
    format!(
        "(\n  SELECT\n    {}\n  FROM (\n    SELECT unnest(Records) AS e\n    FROM read_json({source}, columns = {{'Records': 'JSON[]'}}, maximum_object_size = 1073741824)\n  )\n)",
        columns.join(",\n    ")
    )
}
