//! `trailscope synth`: a reproducible synthetic CloudTrail log file on stdout.

use crate::EXIT_USAGE;
use flate2::write::GzEncoder;
use std::io::{self, BufWriter, Write};
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
    let stdout = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match write(args, stdout) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("trailscope: cannot write output: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// The log into `out`, gzipped if asked, with every write error returned. The gzip trailer is
/// written by `finish()`: left to `Drop`, its write errors are lost and a truncated file exits 0.
fn write(args: &Args, mut out: impl Write) -> io::Result<()> {
    if args.gzip {
        let mut gzip = GzEncoder::new(out, flate2::Compression::fast());
        records(args, &mut gzip)?;
        gzip.finish()?.flush()
    } else {
        records(args, &mut out)?;
        out.flush()
    }
}

/// The records, stopping at the first write error.
fn records(args: &Args, out: &mut impl Write) -> io::Result<()> {
    let mut result = Ok(());
    write_log(args.seed, args.events, &mut |bytes| {
        if result.is_ok() {
            result = out.write_all(bytes);
        }
    });
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::GzDecoder;
    use std::io::Read;

    /// Takes `room` bytes, then fails as a full disk does.
    struct Full {
        written: Vec<u8>,
        room: usize,
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let free = self.room - self.written.len();
            if free == 0 && !buf.is_empty() {
                return Err(io::Error::other("no space left on device"));
            }
            let n = buf.len().min(free);
            self.written.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn args(gzip: bool) -> Args {
        Args { events: 200, seed: 3, gzip }
    }

    fn output(gzip: bool) -> Vec<u8> {
        let mut out = Vec::new();
        write(&args(gzip), &mut out).unwrap();
        out
    }

    #[test]
    fn gzip_output_is_a_complete_member_of_the_plain_log() {
        let mut inflated = Vec::new();
        GzDecoder::new(&output(true)[..]).read_to_end(&mut inflated).unwrap();
        assert_eq!(inflated, output(false));
    }

    /// The gzip trailer is written last; a failure there is still a failure (review B3).
    #[test]
    fn a_failed_gzip_trailer_is_an_error() {
        let complete = output(true).len();
        for room in [complete - 8, complete - 1] {
            let mut full = Full { written: Vec::new(), room };
            assert!(write(&args(true), &mut full).is_err(), "with room for {room} of {complete} bytes");
        }
        let mut enough = Full { written: Vec::new(), room: complete };
        assert!(write(&args(true), &mut enough).is_ok());
    }
}
