//! Splits a stream of bytes into CloudTrail records, whatever the form (spec §7.2), in bounded
//! memory: a log file `{"Records": [...]}` (elements streamed one by one), JSON Lines or
//! concatenated records, a bare array of records, `lookup-events` output
//! (`{"Events": [{"CloudTrailEvent": "<record as a string>"}]}`) and EventBridge envelopes
//! (`{"detail-type": ..., "detail": {record}}`). Bytes are pushed in chunks of any size; only the
//! record being read is held. The form is told from the content, never from a file name.
//! Gzip is the caller's job (the CLI inflates, the page uses the browser's DecompressionStream).

use crate::source::json::plain_run_end;

/// Largest record held; CloudTrail events are at most 256 KB (spec §4.2 quotas).
pub const MAX_RECORD_BYTES: usize = 8 * 1024 * 1024;

/// How the record bytes wrap the event. On the wire it is a number (`code`): 0 the record
/// itself, 1 a lookup-events entry (`CloudTrailEvent` string), 2 an EventBridge event (`detail`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrapping {
    /// The bytes are the record.
    Record,
    /// A `lookup-events` entry: the record is the string in `CloudTrailEvent`.
    LookupEvent,
    /// An EventBridge event: the record is `detail`.
    EventBridge,
}

impl Wrapping {
    /// Every wrapping; its position is its `code`.
    pub const ALL: [Wrapping; 3] = [Wrapping::Record, Wrapping::LookupEvent, Wrapping::EventBridge];

    /// The number it is written as (rows are many: a digit is shorter than a name).
    pub fn code(self) -> u8 {
        match self {
            Wrapping::Record => 0,
            Wrapping::LookupEvent => 1,
            Wrapping::EventBridge => 2,
        }
    }

    pub fn from_code(code: u8) -> Option<Wrapping> {
        Wrapping::ALL.get(usize::from(code)).copied()
    }
}

impl serde::Serialize for Wrapping {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Wrapping {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = u8::deserialize(deserializer)?;
        Wrapping::from_code(code)
            .ok_or_else(|| serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(code.into()), &"0, 1 or 2"))
    }
}

/// `0 | 1 | 2`, from `Wrapping::ALL` (ts-rs derives enums as names, not as their codes).
#[cfg(feature = "ts")]
impl ts_rs::TS for Wrapping {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn docs() -> Option<String> {
        Some(String::from(
            "/**\n * How a record's bytes wrap the event: 0 the record itself, 1 a lookup-events entry\n * (`CloudTrailEvent` string), 2 an EventBridge event (`detail`).\n */\n",
        ))
    }

    fn name(_: &ts_rs::Config) -> String {
        String::from("Wrapping")
    }

    fn inline(_: &ts_rs::Config) -> String {
        Wrapping::ALL.map(|w| w.code().to_string()).join(" | ")
    }

    fn decl(cfg: &ts_rs::Config) -> String {
        format!("type Wrapping = {};", Self::inline(cfg))
    }

    fn decl_concrete(cfg: &ts_rs::Config) -> String {
        Self::decl(cfg)
    }
}

/// Where a byte is in the input file, both from 1, as editors count: `column` counts bytes
/// from the line's start (as serde_json's error positions do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: u64,
    pub column: u64,
}

impl Position {
    /// The file position of `inner`, a (line, column) counted from the start of a record that
    /// starts at `self` (as serde_json reports errors in the record's bytes).
    pub fn locate(self, inner_line: u64, inner_column: u64) -> Position {
        if inner_line <= 1 {
            Position { line: self.line, column: self.column + inner_column.saturating_sub(1) }
        } else {
            Position { line: self.line + inner_line - 1, column: inner_column }
        }
    }
}

/// Newlines counted so far, so that any offset not before `counted` gets its line and column
/// although the bytes of earlier chunks are gone.
#[derive(Debug, Default, Clone, Copy)]
struct Lines {
    /// Offset up to which newlines have been counted.
    counted: u64,
    newlines: u64,
    /// Offset of the first byte of the line `counted` is on.
    line_start: u64,
}

