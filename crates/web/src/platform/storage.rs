//! The last state, kept in this browser's local storage for the next visit.

use crate::state::playground::PlaygroundState;
use gloo::storage::{LocalStorage, Storage};

/// Local storage key of the last state.
const STORAGE_KEY: &str = "trailscope.state";

/// Whether the page may use local storage (gloo's calls throw when a browser disables it).
fn available() -> bool {
    matches!(gloo::utils::window().local_storage(), Ok(Some(_)))
}

/// The last state kept in this browser, if any and still readable.
pub fn saved() -> Option<PlaygroundState> {
    if !available() {
        return None;
    }
    LocalStorage::get::<PlaygroundState>(STORAGE_KEY).ok()?.checked().ok()
}

/// Keeps `state` for the next visit, without its events when the storage has no room for them;
/// a full or disabled storage is not an error.
pub fn save(state: &PlaygroundState) {
    if available() && LocalStorage::set(STORAGE_KEY, state).is_err() && state.events.is_some() {
        let _ = LocalStorage::set(STORAGE_KEY, state.without_events());
    }
}

pub fn forget() {
    if available() {
        LocalStorage::delete(STORAGE_KEY);
    }
}
