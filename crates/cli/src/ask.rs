//! `covers`, `diff`, `fmt` and `presets`: the core's exact answers (issue 10) on the command
//! line. Exit codes: `covers` 0 when the answer is the expected one, 1 when not or when the
//! selectors are invalid; `diff` 0 when equivalent, 1 when not; 2 for usage and I/O errors.

use crate::files::read_text;
use crate::validate::{accepted, Accepted};
use crate::{Format, EXIT_USAGE};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use trailscope_core::ask::presets::{Preset, PRESETS};
use trailscope_core::ask::{self, lines, Answer, Coverage, Example, Question, TrailFacts};
use trailscope_core::model::Selectors;
use trailscope_core::request::canonical;

#[derive(clap::Args)]
pub struct CoversArgs {
    /// The request whose selectors are asked about (as for `validate`).
    #[arg(long)]
    selectors: PathBuf,
    /// An account context: the trail's state (isLogging, isMultiRegionTrail) counts.
    #[arg(long)]
    context: Option<PathBuf>,
    /// The trail to take from a file with several (its name, logical ID or address).
    #[arg(long)]
    trail: Option<String>,
    /// A preset question (see `trailscope presets`); NAME=ARG for one with an argument.
    #[arg(long, conflicts_with = "question", required_unless_present = "question")]
    preset: Option<String>,
    /// A question as JSON, or a file holding one.
    #[arg(long)]
    question: Option<String>,
    /// The answer that makes the exit code 0.
    #[arg(long, default_value = "all", value_parser = ["all", "some", "none"])]
    expect: String,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

#[derive(clap::Args)]
pub struct DiffArgs {
    /// The selectors before (a request file, as for `validate`).
    a: PathBuf,
    /// The selectors after.
    b: PathBuf,
    #[arg(long)]
    context: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

#[derive(clap::Args)]
pub struct FmtArgs {
    /// The request file (any form `validate` reads), or - for standard input.
    file: PathBuf,
    /// The trail to take from a file with several (its name, logical ID or address).
    #[arg(long)]
    trail: Option<String>,
}

/// Prints `message` as a usage or I/O error.
pub fn usage(message: String) -> ExitCode {
    eprintln!("trailscope: {message}");
    ExitCode::from(EXIT_USAGE)
}

/// The stored selectors of a valid request, with the trail's state; an invalid request's
/// diagnostics are printed as `validate` prints them (then exit 1).
pub fn valid_selectors(
    path: &Path,
    context: Option<&PathBuf>,
    trail: Option<&str>,
) -> Result<Result<(Selectors, TrailFacts), ExitCode>, String> {
    Ok(match accepted(path, context, trail)? {
        Ok(Accepted { response, context, .. }) => {
            let trail = TrailFacts::find(context.as_ref(), &response.trail_arn);
            Ok((response.selectors, trail))
        }
        Err(diagnostics) => {
            print!("{diagnostics}");
            Err(ExitCode::from(1))
        }
    })
}

fn question(args: &CoversArgs) -> Result<Question, String> {
    if let Some(spec) = &args.preset {
        let (id, argument) = spec.split_once('=').map_or((spec.as_str(), None), |(i, a)| (i, Some(a)));
        let preset = Preset::find(id).ok_or_else(|| format!("no preset \"{id}\"; `trailscope presets` lists them"))?;
        return Ok(preset.question(argument));
    }
    let text = args.question.clone().unwrap_or_default();
    let text = if text.trim_start().starts_with('{') { text } else { read_text(Path::new(&text))? };
    Question::from_json(&text).map_err(|e| format!("invalid question: {e}"))
}

pub fn covers(args: &CoversArgs) -> ExitCode {
    let run = || -> Result<ExitCode, String> {
        let question = question(args)?;
        let (selectors, trail) = match valid_selectors(&args.selectors, args.context.as_ref(), args.trail.as_deref())? {
            Ok(found) => found,
            Err(code) => return Ok(code),
        };
        let coverage = ask::covers(&selectors, &trail, &question).map_err(|e| e.to_string())?;
        match args.format {
            Format::Json => println!("{}", serde_json::to_string_pretty(&coverage_json(&coverage)).unwrap_or_default()),
            Format::Text => print!("{}", lines::to_text(&lines::coverage(&coverage))),
        }
        Ok(ExitCode::from(u8::from(Answer::parse(&args.expect) != Some(coverage.answer))))
    };
    run().unwrap_or_else(usage)
}

/// `{"answer", "question", "logged_example": record|null, "unlogged_example": record|null,
/// "deciding": [...], "trail"}`: the examples as bare records, what decided each beside them.
fn coverage_json(coverage: &Coverage) -> serde_json::Value {
    let record = |e: &Option<Example>| e.as_ref().map(|e| e.record.clone());
    let deciding: Vec<serde_json::Value> =
        [("logged_example", &coverage.logged_example), ("unlogged_example", &coverage.unlogged_example)]
            .into_iter()
            .filter_map(|(which, e)| {
                e.as_ref().map(|e| serde_json::json!({"example": which, "selectors": e.deciding, "trail": e.trail}))
            })
            .collect();
    serde_json::json!({
        "answer": coverage.answer,
        "question": coverage.question,
        "logged_example": record(&coverage.logged_example),
        "unlogged_example": record(&coverage.unlogged_example),
        "deciding": deciding,
        "trail": coverage.trail,
    })
}

pub fn diff(args: &DiffArgs) -> ExitCode {
    let run = || -> Result<ExitCode, String> {
        let (a, trail) = match valid_selectors(&args.a, args.context.as_ref(), None)? {
            Ok(found) => found,
            Err(code) => return Ok(code),
        };
        let (b, _) = match valid_selectors(&args.b, args.context.as_ref(), None)? {
            Ok(found) => found,
            Err(code) => return Ok(code),
        };
        let diff = ask::diff(&a, &b, &trail, &Question::default()).map_err(|e| e.to_string())?;
        match args.format {
            Format::Json => println!("{}", serde_json::to_string_pretty(&diff).unwrap_or_default()),
            Format::Text => print!("{}", lines::to_text(&lines::diff(&diff))),
        }
        Ok(ExitCode::from(u8::from(!diff.equivalent)))
    };
    run().unwrap_or_else(usage)
}

pub fn fmt(args: &FmtArgs) -> ExitCode {
    let run = || -> Result<ExitCode, String> {
        match accepted(&args.file, None, args.trail.as_deref())? {
            Ok(Accepted { source, response, .. }) => print!("{}", canonical::formatted(&source, &response)),
            Err(diagnostics) => {
                print!("{diagnostics}");
                return Ok(ExitCode::from(1));
            }
        }
        Ok(ExitCode::SUCCESS)
    };
    run().unwrap_or_else(usage)
}

pub fn presets() -> ExitCode {
    for preset in PRESETS {
        let argument = preset.argument.map_or(String::new(), |(name, default)| format!("={name} (default {default})"));
        println!("{}{argument}\n  {}\n  {}\n  source: {}", preset.id, preset.title, preset.question, preset.source);
    }
    ExitCode::SUCCESS
}
