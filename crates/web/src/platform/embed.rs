//! Embed mode: the page inside another page's `<iframe>`, with minimal chrome. Its options come
//! from the query string (`?embed=1&readonly=1&replay=1&context=1&theme=dark`); the state comes
//! from the fragment, as in a share link.

/// A theme forced by the embedding page; without one the system's applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// How the page presents itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Presentation {
    /// Inside an iframe: no header, footer, samples menu or share bar.
    pub embed: bool,
    /// The request editor cannot be edited (embed only).
    pub read_only: bool,
    /// The replay panel is shown (always outside embed mode).
    pub replay: bool,
    /// The account context panel is shown (always outside embed mode).
    pub context: bool,
    pub theme: Option<Theme>,
}

/// The parameters documented in the README, each a `1`/`0`-style flag except `theme`.
pub const PARAMETERS: [&str; 5] = ["embed", "readonly", "replay", "context", "theme"];

impl Presentation {
    /// Reads a query string (`location.search`, with or without its `?`). Unknown parameters
    /// and values are ignored.
    pub fn from_query(query: &str) -> Self {
        let mut flags = [None::<bool>; 4];
        let mut theme = None;
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, "1"));
            match (PARAMETERS.iter().position(|p| *p == key), value) {
                (Some(4), "light") => theme = Some(Theme::Light),
                (Some(4), "dark") => theme = Some(Theme::Dark),
                (Some(i @ 0..=3), v) => flags[i] = flag(v),
                _ => {}
            }
        }
        let [embed, read_only, replay, context] = flags;
        let embed = embed.unwrap_or(false);
        Presentation {
            embed,
            read_only: embed && read_only.unwrap_or(false),
            replay: !embed || replay.unwrap_or(false),
            context: !embed || context.unwrap_or(false),
            theme,
        }
    }
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" | "yes" | "" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_full_page_ignores_embed_only_options() {
        let page = Presentation::from_query("?readonly=1&replay=0&theme=dark");
        assert_eq!(
            page,
            Presentation { embed: false, read_only: false, replay: true, context: true, theme: Some(Theme::Dark) }
        );
        assert_eq!(Presentation::from_query(""), Presentation { replay: true, context: true, ..Default::default() });
    }

    #[test]
    fn embed_mode_reads_its_flags() {
        let embed = Presentation::from_query("?embed=1&readonly=true&replay=1&theme=light&x=<script>");
        assert_eq!(
            embed,
            Presentation { embed: true, read_only: true, replay: true, context: false, theme: Some(Theme::Light) }
        );
        assert_eq!(Presentation::from_query("embed&theme=purple"), Presentation { embed: true, ..Default::default() });
    }
}
