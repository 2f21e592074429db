//! People's own files in the request editor (issue 11 §4): CloudFormation (JSON, YAML),
//! Terraform (HCL, `show -json`), CDK props. The page's wasm has no importers (its first load
//! is at its budget, `make size`): when the text is not a JSON request, the view
//! (www/iac/iac-view.js) loads and the ask worker's wasm reads the file. The view shows the
//! diagnostics in the editor, the dialect in the badge, a trail picker and the picked trail's
//! problems and outcome, and holds that trail's selectors as a JSON request: what the page
//! analyses instead of the editor's text, for the replay and the Ask panel. It also reads
//! describe-trails output in the context editor as the context it describes.

use crate::state::live::LiveState;
use trailscope_core::report::Report;
use trailscope_core::request::files::{json_file_of, JsonFile};
use wasm_bindgen::prelude::*;

// The inline module (not minified: comment here): `file` is the view's (www/iac/iac-view.js)
// once loaded; `loaded` is the sample file last loaded (SAMPLE_FILES below), by name and text.
#[wasm_bindgen(inline_js = "
let view, file, loaded, wanted = null;
export const file_request = () => file?.request;
export const picked_trail = () => (file?.request === undefined ? undefined : file.picked ?? undefined);
export function pick_trail(name) {
  wanted = name ?? null;
  if (file) file.picked = wanted;
}
export const read_context = (text) => (file?.context?.[0] === text ? file.context[1] : undefined);
export function refresh_file(editor, contextEditor, json, refused) {
  if (json && !refused && !view) return;
  view ??= import(new URL('iac/iac-view.js', document.baseURI).href);
  view.then((m) => {
    if (file !== m.file) (file = m.file).picked = wanted;
    m.refresh(editor, contextEditor, json, refused);
  }, () => {});
}
export const file_sample = (text) => (loaded?.[1] === text ? 'file:' + loaded[0] : undefined);
export function load_file(name, editor, contextEditor, request) {
  fetch(new URL('samples/' + name, document.baseURI)).then((r) => r.text()).then((text) => {
    loaded = [name, text];
    if (!name.startsWith('describe-trails')) return editor.setText(text);
    editor.setText(request);
    contextEditor.setText(text);
  });
}
")]

extern "C" {
    /// While the editor holds a file: its picked trail's selectors as a JSON request (empty
    /// when they are not valid: nothing is judged then).
    pub fn file_request() -> Option<String>;
    /// The sample file (`file:NAME`) the request editor still holds as loaded, if any.
    pub fn file_sample(text: &str) -> Option<String>;
    /// While the editor holds a file: the trail picked (its label, else its name), if any.
    pub fn picked_trail() -> Option<String>;
    /// The trail to pick (a link's, a restored state's) when the editor holds a file.
    pub fn pick_trail(name: Option<String>);
    /// The context JSON that describe-trails output `text` describes, once the view read it.
    pub fn read_context(text: &str) -> Option<String>;
    fn refresh_file(editor: &JsValue, context_editor: &JsValue, json: bool, refused: bool);
    /// Puts a sample file (`samples/files/`, beside the page) in `editor`; describe-trails
    /// output goes to `context_editor` instead, with `request` in `editor`.
    pub fn load_file(name: &str, editor: &JsValue, context_editor: &JsValue, request: &str);
}

/// The sample files (`crates/core/samples/files/`, copied beside the page as `samples/`), one
/// per dialect the page reads, and describe-trails output (loaded as the account context): the
/// samples menu's last group, by file name and title.
pub const SAMPLE_FILES: &[(&str, &str)] = &[
    ("cloudformation.yaml", "CloudFormation YAML: writes to one S3 bucket"),
    ("cloudformation.json", "CloudFormation JSON: management and S3 object events, but the log bucket"),
    ("terraform.tf", "Terraform: two trails (management writes, Lambda data events)"),
    ("terraform-plan.json", "terraform show -json: a plan, its bucket known after apply"),
    ("cdk.ts", "CDK CfnTrail: write-only management events"),
    ("describe-trails.json", "describe-trails output as the account context"),
];

/// After each analysis (`report` of `request`): the view reads the request editor's text as a
/// file unless the page read it as a JSON request itself (a CloudFormation template or
/// `terraform show -json` output is JSON too, but a file: never a valid request, so only an
/// invalid one is looked at again), and the context editor's as describe-trails output when it
/// is no context. Once it has, it tells the editor, which re-runs the analysis.
pub fn refresh(live: &LiveState, request: &str, report: &Report) {
    let file_json =
        || matches!(json_file_of(request), Some(JsonFile::CloudformationTemplate | JsonFile::TerraformShowOutput));
    let json = report.form.is_some() && file_request().is_none() && (report.valid || !file_json());
    refresh_file(&live.request_editor.js(), &live.context_editor.js(), json, report.context_error.is_some());
}
