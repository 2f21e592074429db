use crate::files::{display_name, load_context, read_text};
use crate::EXIT_USAGE;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use trailscope_core::import::{self, Dialect, TrailEvaluation, Validation};
use trailscope_core::model::SelectorsResponse;
use trailscope_core::render;
use trailscope_core::report::{from_evaluation, Offsets};
use trailscope_core::request::canonical;
use trailscope_core::service::{Outcome, RaisedBy};
use trailscope_core::AccountContext;

#[derive(clap::Args)]
pub struct Args {
    /// The file, or - for standard input: a PutEventSelectors request (or get-event-selectors
    /// output, or a selector array), a CloudFormation template (JSON or YAML, `cdk synth`
    /// output too), a Terraform file or `terraform show -json` output, or CDK CfnTrail props.
    file: PathBuf,
    /// An account context (JSON), or `aws cloudtrail describe-trails` output. Without it the
    /// trail is assumed to exist in us-east-1 of account 123456789012.
    #[arg(long)]
    context: Option<PathBuf>,
    /// Validate only this trail of a file with several (its name, logical ID or address);
    /// without it every trail is validated.
    #[arg(long)]
    trail: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    format: ValidateFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ValidateFormat {
    #[default]
    Text,
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
}

pub fn run(args: &Args) -> ExitCode {
    match execute(args) {
        Ok(valid) => ExitCode::from(if valid { 0 } else { 1 }),
        Err(message) => {
            eprintln!("trailscope: {message}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn execute(args: &Args) -> Result<bool, String> {
    let source = read_text(&args.file)?;
    let name = display_name(&args.file);
    let context = load_context(args.context.as_ref())?;
    let validation = import::validate(&source, context.as_ref(), args.trail.as_deref())?;
    let valid = validation.trails.iter().all(|t| t.evaluation.is_valid());
    let output = match args.format {
        ValidateFormat::Json => validation_json(&source, validation),
        ValidateFormat::Text => validation_text(&source, &name, &validation),
        ValidateFormat::Sarif => crate::sarif::log(&source, &name, &validation),
    };
    std::io::stdout().write_all(output.as_bytes()).map_err(|e| format!("cannot write output: {e}"))?;
    Ok(valid)
}

/// True when the output is the plain request's (one evaluation, as before issue 11).
fn is_request(validation: &Validation) -> bool {
    matches!(validation.dialect, Some(Dialect::Json) | None) && validation.trails.len() == 1
}

/// A JSON request's report as before; for an IaC file, the dialect and a report per trail.
fn validation_json(source: &str, mut validation: Validation) -> String {
    if is_request(&validation) {
        if let Some(trail) = validation.trails.pop() {
            return json_output(source, trail.evaluation);
        }
    }
    let trails: Vec<serde_json::Value> = validation
        .trails
        .into_iter()
        .map(|TrailEvaluation { name, label, evaluation }| {
            let report = from_evaluation(source, evaluation, Offsets::Bytes);
            serde_json::json!({"name": name, "label": label, "report": report})
        })
        .collect();
    let out = serde_json::json!({"dialect": validation.dialect, "trails": trails});
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

fn validation_text(source: &str, name: &str, validation: &Validation) -> String {
    if is_request(validation) {
        return validation.trails.iter().map(|t| text_output(source, name, &t.evaluation)).collect();
    }
    let dialect = validation.dialect.map_or("", |d| d.title());
    let mut out = format!("{name}: {dialect}, {} trail(s)\n", validation.trails.len());
    for trail in &validation.trails {
        let label = if trail.label.is_empty() || trail.label == trail.name {
            String::new()
        } else {
            format!(" ({})", trail.label)
        };
        out.push_str(&format!("\n== trail {}{label} ==\n", trail.name));
        out.push_str(&text_output(source, name, &trail.evaluation));
    }
    out
}

/// The stable JSON output of `validate --format json`: the core's `Report`.
pub fn json_output(source: &str, evaluation: trailscope_core::Evaluation) -> String {
    let report = from_evaluation(source, evaluation, Offsets::Bytes);
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}

/// The same report on one line, for JSON Lines output.
pub fn json_line(source: &str, evaluation: trailscope_core::Evaluation) -> String {
    let report = from_evaluation(source, evaluation, Offsets::Bytes);
    serde_json::to_string(&report).unwrap_or_default() + "\n"
}

pub fn text_output(source: &str, name: &str, evaluation: &trailscope_core::Evaluation) -> String {
    let mut out = render::render(source, name, &evaluation.diagnostics);
    let (errors, warnings) = evaluation.diagnostics.iter().fold((0, 0), |(e, w), d| match d.severity {
        trailscope_core::Severity::Error => (e + 1, w),
        trailscope_core::Severity::Warning => (e, w + 1),
        trailscope_core::Severity::Note => (e, w),
    });
    match &evaluation.outcome {
        Outcome::Response(response) => {
            out.push_str(&format!("valid: PutEventSelectors would succeed ({warnings} warning(s)). Response:\n"));
            out.push_str(&serde_json::to_string_pretty(response).unwrap_or_default());
            out.push('\n');
        }
        Outcome::Error(error) => {
            let who = match error.raised_by {
                RaisedBy::Client => "the SDK would raise",
                RaisedBy::Service => "CloudTrail would answer",
            };
            out.push_str(&format!(
                "invalid: {errors} error(s), {warnings} warning(s); {who} {}: {}\n",
                error.error_type, error.message
            ));
        }
    }
    out
}

/// A request CloudTrail accepts: its text, the response, the context it was evaluated in.
pub struct Accepted {
    pub source: String,
    pub response: SelectorsResponse,
    pub context: Option<AccountContext>,
}

/// The one trail of the file at `path` (any form `validate` reads; `trail` picks one of a file
/// with several) if CloudTrail accepts it, else its diagnostics as `validate` prints them (for
/// the caller to print, then exit 1). An IaC trail's `source` is its canonical request, so the
/// commands downstream read one form. The outer error is a usage or I/O error.
pub fn accepted(
    path: &Path,
    context: Option<&PathBuf>,
    trail: Option<&str>,
) -> Result<Result<Accepted, String>, String> {
    let source = read_text(path)?;
    let name = display_name(path);
    let context = load_context(context)?;
    let validation = import::validate(&source, context.as_ref(), trail)?;
    let request = is_request(&validation);
    let [one] = <[TrailEvaluation; 1]>::try_from(validation.trails).map_err(|all| several(&name, &all))?;
    Ok(match one.evaluation.outcome {
        Outcome::Response(response) => {
            let source = if request { source } else { canonical::request_text(&one.name, &response.selectors) };
            Ok(Accepted { source, response, context })
        }
        Outcome::Error(_) => Err(text_output(&source, &name, &one.evaluation)),
    })
}

/// Why a file with several trails (or none) cannot be one trail's selectors.
fn several(name: &str, trails: &[TrailEvaluation]) -> String {
    let names: Vec<&str> = trails.iter().map(|t| t.name.as_str()).collect();
    format!("{name} declares {} trails ({}): name one with --trail", trails.len(), names.join(", "))
}
