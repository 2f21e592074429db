//! The selectors as SQL (`trailscope sql`, issue 13): the query that selects exactly the events
//! a request's selectors log, for Athena, Spark or DuckDB. The page's SQL panel asks its worker.

use crate::ask::{answer, selectors, to_js};
use trailscope_core::sql::{self, Dialect, SqlOptions};
use wasm_bindgen::prelude::*;

fn to_sql_result(request: &str, context: Option<&str>, options: JsValue) -> Result<String, String> {
    let options: SqlOptions = serde_wasm_bindgen::from_value(options).map_err(|e| format!("invalid options: {e}"))?;
    let (selectors, trail) = selectors(request, context)?;
    sql::to_sql(&selectors, &trail, &options).map_err(|e| e.to_string())
}

/// The SQL of a valid request's selectors (the trail's state from `context`), or why there is
/// none: invalid selectors, options that do not fit, or what the dialect cannot say exactly.
#[wasm_bindgen(js_name = toSql, unchecked_return_type = "Asked<string>")]
pub fn to_sql(
    request: &str,
    context: Option<String>,
    #[wasm_bindgen(unchecked_param_type = "SqlOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    answer(to_sql_result(request, context.as_deref(), options))
}

/// The table layout a dialect's queries assume, in one sentence.
#[wasm_bindgen(js_name = sqlLayout)]
pub fn sql_layout(#[wasm_bindgen(unchecked_param_type = "SqlDialect")] dialect: &str) -> Result<JsValue, JsError> {
    let dialect = Dialect::parse(dialect).ok_or_else(|| JsError::new(&format!("no dialect \"{dialect}\"")))?;
    to_js(&sql::layout_note(dialect))
}
