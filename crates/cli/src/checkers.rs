//! `trailscope checkers`: what posture checkers would conclude on the selectors, beside the
//! exact answer, each difference explained by the flaw behind it.

use crate::ask::{usage, valid_selectors};
use crate::Format;
use std::path::PathBuf;
use std::process::ExitCode;
use trailscope_core::ask::lines;
use trailscope_core::checkers::compare;

#[derive(clap::Args)]
pub struct Args {
    /// The request whose selectors the checkers judge (as for `validate`).
    #[arg(long)]
    selectors: PathBuf,
    /// An account context: the trail's isLogging and isMultiRegionTrail.
    #[arg(long)]
    context: Option<PathBuf>,
    /// The trail to take from a file with several (its name, logical ID or address).
    #[arg(long)]
    trail: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(args: &Args) -> ExitCode {
    let run = || -> Result<ExitCode, String> {
        let (selectors, trail) = match valid_selectors(&args.selectors, args.context.as_ref(), args.trail.as_deref())? {
            Ok(found) => found,
            Err(code) => return Ok(code),
        };
        let rows = compare(&selectors, &trail).map_err(|e| e.to_string())?;
        match args.format {
            Format::Json => println!("{}", serde_json::to_string_pretty(&rows).unwrap_or_default()),
            Format::Text => print!("{}", lines::to_text(&lines::checkers(&rows))),
        }
        Ok(ExitCode::SUCCESS)
    };
    run().unwrap_or_else(usage)
}
