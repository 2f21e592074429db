use crate::{Format, EXIT_USAGE};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use trailscope_core::report::{from_evaluation, Offsets};
use trailscope_core::service::{Outcome, RaisedBy};
use trailscope_core::{limits::MAX_INPUT_BYTES, put_event_selectors, render, AccountContext};

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

fn read_input(path: &PathBuf) -> Result<String, String> {
    let mut bytes = Vec::new();
    let limit = (MAX_INPUT_BYTES + 1) as u64;
    let result = if path.as_os_str() == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!("{} is not UTF-8 text (invalid byte at offset {})", path.display(), e.utf8_error().valid_up_to())
    })
}

fn execute(args: &Args) -> Result<bool, String> {
    let source = read_input(&args.file)?;
    let context = match &args.context {
        Some(path) => {
            let text = read_input(path)?;
            let context = AccountContext::from_json(&text)
                .map_err(|e| format!("invalid context {}:{}:{}: {}", path.display(), e.line, e.column, e.message))?;
            Some(context)
        }
        None => None,
    };
    let evaluation = put_event_selectors(&source, context.as_ref());
    let valid = evaluation.is_valid();
    let name = if args.file.as_os_str() == "-" { "<stdin>".to_string() } else { args.file.display().to_string() };
    let output = match args.format {
        Format::Json => json_output(&source, evaluation),
        Format::Text => text_output(&source, &name, &evaluation),
    };
    std::io::stdout().write_all(output.as_bytes()).map_err(|e| format!("cannot write output: {e}"))?;
    Ok(valid)
}

/// The stable JSON output of `validate --format json`: the core's `Report`.
fn json_output(source: &str, evaluation: trailscope_core::Evaluation) -> String {
    let report = from_evaluation(source, evaluation, Offsets::Bytes);
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}

fn text_output(source: &str, name: &str, evaluation: &trailscope_core::Evaluation) -> String {
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
