//! The playground as a whole: the live state (editors, sample, replay setup), loading a whole
//! state into it (upload, reset), choosing a sample, and saving after each change.

use super::use_persistence;
use crate::state::live::{LiveState, ReplayChange, ReplaySetup};
use crate::state::playground::PlaygroundState;
use std::rc::Rc;
use trailscope_core::samples;
use yew::prelude::*;

pub struct UsePlayground {
    pub live: Rc<LiveState>,
    /// The sample the menu shows ("" for none).
    pub sample_id: String,
    /// Changes when a whole state is loaded: the replay panel is remounted with…
    pub replay_generation: u32,
    /// …this setup.
    pub replay_opening: ReplaySetup,
    /// Saves the current state (outside embeds).
    pub save: Callback<()>,
    /// Loads a whole state into the page (upload, reset).
    pub load: Callback<PlaygroundState>,
    pub on_sample: Callback<String>,
    /// What the replay panel reports it replays now.
    pub on_replay_setup: Callback<ReplayChange>,
    /// The question the Ask panel asked.
    pub on_question: Callback<Option<String>>,
}

#[hook]
pub fn use_playground(opening: &PlaygroundState, keep: bool) -> UsePlayground {
    let sample_id = use_state(|| opening.sample.clone().unwrap_or_default());
    let live = use_memo((), |_| LiveState {
        sample: Rc::new(opening.sample.clone().into()),
        question: Rc::new(opening.question.clone().into()),
        replay: Rc::new(
            ReplaySetup { events: opening.events.clone(), compare: opening.compare, files_kept: false }.into(),
        ),
        ..LiveState::default()
    });
    let save = use_persistence(keep, &live);
    let replay_generation = use_state(|| 0u32);
    let replay_opening = use_state(|| live.replay.borrow().clone());
    let load = {
        let (live, sample_id, replay_generation, replay_opening) =
            (live.clone(), sample_id.clone(), replay_generation.clone(), replay_opening.clone());
        Callback::from(move |state: PlaygroundState| {
            live.write(&state);
            sample_id.set(state.sample.clone().unwrap_or_default());
            replay_opening.set(live.replay.borrow().clone());
            replay_generation.set(*replay_generation + 1);
        })
    };
    let on_sample = {
        let (live, sample_id) = (live.clone(), sample_id.clone());
        Callback::from(move |id: String| {
            if let Some(sample) = samples::find(&id) {
                live.request_editor.set_text(sample.request);
                live.context_editor.set_text(sample.context_json());
                *live.sample.borrow_mut() = Some(id.clone());
                sample_id.set(id);
            }
        })
    };
    let on_replay_setup = {
        let (live, save) = (live.clone(), save.clone());
        Callback::from(move |change: ReplayChange| {
            live.replay.borrow_mut().apply(change);
            save.emit(());
        })
    };
    let on_question = {
        let (live, save) = (live.clone(), save.clone());
        Callback::from(move |question: Option<String>| {
            *live.question.borrow_mut() = question;
            save.emit(());
        })
    };
    UsePlayground {
        live,
        sample_id: (*sample_id).clone(),
        replay_generation: *replay_generation,
        replay_opening: (*replay_opening).clone(),
        save,
        load,
        on_sample,
        on_replay_setup,
        on_question,
    }
}
