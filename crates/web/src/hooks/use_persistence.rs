//! The page's state across visits: kept in local storage after each change (not in embeds),
//! and a share link pasted into an open page's address bar opens as it would in a new tab.

use crate::platform::{share, storage};
use crate::state::live::LiveState;
use gloo::events::EventListener;
use yew::prelude::*;

/// A callback that saves the current state (when `keep`), and the reload on new links.
#[hook]
pub fn use_persistence(keep: bool, live: &LiveState) -> Callback<()> {
    use_effect_with((), |_| {
        // A link pasted into the address bar changes only the fragment, which does not reload.
        let listener = EventListener::new(&gloo::utils::window(), "hashchange", |_| {
            if share::holds_state(&share::fragment()) {
                let _ = gloo::utils::window().location().reload();
            }
        });
        move || drop(listener)
    });
    let live = live.clone();
    Callback::from(move |()| {
        if let (true, Some(state)) = (keep, live.read()) {
            storage::save(&state);
        }
    })
}
