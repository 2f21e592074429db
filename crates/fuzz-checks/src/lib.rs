//! What each fuzz target checks, as a plain function of the fuzzer's bytes. The cargo-fuzz
//! targets in `fuzz/fuzz_targets/` are one line each, calling these; the stable test
//! `tests/corpus.rs` runs every committed corpus and crash input (`fuzz/corpus/<target>/`,
//! `fuzz/regressions/<target>/`) through the same functions, in `make test`.
//!
//! A check panics when the code under test breaks a promise: a panic of its own, a span outside
//! the text, two readers that disagree. Input the target cannot use (not UTF-8 where text is
//! wanted) returns quietly.

pub mod extract;
pub mod import;
pub mod json;
pub mod matcher;
pub mod share;
pub mod split;
pub mod validate;

/// A check: panics when the code under test breaks a promise on these bytes.
pub type Check = fn(&[u8]);

/// Every target, by the name of its file in `fuzz/fuzz_targets/` and of its corpus folder.
pub const TARGETS: &[(&str, Check)] = &[
    ("json_parse", json::check),
    ("validate", validate::check),
    ("split_records", split::check),
    ("extract_fields", extract::check),
    ("matcher_reference", matcher::check),
    ("share_state", share::check),
    ("import_validate", import::check),
];
