//! `trailscope`: a thin shell over trailscope-core. Exit codes: 0 valid (warnings allowed),
//! 1 the request would fail, 2 usage or I/O errors.

mod ask;
mod checkers;
mod export;
mod files;
mod replay;
mod sarif;
mod sql;
mod synth;
mod validate;

use clap::{Parser, Subcommand, ValueEnum};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "trailscope", version, about = "CloudTrail event-selector playground on the command line")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a PutEventSelectors request as CloudTrail would (request, get-event-selectors
    /// output, or a bare selector array).
    Validate(validate::Args),
    /// Replay CloudTrail events (log files, .json.gz, JSON Lines, lookup-events or EventBridge
    /// output) through a request's selectors: logged or not, and why.
    Replay(replay::Args),
    /// Write a reproducible synthetic CloudTrail log file (mixed services, management and data
    /// events) to stdout.
    Synth(synth::Args),
    /// Answer exactly whether the selectors log a class of events: all, some or none, with
    /// examples (exit 0 when the answer is --expect, default all).
    Covers(ask::CoversArgs),
    /// The events one request's selectors log and the other's do not (exit 0 when equivalent).
    Diff(ask::DiffArgs),
    /// Print a request's selectors in canonical form (one order, defaults written out).
    Fmt(ask::FmtArgs),
    /// List the preset questions for `covers --preset`.
    Presets,
    /// What posture checkers (Prowler, Steampipe, ScoutSuite, ...) would conclude on the
    /// selectors, beside the exact answer.
    Checkers(checkers::Args),
    /// The SQL (Athena, Spark or DuckDB) that selects exactly the events the selectors log,
    /// or counts them with their data-event cost.
    Sql(sql::Args),
    /// Write a valid request's selectors as an AWS CLI command, a boto3 call, a CloudFormation
    /// template (YAML or JSON), a Terraform aws_cloudtrail block or a CDK CfnTrail.
    Export(export::Args),
}

#[derive(Clone, Copy, ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
}

/// Exit code for usage and I/O errors: the code clap itself exits with after a usage error.
pub const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    // On bad arguments clap prints and exits by itself: 2 (EXIT_USAGE) after a usage error,
    // 0 after --help or --version (clap's `Error::exit`; pinned by the CLI tests).
    match Cli::parse().command {
        Command::Validate(args) => validate::run(&args),
        Command::Replay(args) => replay::run(&args),
        Command::Synth(args) => synth::run(&args),
        Command::Covers(args) => ask::covers(&args),
        Command::Diff(args) => ask::diff(&args),
        Command::Fmt(args) => ask::fmt(&args),
        Command::Presets => ask::presets(),
        Command::Checkers(args) => checkers::run(&args),
        Command::Sql(args) => sql::run(&args),
        Command::Export(args) => export::run(&args),
    }
}