impl Lines {
    /// Counts the newlines of `chunk` (which starts at offset `base`) up to offset `to`.
    fn advance(&mut self, chunk: &[u8], base: u64, to: u64) {
        let (from, end) = ((self.counted.max(base) - base) as usize, (to - base) as usize);
        if end <= from {
            return;
        }
        let part = &chunk[from..end];
        // Counted as a whole slice (vectorized) rather than byte by byte: the fast path skips
        // whole records, and their newlines still count.
        let found = part.iter().filter(|&&b| b == b'\n').count() as u64;
        if found > 0 {
            self.newlines += found;
            let last = part.iter().rposition(|&b| b == b'\n').unwrap_or(0);
            self.line_start = base + (from + last) as u64 + 1;
        }
        self.counted = to;
    }

    /// The position of `at`, which must be `counted` or later on the same line.
    fn position(&self, at: u64) -> Position {
        Position { line: self.newlines + 1, column: at.saturating_sub(self.line_start) + 1 }
    }
}

/// One item found in the stream.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Record {
        bytes: &'a [u8],
        offset: u64,
        /// Where the record starts in the file (its parser counts lines from its own start).
        position: Position,
        wrapping: Wrapping,
    },
    /// Bytes that cannot be a record; reading goes on after them.
    Problem { offset: u64, position: Position, message: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    /// A top-level object not (yet) known to be a wrapper: held whole.
    Held,
    /// A top-level object found to wrap an array of records: its other members are skipped.
    Wrapper,
}

