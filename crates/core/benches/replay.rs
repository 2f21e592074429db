//! Replay throughput on a synthetic log (make bench), printed next to a bare serde_json scan
//! of the same bytes into `IgnoredAny`, in the same run, as a ratio of medians (and of best runs).

use serde::de::IgnoredAny;
use std::hint::black_box;
use std::time::{Duration, Instant};
use trailscope_core::model::Selectors;
use trailscope_core::replay::session::{Item, Replay};
use trailscope_core::replay::synth::write_log;

const EVENTS: u64 = 100_000;
const RUNS: usize = 15;

/// A realistic trail: management events without KMS reads, writes to two buckets, one function.
const SELECTORS: &str = r#"{"AdvancedEventSelectors": [
  {"Name": "management without KMS reads", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]},
    {"Field": "eventSource", "NotEquals": ["kms.amazonaws.com"]}]},
  {"Name": "management writes", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}, {"Field": "readOnly", "Equals": ["false"]}]},
  {"Name": "S3 writes on two buckets", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]},
    {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}, {"Field": "eventName", "Equals": ["PutObject", "DeleteObject"]},
    {"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::app-assets-prod/", "arn:aws:s3:::data-lake-raw/"]}]},
  {"Name": "orders-api", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]},
    {"Field": "resources.type", "Equals": ["AWS::Lambda::Function"]},
    {"Field": "resources.ARN", "EndsWith": [":function:orders-api"]}]}
]}"#;

/// The median and the best of `runs`.
fn median_and_best(mut runs: Vec<Duration>) -> (Duration, Duration) {
    runs.sort();
    (runs[runs.len() / 2], runs[0])
}

fn timed(f: &mut impl FnMut()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

/// Medians and bests of `a` and `b`, run alternately so that machine noise hits both alike.
fn compare(mut a: impl FnMut(), mut b: impl FnMut()) -> ((Duration, Duration), (Duration, Duration)) {
    a();
    b();
    let (mut times_a, mut times_b) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        times_a.push(timed(&mut a));
        times_b.push(timed(&mut b));
    }
    (median_and_best(times_a), median_and_best(times_b))
}

fn main() {
    let mut log = Vec::new();
    write_log(2026, EVENTS, &mut |b| log.extend_from_slice(b));
    let selectors: Selectors = serde_json::from_str(SELECTORS).expect("selectors");
    let mb = log.len() as f64 / 1e6;

    let mut logged = 0u64;
    let scan = || {
        black_box(serde_json::from_slice::<IgnoredAny>(black_box(&log)).expect("valid JSON"));
    };
    let replay = || {
        let mut replay = Replay::new(selectors.clone());
        let mut count = 0u64;
        let mut sink = |item: Item<'_>| {
            if let Item::Event { verdict, .. } = item {
                count += u64::from(verdict.logged);
            }
        };
        for chunk in log.chunks(1 << 16) {
            replay.push(chunk, &mut sink);
        }
        replay.finish(&mut sink);
        assert_eq!(replay.summary().totals.events, EVENTS);
        logged = count;
    };
    let ((scan, scan_best), (replay, replay_best)) = compare(scan, replay);
    let rate = |d: Duration| (mb / d.as_secs_f64(), EVENTS as f64 / d.as_secs_f64());
    let (scan_mb, scan_ev) = rate(scan);
    let (replay_mb, replay_ev) = rate(replay);
    println!(
        "synthetic log: {EVENTS} events, {mb:.1} MB ({:.0} bytes/event), {logged} logged",
        log.len() as f64 / EVENTS as f64
    );
    println!("serde_json IgnoredAny scan: {:>8.1} MB/s {:>10.0} events/s  ({scan:.2?})", scan_mb, scan_ev);
    println!("replay (4 selectors):       {:>8.1} MB/s {:>10.0} events/s  ({replay:.2?})", replay_mb, replay_ev);
    println!("ratio replay / scan: {:.2}x (medians of {RUNS} runs)", replay_mb / scan_mb);
    println!("ratio of the best runs: {:.2}x", scan_best.as_secs_f64() / replay_best.as_secs_f64());
}
