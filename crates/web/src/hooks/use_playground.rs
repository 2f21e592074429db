//! The playground as a whole: the live state (editors, sample, replay setup), loading a whole
//! state into it (upload, reset), choosing a sample, undoing either, and saving after each
//! change.

use super::use_persistence;
use crate::state::live::{LiveState, ReplayChange, ReplaySetup};
use crate::state::playground::PlaygroundState;
use std::rc::Rc;
use trailscope_core::context::DEFAULT_CONTEXT_JSON;
use trailscope_core::samples;
use yew::prelude::*;

/// The last replacement of the page's texts (a sample, an upload, a reset), to undo it.
#[derive(Debug, Clone, PartialEq)]
pub struct Replaced {
    /// What replaced them, for people ("Sample “…” loaded").
    pub what: String,
    pub before: PlaygroundState,
}

pub struct UsePlayground {
    pub live: Rc<LiveState>,
    /// Changes when a whole state is loaded: the replay panel is remounted with…
    pub replay_generation: u32,
    /// …this setup.
    pub replay_opening: ReplaySetup,
    /// Saves the current state (outside embeds).
    pub save: Callback<()>,
    /// Loads a whole state into the page (upload, reset), saying what it is.
    pub load: Callback<(String, PlaygroundState)>,
    pub on_sample: Callback<String>,
    /// The replacement the page offers to undo, and the undo.
    pub replaced: Option<Replaced>,
    pub on_undo: Callback<()>,
    pub on_forget_undo: Callback<()>,
    /// What the replay panel reports it replays now.
    pub on_replay_setup: Callback<ReplayChange>,
    /// The question the Ask panel asked.
    pub on_question: Callback<Option<String>>,
}

#[hook]
pub fn use_playground(opening: &PlaygroundState, keep: bool) -> UsePlayground {
    let live = use_memo((), |_| {
        crate::iac::pick_trail(opening.trail.clone());
        LiveState {
            sample: Rc::new(opening.sample.clone().into()),
            question: Rc::new(opening.question.clone().into()),
            replay: Rc::new(
                ReplaySetup { events: opening.events.clone(), compare: opening.compare, files_kept: false }.into(),
            ),
            ..LiveState::default()
        }
    });
    let save = use_persistence(keep, &live);
    let replay_generation = use_state(|| 0u32);
    let replay_opening = use_state(|| live.replay.borrow().clone());
    let replaced = use_state(|| None::<Replaced>);
    // Keeps the state a replacement is about to overwrite.
    let remember = {
        let (live, replaced) = (live.clone(), replaced.clone());
        move |what: String| replaced.set(live.read().map(|before| Replaced { what, before }))
    };
    let load = {
        let (live, replay_generation, replay_opening, remember) =
            (live.clone(), replay_generation.clone(), replay_opening.clone(), remember.clone());
        Callback::from(move |(what, state): (String, PlaygroundState)| {
            remember(what);
            live.write(&state);
            replay_opening.set(live.replay.borrow().clone());
            replay_generation.set(*replay_generation + 1);
        })
    };
    let on_sample = {
        let live = live.clone();
        Callback::from(move |id: String| {
            if let Some(sample) = samples::find(&id) {
                remember(format!("Sample \u{201c}{}\u{201d} loaded", sample.title));
                live.request_editor.set_text(sample.request);
                live.context_editor.set_text(sample.context_json());
                *live.sample.borrow_mut() = Some(id);
            } else if let Some(file) = id.strip_prefix("file:") {
                // A sample file (crates/web/src/iac lists them): fetched, read by the file view.
                remember("A sample file loaded".into());
                live.context_editor.set_text(DEFAULT_CONTEXT_JSON);
                let request = samples::default_sample().map_or("", |s| s.request);
                crate::iac::load_file(file, &live.request_editor.js(), &live.context_editor.js(), request);
            }
        })
    };
    let on_undo = {
        let (load, replaced) = (load.clone(), replaced.clone());
        Callback::from(move |()| {
            if let Some(last) = (*replaced).clone() {
                load.emit(("Undone".into(), last.before));
            }
        })
    };
    let on_forget_undo = {
        let replaced = replaced.clone();
        Callback::from(move |()| replaced.set(None))
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
        replay_generation: *replay_generation,
        replay_opening: (*replay_opening).clone(),
        save,
        load,
        on_sample,
        replaced: (*replaced).clone(),
        on_undo,
        on_forget_undo,
        on_replay_setup,
        on_question,
    }
}
