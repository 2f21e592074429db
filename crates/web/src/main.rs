//! The trailscope page: a thin view over trailscope-core. No rule is implemented here.

mod app;
mod ask;
mod components;
mod hooks;
mod iac;
mod platform;
mod replay;
mod state;

use app::{App, AppProps};
use platform::embed::Presentation;
use platform::{share, storage};
use state::playground::PlaygroundState;

/// The state the page opens with, and a notice when a link could not be used: a link's state
/// first, then (outside embeds) the last state kept in this browser, then the default sample.
async fn opening_state(presentation: &Presentation) -> (PlaygroundState, Option<String>) {
    let from_link = share::state_in(&share::fragment()).await;
    if !presentation.embed && from_link.is_some() {
        // The state now lives in the editors and local storage; a reload must not bring the
        // link's version back over later edits.
        share::clear_fragment();
    }
    match from_link {
        Some(Ok(state)) => (state, None),
        Some(Err(reason)) => (
            PlaygroundState::default(),
            Some(format!("This link could not be opened: {reason}. The default sample is shown instead.")),
        ),
        None if !presentation.embed => (storage::saved().unwrap_or_default(), None),
        None => (PlaygroundState::default(), None),
    }
}

fn main() {
    let window = gloo::utils::window();
    let presentation = Presentation::from_query(&window.location().search().unwrap_or_default());
    if let (Some(theme), Some(root)) = (presentation.theme, gloo::utils::document().document_element()) {
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
    yew::platform::spawn_local(async move {
        let (state, notice) = opening_state(&presentation).await;
        yew::Renderer::<App>::with_props(AppProps { state, notice, presentation }).render();
    });
}
