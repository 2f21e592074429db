//! The replay's single-pass field reader against serde's derive: what the reader accepts,
//! serde accepts into the same record with the same length (the replay advances by it); the
//! top-level variants also refuse raw newlines in a JSON line.

use trailscope_core::replay::extract::{record, top_level_record};
use trailscope_core::replay::EventRecord;

pub fn check(bytes: &[u8]) {
    let mut stream = serde_json::Deserializer::from_slice(bytes).into_iter::<EventRecord>();
    let theirs = stream.next().and_then(Result::ok).map(|r| (r, stream.byte_offset()));
    let text = String::from_utf8_lossy(bytes);
    for (ours, one_line) in
        [(record(bytes), false), (top_level_record(bytes, false), false), (top_level_record(bytes, true), true)]
    {
        let Some((event, length)) = ours else { continue };
        assert_eq!(Some((&event, length)), theirs.as_ref().map(|(r, n)| (r, *n)), "{text:?}");
        assert!(!one_line || !bytes[..length].contains(&b'\n'), "a JSON line with a newline: {text:?}");
        // What the replay asks of every record it reads.
        let category = event.category();
        assert_eq!(event.clone().into_owned(), event);
        let _ = (category, event.resources(), event.foreign_kind());
    }
}
