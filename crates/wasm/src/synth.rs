//! Synthetic CloudTrail logs for JavaScript (the page's large samples and the benchmark).

use wasm_bindgen::prelude::*;

/// A reproducible synthetic CloudTrail log file (the same bytes as `trailscope synth`).
#[wasm_bindgen]
pub fn synth(seed: u32, events: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    trailscope_core::replay::synth::write_log(u64::from(seed), u64::from(events), &mut |b| bytes.extend_from_slice(b));
    bytes
}

/// Record `index` of the synthetic log made from `seed`, alone (the same bytes as in the log).
#[wasm_bindgen(js_name = synthRecord)]
pub fn synth_record(seed: u32, index: u32) -> String {
    trailscope_core::replay::synth::record_at(u64::from(seed), u64::from(index)).to_json()
}

/// The same synthetic log, in pieces (for streams: a large log is never held whole).
#[wasm_bindgen]
pub struct SynthLog(trailscope_core::replay::synth::LogWriter);

#[wasm_bindgen]
impl SynthLog {
    #[wasm_bindgen(constructor)]
    pub fn new(seed: u32, events: u32) -> SynthLog {
        SynthLog(trailscope_core::replay::synth::LogWriter::new(u64::from(seed), u64::from(events)))
    }

    /// The next piece of up to `records` records; empty once the log is complete.
    pub fn next(&mut self, records: u32) -> Vec<u8> {
        let mut out = Vec::new();
        self.0.write_next(u64::from(records), &mut out);
        out
    }
}
