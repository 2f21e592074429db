//! The importers on broken input: no panic, no hang, and every diagnostic's span (and fix)
//! inside the text on character boundaries, whatever the dialect (issue 11; limits.rs).
#![cfg(feature = "iac")]

use proptest::prelude::*;
use trailscope_core::import::validate;

/// The corpus files, as seeds that reach every dialect's reader.
fn seeds() -> Vec<String> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/iac");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()) {
        for file in std::fs::read_dir(dir).unwrap() {
            out.push(std::fs::read_to_string(file.unwrap().path()).unwrap());
        }
    }
    out.sort();
    out
}

fn check(text: &str) {
    let Ok(validation) = validate(text, None, None) else { return };
    for trail in validation.trails {
        for d in &trail.evaluation.diagnostics {
            let spans = std::iter::once(d.span).chain(d.fixes.iter().flat_map(|f| f.edits.iter().map(|e| e.span)));
            for span in spans {
                assert!(
                    span.start <= span.end && span.end <= text.len(),
                    "{:?} outside {} bytes: {d:?}",
                    span,
                    text.len()
                );
                assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{d:?}");
            }
        }
    }
}

/// Characters that matter to one syntax or another.
const PIECES: &[&str] = &[
    "{", "}", "[", "]", "\"", "'", "`", "${", "!Ref ", "!Sub ", ":", ",", "\n", "  ", "-", "#", "//", "é", "*a", "&a ",
    "=", "\\",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mutated_files_never_panic(seed in 0usize..64, edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..3, prop::sample::select(PIECES)), 1..8)) {
        let seeds = seeds();
        let mut text = seeds[seed % seeds.len()].clone();
        for (at, kind, piece) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            match kind {
                0 => text.insert_str(i, piece),
                1 => {
                    let end = (i + piece.len()).min(text.len());
                    let end = (end..=text.len()).find(|e| text.is_char_boundary(*e)).unwrap_or(text.len());
                    text.replace_range(i..end, "");
                }
                _ => text.truncate(i),
            }
        }
        check(&text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        check(&text);
    }
}

#[test]
fn deep_nesting_is_refused_in_every_dialect() {
    let n = 10_000;
    for text in [
        format!("a: {}", "[".repeat(n)),
        format!("resource \"aws_cloudtrail\" \"x\" {{ name = {} }}", "[".repeat(n)),
        format!("new CfnTrail(this, 'x', {{ eventSelectors: {} }})", "[".repeat(n)),
        format!("a: {}", "- ".repeat(n)),
    ] {
        check(&text);
    }
}
