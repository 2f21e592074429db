//! People's own configuration files (issue 11 §1-§2): CloudFormation templates in JSON and
//! YAML (`cdk synth` output included), Terraform HCL and `terraform show -json` output, CDK
//! `CfnTrail` props as a TypeScript/JavaScript object literal, and `aws cloudtrail
//! describe-trails` output (an account context). The dialect is recognised from the content
//! (`detect`), never from a file name.
//!
//! Each importer turns its syntax tree into the document the JSON path produces (`Node`, spans
//! into the ORIGINAL text, AWS's member names), one per trail, so the validator runs unchanged
//! and every diagnostic lands in the user's own text. Values that are only known at deployment
//! become [`Value::Unknown`](crate::source::json::Value) (decisions D45); `finish` adds a note
//! for each and turns fixes into edits of the original text in its dialect.

mod cdk;
mod cfn;
mod coerce;
mod describe_trails;
mod detect;
mod finish;
mod hcl;
mod holes;
mod rename;
mod report;
mod terraform;
mod terraform_json;
mod tools;
mod yaml;

#[cfg(test)]
mod tests;

pub use describe_trails::context as describe_trails_context;
pub use detect::Dialect;
pub use report::{file_report, FileReport, TrailReport};

use crate::check::context::AccountContext;
use crate::check::service::{evaluate, put_event_selectors, too_large, Evaluation};
use crate::diagnostics::{Code, Diagnostic};
use crate::limits::MAX_INPUT_BYTES;
use crate::source::json::Node;
use crate::source::span::Span;

/// One trail of an IaC file, as the request its selectors make.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedTrail {
    /// The trail's name as written, else the resource's logical ID or address.
    pub name: String,
    /// The resource's logical ID (CloudFormation), address (Terraform) or construct ID (CDK).
    pub label: String,
    /// `{"TrailName", "EventSelectors" | "AdvancedEventSelectors"}` with spans into the file.
    pub document: Node,
    /// What the importer itself has to say (a generated name, a block it cannot read, ...).
    pub notes: Vec<Diagnostic>,
}

/// Why a file cannot be read: a message and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxProblem {
    pub message: String,
    pub span: Span,
}

impl SyntaxProblem {
    pub fn new(message: String, span: Span) -> Self {
        SyntaxProblem { message, span }
    }

    /// The problem as a diagnostic of `text`, on whole characters.
    fn diagnostic(self, text: &str) -> Box<Diagnostic> {
        let span = self.span.whole_chars(text);
        Box::new(Diagnostic::new(Code::SyntaxError, self.message, "", span).spec("§8").decision("D45"))
    }
}

/// What a text was read as.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    /// One of the JSON request forms (request, get-event-selectors output, selector list).
    Request,
    /// An IaC file and its trails (none when it declares no trail with selectors).
    Trails(Dialect, Vec<ImportedTrail>),
    /// describe-trails output: an account context, not a request.
    Context(Box<AccountContext>),
}

/// Reads `text` in the dialect it is written in.
pub fn read(text: &str) -> Result<Imported, Box<Diagnostic>> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Box::new(too_large(text.len())));
    }
    detect::read(text)
}

/// One trail's evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct TrailEvaluation {
    pub name: String,
    /// The resource's logical ID, address or construct ID (empty for a JSON request).
    pub label: String,
    pub evaluation: Evaluation,
}

/// A whole file's evaluation: its dialect and each trail's (one for a JSON request).
#[derive(Debug, Clone, PartialEq)]
pub struct Validation {
    pub dialect: Option<Dialect>,
    pub trails: Vec<TrailEvaluation>,
}

/// Validates every trail of `text` (or only the one named `trail`), in `context`.
pub fn validate(text: &str, context: Option<&AccountContext>, trail: Option<&str>) -> Result<Validation, String> {
    let (dialect, trails) = match read(text) {
        Ok(Imported::Request) => {
            let evaluation = put_event_selectors(text, context);
            let name = evaluation_name(&evaluation);
            (Some(Dialect::Json), vec![TrailEvaluation { name, label: String::new(), evaluation }])
        }
        Ok(Imported::Trails(dialect, trails)) => (Some(dialect), evaluate_trails(text, dialect, trails, context)),
        Ok(Imported::Context(_)) => {
            return Err("this is describe-trails output, an account context: give it with --context".into())
        }
        // Not any known form: the JSON path says why (a JSON syntax error, most often).
        Err(d) if d.code == Code::UnrecognizedInput && !text.trim_start().starts_with(['{', '[']) => {
            let evaluation = failed(*d);
            (None, vec![TrailEvaluation { name: String::new(), label: String::new(), evaluation }])
        }
        Err(d) if d.code == Code::UnrecognizedInput => {
            let evaluation = put_event_selectors(text, context);
            (None, vec![TrailEvaluation { name: evaluation_name(&evaluation), label: String::new(), evaluation }])
        }
        Err(d) => (None, vec![TrailEvaluation { name: String::new(), label: String::new(), evaluation: failed(*d) }]),
    };
    pick(Validation { dialect, trails }, trail)
}

fn evaluate_trails(
    text: &str,
    dialect: Dialect,
    trails: Vec<ImportedTrail>,
    context: Option<&AccountContext>,
) -> Vec<TrailEvaluation> {
    if trails.is_empty() {
        let d = Diagnostic::new(
            Code::UnrecognizedInput,
            format!("this {} declares no CloudTrail trail with event selectors", dialect.title()),
            "",
            Span::new(0, 0),
        )
        .help("trailscope reads AWS::CloudTrail::Trail resources (CloudFormation, CDK), aws_cloudtrail resources (Terraform) and CfnTrail props (CDK) that set EventSelectors or AdvancedEventSelectors")
        .spec("§8")
        .decision("D45");
        return vec![TrailEvaluation { name: String::new(), label: String::new(), evaluation: failed(d) }];
    }
    trails
        .into_iter()
        .map(|trail| {
            let evaluation = evaluate(&trail.document, context);
            let evaluation = finish::finish(text, dialect, &trail, evaluation);
            TrailEvaluation { name: trail.name, label: trail.label, evaluation }
        })
        .collect()
}

/// Only the trail named `name`, when asked.
fn pick(validation: Validation, name: Option<&str>) -> Result<Validation, String> {
    let Some(name) = name else {
        return Ok(validation);
    };
    let names: Vec<String> = validation.trails.iter().map(|t| t.name.clone()).collect();
    let trails: Vec<TrailEvaluation> =
        validation.trails.into_iter().filter(|t| t.name == name || t.label == name).collect();
    if trails.is_empty() {
        return Err(format!("no trail named \"{name}\" in this file (trails: {})", names.join(", ")));
    }
    Ok(Validation { trails, ..validation })
}

/// The trail a JSON request names (its TrailName or TrailARN), for the per-trail output.
fn evaluation_name(evaluation: &Evaluation) -> String {
    evaluation
        .trail
        .as_ref()
        .map(|t| t.before.trail_arn.rsplit('/').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// An evaluation that stops at `d` (an input the validator cannot read).
fn failed(d: Diagnostic) -> Evaluation {
    crate::check::service::failed_input(d)
}
