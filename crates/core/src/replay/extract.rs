//! A single-pass reader of the record fields selectors need, for the replay's hot path. It
//! walks the record once, borrowing the few strings it keeps and skipping every other value
//! (strings eight bytes at a time), where serde would match every key against the struct.
//! What it accepts, serde accepts into the same [`EventRecord`]; otherwise it gives up (`None`)
//! and the caller uses serde, which also words the error. A property test holds them to that.

use super::event::{EventRecord, Flag, Present, Resource, UserIdentity};
use super::stream::names_a_wrapper;
use crate::source::json::scan::{
    ascii_run_end, line_whitespace_end, literal_end, number_end, plain_run_end, string_end, whitespace_end,
};
use std::borrow::Cow;

/// The record at the start of `bytes` and its length, when it is a well-formed object whose
/// selector fields have the types serde expects.
pub fn record(bytes: &[u8]) -> Option<(EventRecord<'_>, usize)> {
    Reader::<false>::read(bytes, false)
}

/// Like [`record`], for an object at the top level of the input, which is refused when a member
/// [`names_a_wrapper`] (the splitter reads such an object as a wrapper or an envelope) and, when
/// `one_line` (JSON Lines), when a newline is in it (the splitter reports a broken line). Raw
/// newlines can only be whitespace in a record the reader takes, so this costs no extra pass.
pub fn top_level_record(bytes: &[u8], one_line: bool) -> Option<(EventRecord<'_>, usize)> {
    if one_line {
        Reader::<true>::read(bytes, true)
    } else {
        Reader::<false>::read(bytes, true)
    }
}

/// Bytes known to be ASCII as a `str`, without validating them again (this is the hot path:
/// most kept strings are short ASCII names).
fn ascii(bytes: &[u8]) -> &str {
    debug_assert!(bytes.is_ascii());
    // SAFETY: every caller passes bytes that `ascii_run_end` found below 0x80, and ASCII is
    // valid UTF-8.
    #[allow(unsafe_code)]
    unsafe {
        std::str::from_utf8_unchecked(bytes)
    }
}

/// Containers open at once inside a skipped value. serde_json stops at 128 levels in all; the
/// fields read add at most 3, so deeper values go to serde, which decides.
const MAX_SKIPPED_DEPTH: usize = 100;

/// Reads from `bytes`; with `ONE_LINE` (a JSON line), whitespace stops before a newline. A
/// parameter of the type rather than a field, so that the log-file path pays nothing for it.
struct Reader<'a, const ONE_LINE: bool> {
    bytes: &'a [u8],
    pos: usize,
}

/// Sets `slot` once; a second value for the same field is serde's "duplicate field" error.
fn once<T>(slot: &mut Option<T>, value: Option<T>, seen: &mut bool) -> Option<()> {
    if std::mem::replace(seen, true) {
        return None;
    }
    *slot = value;
    Some(())
}

