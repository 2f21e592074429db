//! The `aws cloudtrail put-event-selectors` command, for POSIX shells (sh, bash, zsh): every
//! argument that is not plain is single-quoted, a `'` inside written as `'\''`, so any value
//! survives the shell as written. The selectors go as one JSON argument (the CLI parses a value
//! that starts with `[` as JSON); a trail ARN also gives `--region`, its home (the call must be
//! made there, spec §2 `InvalidHomeRegionException`).

use super::literal::{self, JSON};
use super::{tree, Trail};
use crate::request::model::Selectors;

pub(super) fn write(trail: &Trail, selectors: &Selectors) -> String {
    let (member, value) = tree::selectors(selectors);
    let option = if member == "EventSelectors" { "--event-selectors" } else { "--advanced-event-selectors" };
    let mut json = String::new();
    literal::write(&value, &JSON, 0, &mut json);
    let mut out: String = trail.header().iter().map(|line| format!("# {line}\n")).collect();
    out.push_str("aws cloudtrail put-event-selectors \\\n");
    if let Some((region, _)) = trail.home {
        out.push_str(&format!("  --region {} \\\n", quote(region)));
    }
    out.push_str(&format!("  --trail-name {} \\\n  {option} {}\n", quote(trail.written), quote(&json)));
    out
}

/// `text` as one POSIX shell word.
pub(super) fn quote(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_.:/@%+=,".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        return text.to_string();
    }
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn words_that_are_not_plain_are_single_quoted() {
        assert_eq!(quote("my-trail"), "my-trail");
        assert_eq!(
            quote("arn:aws:cloudtrail:us-east-1:123456789012:trail/t"),
            "arn:aws:cloudtrail:us-east-1:123456789012:trail/t"
        );
        assert_eq!(quote(""), "''");
        assert_eq!(quote("a b"), "'a b'");
        assert_eq!(quote("it's $HOME `x` \\"), r"'it'\''s $HOME `x` \'");
    }
}
