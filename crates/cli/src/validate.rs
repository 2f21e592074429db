use crate::files::{load_request, LoadedRequest};
use crate::{Format, EXIT_USAGE};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use trailscope_core::model::SelectorsResponse;
use trailscope_core::render;
use trailscope_core::report::{from_evaluation, Offsets};
use trailscope_core::service::{Outcome, RaisedBy};
use trailscope_core::AccountContext;

#[derive(clap::Args)]
pub struct Args {
    /// The request file, or - for standard input.
    file: PathBuf,
    /// An account context (JSON): account, region, trails... Without it the trail is assumed
    /// to exist in us-east-1 of account 123456789012.
    #[arg(long)]
    context: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
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
    let LoadedRequest { source, name, evaluation, .. } = load_request(&args.file, args.context.as_ref())?;
    let valid = evaluation.is_valid();
    let output = match args.format {
        Format::Json => json_output(&source, evaluation),
        Format::Text => text_output(&source, &name, &evaluation),
    };
    std::io::stdout().write_all(output.as_bytes()).map_err(|e| format!("cannot write output: {e}"))?;
    Ok(valid)
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
    let (errors, warnings) =
        evaluation.diagnostics.iter().fold((0, 0), |(e, w), d| if d.is_error() { (e + 1, w) } else { (e, w + 1) });
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

/// The request at `path` if CloudTrail accepts it; else its diagnostics as `validate` prints
/// them (for the caller to print, then exit 1). The outer error is a usage or I/O error.
pub fn accepted(path: &Path, context: Option<&PathBuf>) -> Result<Result<Accepted, String>, String> {
    let LoadedRequest { source, name, evaluation, context } = load_request(path, context)?;
    Ok(match evaluation.outcome {
        Outcome::Response(response) => Ok(Accepted { source, response, context }),
        Outcome::Error(_) => Err(text_output(&source, &name, &evaluation)),
    })
}
