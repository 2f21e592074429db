//! The playground's state as data: what a share link, a downloaded state file and local storage
//! hold. The format is versioned, so links made today keep opening after upgrades; anything
//! else (garbage, another version, oversized fields) is refused with a reason, never half-read.

use serde::{Deserialize, Serialize};
use trailscope_core::context::DEFAULT_CONTEXT_JSON;
use trailscope_core::limits::MAX_INPUT_BYTES;
use trailscope_core::samples;

/// The format written today. A reader accepts exactly the versions it knows.
pub const FORMAT_VERSION: u32 = 1;

/// Largest synthetic log a state may ask for: about 1 GB of records (issue 14 §2 replays one
/// from a link), twice the page's own largest button.
pub const MAX_SYNTH_EVENTS: u32 = 1_000_000;

/// Events to replay, as the replay panel was given them. Written as `{"kind": "text", "text":
/// …}`, `{"kind": "seed"}` or `{"kind": "synth", "events": n}` (read through [`EventsData`]: a
/// flat struct costs the page far less code than serde's internally tagged enums).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "EventsData", try_from = "EventsData")]
pub enum Events {
    /// Events as text (pasted, or a small file read in the page).
    Text { text: String },
    /// The spec's seed examples.
    Seed,
    /// A synthetic log from the reproducible generator.
    Synth { events: u32 },
}

/// The stored form of [`Events`].
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsData {
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    events: Option<u32>,
}

impl From<Events> for EventsData {
    fn from(events: Events) -> Self {
        let (kind, text, events) = match events {
            Events::Text { text } => ("text", Some(text), None),
            Events::Seed => ("seed", None, None),
            Events::Synth { events } => ("synth", None, Some(events)),
        };
        EventsData { kind: kind.into(), text, events }
    }
}

impl TryFrom<EventsData> for Events {
    type Error = String;

    fn try_from(data: EventsData) -> Result<Self, String> {
        match (data.kind.as_str(), data.text, data.events) {
            ("text", Some(text), None) => Ok(Events::Text { text }),
            ("seed", None, None) => Ok(Events::Seed),
            ("synth", None, Some(events)) => Ok(Events::Synth { events }),
            (kind, ..) => Err(format!("events of kind {kind:?} with these fields are not known")),
        }
    }
}

/// Everything a link restores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaygroundState {
    pub version: u32,
    pub request: String,
    pub context: String,
    /// The sample the request came from, if it still is one (the menu shows it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Events>,
    /// The before/after comparison was on.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub compare: bool,
    /// The question last asked in the Ask panel (its JSON form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The trail picked in a file with several (its label, else its name); a name the file does
    /// not hold shows its first trail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trail: Option<String>,
}

impl Default for PlaygroundState {
    /// The default sample, with no events.
    fn default() -> Self {
        let sample = samples::default_sample();
        PlaygroundState {
            version: FORMAT_VERSION,
            request: sample.map_or("", |s| s.request).into(),
            context: sample.map_or(DEFAULT_CONTEXT_JSON, |s| s.context_json()).into(),
            sample: sample.map(|s| s.id.clone()),
            events: None,
            compare: false,
            question: None,
            trail: None,
        }
    }
}

/// Only the version, read first so that a newer format gets its own message.
#[derive(Deserialize)]
struct Versioned {
    version: serde_json::Value,
}

impl PlaygroundState {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The same state without its events (when they would make a link too long).
    pub fn without_events(&self) -> Self {
        PlaygroundState { events: None, ..self.clone() }
    }

    /// Reads a state; the error says, for people, why it cannot be used.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let versioned: Versioned =
            serde_json::from_str(text).map_err(|_| "it does not hold a trailscope state".to_string())?;
        match versioned.version.as_u64() {
            Some(v) if v == u64::from(FORMAT_VERSION) => {}
            Some(v) if v > u64::from(FORMAT_VERSION) => {
                return Err(format!(
                    "it was made by a newer trailscope (state format {v}; this page reads format {FORMAT_VERSION})"
                ))
            }
            _ => return Err(format!("its state format is not one this page reads (format {FORMAT_VERSION})")),
        }
        let state: PlaygroundState =
            serde_json::from_str(text).map_err(|e| format!("its state is malformed ({})", first_clause(&e)))?;
        state.checked()
    }

    /// The bounds a state must keep; a sample name that is not a sample is dropped. Its text is
    /// data (the page never inserts it as HTML): markup or `javascript:` in an event is kept.
    pub fn checked(mut self) -> Result<Self, String> {
        if self.version != FORMAT_VERSION {
            return Err(format!("its state format is not one this page reads (format {FORMAT_VERSION})"));
        }
        for (name, text) in [("request", &self.request), ("account context", &self.context)] {
            if text.len() > MAX_INPUT_BYTES {
                return Err(format!("its {name} is larger than {} MiB", MAX_INPUT_BYTES >> 20));
            }
        }
        match &self.events {
            Some(Events::Text { text }) if text.len() > MAX_INPUT_BYTES => {
                return Err(format!("its events are larger than {} MiB", MAX_INPUT_BYTES >> 20))
            }
            Some(Events::Synth { events }) if *events == 0 || *events > MAX_SYNTH_EVENTS => {
                return Err(format!("it asks for {events} synthetic events (1 to {MAX_SYNTH_EVENTS})"))
            }
            _ => {}
        }
        if self.sample.as_deref().is_some_and(|id| samples::find(id).is_none()) {
            self.sample = None;
        }
        Ok(self)
    }
}

