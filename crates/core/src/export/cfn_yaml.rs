//! The CloudFormation template as YAML, block style only. A string is written plain only when
//! no YAML 1.1 reader (CloudFormation's, PyYAML's) can take it for anything else: it starts
//! with a letter, holds only letters, digits and `_.:/-`, does not end with `:`, and is not a
//! boolean or null word (`yes`, `off`, `null`, ...). Every other string is double-quoted, with
//! every character a reader would fold or refuse escaped.

use super::literal::{lowercase_flag, unsafe_in_yaml};
use super::tree::Node;
use super::{cfn, Trail};
use crate::request::model::Selectors;
use crate::source::escape::{c_quoted, unicode_escape};

pub(super) fn write(trail: &Trail, selectors: &Selectors) -> Result<String, String> {
    let template = cfn::template(trail, selectors)?;
    let mut out: String = trail.header().iter().map(|line| format!("# {line}\n")).collect();
    out.push_str(&format!("# S3BucketName comes from the parameter {}: {}\n", cfn::BUCKET_PARAMETER, cfn::BUCKET_HELP));
    match &template {
        Node::Map(members) => map(members, 0, false, &mut out),
        Node::Text(_) | Node::Flag(_) | Node::List(_) => value(&template, 0, &mut out),
    }
    Ok(out)
}

/// The members of a map, each at `column`; the first one on the current line when the map is
/// a sequence item (`- Key: value`).
fn map(members: &[(&'static str, Node)], column: usize, inline_first: bool, out: &mut String) {
    for (i, (key, node)) in members.iter().enumerate() {
        if i > 0 || !inline_first {
            out.push_str(&" ".repeat(column));
        }
        out.push_str(key);
        out.push(':');
        value(node, column, out);
    }
}

/// What follows `key:` (or `-`) written at `column`.
fn value(node: &Node, column: usize, out: &mut String) {
    match node {
        Node::Text(text) => out.push_str(&format!(" {}\n", string(text))),
        Node::Flag(flag) => out.push_str(&format!(" {}\n", lowercase_flag(*flag))),
        Node::List(items) if items.is_empty() => out.push_str(" []\n"),
        Node::Map(members) if members.is_empty() => out.push_str(" {}\n"),
        Node::List(items) => {
            out.push('\n');
            sequence(items, column + 2, out);
        }
        Node::Map(members) => {
            out.push('\n');
            map(members, column + 2, false, out);
        }
    }
}

fn sequence(items: &[Node], column: usize, out: &mut String) {
    for item in items {
        out.push_str(&" ".repeat(column));
        out.push('-');
        match item {
            Node::Map(members) if !members.is_empty() => {
                out.push(' ');
                map(members, column + 2, true, out);
            }
            Node::Text(_) | Node::Flag(_) | Node::List(_) | Node::Map(_) => value(item, column, out),
        }
    }
}

/// `text` plain when that is safe, else double-quoted.
fn string(text: &str) -> String {
    if is_plain(text) {
        text.to_string()
    } else {
        quoted(text)
    }
}

/// YAML 1.1's boolean and null words (case-insensitively; `y`/`n` too, though PyYAML reads
/// them as strings, other readers do not).
const RETYPED_WORDS: [&str; 9] = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"];

fn is_plain(text: &str) -> bool {
    let safe = |c: char| c.is_ascii_alphanumeric() || "_.:/-".contains(c);
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text.chars().all(safe)
        && !text.ends_with(':')
        && !RETYPED_WORDS.contains(&text.to_ascii_lowercase().as_str())
}

/// A double-quoted scalar: `"`, `\` and the characters a reader would fold or refuse escaped.
fn quoted(text: &str) -> String {
    c_quoted(text, '"', unicode_escape(unsafe_in_yaml))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_yaml_would_retype_are_quoted() {
        for text in [
            "true", "False", "yes", "Y", "null", "1.0", "12:30", "*", "&a", "!Ref x", ": x", "a:", "a b", "", "-x",
            "~", ".inf", "#c", "@x", "%x", "`x", "{}", "[]",
        ] {
            assert!(!is_plain(text), "{text:?} must be quoted");
            assert!(string(text).starts_with('"'), "{text:?}");
        }
        for text in
            ["Data", "AWS::S3::Object", "arn:aws:s3:::bucket/", "eventCategory", "kms.amazonaws.com", "yesterday"]
        {
            assert!(is_plain(text), "{text:?} can stay plain");
        }
    }

    #[test]
    fn quoted_strings_escape_what_yaml_would_fold_or_refuse() {
        assert_eq!(quoted("a\"b\\c\nd\te\u{1}\u{85}\u{2028}é😀"), r#""a\"b\\c\nd\te\u0001\u0085\u2028é😀""#);
    }
}
