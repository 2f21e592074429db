//! `trailscope synth`: a reproducible synthetic CloudTrail log file on stdout.

use crate::EXIT_USAGE;
use flate2::write::GzEncoder;
use std::io::Write;
use std::process::ExitCode;
use trailscope_core::replay::synth::write_log;

#[derive(clap::Args)]
pub struct Args {
    /// Number of records.
    #[arg(long, default_value_t = 1000)]
    events: u64,
    /// Same seed, same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Gzip the output, as CloudTrail delivers log files to S3.
    #[arg(long)]
    gzip: bool,
}

pub fn run(args: &Args) -> ExitCode {
    let stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut out: Box<dyn Write> =
        if args.gzip { Box::new(GzEncoder::new(stdout, flate2::Compression::fast())) } else { Box::new(stdout) };
    let mut error = None;
    write_log(args.seed, args.events, &mut |bytes| {
        if error.is_none() {
            error = out.write_all(bytes).err();
        }
    });
    match error.map_or_else(|| out.flush(), Err) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("trailscope: cannot write output: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
