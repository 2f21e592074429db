//! Where the page's state travels in links: the URL fragment of a share link (never sent to a
//! server). The format is `state::playground`; this module only moves it.

use super::editor_js::{copy_text, pack_text, unpack_text};
use crate::state::playground::PlaygroundState;
use trailscope_core::limits::MAX_INPUT_BYTES;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// A link's fragment: `#state=`, then the link encoding's version, then its data.
const FRAGMENT_KEY: &str = "#state=";
const ENCODING: &str = "1.";
/// Longest link the Share button makes; longer ones are offered as a file instead.
pub const MAX_LINK_CHARS: usize = 32 * 1024;
/// Longest fragment read; a longer one is refused before any work is done on it.
pub const MAX_FRAGMENT_CHARS: usize = 1024 * 1024;
/// Most bytes a link or state file may unpack to: the three texts at their limits, and room
/// for JSON escapes.
pub const MAX_STATE_BYTES: usize = 4 * MAX_INPUT_BYTES;

fn message(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser refused".into())
}

async fn text_of(promise: js_sys::Promise) -> Result<String, String> {
    let value = JsFuture::from(promise).await.map_err(message)?;
    value.as_string().ok_or_else(|| "the browser returned no text".into())
}

/// The page's address without query or fragment: where links and embeds point.
pub fn page_url_without_query() -> String {
    let location = gloo::utils::window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// The current fragment, with its `#`.
pub fn fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Whether `fragment` is a share link's (sound or not).
pub fn holds_state(fragment: &str) -> bool {
    fragment.starts_with(FRAGMENT_KEY)
}

/// Removes the fragment from the address bar without reloading (the query keeps embed options).
pub fn clear_fragment() {
    let window = gloo::utils::window();
    let url = format!("{}{}", page_url_without_query(), window.location().search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// A link's fragment for `state` (`#state=1.…`).
pub async fn fragment_for(state: &PlaygroundState) -> Result<String, String> {
    let packed = text_of(pack_text(&state.to_json())).await?;
    Ok(format!("{FRAGMENT_KEY}{ENCODING}{packed}"))
}

/// The state in `fragment`: None when it holds none; an error saying why when it is broken.
pub async fn state_in(fragment: &str) -> Option<Result<PlaygroundState, String>> {
    let data = fragment.strip_prefix(FRAGMENT_KEY)?;
    Some(decode(data).await)
}

async fn decode(data: &str) -> Result<PlaygroundState, String> {
    if data.len() > MAX_FRAGMENT_CHARS {
        return Err(format!(
            "it is {} KB long; links are read up to {} KB",
            data.len() >> 10,
            MAX_FRAGMENT_CHARS >> 10
        ));
    }
    let packed = data.strip_prefix(ENCODING).ok_or("it was made by a newer trailscope, or is not a trailscope link")?;
    let json = text_of(unpack_text(packed, MAX_STATE_BYTES as f64)).await?;
    PlaygroundState::from_json(&json)
}

/// Copies `text`; false when the browser refused (it is on screen to copy by hand).
pub async fn copy(text: &str) -> bool {
    JsFuture::from(copy_text(text)).await.is_ok_and(|v| v.as_bool() == Some(true))
}
