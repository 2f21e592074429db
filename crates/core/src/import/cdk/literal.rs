//! A TypeScript/JavaScript object literal as the span-keeping document: unquoted, quoted and
//! numeric keys, single- and double-quoted strings with JavaScript's escapes, template strings,
//! trailing commas, comments, `as`/`satisfies` after a value. What is not a literal (an
//! identifier, a call, a template with `${}`, `a + b`, an object with a spread) is an unknown
//! value spanning the expression as written (decisions D45). Nesting is bounded by MAX_DEPTH.

use crate::import::SyntaxProblem;
use crate::source::json::{Member, Node, Value, MAX_DEPTH};
use crate::source::span::Span;
use crate::source::unknown::{Hole, Part, Unknown};

pub struct Parser<'a> {
    pub text: &'a str,
    bytes: &'a [u8],
    pub pos: usize,
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str, pos: usize) -> Self {
        Parser { text, bytes: text.as_bytes(), pos }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn error(&self, message: &str) -> SyntaxProblem {
        let end = (self.pos + 1).min(self.text.len());
        SyntaxProblem::new(format!("invalid object literal: {message}"), Span::new(self.pos.min(end), end))
    }

    /// Skips whitespace and comments.
    pub fn skip(&mut self) {
        loop {
            while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
                self.pos += 1;
            }
            let rest = &self.bytes[self.pos..];
            if rest.starts_with(b"//") {
                self.pos += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
            } else if rest.starts_with(b"/*") {
                self.pos += rest.windows(2).skip(2).position(|w| w == b"*/").map_or(rest.len(), |i| i + 4);
            } else {
                return;
            }
        }
    }

    /// One value (the parser is on its first character).
    pub fn value(&mut self, depth: usize) -> Result<Node, SyntaxProblem> {
        if depth >= MAX_DEPTH {
            return Err(self.error(&format!("nesting is deeper than the limit of {MAX_DEPTH} levels")));
        }
        let start = self.pos;
        let literal = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(quote @ (b'\'' | b'"')) => Some(Value::String(self.string(quote)?)),
            Some(b'`') => Some(self.template()?),
            _ => self.word(),
        };
        let end = self.pos;
        if end == start && literal.is_none() && self.at_delimiter() {
            return Err(self.error("a value expected"));
        }
        self.skip();
        // `value as Type` / `value satisfies Type` keep the value.
        if self.keyword("as") || self.keyword("satisfies") {
            self.expression_end(depth)?;
            return Ok(self.literal_or_unknown(literal, start, end));
        }
        if self.at_delimiter() {
            return Ok(self.literal_or_unknown(literal, start, end));
        }
        // More follows (`a + b`, `x.y`, `f(...)`): the whole expression is unknown.
        self.expression_end(depth)?;
        let end = self.trimmed_end(start);
        Ok(self.unknown(start, end))
    }

    fn literal_or_unknown(&self, literal: Option<Value>, start: usize, end: usize) -> Node {
        match literal {
            Some(value) => Node { value, span: Span::new(start, end) },
            None => self.unknown(start, end),
        }
    }

    fn unknown(&self, start: usize, end: usize) -> Node {
        let written = &self.text[start..end];
        Node { value: Value::Unknown(Box::new(Unknown::opaque(written))), span: Span::new(start, end) }
    }

    /// The end of the source before trailing whitespace/comments, from `start`.
    fn trimmed_end(&self, start: usize) -> usize {
        start + self.text[start..self.pos].trim_end().len()
    }

    fn at_delimiter(&self) -> bool {
        matches!(self.peek(), None | Some(b',' | b'}' | b']' | b')' | b';'))
    }

    fn keyword(&mut self, word: &str) -> bool {
        let rest = &self.bytes[self.pos..];
        let after = rest.get(word.len()).copied();
        if rest.starts_with(word.as_bytes()) && !after.is_some_and(is_word_byte) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    /// Skips an expression up to the next delimiter at its own level.
    fn expression_end(&mut self, depth: usize) -> Result<(), SyntaxProblem> {
        let mut nested = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'\'' | b'"' => drop(self.string(b)?),
                b'`' => drop(self.template()?),
                b'/' if matches!(self.bytes.get(self.pos + 1), Some(b'/' | b'*')) => self.skip(),
                b'(' | b'[' | b'{' => {
                    nested += 1;
                    if depth + nested >= MAX_DEPTH {
                        return Err(self.error("nesting is too deep"));
                    }
                    self.pos += 1;
                }
                b')' | b']' | b'}' if nested > 0 => {
                    nested -= 1;
                    self.pos += 1;
                }
                b',' | b')' | b']' | b'}' | b';' if nested == 0 => return Ok(()),
                _ => self.pos += 1,
            }
        }
        Ok(())
    }

    /// `true`, `false`, `null`, a number; `None` for another word (an identifier, `this`, ...).
    fn word(&mut self) -> Option<Value> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        while self.peek().is_some_and(|b| is_word_byte(b) || b == b'.') {
            self.pos += 1;
        }
        let word = &self.text[start..self.pos];
        let digits = word.trim_start_matches('-');
        match word {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            "null" => Some(Value::Null),
            _ if digits.starts_with(|c: char| c.is_ascii_digit()) && digits.parse::<f64>().is_ok() => {
                Some(Value::Number(word.to_string()))
            }
            _ => None,
        }
    }

    fn object(&mut self, depth: usize) -> Result<Option<Value>, SyntaxProblem> {
        self.pos += 1;
        let mut members = Vec::new();
        let mut spread = false;
        loop {
            self.skip();
            match self.peek() {
                Some(b'}') => {
                    self.pos += 1;
                    // What a spread adds is not known: nor is the object (decisions D45).
                    return Ok((!spread).then_some(Value::Object(members)));
                }
                None => return Err(self.error("`}` expected")),
                Some(b'.') if self.bytes[self.pos..].starts_with(b"...") => {
                    self.pos += 3;
                    self.skip();
                    self.expression_end(depth + 1)?;
                    spread = true;
                }
                Some(_) => members.push(self.member(depth)?),
            }
            self.skip();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {}
                _ => return Err(self.error("`,` or `}` expected")),
            }
        }
    }

    fn member(&mut self, depth: usize) -> Result<Member, SyntaxProblem> {
        let start = self.pos;
        let key = match self.peek() {
            Some(quote @ (b'\'' | b'"')) => self.string(quote)?,
            Some(b'[') => {
                self.expression_end(depth + 1)?;
                return Err(SyntaxProblem::new("computed keys are not supported".into(), Span::new(start, self.pos)));
            }
            _ => {
                while self.peek().is_some_and(is_word_byte) {
                    self.pos += 1;
                }
                if self.pos == start {
                    return Err(self.error("a property name expected"));
                }
                self.text[start..self.pos].to_string()
            }
        };
        let key_span = Span::new(start, self.pos);
        self.skip();
        if self.peek() != Some(b':') {
            // Shorthand `{ name }`: the value of a variable.
            let value = self.unknown(key_span.start, key_span.end);
            return Ok(Member { key, key_span, value });
        }
        self.pos += 1;
        self.skip();
        let value = self.value(depth + 1)?;
        Ok(Member { key, key_span, value })
    }

    fn array(&mut self, depth: usize) -> Result<Option<Value>, SyntaxProblem> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip();
            match self.peek() {
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Some(Value::Array(items)));
                }
                None => return Err(self.error("`]` expected")),
                Some(b'.') if self.bytes[self.pos..].starts_with(b"...") => {
                    let start = self.pos;
                    self.pos += 3;
                    self.expression_end(depth + 1)?;
                    let end = self.trimmed_end(start);
                    items.push(self.unknown(start, end));
                }
                Some(_) => items.push(self.value(depth + 1)?),
            }
            self.skip();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {}
                _ => return Err(self.error("`,` or `]` expected")),
            }
        }
    }

    fn string(&mut self, quote: u8) -> Result<String, SyntaxProblem> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run = self.pos;
            while self.peek().is_some_and(|b| b != quote && b != b'\\' && b != b'\n') {
                self.pos += 1;
            }
            out.push_str(&self.text[run..self.pos]);
            match self.peek() {
                Some(b'\\') => self.escape(&mut out)?,
                Some(b) if b == quote => {
                    self.pos += 1;
                    return Ok(out);
                }
                _ => return Err(SyntaxProblem::new("unterminated string".into(), Span::new(open, open + 1))),
            }
        }
    }

    /// A backslash escape, decoded into `out`.
    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxProblem> {
        let start = self.pos;
        self.pos += 1;
        let Some(c) = self.text[self.pos..].chars().next() else {
            return Err(self.error("an escape at the end"));
        };
        self.pos += c.len_utf8();
        let decoded = match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'v' => '\u{b}',
            '0' => '\0',
            '\n' => return Ok(()),
            'x' => self.hex(2, start)?,
            'u' if self.peek() == Some(b'{') => {
                let close = self.text[self.pos..].find('}').ok_or_else(|| self.error("`}` expected"))?;
                let code = u32::from_str_radix(&self.text[self.pos + 1..self.pos + close], 16).ok();
                self.pos += close + 1;
                code.and_then(char::from_u32).ok_or_else(|| self.error("invalid \\u{} escape"))?
            }
            'u' => self.hex(4, start)?,
            other => other,
        };
        out.push(decoded);
        Ok(())
    }

    fn hex(&mut self, digits: usize, start: usize) -> Result<char, SyntaxProblem> {
        let code = self.text.get(self.pos..self.pos + digits).and_then(|h| u32::from_str_radix(h, 16).ok());
        self.pos += digits;
        // A lone surrogate has no char: the value keeps U+FFFD, as JavaScript's would misbehave.
        code.map(|c| char::from_u32(c).unwrap_or('\u{fffd}'))
            .ok_or_else(|| SyntaxProblem::new("invalid escape".into(), Span::new(start, self.pos.min(self.text.len()))))
    }

    /// A template string: a plain string without `${}`, else an unknown template whose holes
    /// can be anything.
    fn template(&mut self) -> Result<Value, SyntaxProblem> {
        let open = self.pos;
        self.pos += 1;
        let mut parts = Vec::new();
        let mut text = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(SyntaxProblem::new("unterminated template string".into(), Span::new(open, open + 1)))
                }
                Some(b'`') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => self.escape(&mut text)?,
                Some(b'$') if self.bytes.get(self.pos + 1) == Some(&b'{') => {
                    self.pos += 2;
                    let start = self.pos;
                    self.expression_end(0)?;
                    if self.peek() != Some(b'}') {
                        return Err(self.error("`}` expected"));
                    }
                    parts.push(Part::Text(std::mem::take(&mut text)));
                    let expression = self.text[start..self.pos].trim().to_string();
                    parts.push(Part::Hole(Hole { expression, example: None }));
                    self.pos += 1;
                }
                Some(_) => {
                    let c = self.text[self.pos..].chars().next().unwrap_or('\0');
                    text.push(c);
                    self.pos += c.len_utf8().max(1);
                }
            }
        }
        if parts.is_empty() {
            return Ok(Value::String(text));
        }
        parts.push(Part::Text(text));
        let written = &self.text[open..self.pos];
        Ok(Value::Unknown(Box::new(Unknown::template(written, parts, Some(self.pos - 1)))))
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Node {
        let mut p = Parser::new(text, 0);
        p.skip();
        p.value(0).unwrap()
    }

    #[test]
    fn typescript_literals_are_read_with_their_spans() {
        let text = "{ a: 'it\\'s', \"b\": [1, true, null,], c: `x`, // note\n /* c */ d: -2, }";
        let node = parse(text);
        assert_eq!(node.get("a").unwrap().value.as_str(), Some("it's"));
        let b = &node.get("b").unwrap().value;
        assert_eq!(&text[b.span.start..b.span.end], "[1, true, null,]");
        assert_eq!(node.get("c").unwrap().value.as_str(), Some("x"));
        assert_eq!(node.get("d").unwrap().value.value, Value::Number("-2".into()));
    }

    #[test]
    fn what_is_not_a_literal_is_unknown() {
        let text = "{ a: bucket.bucketArn, b: `arn:${p}:s3:::${b}/`, c: f(1, [2]), d: 'x' + y, e, f: ['a' as const], g: { ...base } }";
        let node = parse(text);
        for key in ["a", "b", "c", "d", "e", "g"] {
            assert!(matches!(node.get(key).unwrap().value.value, Value::Unknown(_)), "{key}");
        }
        let Value::Unknown(b) = &node.get("b").unwrap().value.value else { panic!() };
        assert_eq!(b.shape().as_deref(), Some("arn:*:s3:::*/"));
        let c = &node.get("c").unwrap().value;
        assert_eq!(&text[c.span.start..c.span.end], "f(1, [2])");
        let Value::Array(f) = &node.get("f").unwrap().value.value else { panic!() };
        assert_eq!(f[0].as_str(), Some("a"));
    }

    #[test]
    fn broken_or_deep_input_is_an_error() {
        for bad in ["{ a: 'x }", "{ a: [1, 2 }", "{ a 1 }", "{ [k]: 1 }", "{", "{ a: , }"] {
            let mut p = Parser::new(bad, 0);
            assert!(p.value(0).is_err(), "{bad}");
        }
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert!(Parser::new(&deep, 0).value(0).is_err());
    }
}
