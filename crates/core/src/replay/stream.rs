//! Splits a stream of bytes into CloudTrail records, whatever the form (spec §7.2), in bounded
//! memory: a log file `{"Records": [...]}` (elements streamed one by one), JSON Lines or
//! concatenated records, a bare array of records, `lookup-events` output
//! (`{"Events": [{"CloudTrailEvent": "<record as a string>"}]}`) and EventBridge envelopes
//! (`{"detail-type": ..., "detail": {record}}`). Bytes are pushed in chunks of any size; only the
//! record being read is held. The form is told from the content, never from a file name.
//! Records that start in a records array, and (once the first object has told the form) those
//! at the top level of JSON Lines or concatenated records, are offered to the consumer to parse
//! in place, without being scanned or copied here ([`Consumer`]).
//! Gzip is the caller's job (the CLI inflates, the page uses the browser's DecompressionStream).

use crate::source::json::scan::{resume_string, StringPart};

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

/// Whether `name`, a member name of a top-level object (raw bytes), makes the object more than
/// a record: a wrapper of a records array (`Records`, `Events`, when its value is an array) or
/// an EventBridge envelope (`detail-type`).
pub fn names_a_wrapper(name: &[u8]) -> bool {
    records_array(name).is_some() || name == b"detail-type"
}

/// The records arrays a member name opens, and how their elements wrap the event.
fn records_array(name: &[u8]) -> Option<Wrapping> {
    match name {
        b"Records" => Some(Wrapping::Record),
        b"Events" => Some(Wrapping::LookupEvent),
        _ => None,
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
        // Counted many bytes at a time rather than byte by byte: the fast path skips whole
        // records, and their newlines still count.
        let found = crate::source::json::scan::count_newlines(part);
        if found > 0 {
            self.newlines += found;
            let last = crate::source::json::scan::last_newline(part).unwrap_or(0);
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

/// Receives what the splitter finds. The fast paths are offered records where they start, with
/// `rest` running on from the record's first byte: when the consumer can parse the whole
/// record from `rest`, it handles it and returns the record's length, and the splitter skips
/// those bytes without scanning them; `None` leaves the record to the byte scanner, which then
/// delivers it (or a problem) through `piece`. `rest` runs to the end of the chunk, but never
/// past [`MAX_RECORD_BYTES`], so a record too large is always the scanner's to report.
pub trait Consumer {
    /// A record that starts inside a records array.
    fn fast(&mut self, rest: &[u8], offset: u64, wrapping: Wrapping) -> Option<usize>;

    /// An object at the top level of JSON Lines (`one_line`) or of concatenated records, once
    /// the first object has told which. The consumer must refuse an object with a member that
    /// [`names_a_wrapper`] (the scanner reads those as wrappers or envelopes) and, when
    /// `one_line`, one with a raw newline in it (the scanner reports a broken line). By default
    /// none is taken.
    fn fast_top_level(&mut self, _rest: &[u8], _offset: u64, _one_line: bool) -> Option<usize> {
        None
    }

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

/// What the input is, told by its first top-level object held whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Form {
    #[default]
    Undecided,
    /// The first object had no raw newline: JSON Lines, where a newline inside a value means a
    /// broken line.
    JsonLines,
    /// Values may span lines (pretty-printed records one after another, a log file).
    Concatenated,
}

/// Where the scanner is lexically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Lexeme {
    /// Between tokens, or in a number or literal.
    #[default]
    Structure,
    /// Inside a string; `key` when it is a member name of a top-level object (kept in `key`).
    String { part: StringPart, key: bool },
}

/// Where the scanner is in the structure of the input.
#[derive(Debug, Default)]
enum Top {
    /// Between top-level values.
    #[default]
    Idle,
    /// After bytes that cannot be a record: skipping to the next line.
    Recovering,
    /// Inside a top-level value, `depth` brackets deep (1 directly inside it).
    Inside { depth: usize, value: TopValue },
}

/// The top-level value being read.
#[derive(Debug)]
enum TopValue {
    /// An object held whole: a record (or an EventBridge envelope), unless a member turns out
    /// to be a records array.
    Held { next: Member, wrapping: Wrapping, hold: Hold },
    /// An object with a records array (`Records`, `Events`): its other members are skipped;
    /// `records` is set while inside the array, whose elements (at depth 2) are the records.
    Wrapper { next: Member, wrapping: Wrapping, records: Option<Element> },
    /// A bare array of records (at depth 1).
    Array { element: Element },
}

/// What the next string at depth 1 of a top-level object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Member {
    /// A member name (after `{` or `,`).
    Name,
    /// Part of a member's value.
    Value,
}

/// The bytes of a record being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hold {
    /// Held in `held`.
    Bytes,
    /// Past MAX_RECORD_BYTES: dropped, and reported when the record ends.
    Oversized,
}

