//! Quoting text for the languages trailscope writes (Python `repr` in client messages; YAML,
//! HCL and JavaScript in exports): they share C's escapes and differ in the quote and in which
//! other characters they escape, and how.

/// `text` between `quote`s, escaped C-style: `\\`, the quote, `\n`, `\r`, `\t`, and every
/// character `escape` returns an escape for.
pub(crate) fn c_quoted(text: &str, quote: char, escape: impl Fn(char) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => match escape(c) {
                Some(escaped) => out.push_str(&escaped),
                None => out.push(c),
            },
        }
    }
    out.push(quote);
    out
}

/// `\uXXXX` for the characters `unsafe_char` names (YAML, HCL and JavaScript read it).
pub(crate) fn unicode_escape(unsafe_char: fn(char) -> bool) -> impl Fn(char) -> Option<String> {
    move |c| unsafe_char(c).then(|| format!("\\u{:04X}", u32::from(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_backslashes_and_line_ends_are_escaped() {
        assert_eq!(c_quoted("a'b\"c\\d\ne\u{1}", '\'', unicode_escape(char::is_control)), r#"'a\'b"c\\d\ne\u0001'"#);
    }
}
