//! The page's current state, read on demand: the texts from the editors, the sample and the
//! replay setup from cells the panels keep up to date. Saving and sharing start here.

use crate::platform::editor_js::EditorRef;
use crate::state::playground::{Events, PlaygroundState, FORMAT_VERSION};
use std::cell::RefCell;
use std::rc::Rc;
use trailscope_core::samples;

/// What the replay panel was last given: shareable events (None for none, or for files too
/// large to carry) and whether the before/after comparison is on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplaySetup {
    pub events: Option<Events>,
    pub compare: bool,
    /// Events were replayed from files too large (or gzipped) to travel: links say so.
    pub files_kept: bool,
}

/// What the replay panel reports: new events, or the comparison switched.
#[derive(Debug, Clone, PartialEq)]
pub enum ReplayChange {
    Events { events: Option<Events>, files_kept: bool },
    Compare(bool),
}

impl ReplaySetup {
    pub fn apply(&mut self, change: ReplayChange) {
        match change {
            ReplayChange::Events { events, files_kept } => (self.events, self.files_kept) = (events, files_kept),
            ReplayChange::Compare(on) => self.compare = on,
        }
    }
}

#[derive(Clone, Default, PartialEq)]
pub struct LiveState {
    pub request_editor: EditorRef,
    pub context_editor: EditorRef,
    pub sample: Rc<RefCell<Option<String>>>,
    pub replay: Rc<RefCell<ReplaySetup>>,
    /// The question last asked (Ask panel).
    pub question: Rc<RefCell<Option<String>>>,
}

impl LiveState {
    /// The sample the request still is (None once it was edited: the menu says "Custom", and
    /// links do not name a sample that no longer describes the request).
    /// Before the editor is mounted, `opening` (the request it is about to hold) stands in.
    pub fn sample_now(&self, opening: &str) -> Option<String> {
        match self.request_editor.text() {
            Some(request) => self.sample_of(&request),
            None => self.sample_of(opening),
        }
    }

    fn sample_of(&self, request: &str) -> Option<String> {
        let sample = self.sample.borrow().clone().filter(|id| samples::find(id).is_some_and(|s| s.request == request));
        sample.or_else(|| crate::iac::file_sample(request))
    }

    /// The request the page judges (the analysis, the replay, the Ask panel): the editor's
    /// text, or a file's picked trail as a JSON request (`iac::file_request`). None before the
    /// editor is mounted.
    pub fn judged_request(&self) -> Option<String> {
        crate::iac::file_request().or_else(|| self.request_editor.text())
    }

    /// The context the page judges in: the editor's text, or the context describe-trails
    /// output in it describes (`iac::read_context`).
    pub fn judged_context(&self) -> Option<String> {
        let text = self.context_editor.text()?;
        Some(crate::iac::read_context(&text).unwrap_or(text))
    }

    /// The state now; None before the editors are mounted.
    pub fn read(&self) -> Option<PlaygroundState> {
        let replay = self.replay.borrow().clone();
        let request = self.request_editor.text()?;
        Some(PlaygroundState {
            version: FORMAT_VERSION,
            sample: self.sample_of(&request),
            request,
            context: self.context_editor.text()?,
            events: replay.events,
            compare: replay.compare,
            question: self.question.borrow().clone(),
            trail: crate::iac::picked_trail(),
        })
    }

    /// Puts `state` in the editors and cells (the replay panel is remounted by the caller).
    pub fn write(&self, state: &PlaygroundState) {
        self.request_editor.set_text(&state.request);
        self.context_editor.set_text(&state.context);
        *self.sample.borrow_mut() = state.sample.clone();
        *self.question.borrow_mut() = state.question.clone();
        crate::iac::pick_trail(state.trail.clone());
        *self.replay.borrow_mut() =
            ReplaySetup { events: state.events.clone(), compare: state.compare, files_kept: false };
    }
}
