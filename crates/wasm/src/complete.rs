//! Completion for editors (issue 12 §4): the core's completions, with offsets in UTF-16 code
//! units (what JavaScript strings and editors count) instead of bytes.

use serde::Serialize;
use trailscope_core::complete::{complete, Completion};
use wasm_bindgen::prelude::*;

/// [`complete`]'s answer, its range in UTF-16 offsets.
#[derive(Serialize)]
struct Completions {
    from: usize,
    to: usize,
    items: Vec<Completion>,
}

/// The byte offset of UTF-16 offset `at` in `text` (clamped to the text).
fn byte_offset(text: &str, at: usize) -> usize {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units >= at {
            return byte;
        }
        units += c.len_utf16();
    }
    text.len()
}

fn utf16_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.encode_utf16().count())
}

/// What may be written at UTF-16 offset `at` of the request `text`: member names, fields,
/// operators and values from the catalogues, and the range they replace.
#[wasm_bindgen(js_name = completeRequest, unchecked_return_type = "{from: number, to: number, items: Array<Completion>}")]
pub fn complete_request(text: &str, at: usize) -> Result<JsValue, JsError> {
    let found = complete(text, byte_offset(text, at));
    let answer =
        Completions { from: utf16_offset(text, found.from), to: utf16_offset(text, found.to), items: found.items };
    answer.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_convert_both_ways_across_astral_characters() {
        let text = "{\"a😀\": \"é|\"}";
        let byte = text.find('|').unwrap();
        let units = utf16_offset(text, byte);
        assert_eq!(units, 10);
        assert_eq!(byte_offset(text, units), byte);
        assert_eq!(byte_offset(text, 999), text.len());
    }
}
