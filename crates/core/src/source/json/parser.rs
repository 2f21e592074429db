//! A strict RFC 8259 parser that records spans. Recursion is bounded by [`MAX_DEPTH`], so no
//! input can overflow the stack; every error is a value, never a panic.

use super::scan::{escaped_char, hex4, literal_end, number_end, plain_run_end, whitespace_end};
use super::value::{Member, Node, Value};
use crate::source::span::Span;

/// Deepest nesting accepted. A PutEventSelectors request nests 7 levels; 64 leaves room for
/// event records and context files while keeping recursion shallow.
pub const MAX_DEPTH: usize = 64;

/// Why the text is not JSON, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
    pub help: Option<String>,
    /// A replacement that repairs the text at `span`, when one is obvious.
    pub fix: Option<(Span, String, &'static str)>,
}

/// Parses one JSON document (a leading UTF-8 byte order mark is skipped).
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut parser = Parser { text, bytes: text.as_bytes(), pos: 0 };
    if text.starts_with('\u{feff}') {
        parser.pos = 3;
    }
    parser.skip_whitespace()?;
    let node = parser.value(0)?;
    parser.skip_whitespace()?;
    if parser.pos < parser.bytes.len() {
        return Err(parser.error_here(
            "unexpected content after the end of the JSON document",
            Some("a request is a single JSON value; remove what follows it"),
        ));
    }
    Ok(node)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The character at the cursor, for messages.
    fn found(&self) -> String {
        match self.text.get(self.pos..).and_then(|rest| rest.chars().next()) {
            Some(c) if c.is_control() => format!("{c:?}"),
            Some(c) => format!("`{c}`"),
            None => "the end of the text".to_string(),
        }
    }

    fn char_span(&self) -> Span {
        let len = self.text.get(self.pos..).and_then(|r| r.chars().next()).map_or(0, char::len_utf8);
        Span::new(self.pos, self.pos + len)
    }

    fn error_here(&self, message: &str, help: Option<&str>) -> SyntaxError {
        SyntaxError { message: message.to_string(), span: self.char_span(), help: help.map(str::to_string), fix: None }
    }

    fn expected(&self, what: &str) -> SyntaxError {
        let help = match self.peek() {
            Some(b'\'') => Some("JSON strings use double quotes `\"`"),
            Some(b'/') => Some("JSON does not allow comments"),
            _ => None,
        };
        self.error_here(&format!("expected {what}, found {}", self.found()), help)
    }

    fn skip_whitespace(&mut self) -> Result<(), SyntaxError> {
        self.pos = whitespace_end(self.bytes, self.pos);
        match self.peek() {
            Some(b'/') => Err(self.expected("a JSON value or punctuation")),
            _ => Ok(()),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        if depth >= MAX_DEPTH {
            return Err(self.error_here(&format!("nesting is deeper than the limit of {MAX_DEPTH} levels"), None));
        }
        let start = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            _ => return Err(self.expected("a JSON value")),
        };
        Ok(Node { value, span: Span::new(start, self.pos) })
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        match literal_end(self.bytes, self.pos, word.as_bytes()) {
            Some(end) => {
                self.pos = end;
                Ok(value)
            }
            None => {
                Err(self.expected("a JSON value (`true`, `false`, `null`, a number, a string, an array or an object)"))
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1; // `{`
        let mut members = Vec::new();
        self.skip_whitespace()?;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.expected("a member name in double quotes"));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_whitespace()?;
            if self.peek() != Some(b':') {
                return Err(self.expected("`:` after the member name"));
            }
            self.pos += 1;
            self.skip_whitespace()?;
            let value = self.value(depth + 1)?;
            members.push(Member { key, key_span, value });
            if self.separator(b'}', "`,` or `}` after the object member")? {
                // The spare room a growing Vec keeps, times a 4 MiB document's objects, was
                // most of the memory a deep one took.
                members.shrink_to_fit();
                return Ok(Value::Object(members));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1; // `[`
        let mut items = Vec::new();
        self.skip_whitespace()?;
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            if self.separator(b']', "`,` or `]` after the array element")? {
                items.shrink_to_fit();
                return Ok(Value::Array(items));
            }
        }
    }

    /// After an element: consumes `,` (returns false) or the closing byte (returns true).
    /// A comma directly before the closing byte is a trailing comma, reported with a fix.
    fn separator(&mut self, close: u8, what: &str) -> Result<bool, SyntaxError> {
        self.skip_whitespace()?;
        match self.peek() {
            Some(b',') => {
                let comma = self.pos;
                self.pos += 1;
                self.skip_whitespace()?;
                if self.peek() == Some(close) {
                    return Err(SyntaxError {
                        message: "trailing comma: JSON does not allow a comma before a closing bracket".into(),
                        span: Span::new(comma, comma + 1),
                        help: Some("remove the comma".into()),
                        fix: Some((Span::new(comma, comma + 1), String::new(), "Remove the trailing comma")),
                    });
                }
                Ok(false)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(true)
            }
            _ => Err(self.expected(what)),
        }
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        match number_end(self.bytes, start) {
            Ok(end) => {
                self.pos = end;
                Ok(Value::Number(self.text[start..end].to_string()))
            }
            Err(at) => {
                self.pos = at;
                Err(self.expected("a digit"))
            }
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        let open = self.pos;
        self.pos += 1; // `"`
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            self.pos = plain_run_end(self.bytes, self.pos);
            // The run ends on an ASCII byte or the end, so both ends are char boundaries.
            out.push_str(&self.text[run_start..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => out.push(self.escape()?),
                Some(_) => {
                    return Err(self.error_here(
                        &format!("control character {} inside a string", self.found()),
                        Some("write it escaped, e.g. `\\n` or `\\t`"),
                    ))
                }
                None => {
                    return Err(SyntaxError {
                        message: "unterminated string".into(),
                        span: Span::new(open, open + 1),
                        help: Some("close the string with `\"`".into()),
                        fix: None,
                    })
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char, SyntaxError> {
        let start = self.pos;
        self.pos += 1; // `\`
        let c = match self.peek() {
            Some(b'u') => {
                self.pos += 1;
                return self.unicode_escape(start);
            }
            Some(b) => escaped_char(b),
            None => None,
        };
        match c {
            Some(c) => {
                self.pos += 1;
                Ok(c)
            }
            None => Err(SyntaxError {
                message: format!("invalid escape `\\{}` in a string", self.found().trim_matches('`')),
                span: Span::new(start, self.char_span().end),
                help: Some("valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX".into()),
                fix: None,
            }),
        }
    }

    fn hex4(&mut self, escape_start: usize) -> Result<u32, SyntaxError> {
        match hex4(self.bytes, self.pos) {
            Some(code) => {
                self.pos += 4;
                Ok(code)
            }
            None => Err(SyntaxError {
                message: "`\\u` must be followed by four hexadecimal digits".into(),
                span: Span::new(escape_start, self.pos),
                help: None,
                fix: None,
            }),
        }
    }

    fn unicode_escape(&mut self, start: usize) -> Result<char, SyntaxError> {
        let high = self.hex4(start)?;
        let code = if (0xD800..0xDC00).contains(&high) {
            if !self.bytes[self.pos..].starts_with(b"\\u") {
                return Err(self.lone_surrogate(start));
            }
            self.pos += 2;
            let low = self.hex4(start)?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.lone_surrogate(start));
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        char::from_u32(code).ok_or_else(|| self.lone_surrogate(start))
    }

    fn lone_surrogate(&self, start: usize) -> SyntaxError {
        SyntaxError {
            message: "unpaired UTF-16 surrogate in a `\\u` escape".into(),
            span: Span::new(start, self.pos),
            help: Some("a surrogate must be written as a high/low pair, e.g. \\ud83d\\ude00".into()),
            fix: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> SyntaxError {
        parse(text).expect_err("should fail")
    }

    #[test]
    fn parses_values_with_spans() {
        let node = parse(r#" {"a": [1, "x\u00e9", true, null]} "#).unwrap();
        assert_eq!(node.span, Span::new(1, 34));
        let member = node.get("a").unwrap();
        assert_eq!(member.key_span, Span::new(2, 5));
        let Value::Array(items) = &member.value.value else { panic!() };
        assert_eq!(items[1].as_str(), Some("x\u{e9}"));
        assert_eq!(items[1].span, Span::new(11, 20));
    }

    #[test]
    fn reports_the_spot_of_a_missing_comma() {
        let e = err("{\"a\": 1 \"b\": 2}");
        assert_eq!(e.span, Span::new(8, 9));
        assert!(e.message.contains("`,` or `}`"), "{}", e.message);
    }

    #[test]
    fn trailing_commas_get_a_fix() {
        let e = err("[1,]");
        assert_eq!(e.span, Span::new(2, 3));
        assert_eq!(e.fix.unwrap().1, "");
    }

    #[test]
    fn rejects_what_json_does_not_allow() {
        for bad in [
            "",
            "[1] x",
            "{'a': 1}",
            "// c\n{}",
            "01",
            "1.",
            "-",
            "\"\\x\"",
            "\"\u{1}\"",
            "\"abc",
            "\"\\ud800\"",
            "nul",
            "[1 2]",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn accepts_surrogate_pairs_and_a_byte_order_mark() {
        assert_eq!(parse("\u{feff}\"\\ud83d\\ude00\"").unwrap().as_str(), Some("\u{1F600}"));
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert!(err(&deep).message.contains("nesting"));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1));
        assert!(parse(&ok).is_ok());
    }
}
