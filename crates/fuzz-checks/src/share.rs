//! The share-link / state-file decoder's pure part: `PlaygroundState::from_json`, the text a
//! link's fragment unpacks to (unpacking is the browser's DecompressionStream). Whatever it
//! reads is within bounds, and writes back to itself.
//!
//! The state lives in the page crate (a binary behind web-only dependencies); the one file of
//! pure data is compiled here by path, so the fuzz target runs the page's own code.

#[allow(dead_code)]
#[path = "../../web/src/state/playground.rs"]
mod playground;

use playground::{Events, PlaygroundState, FORMAT_VERSION, MAX_SYNTH_EVENTS};
use trailscope_core::limits::MAX_INPUT_BYTES;

pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(state) = PlaygroundState::from_json(text) else { return };
    assert_eq!(state.version, FORMAT_VERSION);
    assert!(state.request.len() <= MAX_INPUT_BYTES && state.context.len() <= MAX_INPUT_BYTES);
    match &state.events {
        Some(Events::Text { text }) => assert!(text.len() <= MAX_INPUT_BYTES),
        Some(Events::Synth { events }) => assert!((1..=MAX_SYNTH_EVENTS).contains(events)),
        Some(Events::Seed) | None => {}
    }
    assert!(state.sample.as_deref().is_none_or(|id| trailscope_core::samples::find(id).is_some()));
    assert_eq!(PlaygroundState::from_json(&state.to_json()).as_ref(), Ok(&state), "{text:?}");
    assert_eq!(state.clone().checked().as_ref(), Ok(&state));
}
