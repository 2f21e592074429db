//! Questions to the trail (`covers`, `diff`, `canonical`, `presets`, `templates`, `checkers`):
//! each validates the request as `validate` does and answers with the core's types, or says
//! why it cannot (`Asked`). Long questions belong in a worker: the page asks its worker.

use serde::Serialize;
use trailscope_core::ask::diff::Diff;
use trailscope_core::ask::presets::{matching_templates, Template, TemplateMatch, PRESETS, TEMPLATES};
use trailscope_core::ask::{self, lines, Asked, Coverage, Question, TrailFacts};
use trailscope_core::checkers::{compare, Comparison};
use trailscope_core::model::Selectors;
use trailscope_core::request::canonical;
use trailscope_core::service::Outcome;
use trailscope_core::{put_event_selectors, AccountContext};
use wasm_bindgen::prelude::*;

pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
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

fn covers_result(request: &str, question: &str, context: Option<&str>) -> Result<Coverage, String> {
    let question = Question::from_json(question).map_err(|e| format!("invalid question: {e}"))?;
    let (selectors, trail) = selectors(request, context)?;
    ask::covers(&selectors, &trail, &question).map_err(|e| e.to_string())
}

fn diff_result(before: &str, after: &str, context: Option<&str>) -> Result<Diff, String> {
    let (a, trail) = selectors(before, context)?;
    let (b, _) = selectors(after, context)?;
    ask::diff(&a, &b, &trail, &Question::default()).map_err(|e| e.to_string())
}

fn templates_result(request: &str) -> Result<Vec<TemplateMatch>, String> {
    selectors(request, None).and_then(|(s, _)| matching_templates(&s).map_err(|e| e.to_string()))
}

fn checkers_result(request: &str, context: Option<&str>) -> Result<Vec<Comparison>, String> {
    selectors(request, context).and_then(|(s, trail)| compare(&s, &trail).map_err(|e| e.to_string()))
}

/// Whether the request's selectors log all, some or none of the events a question describes,
/// with a logged and an unlogged example.
#[wasm_bindgen(unchecked_return_type = "Asked<Coverage>")]
pub fn covers(request: &str, question: &str, context: Option<String>) -> Result<JsValue, JsError> {
    answer(covers_result(request, question, context.as_deref()))
}

/// `covers` as lines of text for people (what the CLI prints and the page draws).
#[wasm_bindgen(js_name = coversLines, unchecked_return_type = "Asked<Array<Line>>")]
pub fn covers_lines(request: &str, question: &str, context: Option<String>) -> Result<JsValue, JsError> {
    answer(covers_result(request, question, context.as_deref()).map(|c| lines::coverage(&c)))
}

/// The events one request's selectors log and the other's do not.
#[wasm_bindgen(unchecked_return_type = "Asked<Diff>")]
pub fn diff(before: &str, after: &str, context: Option<String>) -> Result<JsValue, JsError> {
    answer(diff_result(before, after, context.as_deref()))
}

#[wasm_bindgen(js_name = diffLines, unchecked_return_type = "Asked<Array<Line>>")]
pub fn diff_lines(before: &str, after: &str, context: Option<String>) -> Result<JsValue, JsError> {
    answer(diff_result(before, after, context.as_deref()).map(|d| lines::diff(&d)))
}

/// The request's selectors in canonical form (one order, defaults written out).
#[wasm_bindgen(unchecked_return_type = "Asked<Selectors>")]
pub fn canonical(request: &str) -> Result<JsValue, JsError> {
    answer(selectors(request, None).map(|(s, _)| canonical::canonical(&s)))
}

/// The request in canonical form, as text (what `trailscope fmt` prints), or why not.
#[wasm_bindgen(js_name = formatRequest, unchecked_return_type = "Asked<string>")]
pub fn format_request(request: &str) -> Result<JsValue, JsError> {
    answer(match put_event_selectors(request, None).outcome {
        Outcome::Response(response) => Ok(canonical::formatted(request, &response)),
        Outcome::Error(error) => Err(format!("the request is not valid: {}: {}", error.error_type, error.message)),
    })
}

/// The preset questions.
#[wasm_bindgen(unchecked_return_type = "Array<Preset>")]
pub fn presets() -> Result<JsValue, JsError> {
    to_js(&PRESETS)
}

/// The keys a question can name, each with the values the catalogues offer for it.
#[wasm_bindgen(js_name = questionKeys, unchecked_return_type = "Array<KeySuggestions>")]
pub fn question_keys() -> Result<JsValue, JsError> {
    to_js(&trailscope_core::ask::question::keys())
}

/// The CloudTrail console's selector templates (the Ask panel offers to insert one).
#[wasm_bindgen(js_name = consoleTemplates, unchecked_return_type = "Array<Template>")]
pub fn console_templates() -> Result<JsValue, JsError> {
    to_js(&TEMPLATES)
}

/// A console template as selectors (`resource_type` for a data template), or why not.
#[wasm_bindgen(js_name = templateSelectors, unchecked_return_type = "Asked<Selectors>")]
pub fn template_selectors(id: &str, resource_type: &str) -> Result<JsValue, JsError> {
    answer(Template::find(id).map(|t| t.selectors(resource_type)).ok_or_else(|| format!("no template \"{id}\"")))
}

/// The console templates the request's selectors equal.
#[wasm_bindgen(unchecked_return_type = "Asked<Array<TemplateMatch>>")]
pub fn templates(request: &str) -> Result<JsValue, JsError> {
    answer(templates_result(request))
}

#[wasm_bindgen(js_name = templatesLines, unchecked_return_type = "Asked<Array<Line>>")]
pub fn templates_lines(request: &str) -> Result<JsValue, JsError> {
    answer(templates_result(request).map(|t| lines::templates(&t)))
}

/// What posture checkers would conclude on the request's selectors, beside the exact answer.
#[wasm_bindgen(unchecked_return_type = "Asked<Array<Comparison>>")]
pub fn checkers(request: &str, context: Option<String>) -> Result<JsValue, JsError> {
    answer(checkers_result(request, context.as_deref()))
}

#[wasm_bindgen(js_name = checkersLines, unchecked_return_type = "Asked<Array<Line>>")]
pub fn checkers_lines(request: &str, context: Option<String>) -> Result<JsValue, JsError> {
    answer(checkers_result(request, context.as_deref()).map(|rows| lines::checkers(&rows)))
}
