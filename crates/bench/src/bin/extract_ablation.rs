//! Ablation (make bench): the hand-written field reader (`replay::extract::record`) against
//! serde's derive (`serde_json::from_slice::<EventRecord>`) on the same record bytes, in the same
//! run, natively and as wasm (wasm32-wasip1 under Node's WASI, V8's wasm engine as in the page's
//! worker). The reader is kept only while it earns its place; the ratio printed is the evidence.
//!
//! A program rather than a cargo bench, so that it builds for wasm without the benchmark and
//! test crates (criterion, proptest) that do not.

use std::hint::black_box;
use trailscope_bench::{compare, RUNS};
use trailscope_core::replay::extract;
use trailscope_core::replay::synth::record_at;
use trailscope_core::replay::EventRecord;

const RECORDS: u64 = 50_000;
fn main() {
    // Records as serde_json writes them in the shipped build (keys sorted, no preserve_order
    // in release), one buffer each, as the splitter hands them over.
    let records: Vec<Vec<u8>> =
        (0..RECORDS).map(|i| serde_json::to_vec(&record_at(2026, i)).expect("a record serializes")).collect();
    let bytes: usize = records.iter().map(Vec::len).sum();
    let mut reader = || {
        for r in &records {
            black_box(extract::record(black_box(r)).expect("the reader takes synthetic records"));
        }
    };
    let mut derive = || {
        for r in &records {
            black_box(serde_json::from_slice::<EventRecord>(black_box(r)).expect("serde takes synthetic records"));
        }
    };
    let times = compare(&mut [&mut reader, &mut derive]);
    let (reader, derive) = (times[0].0, times[1].0);
    let mb = bytes as f64 / 1e6;
    println!("{RECORDS} synthetic records, {mb:.1} MB");
    println!("hand-written reader: {:>8.1} MB/s ({reader:.2?})", mb / reader.as_secs_f64());
    println!("serde derive:        {:>8.1} MB/s ({derive:.2?})", mb / derive.as_secs_f64());
    println!(
        "reader speed-up over serde: {:.2}x (medians of {RUNS} interleaved runs)",
        derive.as_secs_f64() / reader.as_secs_f64()
    );
}