/// Where the scanner is among the elements of a records array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    /// Between elements (a record may start here).
    Between,
    /// Inside an object or array element.
    Open(Hold),
}

/// The state of the splitter.
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
    form: Form,
    lexeme: Lexeme,
    top: Top,
    /// The last member name read at depth 1 of a top-level object (raw, its first 64 bytes).
    key: Vec<u8>,
}

/// Member names kept: enough for every name the splitter looks for.
const KEY_BYTES: usize = 64;

/// Where a record may start, as the fast paths are offered it.
enum RecordStart {
    Element(Wrapping),
    TopLevel,
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
            if let Lexeme::String { part, key } = self.lexeme {
                i = self.string_bytes(chunk, i, part, key);
                continue;
            }
            let b = chunk[i];
            let at = self.offset + i as u64;
            // Records and problems start only on these bytes: count lines up to them, so
            // their positions are known (`Lines::position`).
            if matches!(b, b'{' | b'[' | b'}' | b']') || !matches!(self.top, Top::Inside { .. }) {
                self.lines.advance(chunk, self.offset, at);
            }
            if b == b'{' {
                if let Some(n) = self.offer(chunk, i, at, consumer) {
                    // Where the scanner's `start_record` would have put them: a problem reported
                    // later at "the record being read" must not name an older one.
                    self.held_offset = at;
                    self.held_position = self.lines.position(at);
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

    /// Offers the object at `chunk[i]` to the consumer's fast path when a record may start
    /// there; the length it took.
    fn offer(&self, chunk: &[u8], i: usize, at: u64, consumer: &mut impl Consumer) -> Option<usize> {
        let start = match &self.top {
            Top::Inside { depth: 1, value: TopValue::Array { element: Element::Between } } => {
                RecordStart::Element(Wrapping::Record)
            }
            Top::Inside { depth: 2, value: TopValue::Wrapper { records: Some(Element::Between), wrapping, .. } } => {
                RecordStart::Element(*wrapping)
            }
            Top::Idle if self.form != Form::Undecided => RecordStart::TopLevel,
            Top::Idle | Top::Recovering | Top::Inside { .. } => return None,
        };
        let rest = &chunk[i..chunk.len().min(i.saturating_add(MAX_RECORD_BYTES))];
        match start {
            RecordStart::Element(wrapping) => consumer.fast(rest, at, wrapping),
            RecordStart::TopLevel => consumer.fast_top_level(rest, at, self.form == Form::JsonLines),
        }
    }

    /// Ends the stream (a file): an unfinished value is reported. Offsets go on counting into
    /// the next file; lines start again from 1.
    pub fn finish(&mut self, sink: &mut impl FnMut(Piece<'_>)) {
        if matches!(self.top, Top::Inside { .. }) || matches!(self.lexeme, Lexeme::String { .. }) {
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

    /// Adds `bytes` to the record being read, if one is.
    fn hold(&mut self, bytes: &[u8]) {
        let hold = match &mut self.top {
            Top::Inside { value: TopValue::Held { hold, .. }, .. }
            | Top::Inside { value: TopValue::Wrapper { records: Some(Element::Open(hold)), .. }, .. }
            | Top::Inside { value: TopValue::Array { element: Element::Open(hold) }, .. } => hold,
            Top::Idle | Top::Recovering | Top::Inside { .. } => return,
        };
        if *hold == Hold::Bytes {
            if self.held.len() + bytes.len() > MAX_RECORD_BYTES {
                *hold = Hold::Oversized;
                self.held = Vec::new();
            } else {
                self.held.extend_from_slice(bytes);
            }
        }
    }

    /// Consumes string bytes from `i`; returns the index after what was consumed.
    fn string_bytes(&mut self, chunk: &[u8], i: usize, part: StringPart, key: bool) -> usize {
        let (end, after) = resume_string(chunk, i, part);
        self.hold(&chunk[i..end]);
        if key {
            let text_end = if after.is_none() { end - 1 } else { end };
            let room = KEY_BYTES.saturating_sub(self.key.len());
            self.key.extend_from_slice(&chunk[i..text_end.min(i + room).max(i)]);
        }
        self.lexeme = match after {
            Some(part) => Lexeme::String { part, key },
            None => Lexeme::Structure,
        };
        end
    }

    /// The member-name state of the top-level object, when the scanner is directly inside one.
    fn member(&mut self) -> Option<(&mut Member, &mut Wrapping)> {
        match &mut self.top {
            Top::Inside { depth: 1, value: TopValue::Held { next, wrapping, .. } }
            | Top::Inside { depth: 1, value: TopValue::Wrapper { next, wrapping, .. } } => Some((next, wrapping)),
            Top::Idle | Top::Recovering | Top::Inside { .. } => None,
        }
    }

    fn byte(&mut self, b: u8, at: u64, sink: &mut impl FnMut(Piece<'_>)) {
        if matches!(self.top, Top::Recovering) {
            if b == b'\n' {
                self.top = Top::Idle;
            }
            return;
        }
        match b {
            b' ' | b'\t' | b'\r' => self.hold(&[b]),
            b'\n' => self.newline(sink),
            b'"' => {
                self.hold(&[b]);
                let key = match self.member() {
                    Some((next @ Member::Name, _)) => {
                        *next = Member::Value;
                        true
                    }
                    Some((Member::Value, _)) | None => false,
                };
                if key {
                    self.key.clear();
                }
                self.lexeme = Lexeme::String { part: StringPart::Text, key };
            }
            b'{' | b'[' => self.open(b, at),
            b'}' | b']' => self.close(b, at, sink),
            b',' => {
                self.hold(&[b]);
                if let Some((next, _)) = self.member() {
                    *next = Member::Name;
                }
            }
            b':' => {
                self.hold(&[b]);
                if self.key == b"detail-type" {
                    if let Some((_, wrapping)) = self.member() {
                        *wrapping = Wrapping::EventBridge;
                    }
                }
            }
            _ if matches!(self.top, Top::Idle) => self.garbage(at, sink),
            // Scalars between records are not records; inside one they are held with it.
            _ => self.hold(&[b]),
        }
    }

    fn newline(&mut self, sink: &mut impl FnMut(Piece<'_>)) {
        let in_object = matches!(
            self.top,
            Top::Inside { value: TopValue::Held { .. } | TopValue::Wrapper { records: None, .. }, .. }
        );
        if self.form == Form::JsonLines && in_object {
            sink(Piece::Problem {
                offset: self.held_offset,
                position: self.held_position,
                message: "this line ends inside a record (broken JSON line)".into(),
            });
            // The newline that revealed the break also ends the recovery.
            self.reset_value(Top::Idle);
            return;
        }
        self.hold(b"\n");
    }

    /// Starts holding a record at `at`.
    fn start_record(&mut self, at: u64) {
        self.held.clear();
        self.held_offset = at;
        self.held_position = self.lines.position(at);
    }

    fn open(&mut self, b: u8, at: u64) {
        // A `[` after a member name that opens a records array, at depth 1.
        let records = if b == b'[' { records_array(&self.key) } else { None };
        match (std::mem::take(&mut self.top), records) {
            (Top::Idle, _) => {
                self.start_record(at);
                let value = if b == b'[' {
                    TopValue::Array { element: Element::Between }
                } else {
                    TopValue::Held { next: Member::Name, wrapping: Wrapping::Record, hold: Hold::Bytes }
                };
                self.top = Top::Inside { depth: 1, value };
                self.hold(&[b]);
                return;
            }
            (
                Top::Inside { depth: 1, value: TopValue::Held { next, .. } | TopValue::Wrapper { next, .. } },
                Some(wrapping),
            ) => {
                self.held.clear();
                let value = TopValue::Wrapper { next, wrapping, records: Some(Element::Between) };
                self.top = Top::Inside { depth: 2, value };
                return;
            }
            (Top::Inside { depth, mut value }, _) => {
                match &mut value {
                    TopValue::Array { element: element @ Element::Between } if depth == 1 => {
                        *element = Element::Open(Hold::Bytes);
                        self.start_record(at);
                    }
                    TopValue::Wrapper { records: Some(element @ Element::Between), .. } if depth == 2 => {
                        *element = Element::Open(Hold::Bytes);
                        self.start_record(at);
                    }
                    TopValue::Held { .. } | TopValue::Wrapper { .. } | TopValue::Array { .. } => {}
                }
                self.top = Top::Inside { depth, value };
            }
            // Recovering bytes never reach here.
            (Top::Recovering, _) => {
                self.top = Top::Recovering;
                return;
            }
        }
        self.hold(&[b]);
        if let Top::Inside { depth, .. } = &mut self.top {
            *depth += 1;
        }
    }

    fn close(&mut self, b: u8, at: u64, sink: &mut impl FnMut(Piece<'_>)) {
        if !matches!(self.top, Top::Inside { .. }) {
            return self.garbage(at, sink);
        }
        self.hold(&[b]);
        let Top::Inside { depth, value } = std::mem::take(&mut self.top) else {
            return;
        };
        let depth = depth.saturating_sub(1);
        self.top = match value {
            // The end of a records array.
            TopValue::Array { .. } if depth == 0 => {
                self.held.clear();
                Top::Idle
            }
            TopValue::Wrapper { next, wrapping, records: Some(_) } if depth == 1 => {
                self.held.clear();
                Top::Inside { depth, value: TopValue::Wrapper { next, wrapping, records: None } }
            }
            // The end of an element of one.
            TopValue::Array { element: Element::Open(hold) } if depth == 1 => {
                self.emit(hold, Wrapping::Record, sink);
                Top::Inside { depth, value: TopValue::Array { element: Element::Between } }
            }
            TopValue::Wrapper { next, wrapping, records: Some(Element::Open(hold)) } if depth == 2 => {
                self.emit(hold, wrapping, sink);
                Top::Inside { depth, value: TopValue::Wrapper { next, wrapping, records: Some(Element::Between) } }
            }
            // The end of an object held whole.
            TopValue::Held { wrapping, hold, .. } if depth == 0 => {
                if self.form == Form::Undecided {
                    self.form = if self.held.contains(&b'\n') { Form::Concatenated } else { Form::JsonLines };
                }
                self.emit(hold, wrapping, sink);
                Top::Idle
            }
            TopValue::Wrapper { .. } if depth == 0 => Top::Idle,
            value @ (TopValue::Held { .. } | TopValue::Wrapper { .. } | TopValue::Array { .. }) => {
                Top::Inside { depth, value }
            }
        };
    }

    fn emit(&mut self, hold: Hold, wrapping: Wrapping, sink: &mut impl FnMut(Piece<'_>)) {
        match hold {
            Hold::Oversized => sink(Piece::Problem {
                offset: self.held_offset,
                position: self.held_position,
                message: format!("record larger than {MAX_RECORD_BYTES} bytes, skipped"),
            }),
            Hold::Bytes => sink(Piece::Record {
                bytes: &self.held,
                offset: self.held_offset,
                position: self.held_position,
                wrapping,
            }),
        }
        self.held.clear();
    }

    fn garbage(&mut self, at: u64, sink: &mut impl FnMut(Piece<'_>)) {
        sink(Piece::Problem {
            offset: at,
            position: self.lines.position(at),
            message: "unexpected bytes between records; skipped to the next line".into(),
        });
        self.reset_value(Top::Recovering);
    }

    /// Drops the value being read, and goes on in `top`.
    fn reset_value(&mut self, top: Top) {
        self.held = Vec::new();
        self.key.clear();
        self.lexeme = Lexeme::Structure;
        self.top = top;
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

    /// Fast paths everywhere, as the replay's, that refuse top-level wrappers (as the field
    /// reader does); collects what each path and the scanner give, with offsets and positions.
    #[derive(Default)]
    struct FastEverywhere {
        records: Vec<(String, u64)>,
        problems: Vec<(u64, Position, String)>,
        taken_in_place: usize,
    }

    impl FastEverywhere {
        fn take(&mut self, rest: &[u8], offset: u64, top_level: bool, one_line: bool) -> Option<usize> {
            let mut stream = serde_json::Deserializer::from_slice(rest).into_iter::<serde_json::Value>();
            let Some(Ok(value)) = stream.next() else { return None };
            let wraps = value.as_object().is_some_and(|o| o.keys().any(|k| names_a_wrapper(k.as_bytes())));
            let lines = rest[..stream.byte_offset()].contains(&b'\n');
            if top_level && wraps || one_line && lines {
                return None;
            }
            self.records.push((String::from_utf8(rest[..stream.byte_offset()].to_vec()).unwrap(), offset));
            self.taken_in_place += 1;
            Some(stream.byte_offset())
        }
    }

    impl Consumer for FastEverywhere {
        fn fast(&mut self, rest: &[u8], offset: u64, _: Wrapping) -> Option<usize> {
            self.take(rest, offset, false, false)
        }

        fn fast_top_level(&mut self, rest: &[u8], offset: u64, one_line: bool) -> Option<usize> {
            self.take(rest, offset, true, one_line)
        }

        fn piece(&mut self, piece: Piece<'_>) {
            match piece {
                Piece::Record { bytes, offset, .. } => {
                    self.records.push((String::from_utf8(bytes.to_vec()).unwrap(), offset))
                }
                Piece::Problem { offset, position, message } => self.problems.push((offset, position, message)),
            }
        }
    }

    fn split_fast(input: &str, size: usize) -> FastEverywhere {
        let mut splitter = RecordSplitter::new();
        let mut fast = FastEverywhere::default();
        for chunk in input.as_bytes().chunks(size) {
            splitter.push_to(chunk, &mut fast);
        }
        splitter.finish(&mut |p| fast.piece(p));
        fast
    }

    #[test]
    fn json_lines_are_read_in_place_and_broken_lines_still_reported() {
        let input =
            "{\"a\":1}\n{\"b\": 2}\r\n{\"c\":\n{\"d\":4} {\"e\":5}\noops\n{\"Records\": [{\"f\": 6}]}\n{\"g\":7}\n";
        let (records, problems) = split(input, 1000);
        let slow: Vec<(u64, Position, String)> = {
            let mut splitter = RecordSplitter::new();
            let mut all = Vec::new();
            let mut sink = |p: Piece<'_>| {
                if let Piece::Problem { offset, position, message } = p {
                    all.push((offset, position, message))
                }
            };
            splitter.push(input.as_bytes(), &mut sink);
            splitter.finish(&mut sink);
            all
        };
        assert_eq!(problems.len(), 2, "{problems:?}");
        for size in [1, 2, 3, 7, 16, 1000] {
            let fast = split_fast(input, size);
            let texts: Vec<_> = fast.records.iter().map(|(t, _)| t.clone()).collect();
            assert_eq!(texts, records.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>(), "chunk size {size}");
            assert_eq!(fast.problems, slow, "chunk size {size}");
        }
        let whole = split_fast(input, 1000);
        assert_eq!(whole.taken_in_place, 5, "b, d, e, f and g are taken in place (a decides the form)");
        for (text, offset) in &whole.records {
            assert_eq!(&input[*offset as usize..][..text.len()], text);
        }
    }

    #[test]
    fn records_too_large_are_never_taken_in_place() {
        let big = format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_RECORD_BYTES));
        let input = format!("{{\"b\":1}}\n{big}\n{{\"Records\": [{big}, {{\"c\":3}}]}}\n");
        let fast = split_fast(&input, input.len());
        assert_eq!(fast.records.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["{\"b\":1}", "{\"c\":3}"]);
        assert_eq!(fast.problems.len(), 2, "{:?}", fast.problems.iter().map(|p| &p.2).collect::<Vec<_>>());
        assert!(fast.problems.iter().all(|p| p.2.starts_with("record larger than")));
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

                // Records taken in place at the top level (JSON Lines, concatenated records)
                // and in records arrays, the rest by the scanner: the same records, at the
                // same offsets, and no problem.
                let mut splitter = RecordSplitter::new();
                let mut fast = FastEverywhere::default();
                for chunk in chunks(bytes, &cuts) {
                    splitter.push_to(chunk, &mut fast);
                }
                splitter.finish(&mut |p| fast.piece(p));
                prop_assert!(fast.problems.is_empty(), "{:?} in {:?}", fast.problems, text);
                for (record, offset) in &fast.records {
                    prop_assert_eq!(&text[*offset as usize..][..record.len()], record.as_str());
                }
                let found: Vec<Value> = fast.records.iter().map(|(t, _)| serde_json::from_str(t).unwrap()).collect();
                let expected: Vec<Value> = reference(&text).into_iter().map(|(v, _)| v).collect();
                prop_assert_eq!(found, expected, "{:?}", text);
            }
        }
    }
}
