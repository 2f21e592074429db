//! A model's citation, as data: the checker's repository, the commit read, and the files and
//! lines the model transcribes.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// The checker as the page names it.
    pub name: &'static str,
    /// `owner/name` on GitHub.
    pub repo: &'static str,
    /// The commit read (full hash).
    pub commit: &'static str,
    pub files: &'static [Cited],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cited {
    pub path: &'static str,
    /// `"23-27"`, or `""` for the whole file.
    pub lines: &'static str,
    /// What the model takes from there.
    pub what: &'static str,
}
