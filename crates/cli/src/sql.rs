//! `trailscope sql`: the SQL that selects exactly the events a request's selectors log
//! (issue 13), for Athena, Spark or DuckDB. Exit 0 with the SQL on stdout; 1 when the
//! selectors are invalid (their diagnostics as `validate` prints them) or the dialect cannot
//! say them exactly; 2 on usage and I/O errors.

use crate::ask::{usage, valid_selectors};
use std::path::PathBuf;
use std::process::ExitCode;
use trailscope_core::sql::{self, Dialect, Mode, SqlError, SqlOptions};

#[derive(Clone, Copy, clap::ValueEnum)]
enum DialectArg {
    Athena,
    Spark,
    Duckdb,
}

#[derive(Clone, Copy, Default, clap::ValueEnum)]
enum ModeArg {
    Where,
    View,
    #[default]
    Select,
    Count,
}

#[derive(clap::Args)]
pub struct Args {
    /// The request whose selectors the SQL applies (as for `validate`).
    #[arg(long)]
    selectors: PathBuf,
    /// An account context: a trail that is not logging logs nothing, a single-Region trail only
    /// its home Region.
    #[arg(long)]
    context: Option<PathBuf>,
    /// The trail to take from a file with several (its name, logical ID or address).
    #[arg(long)]
    trail: Option<String>,
    #[arg(long, value_enum)]
    dialect: DialectArg,
    /// The CloudTrail table (Athena and Spark; default cloudtrail_logs_pp). For DuckDB: a table
    /// with the same columns, instead of --source.
    #[arg(long)]
    table: Option<String>,
    /// DuckDB: the log files to read, a path or glob of .json or .json.gz files (default
    /// *.json.gz).
    #[arg(long)]
    source: Option<String>,
    /// where: the predicate alone; view: CREATE VIEW trailscope_logged; select: one row per
    /// logged event; count: events and data-event cost per selector, eventSource and eventName.
    #[arg(long, value_enum, default_value_t)]
    mode: ModeArg,
}

impl Args {
    fn options(&self) -> SqlOptions {
        let dialect = match self.dialect {
            DialectArg::Athena => Dialect::Athena,
            DialectArg::Spark => Dialect::Spark,
            DialectArg::Duckdb => Dialect::Duckdb,
        };
        let mode = match self.mode {
            ModeArg::Where => Mode::Where,
            ModeArg::View => Mode::View,
            ModeArg::Select => Mode::Select,
            ModeArg::Count => Mode::Count,
        };
        SqlOptions { dialect, mode, table: self.table.clone(), source: self.source.clone() }
    }
}

pub fn run(args: &Args) -> ExitCode {
    let run = || -> Result<ExitCode, String> {
        let (selectors, trail) = match valid_selectors(&args.selectors, args.context.as_ref(), args.trail.as_deref())? {
            Ok(found) => found,
            Err(code) => return Ok(code),
        };
        match sql::to_sql(&selectors, &trail, &args.options()) {
            Ok(text) => {
                println!("{}", text.trim_end());
                Ok(ExitCode::SUCCESS)
            }
            Err(SqlError::Options(why)) => Err(why),
            Err(unsupported @ SqlError::Unsupported(_)) => {
                eprintln!("trailscope: {unsupported}");
                Ok(ExitCode::from(1))
            }
        }
    };
    run().unwrap_or_else(usage)
}
