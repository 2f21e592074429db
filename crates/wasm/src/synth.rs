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

/// The same synthetic log, read into the caller's buffer (for streams: a large log is never
/// held whole).
#[wasm_bindgen]
pub struct SynthLog {
    writer: trailscope_core::replay::synth::LogWriter,
    /// Records written and not yet read, from `read`.
    pending: Vec<u8>,
    read: usize,
}

/// Records written at a time.
const RECORDS: u64 = 64;

#[wasm_bindgen]
impl SynthLog {
    #[wasm_bindgen(constructor)]
    pub fn new(seed: u32, events: u32) -> SynthLog {
        let writer = trailscope_core::replay::synth::LogWriter::new(u64::from(seed), u64::from(events));
        SynthLog { writer, pending: Vec::new(), read: 0 }
    }

    /// Fills `out` with the log's next bytes; the count, 0 once the log is complete. The caller
    /// reuses `out`: a new array for each piece left up to 60 MB of garbage arrays in the tab
    /// of a 1 GB replay before the collector ran (issue 14 §2).
    #[wasm_bindgen(js_name = readInto)]
    pub fn read_into(&mut self, out: &mut [u8]) -> usize {
        if self.read == self.pending.len() {
            self.pending.clear();
            self.read = 0;
            self.writer.write_next(RECORDS, &mut self.pending);
        }
        let count = out.len().min(self.pending.len() - self.read);
        out[..count].copy_from_slice(&self.pending[self.read..self.read + count]);
        self.read += count;
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Read in any buffer size, the log is the whole log's bytes.
    #[test]
    fn reading_into_small_buffers_gives_the_whole_log() {
        let whole = synth(3, 200);
        for size in [1, 7, 1000, 1 << 16] {
            let mut log = SynthLog::new(3, 200);
            let (mut buffer, mut read) = (vec![0; size], Vec::new());
            loop {
                let count = log.read_into(&mut buffer);
                if count == 0 {
                    break;
                }
                read.extend_from_slice(&buffer[..count]);
            }
            assert_eq!(read, whole, "buffer of {size} bytes");
        }
    }
}
