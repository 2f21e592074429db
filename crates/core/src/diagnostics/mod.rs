//! Diagnostics are data: one type feeds editor markers, CLI output and the JS API.

mod code;
pub mod path;
pub mod problems;
pub mod render;
pub mod report;
pub(crate) mod suggest;

pub use code::{Code, Provenance, Severity, Stage};
pub use problems::Problems;

use crate::source::json::Node;
use crate::source::span::Span;
use serde::Serialize;

/// Most choices offered as separate fixes when none is close to what was written.
pub const MAX_PICKS: usize = 6;

/// One text replacement; spans are byte offsets into the analysed text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// A machine-applicable repair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

/// Where the rule comes from: a section of `spec/cloudtrail-selectors.md`, and the trailscope
/// decision (`spec/decisions.md`) it rests on when AWS documents nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Basis {
    pub section: &'static str,
    pub decision: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// RFC 6901 JSON pointer to the value (or member) at fault.
    pub pointer: String,
    pub span: Span,
    pub help: Option<String>,
    /// Repairs, the likeliest first (several when the user must pick one).
    pub fixes: Vec<Fix>,
    pub basis: Basis,
    /// Whose words `message` is (AWS's observed or documented text, or trailscope's own).
    pub provenance: Provenance,
}

impl Diagnostic {
    /// A diagnostic whose severity and default provenance come from the code registry.
    pub fn new(code: Code, message: impl Into<String>, pointer: &str, span: Span) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            pointer: pointer.to_string(),
            span,
            help: None,
            fixes: Vec::new(),
            basis: Basis { section: "", decision: None },
            provenance: code.provenance(),
        }
    }

    /// The message is AWS's text as observed against the real service (`docs/aws-messages.md`).
    pub fn observed(mut self) -> Self {
        self.provenance = Provenance::Observed;
        self
    }

    /// The message is AWS's documented text (or a client's deterministic one).
    pub fn documented(mut self) -> Self {
        self.provenance = Provenance::Documented;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a repair replacing `span` by `text` (after the fixes already given).
    pub fn fix(mut self, title: impl Into<String>, span: Span, text: impl Into<String>) -> Self {
        self.fixes.push(Fix { title: title.into(), edits: vec![Edit { span, text: text.into() }] });
        self
    }

    /// A fix replacing the JSON string at `span` by the candidate closest to `word`, if one is
    /// close enough ("did you mean").
    pub fn suggest<'a>(self, span: Span, word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Self {
        match crate::diagnostics::suggest::closest(word, candidates) {
            Some(good) => {
                self.fix(format!("Replace with \"{good}\""), span, serde_json::to_string(good).unwrap_or_default())
            }
            None => self,
        }
    }

    /// For a value outside a short list of choices (an enum): the "did you mean" fix when one
    /// candidate is close, else one fix per choice to pick from (issue 12 §4), when there are at
    /// most [`MAX_PICKS`] of them.
    pub fn suggest_or_pick<'a>(self, span: Span, word: &str, choices: impl IntoIterator<Item = &'a str>) -> Self {
        let choices: Vec<&str> = choices.into_iter().collect();
        let d = self.suggest(span, word, choices.iter().copied());
        if !d.fixes.is_empty() || choices.len() > MAX_PICKS {
            return d;
        }
        choices.iter().filter(|c| **c != word).fold(d, |d, good| {
            d.fix(format!("Replace with \"{good}\""), span, serde_json::to_string(good).unwrap_or_default())
        })
    }

    /// Removes the object member `index` of `object` (its key, value and one comma): the fix for
    /// a member that does not belong there.
    pub fn removal(self, object: &Node, index: usize) -> Self {
        match object.member_removal(index) {
            Some((key, span)) => self.fix(format!("Remove \"{key}\""), span, ""),
            None => self,
        }
    }

    /// The spec section this rule implements.
    pub fn spec(mut self, section: &'static str) -> Self {
        self.basis.section = section;
        self
    }

    /// The trailscope decision this rule rests on (AWS documents nothing here).
    pub fn decision(mut self, id: &'static str) -> Self {
        self.basis.decision = Some(id);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Escapes one JSON pointer token (RFC 6901 §3).
pub fn pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// `parent` + `/` + escaped `token`.
pub fn child_pointer(parent: &str, token: impl std::fmt::Display) -> String {
    use std::fmt::Write;
    let mut pointer = String::with_capacity(parent.len() + 16);
    pointer.push_str(parent);
    pointer.push('/');
    let start = pointer.len();
    let _ = write!(pointer, "{token}");
    if pointer[start..].contains(['~', '/']) {
        let escaped = pointer_token(&pointer[start..]);
        pointer.truncate(start);
        pointer.push_str(&escaped);
    }
    pointer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape_tilde_and_slash() {
        assert_eq!(child_pointer("/a", "b/c~d"), "/a/b~1c~0d");
        assert_eq!(child_pointer("", 3), "/3");
    }
}
