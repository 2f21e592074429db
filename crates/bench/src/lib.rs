//! Benchmarks that also run as wasm (make bench): interleaved timing, so that machine noise hits
//! every job alike and the ratios printed in one run can be trusted on a busy machine.

use std::time::{Duration, Instant};

/// Timed rounds per job.
pub const RUNS: usize = 15;

/// The median and the best of `runs`.
fn median_and_best(mut runs: Vec<Duration>) -> (Duration, Duration) {
    runs.sort();
    (runs[runs.len() / 2], runs[0])
}

/// Medians and bests of each of `jobs`, run in turn, round after round, after one warm-up
/// round.
pub fn compare(jobs: &mut [&mut dyn FnMut()]) -> Vec<(Duration, Duration)> {
    for job in jobs.iter_mut() {
        job();
    }
    let mut times = vec![Vec::new(); jobs.len()];
    for _ in 0..RUNS {
        for (job, times) in jobs.iter_mut().zip(&mut times) {
            let start = Instant::now();
            job();
            times.push(start.elapsed());
        }
    }
    times.into_iter().map(median_and_best).collect()
}