impl<'a, const ONE_LINE: bool> Reader<'a, ONE_LINE> {
    fn read(bytes: &'a [u8], top_level: bool) -> Option<(EventRecord<'a>, usize)> {
        let mut reader = Self { bytes, pos: 0 };
        reader.whitespace();
        let record = reader.record(top_level)?;
        Some((record, reader.pos))
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn whitespace(&mut self) {
        self.pos =
            if ONE_LINE { line_whitespace_end(self.bytes, self.pos) } else { whitespace_end(self.bytes, self.pos) };
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.whitespace();
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// A member name as raw bytes; gives up on escaped names (serde decodes those) and on
    /// invalid UTF-8 (serde rejects it in the names of the fields it reads).
    fn key(&mut self) -> Option<&'a [u8]> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.pos + 1;
        let mut end = start;
        let mut high = false;
        loop {
            end = ascii_run_end(self.bytes, end);
            match *self.bytes.get(end)? {
                b'"' => break,
                b if b >= 0x80 => {
                    high = true;
                    end += 1;
                }
                _ => return None,
            }
        }
        let key = &self.bytes[start..end];
        if high && std::str::from_utf8(key).is_err() {
            return None;
        }
        self.pos = end + 1;
        Some(key)
    }

    /// Members of an object: calls `member` with each key; it must consume the value.
    fn object(&mut self, mut member: impl FnMut(&mut Self, &'a [u8]) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        self.whitespace();
        if self.peek()? == b'}' {
            self.pos += 1;
            return Some(());
        }
        loop {
            self.whitespace();
            let key = self.key()?;
            self.eat(b':')?;
            self.whitespace();
            member(self, key)?;
            self.whitespace();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, mut element: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.eat(b'[')?;
        self.whitespace();
        if self.peek()? == b']' {
            self.pos += 1;
            return Some(());
        }
        loop {
            self.whitespace();
            element(self)?;
            self.whitespace();
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A string, borrowed when it has no escapes (as serde borrows it).
    fn string(&mut self) -> Option<Cow<'a, str>> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.pos + 1;
        let ascii_end = ascii_run_end(self.bytes, start);
        let end = if *self.bytes.get(ascii_end)? >= 0x80 { plain_run_end(self.bytes, ascii_end) } else { ascii_end };
        match self.bytes.get(end)? {
            b'"' => {
                self.pos = end + 1;
                let text = &self.bytes[start..end];
                let text = if end == ascii_end { Some(ascii(text)) } else { std::str::from_utf8(text).ok() };
                text.map(Cow::Borrowed)
            }
            // Escapes are rare in the fields kept: serde decodes them.
            b'\\' => {
                let open = self.pos;
                self.skip_string()?;
                let decoded: String = serde_json::from_slice(&self.bytes[open..self.pos]).ok()?;
                Some(Cow::Owned(decoded))
            }
            _ => None,
        }
    }

    /// Skips a string, its escapes checked as serde checks them.
    fn skip_string(&mut self) -> Option<()> {
        self.pos = string_end(self.bytes, self.pos)?;
        Some(())
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.pos = literal_end(self.bytes, self.pos, word)?;
        Some(())
    }

    fn number(&mut self) -> Option<()> {
        self.pos = number_end(self.bytes, self.pos).ok()?;
        Some(())
    }

    /// Skips any value. Open containers are kept on a bit stack (1: object) rather than by
    /// recursion, and the grammar is checked as serde checks it; anything else gives up.
    fn skip(&mut self) -> Option<()> {
        let (mut objects, mut open) = (0u128, 0usize);
        loop {
            // A value starts here.
            match self.peek()? {
                b'"' => self.skip_string()?,
                b @ (b'{' | b'[') => {
                    let object = b == b'{';
                    self.pos += 1;
                    self.whitespace();
                    if self.peek()? == if object { b'}' } else { b']' } {
                        self.pos += 1;
                    } else {
                        open += 1;
                        if open > MAX_SKIPPED_DEPTH {
                            return None;
                        }
                        objects = objects << 1 | u128::from(object);
                        if object {
                            self.skipped_key()?;
                        }
                        continue;
                    }
                }
                b't' => self.literal(b"true")?,
                b'f' => self.literal(b"false")?,
                b'n' => self.literal(b"null")?,
                _ => self.number()?,
            }
            // A value ended: close the containers that end with it, up to the next value.
            loop {
                if open == 0 {
                    return Some(());
                }
                self.whitespace();
                let object = objects & 1 == 1;
                match (self.peek()?, object) {
                    (b',', _) => {
                        self.pos += 1;
                        self.whitespace();
                        if object {
                            self.skipped_key()?;
                        }
                        break;
                    }
                    (b'}', true) | (b']', false) => {
                        self.pos += 1;
                        objects >>= 1;
                        open -= 1;
                    }
                    _ => return None,
                }
            }
        }
    }

    /// `"key":` in a skipped object, up to its value. serde ignores such keys without checking
    /// them further (escapes aside), so neither does this.
    fn skipped_key(&mut self) -> Option<()> {
        (self.peek()? == b'"').then_some(())?;
        self.skip_string()?;
        self.eat(b':')?;
        self.whitespace();
        Some(())
    }

    fn null(&mut self) -> bool {
        self.peek() == Some(b'n') && self.literal(b"null").is_some()
    }

    /// `Option<Cow<str>>`: a string or null.
    fn optional_string(&mut self) -> Option<Option<Cow<'a, str>>> {
        if self.null() {
            return Some(None);
        }
        self.string().map(Some)
    }

    fn optional_bool(&mut self) -> Option<Option<bool>> {
        match self.peek()? {
            b'n' => self.literal(b"null").map(|_| None),
            b't' => self.literal(b"true").map(|_| Some(true)),
            b'f' => self.literal(b"false").map(|_| Some(false)),
            _ => None,
        }
    }

    /// `Option<Flag>`: a boolean, a string, or null.
    fn optional_flag(&mut self) -> Option<Option<Flag<'a>>> {
        match self.peek()? {
            b'"' => self.string().map(|s| Some(Flag::Text(s))),
            _ => self.optional_bool().map(|b| b.map(Flag::Bool)),
        }
    }

    /// `Option<Present>`: null, or any value, skipped.
    fn present(&mut self) -> Option<Option<Present>> {
        if self.null() {
            return Some(None);
        }
        self.skip().map(|_| Some(Present))
    }

    fn user_identity(&mut self) -> Option<Option<UserIdentity<'a>>> {
        if self.null() {
            return Some(None);
        }
        let mut identity = UserIdentity::default();
        let mut seen = false;
        self.object(|r, key| match key {
            b"arn" => once(&mut identity.arn, r.optional_string()?, &mut seen),
            _ => r.skip(),
        })?;
        Some(Some(identity))
    }

    fn resource(&mut self) -> Option<Resource<'a>> {
        let mut resource = Resource { arn: None, arn_lowercase: None, arn_prefix: None, resource_type: None };
        let mut seen = [false; 4];
        self.object(|r, key| match key {
            b"ARN" => once(&mut resource.arn, r.optional_string()?, &mut seen[0]),
            b"ARNPrefix" => once(&mut resource.arn_prefix, r.optional_string()?, &mut seen[1]),
            b"type" => once(&mut resource.resource_type, r.optional_string()?, &mut seen[2]),
            b"arn" => once(&mut resource.arn_lowercase, r.optional_string()?, &mut seen[3]),
            _ => r.skip(),
        })?;
        Some(resource)
    }

