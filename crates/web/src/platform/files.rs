//! State files (download, upload) and the text of small event files, read with gloo.

use super::editor_js::download_text;
use super::share::MAX_STATE_BYTES;
use crate::state::playground::PlaygroundState;
use gloo::file::futures::{read_as_bytes, read_as_text};
use gloo::file::Blob;

/// Files this small are read in the page, so their events can travel in links and state files.
pub const MAX_SHARED_FILE_BYTES: usize = 256 * 1024;

/// Offers `state` as a file download.
pub fn download(state: &PlaygroundState) {
    let pretty = serde_json::to_string_pretty(state).unwrap_or_default();
    let _ = download_text("trailscope-state.json", &pretty);
}

/// Why a file's text was not read.
enum Unread {
    /// Larger than asked, or gzip (told by its first bytes).
    TooLarge,
    Failed(String),
}

/// The text of `file` when it has at most `max_bytes` and is not gzip.
async fn text_of(file: web_sys::File, max_bytes: usize) -> Result<String, Unread> {
    let blob = Blob::from(file);
    if blob.size() > max_bytes as u64 {
        return Err(Unread::TooLarge);
    }
    let head = read_as_bytes(&blob.slice(0, 2)).await.map_err(|e| Unread::Failed(e.to_string()))?;
    if head == [0x1f, 0x8b] {
        return Err(Unread::TooLarge);
    }
    read_as_text(&blob).await.map_err(|e| Unread::Failed(e.to_string()))
}

/// The state in an uploaded file, or why it cannot be used.
pub async fn upload(file: web_sys::File) -> Result<PlaygroundState, String> {
    match text_of(file, MAX_STATE_BYTES).await {
        Ok(text) => PlaygroundState::from_json(&text),
        Err(Unread::TooLarge) => Err(format!("it is larger than {} MiB, or compressed", MAX_STATE_BYTES >> 20)),
        Err(Unread::Failed(reason)) => Err(reason),
    }
}

/// The text of a small, uncompressed file (None otherwise), so that its events can be shared.
pub async fn small_file_text(file: web_sys::File) -> Option<String> {
    text_of(file, MAX_SHARED_FILE_BYTES).await.ok()
}