/// Receives what the splitter finds. `fast` is offered each record that starts inside a
/// records array: when it can parse the whole record from `rest` (which runs to the end of the
/// chunk), it handles it and returns the record's length, and the splitter skips those bytes
/// without scanning them; `None` leaves the record to the byte scanner, which then delivers it
/// (or a problem) through `piece`.
pub trait Consumer {
    fn fast(&mut self, rest: &[u8], offset: u64, wrapping: Wrapping) -> Option<usize>;
    fn piece(&mut self, piece: Piece<'_>);
}

/// A consumer of pieces only (no fast path).
struct Pieces<F>(F);

impl<F: FnMut(Piece<'_>)> Consumer for Pieces<F> {
    fn fast(&mut self, _: &[u8], _: u64, _: Wrapping) -> Option<usize> {
        None
    }

    fn piece(&mut self, piece: Piece<'_>) {
        (self.0)(piece)
    }
}

/// The byte-level state of the splitter.
#[derive(Debug, Default)]
pub struct RecordSplitter {
    /// Bytes of the piece being read (a whole top-level object, or one array element).
    held: Vec<u8>,
    held_offset: u64,
    held_position: Position,
    /// Newlines of the file so far (a file ends with `finish`).
    lines: Lines,
    /// Offset of the next byte pushed.
    offset: u64,
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// Depth at which array elements are records (1 for a bare array, 2 inside a wrapper).
    element_depth: Option<usize>,
    container: Option<Container>,
    wrapping: Option<Wrapping>,
    /// The last member name read at depth 1, and whether we are reading one now.
    key: Vec<u8>,
    reading_key: bool,
    expecting_key: bool,
    /// An object or array element at `element_depth` is being read.
    element_open: bool,
    /// The element being read has grown past MAX_RECORD_BYTES: skip it.
    oversized: bool,
    /// The first top-level value had no raw newline: the input is JSON Lines, where a newline
    /// inside a value means a broken line.
    json_lines: Option<bool>,
    recovering: bool,
}

impl RecordSplitter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds `chunk`; calls `sink` for each record or problem completed by it.
    pub fn push(&mut self, chunk: &[u8], sink: &mut impl FnMut(Piece<'_>)) {
        self.push_to(chunk, &mut Pieces(sink));
    }

    /// Feeds `chunk` to `consumer`, offering it the records it can parse in place.
    pub fn push_to(&mut self, chunk: &[u8], consumer: &mut impl Consumer) {
        let mut i = 0;
        while i < chunk.len() {
            if self.in_string {
                i = self.string_bytes(chunk, i);
                continue;
            }
            let b = chunk[i];
            let at = self.offset + i as u64;
            // Records and problems start only on these bytes: count lines up to them, so
            // their positions are known (`Lines::position`).
            if matches!(b, b'{' | b'[' | b'}' | b']') || self.depth == 0 {
                self.lines.advance(chunk, self.offset, at);
            }
            if b == b'{' && self.at_record_start() {
                if let Some(n) = consumer.fast(&chunk[i..], at, self.wrapping.unwrap_or(Wrapping::Record)) {
                    i += n;
                    continue;
                }
            }
            self.byte(b, at, &mut |p| consumer.piece(p));
            i += 1;
        }
        let end = self.offset + chunk.len() as u64;
        self.lines.advance(chunk, self.offset, end);
        self.offset = end;
    }

    /// A record may start here: between the elements of a records array.
    fn at_record_start(&self) -> bool {
        self.element_depth == Some(self.depth) && !self.element_open && !self.recovering
    }

    /// Ends the stream (a file): an unfinished value is reported. Offsets go on counting into
    /// the next file; lines start again from 1.
    pub fn finish(&mut self, sink: &mut impl FnMut(Piece<'_>)) {
        if self.depth > 0 || self.in_string {
            let (offset, position) = if self.held.is_empty() {
                (self.offset, self.lines.position(self.offset))
            } else {
                (self.held_offset, self.held_position)
            };
            sink(Piece::Problem {
                offset,
                position,
                message: "the input ends inside a record (truncated file?)".into(),
            });
        }
        let lines = Lines { counted: self.offset, newlines: 0, line_start: self.offset };
        *self = RecordSplitter { offset: self.offset, lines, ..Self::default() };
    }

    fn holding(&self) -> bool {
        match self.element_depth {
            Some(_) => self.element_open,
            None => self.container == Some(Container::Held),
        }
    }

    fn hold(&mut self, bytes: &[u8]) {
        if self.holding() && !self.oversized {
            if self.held.len() + bytes.len() > MAX_RECORD_BYTES {
                self.oversized = true;
                self.held = Vec::new();
            } else {
                self.held.extend_from_slice(bytes);
            }
        }
    }

    /// Consumes string bytes from `i`; returns the index after what was consumed.
    fn string_bytes(&mut self, chunk: &[u8], i: usize) -> usize {
        if self.escaped {
            self.escaped = false;
            self.hold(&chunk[i..=i]);
            if self.reading_key {
                self.key.push(chunk[i]);
            }
            return i + 1;
        }
        let end = plain_run_end(chunk, i);
        self.hold(&chunk[i..end]);
        if self.reading_key && self.key.len() < 64 {
            self.key.extend_from_slice(&chunk[i..end.min(i + 64)]);
        }
        if end == chunk.len() {
            return end;
        }
        let b = chunk[end];
        self.hold(&chunk[end..=end]);
        match b {
            b'"' => {
                self.in_string = false;
                if self.reading_key {
                    self.reading_key = false;
                }
            }
            b'\\' => self.escaped = true,
            // A control character in a string: left for the record's parser to report.
            _ => {}
        }
        end + 1
    }

    fn byte(&mut self, b: u8, at: u64, sink: &mut impl FnMut(Piece<'_>)) {
        if self.recovering {
            if b == b'\n' {
                self.recovering = false;
            }
            return;
        }
        match b {
            b' ' | b'\t' | b'\r' => self.hold(&[b]),
            b'\n' => self.newline(sink),
            b'"' => {
                self.hold(&[b]);
                self.in_string = true;
                if self.depth == 1 && self.expecting_key {
                    self.key.clear();
                    self.reading_key = true;
                    self.expecting_key = false;
                }
            }
            b'{' | b'[' => self.open(b, at),
            b'}' | b']' => self.close(b, at, sink),
            b',' => {
                self.hold(&[b]);
                if self.depth == 1 && self.container.is_some() {
                    self.expecting_key = true;
                }
            }
            b':' => {
                self.hold(&[b]);
                if self.depth == 1 && self.key == b"detail-type" {
                    self.wrapping = Some(Wrapping::EventBridge);
                }
            }
            _ if self.depth == 0 => self.garbage(at, sink),
            // Scalars between records are not records; inside one they are held with it.
            _ => self.hold(&[b]),
        }
    }

    fn newline(&mut self, sink: &mut impl FnMut(Piece<'_>)) {
        if self.json_lines == Some(true) && self.depth > 0 && self.element_depth.is_none() {
            sink(Piece::Problem {
                offset: self.held_offset,
                position: self.held_position,
                message: "this line ends inside a record (broken JSON line)".into(),
            });
            self.reset_value();
            // The newline that revealed the break also ends the recovery.
            self.recovering = false;
            return;
        }
        self.hold(b"\n");
    }

    /// Starts holding when an object or array begins at the element depth.
    fn start_element(&mut self, at: u64) {
        if self.element_depth == Some(self.depth) {
            self.element_open = true;
            self.held.clear();
            self.held_offset = at;
            self.held_position = self.lines.position(at);
        }
    }

    fn open(&mut self, b: u8, at: u64) {
        if self.depth == 0 {
            self.held.clear();
            self.held_offset = at;
            self.held_position = self.lines.position(at);
            self.oversized = false;
            self.wrapping = None;
            if b == b'[' {
                self.element_depth = Some(1);
                self.container = None;
            } else {
                self.element_depth = None;
                self.container = Some(Container::Held);
                self.expecting_key = true;
            }
        } else if self.depth == 1 && b == b'[' && self.container.is_some() && self.wrapper_key().is_some() {
            self.wrapping = self.wrapper_key();
            self.container = Some(Container::Wrapper);
            self.element_depth = Some(2);
            self.held.clear();
            self.depth += 1;
            return;
        } else {
            self.start_element(at);
        }
        self.hold(&[b]);
        self.depth += 1;
    }

    fn wrapper_key(&self) -> Option<Wrapping> {
        match self.key.as_slice() {
            b"Records" => Some(Wrapping::Record),
            b"Events" => Some(Wrapping::LookupEvent),
            _ => None,
        }
    }

    fn close(&mut self, b: u8, at: u64, sink: &mut impl FnMut(Piece<'_>)) {
        if self.depth == 0 {
            return self.garbage(at, sink);
        }
        self.hold(&[b]);
        self.depth -= 1;
        let element_done = self.element_depth == Some(self.depth + 1);
        if element_done && b == b']' {
            // The end of a records array.
            self.element_depth = None;
            self.held.clear();
            if self.depth == 0 {
                self.container = None;
            }
            return;
        }
        if self.element_depth == Some(self.depth) {
            let wrapping = self.wrapping.unwrap_or(Wrapping::Record);
            self.emit(wrapping, sink);
        } else if self.depth == 0 && self.container == Some(Container::Held) {
            if self.json_lines.is_none() {
                self.json_lines = Some(!self.held.contains(&b'\n'));
            }
            let wrapping = self.wrapping.unwrap_or(Wrapping::Record);
            self.emit(wrapping, sink);
            self.container = None;
        } else if self.depth == 0 {
            self.container = None;
        }
    }

    fn emit(&mut self, wrapping: Wrapping, sink: &mut impl FnMut(Piece<'_>)) {
        if self.oversized {
            sink(Piece::Problem {
                offset: self.held_offset,
                position: self.held_position,
                message: format!("record larger than {MAX_RECORD_BYTES} bytes, skipped"),
            });
        } else {
            sink(Piece::Record { bytes: &self.held, offset: self.held_offset, position: self.held_position, wrapping });
        }
        self.held.clear();
        self.oversized = false;
        self.element_open = false;
    }

    fn garbage(&mut self, at: u64, sink: &mut impl FnMut(Piece<'_>)) {
        sink(Piece::Problem {
            offset: at,
            position: self.lines.position(at),
            message: "unexpected bytes between records; skipped to the next line".into(),
        });
        self.reset_value();
    }

    fn reset_value(&mut self) {
        let (offset, json_lines, lines) = (self.offset, self.json_lines, self.lines);
        *self = RecordSplitter { offset, json_lines, lines, recovering: true, ..Self::default() };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits `input` pushed in chunks of `size`; returns (text, wrapping) of records and problems.
    fn split(input: &str, size: usize) -> (Vec<(String, Wrapping)>, Vec<String>) {
        let mut splitter = RecordSplitter::new();
        let (mut records, mut problems) = (Vec::new(), Vec::new());
        let mut sink = |p: Piece<'_>| match p {
            Piece::Record { bytes, wrapping, .. } => {
                records.push((String::from_utf8(bytes.to_vec()).unwrap(), wrapping))
            }
            Piece::Problem { message, offset, position } => {
                problems.push(format!("{offset} ({}:{}): {message}", position.line, position.column))
            }
        };
        for chunk in input.as_bytes().chunks(size.max(1)) {
            splitter.push(chunk, &mut sink);
        }
        splitter.finish(&mut sink);
        (records, problems)
    }

    fn texts(input: &str) -> Vec<String> {
        let all: Vec<_> = (1..=7).chain([1000]).map(|n| split(input, n)).collect();
        for other in &all[1..] {
            assert_eq!(other, &all[0], "chunking changed the result for {input:?}");
        }
        all[0].0.iter().map(|(t, _)| t.clone()).collect()
    }

    #[test]
    fn log_file_records_are_streamed() {
        let input = r#"{"Records": [{"eventName": "A", "x": {"y": ["]"]}}, {"eventName": "B\"}"}]}"#;
        assert_eq!(texts(input), [r#"{"eventName": "A", "x": {"y": ["]"]}}"#, r#"{"eventName": "B\"}"}"#]);
    }

    #[test]
    fn json_lines_and_single_records() {
        assert_eq!(texts("{\"a\":1}\n{\"b\":2}\n"), ["{\"a\":1}", "{\"b\":2}"]);
        assert_eq!(texts("{\n  \"eventName\": \"A\"\n}\n"), ["{\n  \"eventName\": \"A\"\n}"]);
        assert_eq!(texts("[{\"a\":1}, {\"b\":2}]"), ["{\"a\":1}", "{\"b\":2}"]);
    }

    #[test]
    fn wrappers_are_told_from_content() {
        let (records, _) =
            split(r#"{"Events": [{"EventId": "1", "CloudTrailEvent": "{\"eventName\":\"A\"}"}], "NextToken": "x"}"#, 5);
        assert_eq!(records[0].1, Wrapping::LookupEvent);
        let (records, _) =
            split(r#"{"version": "0", "detail-type": "AWS API Call via CloudTrail", "detail": {"eventName": "A"}}"#, 3);
        assert_eq!(records[0].1, Wrapping::EventBridge);
        let (records, _) = split(r#"{"eventName": "A", "resources": [{"ARN": "x"}]}"#, 4);
        assert_eq!(records, [(r#"{"eventName": "A", "resources": [{"ARN": "x"}]}"#.to_string(), Wrapping::Record)]);
    }

    #[test]
    fn a_broken_line_is_reported_and_the_rest_still_reads() {
        let (records, problems) = split("{\"a\":1}\n{\"b\":\n{\"c\":3}\n", 3);
        assert_eq!(records.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(), ["{\"a\":1}", "{\"c\":3}"]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let (records, problems) = split("{\"a\":1}\ngarbage\n{\"c\":3}", 2);
        assert_eq!(records.len(), 2);
        assert_eq!(problems.len(), 1);
    }

    /// A fast path that takes every complete record, as the replay's does.
    struct Fast(Vec<String>);

    impl Consumer for Fast {
        fn fast(&mut self, rest: &[u8], _: u64, _: Wrapping) -> Option<usize> {
            let mut stream = serde_json::Deserializer::from_slice(rest).into_iter::<serde::de::IgnoredAny>();
            match stream.next() {
                Some(Ok(_)) => {
                    self.0.push(String::from_utf8(rest[..stream.byte_offset()].to_vec()).unwrap());
                    Some(stream.byte_offset())
                }
                _ => None,
            }
        }

        fn piece(&mut self, piece: Piece<'_>) {
            if let Piece::Record { bytes, .. } = piece {
                self.0.push(String::from_utf8(bytes.to_vec()).unwrap());
            }
        }
    }

    #[test]
    fn the_fast_path_and_the_scanner_agree_at_every_chunk_size() {
        let input = r#"{"Records": [{"a": "x}"}, {"b": [1, {"c": """}]}, {"d": 4}], "x": 1}"#;
        let expected = texts(input);
        for size in [1, 2, 3, 5, 8, 13, 100] {
            let mut splitter = RecordSplitter::new();
            let mut fast = Fast(Vec::new());
            for chunk in input.as_bytes().chunks(size) {
                splitter.push_to(chunk, &mut fast);
            }
            assert_eq!(fast.0, expected, "chunk size {size}");
        }
    }

    #[test]
    fn lines_restart_with_each_file_and_count_across_chunks() {
        let mut splitter = RecordSplitter::new();
        let mut problems = Vec::new();
        let mut sink = |p: Piece<'_>| {
            if let Piece::Problem { position, .. } = p {
                problems.push((position.line, position.column))
            }
        };
        for chunk in "{\"a\":1}\n\n  oops\n".as_bytes().chunks(3) {
            splitter.push(chunk, &mut sink);
        }
        splitter.finish(&mut sink);
        splitter.push(b"{\"a\":1}\n x\n", &mut sink);
        splitter.finish(&mut sink);
        assert_eq!(problems, [(3, 3), (2, 2)]);
    }

    #[test]
    fn truncated_input_is_reported() {
        let (records, problems) = split(r#"{"Records": [{"a": 1}, {"b": "#, 4);
        assert_eq!(records.len(), 1);
        assert_eq!(problems.len(), 1);
    }

    mod property {
        //! Random records x every wrapper the splitter knows x random chunking, against a
        //! reference that parses the whole input at once with serde_json's StreamDeserializer
        //! and unwraps it by the same rules (spec §7.2).

        use super::*;
        use proptest::prelude::*;
        use serde_json::{json, Map, Value};

        /// Member names of records; never a wrapper's key ("Records", "Events", "detail-type"),
        /// which would make a record a wrapper.
        const KEYS: &[&str] = &["eventName", "eventSource", "x", "resources", "ARN", "\u{e9}t\u{e9}", "a\"b", "]}"];

        fn record() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                "[a-z\\]\\[{}\"\\\\,:\n\u{e9}\u{1F600} ]{0,8}".prop_map(Value::from),
                any::<bool>().prop_map(Value::from),
                Just(Value::Null),
                (-1000i64..1000).prop_map(Value::from),
            ];
            let tree = leaf.prop_recursive(3, 24, 4, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
                    prop::collection::vec((prop::sample::select(KEYS), inner), 0..3).prop_map(object),
                ]
            });
            prop::collection::vec((prop::sample::select(KEYS), tree), 0..4).prop_map(object)
        }

        fn object(members: Vec<(&str, Value)>) -> Value {
            Value::Object(members.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Map<_, _>>())
        }

        #[derive(Debug, Clone, Copy)]
        enum Form {
            LogFile,
            JsonLines,
            Concatenated,
            BareArray,
            EventBridge,
            LookupEvents,
        }

        fn text(value: &Value, pretty: bool) -> String {
            if pretty {
                serde_json::to_string_pretty(value).unwrap()
            } else {
                value.to_string()
            }
        }

        /// The input in `form`; JSON Lines stay one record a line, the other forms may be pretty.
        fn input(form: Form, records: &[Value], pretty: bool, crlf: bool) -> String {
            let newline = if crlf { "\r\n" } else { "\n" };
            let lines =
                |values: Vec<Value>, pretty: bool| values.iter().map(|v| text(v, pretty) + newline).collect::<String>();
            match form {
                Form::LogFile => text(&json!({"x": [1, {"Records": 2}], "Records": records, "y": "]"}), pretty),
                Form::JsonLines => lines(records.to_vec(), false),
                // A first record on one line would make this JSON Lines by the splitter's rule,
                // and a later multi-line record a broken line: pretty records span lines.
                Form::Concatenated => records
                    .iter()
                    .map(|v| text(v, true).replacen('{', "{\n", usize::from(!text(v, true).contains('\n'))) + newline)
                    .collect(),
                Form::BareArray => text(&Value::from(records.to_vec()), pretty),
                Form::EventBridge => lines(
                    records
                        .iter()
                        .map(|r| json!({"version": "0", "detail-type": "AWS API Call via CloudTrail", "detail": r}))
                        .collect(),
                    pretty,
                ),
                Form::LookupEvents => {
                    let events: Vec<Value> =
                        records.iter().map(|r| json!({"EventId": "1", "CloudTrailEvent": r.to_string()})).collect();
                    text(&json!({"Events": events, "NextToken": "t"}), pretty)
                }
            }
        }

        /// The pieces the input holds, read by serde_json at once and unwrapped by §7.2's rules.
        fn reference(input: &str) -> Vec<(Value, Wrapping)> {
            let mut pieces = Vec::new();
            for value in serde_json::Deserializer::from_str(input).into_iter::<Value>() {
                let value = value.expect("the input is valid JSON");
                match &value {
                    Value::Array(list) => pieces.extend(list.iter().map(|r| (r.clone(), Wrapping::Record))),
                    Value::Object(m) => match (m.get("Records"), m.get("Events")) {
                        (Some(Value::Array(list)), _) => {
                            pieces.extend(list.iter().map(|r| (r.clone(), Wrapping::Record)))
                        }
                        (_, Some(Value::Array(list))) => {
                            pieces.extend(list.iter().map(|r| (r.clone(), Wrapping::LookupEvent)))
                        }
                        _ if m.contains_key("detail-type") => pieces.push((value.clone(), Wrapping::EventBridge)),
                        _ => pieces.push((value.clone(), Wrapping::Record)),
                    },
                    Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
                }
            }
            pieces
        }

        /// Where `offset` is in `input`, as (line, column) from 1.
        fn position_in(input: &[u8], offset: usize) -> Position {
            let before = &input[..offset];
            let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            Position { line, column: (offset - line_start) as u64 + 1 }
        }

        /// The input cut at `cuts` (fractions of its length), in order.
        fn chunks<'a>(input: &'a [u8], cuts: &[prop::sample::Index]) -> Vec<&'a [u8]> {
            let mut at: Vec<usize> = cuts.iter().map(|c| c.index(input.len() + 1)).collect();
            at.push(0);
            at.push(input.len());
            at.sort_unstable();
            at.windows(2).map(|w| &input[w[0]..w[1]]).collect()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(1500))]

            #[test]
            fn splitter_agrees_with_serde_at_any_chunking(
                records in prop::collection::vec(record(), 0..5),
                form in prop::sample::select(&[Form::LogFile, Form::JsonLines, Form::Concatenated, Form::BareArray, Form::EventBridge, Form::LookupEvents][..]),
                pretty in any::<bool>(),
                crlf in any::<bool>(),
                cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..12),
            ) {
                let text = input(form, &records, pretty, crlf);
                let bytes = text.as_bytes();
                let expected = reference(&text);

                // The byte scanner alone (as in `Replay::finish` and the slow path).
                let mut splitter = RecordSplitter::new();
                let (mut found, mut problems) = (Vec::new(), Vec::new());
                let mut sink = |piece: Piece<'_>| match piece {
                    Piece::Record { bytes: record, offset, position, wrapping } => {
                        let at = offset as usize;
                        found.push((serde_json::from_slice::<Value>(record).ok(), wrapping));
                        problems.extend((bytes.get(at..at + record.len()) != Some(record)).then(|| format!("bytes at {offset} differ")));
                        problems.extend((position != position_in(bytes, at)).then(|| format!("position {position:?} at {offset}")));
                    }
                    Piece::Problem { message, offset, .. } => problems.push(format!("{offset}: {message}")),
                };
                for chunk in chunks(bytes, &cuts) {
                    splitter.push(chunk, &mut sink);
                }
                splitter.finish(&mut sink);
                prop_assert!(problems.is_empty(), "{:?} in {:?}", problems, text);
                let expected_found: Vec<_> = expected.iter().map(|(v, w)| (Some(v.clone()), *w)).collect();
                prop_assert_eq!(&found, &expected_found, "{:?}", text);

                // With a fast path that takes whole records in place, as the replay's does.
                let mut splitter = RecordSplitter::new();
                let mut fast = Fast(Vec::new());
                for chunk in chunks(bytes, &cuts) {
                    splitter.push_to(chunk, &mut fast);
                }
                let fast: Vec<Value> = fast.0.iter().map(|t| serde_json::from_str(t).unwrap()).collect();
                let expected_values: Vec<Value> = expected.into_iter().map(|(v, _)| v).collect();
                prop_assert_eq!(fast, expected_values, "fast path on {:?}", text);
            }
        }
    }
}