/// serde's message without the position (which means nothing to someone holding a link).
fn first_clause(error: &serde_json::Error) -> String {
    let text = error.to_string();
    text.split(" at line ").next().unwrap_or(&text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_survives_its_json() {
        let state = PlaygroundState {
            events: Some(Events::Text { text: "{\"eventName\": \"<b>x</b>\"}".into() }),
            compare: true,
            question: Some("{\"eventCategory\":\"Data\"}".into()),
            trail: Some("aws_cloudtrail.second".into()),
            ..PlaygroundState::default()
        };
        assert_eq!(PlaygroundState::from_json(&state.to_json()), Ok(state));
        let synth = PlaygroundState { events: Some(Events::Synth { events: 5000 }), ..PlaygroundState::default() };
        assert_eq!(PlaygroundState::from_json(&synth.to_json()), Ok(synth));
    }

    #[test]
    fn other_versions_and_shapes_are_refused_with_a_reason() {
        let newer = r#"{"version": 2, "request": "{}", "context": "{}"}"#;
        assert!(PlaygroundState::from_json(newer).unwrap_err().contains("newer trailscope"));
        for (text, reason) in [
            ("garbage", "does not hold"),
            (r#"{"request": "{}"}"#, "does not hold"),
            (r#"{"version": "1", "request": "{}", "context": "{}"}"#, "format"),
            (r#"{"version": 0, "request": "{}", "context": "{}"}"#, "format"),
            (r#"{"version": 1, "request": 5, "context": "{}"}"#, "malformed"),
            (r#"{"version": 1, "request": "{}"}"#, "malformed"),
            (r#"{"version": 1, "request": "{}", "context": "{}", "events": {"kind": "file"}}"#, "malformed"),
            (
                r#"{"version": 1, "request": "{}", "context": "{}", "events": {"kind": "synth", "events": 0}}"#,
                "synthetic",
            ),
            (
                r#"{"version": 1, "request": "{}", "context": "{}", "events": {"kind": "synth", "events": 99999999}}"#,
                "synthetic",
            ),
        ] {
            let error = PlaygroundState::from_json(text).unwrap_err();
            assert!(error.contains(reason), "{text}: {error}");
        }
    }

    #[test]
    fn oversized_fields_are_refused_and_unknown_samples_dropped() {
        let big = PlaygroundState { request: "x".repeat(MAX_INPUT_BYTES + 1), ..PlaygroundState::default() };
        assert!(PlaygroundState::from_json(&big.to_json()).unwrap_err().contains("request is larger"));
        let odd = PlaygroundState { sample: Some("no-such-sample".into()), ..PlaygroundState::default() };
        assert_eq!(PlaygroundState::from_json(&odd.to_json()).unwrap().sample, None);
    }

    #[test]
    fn script_and_markup_in_any_string_are_data() {
        // Real CloudTrail events carry such text (userAgent, requestParameters, SES templates);
        // the page shows state as text, never as HTML, so nothing here is refused.
        let states = [
            PlaygroundState { request: "{\"TrailName\": \"<SCRIPT>alert(1)</script>\"}".into(), ..Default::default() },
            PlaygroundState { context: "{\"a\": \"JavaScript:alert(1)\"}".into(), ..Default::default() },
            PlaygroundState {
                events: Some(Events::Text { text: "{\"userAgent\": \"<script src=x></script> javascript:x\"}".into() }),
                ..Default::default()
            },
            PlaygroundState {
                request: "{\"TrailName\": \"<img src=x onerror=alert(1)>\"}".into(),
                ..Default::default()
            },
        ];
        for state in states {
            assert_eq!(PlaygroundState::from_json(&state.to_json()), Ok(state));
        }
        // A sample name is still only kept when it is a sample.
        let odd = PlaygroundState { sample: Some("<script>".into()), ..Default::default() };
        assert_eq!(PlaygroundState::from_json(&odd.to_json()).unwrap().sample, None);
    }

    #[test]
    fn checked_refuses_other_versions() {
        let other = PlaygroundState { version: FORMAT_VERSION + 1, ..Default::default() };
        assert!(other.checked().unwrap_err().contains("format"));
        assert!(PlaygroundState::default().checked().is_ok());
    }
}
