//! Exports (issue 11 §3): a valid request's selectors as an AWS CLI command, a boto3 call, a
//! CloudFormation template, a Terraform block or a CDK stack, written by the core
//! (`trailscope_core::export`), or why not (`Asked`).

use crate::ask::to_js;
use trailscope_core::ask::Asked;
use trailscope_core::export::{dialects, export_in, Dialect};
use trailscope_core::AccountContext;
use wasm_bindgen::prelude::*;

fn export_result(request: &str, dialect: &str, context: Option<&str>) -> Result<String, String> {
    let dialect =
        Dialect::parse(dialect).ok_or_else(|| format!("no dialect \"{dialect}\"; exportDialects() lists them"))?;
    let context =
        context.map(AccountContext::from_json).transpose().map_err(|e| format!("invalid context: {}", e.message))?;
    export_in(request, context.as_ref(), dialect).map_err(|error| error.to_string())
}

/// The request's selectors (any form `validate` reads; validated in the optional account
/// context, JSON text), in canonical form, in `dialect`; refused when the request is invalid or
/// the dialect cannot hold the selectors exactly.
#[wasm_bindgen(js_name = exportAs, unchecked_return_type = "Asked<string>")]
pub fn export_as(
    request: &str,
    #[wasm_bindgen(unchecked_param_type = "Dialect")] dialect: &str,
    context: Option<String>,
) -> Result<JsValue, JsError> {
    to_js(&Asked::from(export_result(request, dialect, context.as_deref())))
}

/// The dialects, in menu order, each with its label and file extension.
#[wasm_bindgen(js_name = exportDialects, unchecked_return_type = "Array<DialectInfo>")]
pub fn export_dialects() -> Result<JsValue, JsError> {
    to_js(&dialects())
}
