//! The replay table's filter, once: which rows a page shows. The wasm facade's `VerdictStore`
//! applies it; the page builds it from its selects and sends it to the worker as is.

use serde::{Deserialize, Serialize};

/// Which verdicts a filter keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Verdicts {
    #[default]
    All,
    Logged,
    /// Not logged.
    Not,
    /// The verdict differs before and after; without a comparison no row has changed.
    Changed,
}

impl Verdicts {
    pub const ALL: [Verdicts; 4] = [Verdicts::All, Verdicts::Logged, Verdicts::Not, Verdicts::Changed];

    /// The name on the wire (and the page's select value).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdicts::All => "all",
            Verdicts::Logged => "logged",
            Verdicts::Not => "not",
            Verdicts::Changed => "changed",
        }
    }

    pub fn parse(value: &str) -> Option<Verdicts> {
        Verdicts::ALL.into_iter().find(|v| v.as_str() == value)
    }
}

/// Which rows a page of the replay's verdicts shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "RowFilter"))]
pub struct RowFilter {
    pub logged: Verdicts,
    /// Rows matched by this selector; null for any.
    pub selector: Option<usize>,
    /// Kept when "eventSource eventName" ("-" for a missing one; a problem: its message)
    /// contains it, trimmed and case-insensitive.
    pub text: String,
}

impl RowFilter {
    /// Keeps every row: no index list is needed.
    pub fn keeps_all(&self) -> bool {
        self.logged == Verdicts::All && self.selector.is_none() && self.text.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_round_trip_and_missing_members_default() {
        for v in Verdicts::ALL {
            assert_eq!(Verdicts::parse(v.as_str()), Some(v));
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{}\"", v.as_str()));
        }
        let filter: RowFilter = serde_json::from_str(r#"{"logged": "changed"}"#).unwrap();
        assert_eq!(filter, RowFilter { logged: Verdicts::Changed, selector: None, text: String::new() });
        assert!(RowFilter { text: "  ".into(), ..RowFilter::default() }.keeps_all());
        assert!(!RowFilter { selector: Some(0), ..RowFilter::default() }.keeps_all());
    }
}