    fn resources(&mut self) -> Option<Option<Vec<Resource<'a>>>> {
        if self.null() {
            return Some(None);
        }
        let mut list = Vec::new();
        self.array(|r| {
            list.push(r.resource()?);
            Some(())
        })?;
        Some(Some(list))
    }

    fn record(&mut self, top_level: bool) -> Option<EventRecord<'a>> {
        let mut e = EventRecord::default();
        let mut seen = [false; 14];
        self.object(|r, key| match key {
            b"eventID" => once(&mut e.event_id, r.optional_string()?, &mut seen[0]),
            b"eventSource" => once(&mut e.event_source, r.optional_string()?, &mut seen[1]),
            b"eventName" => once(&mut e.event_name, r.optional_string()?, &mut seen[2]),
            b"eventType" => once(&mut e.event_type, r.optional_string()?, &mut seen[3]),
            b"eventCategory" => once(&mut e.event_category, r.optional_string()?, &mut seen[4]),
            b"errorCode" => once(&mut e.error_code, r.optional_string()?, &mut seen[5]),
            b"vpcEndpointId" => once(&mut e.vpc_endpoint_id, r.optional_string()?, &mut seen[6]),
            b"readOnly" => once(&mut e.read_only, r.optional_flag()?, &mut seen[7]),
            b"sessionCredentialFromConsole" => {
                once(&mut e.session_credential_from_console, r.optional_flag()?, &mut seen[8])
            }
            b"managementEvent" => once(&mut e.management_event, r.optional_flag()?, &mut seen[9]),
            b"userIdentity" => once(&mut e.user_identity, r.user_identity()?, &mut seen[10]),
            b"resources" => once(&mut e.resources, r.resources()?, &mut seen[11]),
            b"s3" => once(&mut e.s3, r.present()?, &mut seen[12]),
            b"dynamodb" => once(&mut e.dynamodb, r.present()?, &mut seen[13]),
            name if top_level && names_a_wrapper(name) => None,
            _ => r.skip(),
        })?;
        Some(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(text: &str) -> (Option<EventRecord<'_>>, Option<EventRecord<'_>>) {
        let ours = record(text.as_bytes()).map(|(r, n)| {
            assert_eq!(n, text.trim_end().len(), "length of {text}");
            r
        });
        (ours, serde_json::from_str(text).ok())
    }

    #[test]
    fn every_synthetic_record_takes_the_fast_path() {
        let mut rng = crate::replay::synth::Rng::new(3);
        for i in 0..500 {
            let text = crate::replay::synth::record(&mut rng, i).to_json();
            let (ours, theirs) = both(&text);
            assert!(ours.is_some(), "{text}");
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn top_level_objects_that_wrap_records_are_refused() {
        for text in
            [r#"{"Records": [{"eventName": "A"}]}"#, r#"{"eventName": "A", "detail-type": "x"}"#, r#"{"Events": 1}"#]
        {
            assert!(record(text.as_bytes()).is_some(), "{text}");
            assert!(top_level_record(text.as_bytes(), false).is_none(), "{text}");
        }
        assert!(top_level_record(br#"{"eventName": "A", "Record": 1}"#, false).is_some());
    }

    #[test]
    fn a_json_line_ends_at_its_newline() {
        let text = "{\"eventName\": \"A\",\r\n \"x\": [1,\n2]}";
        assert!(top_level_record(text.as_bytes(), false).is_some());
        assert!(top_level_record(text.as_bytes(), true).is_none());
        let line = b"{\"eventName\": \"A\", \"x\": [1, 2]}\r\n{";
        assert_eq!(top_level_record(line, true).map(|(_, n)| n), Some(line.len() - 3));
    }

    #[test]
    fn deep_skipped_values_never_pass_where_serde_fails() {
        for depth in [1, 50, 100, 101, 125, 126, 127, 128, 129, 300] {
            let text = format!("{{\"eventName\": \"A\", \"x\": {}1{}}}", "[".repeat(depth), "]".repeat(depth));
            let (ours, theirs) = both(&text);
            assert_eq!(ours.is_some(), depth <= MAX_SKIPPED_DEPTH, "depth {depth}");
            if ours.is_some() {
                assert_eq!(ours, theirs, "depth {depth}");
            }
        }
    }

    #[test]
    fn agrees_with_serde_on_valid_and_invalid_records() {
        for text in [
            r#"{"eventName": "A", "readOnly": true, "resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::b/k", "x": [1, {"y": null}]}]}"#,
            r#"{"eventName": "A\u00e9\"", "userIdentity": {"type": "IAMUser", "arn": "arn:aws:iam::1:user/x"}, "n": -1.5e3}"#,
            r#"{"readOnly": "true", "managementEvent": null, "resources": null, "userIdentity": null}"#,
            r#"{"eventCategory": "Management", "managementEvent": "True"}"#,
            r#"{"resources": [{"type": "AWS::S3::Object", "arn": "arn:aws:s3:::b/k"}, {"arn": 1}]}"#,
            r#"{"resources": [{"arn": "a", "arn": "b"}]}"#,
            r#"{"eventSource": "aws:s3", "s3": {"bucket": {"name": "b"}}, "dynamodb": null}"#,
            r#"{"s3": 1, "s3": 2}"#,
            r#"{"dynamodb": [1,]}"#,
            r#"{"managementEvent": "true", "sessionCredentialFromConsole": false}"#,
            r#"{"eventName": 5}"#,
            r#"{"eventName": "A", "eventName": "B"}"#,
            r#"{"readOnly": 1}"#,
            r#"{"x": 01}"#,
            r#"{"x": "\q"}"#,
            r#"{"x": [1,]}"#,
            r#"{"x": {"a": 1,}}"#,
            r#"{"x": {"a" 1}}"#,
            r#"{"x": {1: 1}}"#,
            r#"{"x": [1 2]}"#,
            r#"{"x": [1}"#,
            r#"{"x": {"a": [}]}"#,
            r#"{"x": {"\u00e9\n": [true, false, null, -0.5e+3, "", {}, []]}}"#,
            r#"{"x": [-]}"#,
            r#"{"x": [1.]}"#,
            r#"{"x": [tru]}"#,
            r#"{}"#,
        ] {
            let (ours, theirs) = both(text);
            assert_eq!(ours, theirs, "{text}");
        }
    }
}
