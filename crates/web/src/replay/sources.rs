//! What the replay panel sends the worker as sources, and what of them can travel in a link.

use super::worker::{Source, Synth};
use crate::platform::files;
use crate::state::playground::Events;

/// The seed examples, beside the worker (index.html copies tests/events/seed-examples.json
/// there): the worker fetches them, so they stay out of the page's own bytes.
const SEED_EXAMPLES: &str = "seed-examples.json";

/// How a built-in or pasted source is sent to the worker, its label, and how many events it
/// holds when known before reading it (for progress).
pub fn source_of(events: &Events) -> (String, Source, Option<u64>) {
    match events {
        Events::Seed => ("seed examples".into(), Source::Url { url: SEED_EXAMPLES }, Some(10)),
        Events::Synth { events } => (
            "synthetic log".into(),
            Source::Synth { synth: Synth { seed: 1, events: *events } },
            Some(u64::from(*events)),
        ),
        Events::Text { text } => ("pasted events".into(), Source::Text { text: text.clone() }, None),
    }
}

/// The files of a file input or a drop.
pub fn files_of(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    files.map(|f| (0..f.length()).filter_map(|i| f.get(i)).collect()).unwrap_or_default()
}

/// The events of small uncompressed files as one text, to travel in links (None otherwise).
pub async fn shareable_text(files: Vec<web_sys::File>) -> Option<Events> {
    let mut texts = Vec::new();
    for file in files {
        texts.push(files::small_file_text(file).await?);
    }
    let text = texts.join("\n");
    (text.len() <= files::MAX_SHARED_FILE_BYTES).then_some(Events::Text { text })
}
