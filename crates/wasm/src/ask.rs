//! Questions to the trail (`covers`, `diff`, `canonical`, `presets`, `templates`, `checkers`):
//! each validates the request as `validate` does and answers with the core's types, or says
//! why it cannot (`Asked`). Long questions belong in a worker: the page asks its worker.

use serde::Serialize;
use trailscope_core::ask::presets::{matching_templates, PRESETS};
use trailscope_core::ask::{self, Asked, Question, TrailFacts};
use trailscope_core::model::Selectors;
use trailscope_core::request::canonical;
use trailscope_core::service::Outcome;
use trailscope_core::{put_event_selectors, AccountContext};
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// The selectors a valid request stores and its trail's state; else what is wrong.
fn selectors(request: &str, context: Option<&str>) -> Result<(Selectors, TrailFacts), String> {
    let context =
        context.map(AccountContext::from_json).transpose().map_err(|e| format!("invalid context: {}", e.message))?;
    let evaluation = put_event_selectors(request, context.as_ref());
    match evaluation.outcome {
        Outcome::Response(response) => {
            Ok((response.selectors, TrailFacts::find(context.as_ref(), &response.trail_arn)))
        }
        Outcome::Error(error) => Err(format!("the selectors are not valid: {}: {}", error.error_type, error.message)),
    }
}

fn answer<T: Serialize>(result: Result<T, String>) -> Result<JsValue, JsError> {
    to_js(&Asked::from(result))
}

/// Whether the request's selectors log all, some or none of the events a question describes,
/// with a logged and an unlogged example.
#[wasm_bindgen(unchecked_return_type = "Asked<Coverage>")]
pub fn covers(request: &str, question: &str, context: Option<String>) -> Result<JsValue, JsError> {
    answer((|| {
        let question = Question::from_json(question).map_err(|e| format!("invalid question: {e}"))?;
        let (selectors, trail) = selectors(request, context.as_deref())?;
        ask::covers(&selectors, &trail, &question).map_err(|e| e.to_string())
    })())
}

/// The events one request's selectors log and the other's do not.
#[wasm_bindgen(unchecked_return_type = "Asked<Diff>")]
pub fn diff(before: &str, after: &str, context: Option<String>) -> Result<JsValue, JsError> {
    answer((|| {
        let (a, trail) = selectors(before, context.as_deref())?;
        let (b, _) = selectors(after, context.as_deref())?;
        ask::diff(&a, &b, &trail, &Question::default()).map_err(|e| e.to_string())
    })())
}

/// The request's selectors in canonical form (one order, defaults written out).
#[wasm_bindgen(unchecked_return_type = "Asked<Selectors>")]
pub fn canonical(request: &str) -> Result<JsValue, JsError> {
    answer(selectors(request, None).map(|(s, _)| canonical::canonical(&s)))
}

/// The preset questions.
#[wasm_bindgen(unchecked_return_type = "Array<Preset>")]
pub fn presets() -> Result<JsValue, JsError> {
    to_js(&PRESETS)
}

/// The console templates the request's selectors equal.
#[wasm_bindgen(unchecked_return_type = "Asked<Array<TemplateMatch>>")]
pub fn templates(request: &str) -> Result<JsValue, JsError> {
    answer(selectors(request, None).and_then(|(s, _)| matching_templates(&s).map_err(|e| e.to_string())))
}

/// What posture checkers would conclude on the request's selectors, beside the exact answer.
#[wasm_bindgen(unchecked_return_type = "Asked<Array<Comparison>>")]
pub fn checkers(request: &str, context: Option<String>) -> Result<JsValue, JsError> {
    answer(
        selectors(request, context.as_deref())
            .and_then(|(s, trail)| trailscope_core::checkers::compare(&s, &trail).map_err(|e| e.to_string())),
    )
}
