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
    pub const ALL: [Theme; 2] = [Theme::Light, Theme::Dark];

    /// Its name in the query, in `data-theme` and in the embed dialog's select.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == name)
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

/// The query parameters documented in the README: flags (`1`/`0`, `true`/`false`…) and `theme`.
const EMBED: &str = "embed";
const READ_ONLY: &str = "readonly";
const REPLAY: &str = "replay";
const CONTEXT: &str = "context";
const THEME: &str = "theme";

impl Presentation {
    /// Reads a query string (`location.search`, with or without its `?`). Unknown parameters
    /// and values are ignored.
    pub fn from_query(query: &str) -> Self {
        let (mut embed, mut read_only, mut replay, mut context, mut theme) = (None, None, None, None, None);
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, "1"));
            match key {
                EMBED => embed = flag(value),
                READ_ONLY => read_only = flag(value),
                REPLAY => replay = flag(value),
                CONTEXT => context = flag(value),
                THEME => theme = Theme::parse(value).or(theme),
                _ => {}
            }
        }
        let embed = embed.unwrap_or(false);
        Presentation {
            embed,
            read_only: embed && read_only.unwrap_or(false),
            replay: !embed || replay.unwrap_or(false),
            context: !embed || context.unwrap_or(false),
            theme,
        }
    }

    /// The query string that [`Presentation::from_query`] reads back as this presentation
    /// (`?embed=1&readonly=1…`; empty for the full page in the system's theme). Options an
    /// embed only has are written for embeds only.
    pub fn to_query(&self) -> String {
        let mut pairs = Vec::new();
        if self.embed {
            pairs.push(format!("{EMBED}=1"));
            for (name, on) in [(READ_ONLY, self.read_only), (REPLAY, self.replay), (CONTEXT, self.context)] {
                if on {
                    pairs.push(format!("{name}=1"));
                }
            }
        }
        if let Some(theme) = self.theme {
            pairs.push(format!("{THEME}={}", theme.as_str()));
        }
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
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

    #[test]
    fn to_query_is_read_back_as_the_same_presentation() {
        let themes = [None, Some(Theme::Light), Some(Theme::Dark)];
        for bits in 0..16u8 {
            for theme in themes {
                let [embed, read_only, replay, context] = [0, 1, 2, 3].map(|i| bits & (1 << i) != 0);
                // What from_query can give: the full page always has replay and context.
                let presentation =
                    Presentation::from_query(&Presentation { embed, read_only, replay, context, theme }.to_query());
                assert_eq!(Presentation::from_query(&presentation.to_query()), presentation);
                assert_eq!(presentation.embed, embed);
                assert_eq!(presentation.theme, theme);
                if embed {
                    assert_eq!(
                        (presentation.read_only, presentation.replay, presentation.context),
                        (read_only, replay, context)
                    );
                }
            }
        }
    }

    #[test]
    fn to_query_writes_the_documented_names() {
        let embed =
            Presentation { embed: true, read_only: true, replay: true, context: false, theme: Some(Theme::Dark) };
        assert_eq!(embed.to_query(), "?embed=1&readonly=1&replay=1&theme=dark");
        let page = Presentation { replay: true, context: true, ..Default::default() };
        assert_eq!(page.to_query(), "");
    }
}
