//! Replay throughput on a synthetic log (make bench), printed next to a bare serde_json scan
//! of the same bytes into `IgnoredAny`, in the same run, as a ratio of medians (and of best runs).
//! The same records as JSON Lines (one record a line, as Athena, CloudTrail Lake and most log
//! tools export them) are replayed in the same interleaved runs, and compared with the log file.

use serde::de::IgnoredAny;
use std::hint::black_box;
use std::time::Duration;
use trailscope_bench::{compare, RUNS};
use trailscope_core::model::Selectors;
use trailscope_core::replay::session::{Item, Replay};
use trailscope_core::replay::synth::{record_at, write_log};

const EVENTS: u64 = 100_000;

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

/// Replays `input` in 64 KiB chunks; returns the events logged.
fn replay(selectors: &Selectors, input: &[u8]) -> u64 {
    let mut replay = Replay::new(selectors.clone());
    let mut count = 0u64;
    let mut sink = |item: Item<'_>| {
        if let Item::Event { verdict, .. } = item {
            count += u64::from(verdict.logged);
        }
    };
    for chunk in input.chunks(1 << 16) {
        replay.push(chunk, &mut sink);
    }
    replay.finish(&mut sink);
    assert_eq!(replay.summary().totals.events, EVENTS);
    assert_eq!(replay.summary().totals.problems, 0);
    count
}

fn main() {
    let mut log = Vec::new();
    write_log(2026, EVENTS, &mut |b| log.extend_from_slice(b));
    let mut lines = Vec::with_capacity(log.len() + EVENTS as usize);
    for i in 0..EVENTS {
        lines.extend_from_slice(record_at(2026, i).to_json().as_bytes());
        lines.push(b'\n');
    }
    let selectors: Selectors = serde_json::from_str(SELECTORS).expect("selectors");
    let mb = log.len() as f64 / 1e6;

    let (mut logged, mut logged_lines) = (0u64, 0u64);
    let mut scan = || {
        black_box(serde_json::from_slice::<IgnoredAny>(black_box(&log)).expect("valid JSON"));
    };
    let mut replay_log = || logged = replay(&selectors, black_box(&log));
    let mut replay_lines = || logged_lines = replay(&selectors, black_box(&lines));
    let times = compare(&mut [&mut scan, &mut replay_log, &mut replay_lines]);
    assert_eq!(logged, logged_lines, "both forms give the same verdicts");
    let [(scan, scan_best), (replay, replay_best), (jsonl, jsonl_best)] = times[..] else { unreachable!("three jobs") };
    let rate = |d: Duration| (mb / d.as_secs_f64(), EVENTS as f64 / d.as_secs_f64());
    let (scan_mb, scan_ev) = rate(scan);
    let (replay_mb, replay_ev) = rate(replay);
    let (jsonl_mb, jsonl_ev) = rate(jsonl);
    println!(
        "synthetic log: {EVENTS} events, {mb:.1} MB ({:.0} bytes/event), {logged} logged",
        log.len() as f64 / EVENTS as f64
    );
    println!("serde_json IgnoredAny scan: {:>8.1} MB/s {:>10.0} events/s  ({scan:.2?})", scan_mb, scan_ev);
    println!("replay (4 selectors):       {:>8.1} MB/s {:>10.0} events/s  ({replay:.2?})", replay_mb, replay_ev);
    println!("replay, JSON Lines:         {:>8.1} MB/s {:>10.0} events/s  ({jsonl:.2?})", jsonl_mb, jsonl_ev);
    println!("ratio replay / scan: {:.2}x (medians of {RUNS} runs)", replay_mb / scan_mb);
    println!("ratio of the best runs: {:.2}x", scan_best.as_secs_f64() / replay_best.as_secs_f64());
    println!(
        "ratio JSON Lines / log file (same events): {:.2}x (medians), {:.2}x (best runs)",
        replay.as_secs_f64() / jsonl.as_secs_f64(),
        replay_best.as_secs_f64() / jsonl_best.as_secs_f64()
    );
}
