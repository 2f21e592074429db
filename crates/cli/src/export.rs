//! `export`: a valid request's selectors in another dialect (issue 11 §3), written by the core
//! (`trailscope_core::export`). Exit codes: 0 exported; 1 the request is invalid (its
//! diagnostics on stderr, as `validate` prints them) or the dialect cannot say these selectors
//! exactly (why, on stderr); 2 usage and I/O errors.

use crate::ask::usage;
use crate::validate::{accepted, Accepted};
use std::path::PathBuf;
use std::process::ExitCode;
use trailscope_core::export::{export_response, Dialect};

/// The dialect ids the core names (`cli`, `boto3`, `cfn-yaml`, ...), offered as clap's values.
fn dialect() -> impl clap::builder::TypedValueParser<Value = Dialect> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Dialect::ALL.map(Dialect::id))
        .try_map(|id| Dialect::parse(&id).ok_or_else(|| format!("no dialect {id}")))
}

#[derive(clap::Args)]
pub struct Args {
    /// The dialect to write.
    #[arg(long, value_parser = dialect())]
    to: Dialect,
    /// The request file (any form `validate` reads), or - for standard input.
    file: PathBuf,
    /// An account context, as for `validate`.
    #[arg(long)]
    context: Option<PathBuf>,
    /// The trail to take from a file with several (its name, logical ID or address).
    #[arg(long)]
    trail: Option<String>,
}

pub fn run(args: &Args) -> ExitCode {
    let run = || -> Result<ExitCode, String> {
        let Accepted { source, response, .. } =
            match accepted(&args.file, args.context.as_ref(), args.trail.as_deref())? {
                Ok(found) => found,
                Err(diagnostics) => {
                    eprint!("{diagnostics}");
                    return Ok(ExitCode::from(1));
                }
            };
        match export_response(&source, &response, args.to) {
            Ok(text) => print!("{text}"),
            Err(error) => {
                eprintln!("trailscope: {error}");
                return Ok(ExitCode::from(1));
            }
        }
        Ok(ExitCode::SUCCESS)
    };
    run().unwrap_or_else(usage)
}
