//! A replay: bytes in (pushed in chunks), a verdict per event out, and running counts. Memory
//! stays bounded: only the record being read is held, and the counts per eventSource/eventName
//! are capped.

use super::event::{Category, EventRecord};
use super::explain::{explain, Explanation};
use super::extract;
use super::matcher::Matcher;
use super::stream::{Consumer, Piece, Position, RecordSplitter, Wrapping};
use crate::request::model::Selectors;
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// Distinct eventSource/eventName pairs counted one by one; the rest are counted together.
pub const MAX_NAME_PAIRS: usize = 10_000;

/// How many eventSource/eventName pairs a top list shows (the CLI's summary, the page).
pub const TOP_EVENTS: usize = 20;

/// The verdict on one event: the one row shape every consumer reads (the npm package's
/// `VerdictRow`, the CLI's JSON lines, the page).
// Its strings borrow from the record while it is being read (`into_owned` keeps one longer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "VerdictRow"))]
pub struct Verdict<'a> {
    /// Position among the input's records, from 0.
    pub index: u64,
    /// Byte offset of the record in the (decompressed) input.
    pub offset: u64,
    #[serde(rename = "eventID")]
    pub event_id: Option<Cow<'a, str>>,
    #[serde(rename = "eventSource")]
    pub event_source: Option<Cow<'a, str>>,
    #[serde(rename = "eventName")]
    pub event_name: Option<Cow<'a, str>>,
    pub category: Category,
    pub logged: bool,
    /// Indexes of the selectors that matched.
    pub matched: Cow<'a, [usize]>,
    /// Byte length of the record: `offset`, `length` and `wrapping` find it again (to explain
    /// the verdict) without keeping it.
    pub length: u64,
    pub wrapping: Wrapping,
}

impl Verdict<'_> {
    pub fn into_owned(self) -> Verdict<'static> {
        let owned = |t: Option<Cow<'_, str>>| t.map(|t| Cow::Owned(t.into_owned()));
        Verdict {
            event_id: owned(self.event_id),
            event_source: owned(self.event_source),
            event_name: owned(self.event_name),
            index: self.index,
            offset: self.offset,
            category: self.category,
            logged: self.logged,
            matched: Cow::Owned(self.matched.into_owned()),
            length: self.length,
            wrapping: self.wrapping,
        }
    }
}

/// A record that could not be judged, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProblemRow"))]
pub struct Problem {
    pub index: u64,
    pub offset: u64,
    /// Line and column (from 1) in the file of what went wrong (the record's start when nothing
    /// more precise is known); the message names the same place. Lines restart at each file.
    pub line: u64,
    pub column: u64,
    pub message: String,
}

/// One row of a replay's output as JSON: a verdict, or a record that could not be judged
/// (told apart by `message`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Row<'a> {
    Event(Verdict<'a>),
    Problem(Problem),
}

impl Row<'_> {
    /// Position among the input's records, from 0.
    pub fn index(&self) -> u64 {
        match self {
            Row::Event(verdict) => verdict.index,
            Row::Problem(problem) => problem.index,
        }
    }
}

#[derive(Debug)]
pub enum Item<'a> {
    /// `explanation` is present when the replay was asked for explanations.
    Event {
        verdict: Verdict<'a>,
        /// The record's bytes as found (`verdict.wrapping` says how they wrap the event).
        record: &'a [u8],
        explanation: Option<Explanation>,
    },
    Problem(Problem),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NameCount {
    pub events: u64,
    pub logged: u64,
}

/// The counts of a replay that are plain numbers (what a progress line shows).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Totals {
    pub events: u64,
    pub logged: u64,
    pub not_logged: u64,
    pub problems: u64,
    pub data_events: u64,
    pub data_events_logged: u64,
    /// Events each selector matched (an event can match several).
    pub by_selector: Vec<u64>,
}

/// The counts of a replay.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Summary {
    #[serde(flatten)]
    pub totals: Totals,
    /// Keyed by the category's name, in name order; categories never seen are left out.
    #[serde(serialize_with = "categories")]
    #[cfg_attr(feature = "ts", ts(as = "HashMap<Category, NameCount>"))]
    by_category: [NameCount; Category::ALL.len()],
    /// Keyed "eventSource eventName"; past 10,000 keys (`MAX_NAME_PAIRS`), the rest under
    /// "(other)". Serialized in key order.
    #[serde(serialize_with = "sorted")]
    #[cfg_attr(feature = "ts", ts(as = "HashMap<String, NameCount>"))]
    pub by_event: HashMap<String, NameCount, FoldHasher>,
    /// Reused to build keys without allocating per event.
    #[serde(skip)]
    key: String,
}

type FoldHasher = foldhash::fast::FixedState;

/// Appends the key a replay counts an event under: "eventSource eventName", "-" for a missing
/// one (the summary's `by_event`, the top list, the table's text filter).
pub fn push_pair_key(key: &mut String, source: Option<&str>, name: Option<&str>) {
    key.extend([source.unwrap_or("-"), " ", name.unwrap_or("-")]);
}

/// One line of a top list: an eventSource/eventName pair ("(other)" past MAX_NAME_PAIRS) and
/// its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TopEvent<'a> {
    pub name: &'a str,
    pub events: u64,
    pub logged: u64,
}

impl Summary {
    fn new(selectors: usize) -> Self {
        Summary { totals: Totals { by_selector: vec![0; selectors], ..Totals::default() }, ..Summary::default() }
    }

    /// The events judged in `category`, and how many of them were logged.
    pub fn category(&self, category: Category) -> &NameCount {
        &self.by_category[category as usize]
    }

    /// The `n` pairs with the most events, most first; ties in byte order of their
    /// "eventSource eventName" key, so every shell (CLI, page) lists them the same way.
    pub fn top(&self, n: usize) -> Vec<TopEvent<'_>> {
        if n == 0 {
            return Vec::new();
        }
        let rank = |a: &TopEvent<'_>, b: &TopEvent<'_>| b.events.cmp(&a.events).then_with(|| a.name.cmp(b.name));
        let mut pairs: Vec<_> = self
            .by_event
            .iter()
            .map(|(name, count)| TopEvent { name, events: count.events, logged: count.logged })
            .collect();
        if pairs.len() > n {
            // Keys are distinct, so the order is total: the first n are the same whichever way
            // the map iterates.
            pairs.select_nth_unstable_by(n - 1, rank);
            pairs.truncate(n);
        }
        pairs.sort_unstable_by(rank);
        pairs
    }

    fn count(&mut self, verdict: &Verdict<'_>) {
        let totals = &mut self.totals;
        totals.events += 1;
        let logged = u64::from(verdict.logged);
        totals.logged += logged;
        totals.not_logged += 1 - logged;
        if verdict.category == Category::Data {
            totals.data_events += 1;
            totals.data_events_logged += logged;
        }
        for &i in verdict.matched.iter() {
            totals.by_selector[i] += 1;
        }
        let category = &mut self.by_category[verdict.category as usize];
        category.events += 1;
        category.logged += logged;
        self.key.clear();
        push_pair_key(&mut self.key, verdict.event_source.as_deref(), verdict.event_name.as_deref());
        if let Some(count) = self.by_event.get_mut(self.key.as_str()) {
            count.events += 1;
            count.logged += logged;
            return;
        }
        let key = if self.by_event.len() >= MAX_NAME_PAIRS { "(other)" } else { &self.key };
        let count = self.by_event.entry(key.to_string()).or_default();
        count.events += 1;
        count.logged += logged;
    }
}

fn categories<S: Serializer>(counts: &[NameCount; Category::ALL.len()], serializer: S) -> Result<S::Ok, S::Error> {
    let mut seen: Vec<_> = Category::ALL.iter().filter(|&&c| counts[c as usize].events > 0).collect();
    seen.sort_by_key(|c| c.as_str());
    serializer.collect_map(seen.into_iter().map(|&c| (c.as_str(), &counts[c as usize])))
}

fn sorted<S: Serializer>(map: &HashMap<String, NameCount, FoldHasher>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(map.iter().collect::<BTreeMap<_, _>>())
}

/// `part` as a share of `whole`, for counts shown to people ("12.5%").
pub fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        "0%".into()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

#[derive(Deserialize)]
struct EventBridgeEnvelope<'a> {
    #[serde(borrow)]
    detail: EventRecord<'a>,
}

#[derive(Deserialize)]
struct LookupEvent {
    #[serde(rename = "CloudTrailEvent")]
    cloud_trail_event: String,
}

/// Why a record cannot be judged, and where in the record's bytes (line, column from 1, as
/// serde_json counts them) when the parser said.
#[derive(Debug)]
struct Unjudged {
    message: String,
    at: Option<(u64, u64)>,
}

impl From<String> for Unjudged {
    fn from(message: String) -> Self {
        Unjudged { message, at: None }
    }
}

impl Unjudged {
    fn parse(e: &serde_json::Error) -> Self {
        // serde_json words "<what> at line L column C", counting from the start of the bytes it
        // was given: keep the words and the numbers apart, so they can be moved to the file.
        let text = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let at = (e.line() > 0).then(|| (e.line() as u64, e.column() as u64));
        let what = text.strip_suffix(&suffix).filter(|_| at.is_some()).unwrap_or(&text);
        Unjudged { message: format!("not a valid CloudTrail record: {what}"), at }
    }

    /// The message and where in the file, for a record that starts at `start`.
    fn located(self, start: Position) -> (String, Position) {
        match self.at {
            Some((line, column)) => {
                let at = start.locate(line, column);
                (format!("{} at line {} column {}", self.message, at.line, at.column), at)
            }
            None => (self.message, start),
        }
    }

    /// The message with the position counted in the record alone (the record is all there is).
    fn in_record(self) -> String {
        match self.at {
            Some((line, column)) => format!("{} at line {line} column {column}", self.message),
            None => self.message,
        }
    }
}

/// The first JSON value of `bytes` as a `T`, and its length in bytes.
fn first<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<(T, usize), Unjudged> {
    let mut stream = serde_json::Deserializer::from_slice(bytes).into_iter::<T>();
    match stream.next() {
        Some(Ok(value)) => Ok((value, stream.byte_offset())),
        Some(Err(e)) => Err(Unjudged::parse(&e)),
        None => Err(String::from("empty record").into()),
    }
}

fn looks_like_event(record: &EventRecord<'_>) -> Result<(), String> {
    if let Some(why) = record.foreign_kind() {
        return Err(format!("not a CloudTrail record: {why} (decisions D32)"));
    }
    let known = record.event_source.is_some() || record.event_name.is_some() || record.event_category.is_some();
    known
        .then_some(())
        .ok_or_else(|| "not a CloudTrail record: it has no eventSource, eventName or eventCategory".into())
}

/// Where the record to decode was found.
#[derive(Debug, Clone, Copy)]
enum Found {
    /// Wrapped as `Wrapping` (an element of a records array, or a value the splitter delimited).
    Wrapped(Wrapping),
    /// At the top level, in place (JSON Lines when `one_line`): taken only by the single-pass
    /// reader, which refuses wrappers (and records that span lines, when `one_line`); the rest
    /// is left to the splitter.
    TopLevel { one_line: bool },
}

/// Decodes the record at the start of `bytes` (which may run on past it) and hands it to `f`;
/// returns f's result and the record's length. The error says why it cannot be judged.
fn decode<'b, R>(bytes: &'b [u8], found: Found, f: impl FnOnce(EventRecord<'b>) -> R) -> Result<(R, usize), Unjudged> {
    let wrapping = match found {
        Found::Wrapped(wrapping) => wrapping,
        Found::TopLevel { one_line } => {
            let (record, n) = extract::top_level_record(bytes, one_line)
                .ok_or_else(|| Unjudged::from(String::from("left to the record splitter")))?;
            looks_like_event(&record)?;
            return Ok((f(record), n));
        }
    };
    match wrapping {
        Wrapping::Record => {
            // The single-pass reader takes the common case; serde takes the rest and words errors.
            let (record, n) = match extract::record(bytes) {
                Some(found) => found,
                None => first::<EventRecord<'_>>(bytes)?,
            };
            looks_like_event(&record)?;
            Ok((f(record), n))
        }
        Wrapping::EventBridge => {
            let (envelope, n) = first::<EventBridgeEnvelope<'_>>(bytes)?;
            looks_like_event(&envelope.detail)?;
            Ok((f(envelope.detail), n))
        }
        Wrapping::LookupEvent => {
            let (entry, n) = first::<LookupEvent>(bytes)?;
            // The record is a JSON string inside the entry: a position in it is not one in the
            // file, so it is named as a position in that string.
            let (record, _) = first::<EventRecord<'_>>(entry.cloud_trail_event.as_bytes())
                .map_err(|e| Unjudged::from(format!("{} of its CloudTrailEvent string", e.in_record())))?;
            looks_like_event(&record)?;
            Ok((f(record.into_owned()), n))
        }
    }
}

/// Decodes the record in `bytes` and hands it to `f`; the error says why it cannot be judged.
fn with_record<R>(bytes: &[u8], wrapping: Wrapping, f: impl FnOnce(&EventRecord<'_>) -> R) -> Result<R, String> {
    decode(bytes, Found::Wrapped(wrapping), |record| f(&record)).map(|(r, _)| r).map_err(Unjudged::in_record)
}

/// Replays pushed bytes through compiled selectors.
pub struct Replay {
    selectors: Selectors,
    matcher: Matcher,
    explain: bool,
    splitter: RecordSplitter,
    next_index: u64,
    summary: Summary,
    matched: Vec<usize>,
}

impl Replay {
    /// A replay through `selectors` (validated; `Selectors::default()` for a trail never
    /// configured, decisions D28).
    pub fn new(selectors: Selectors) -> Self {
        let matcher = Matcher::new(&selectors);
        let summary = Summary::new(matcher.selector_count());
        Replay {
            selectors,
            matcher,
            explain: false,
            splitter: RecordSplitter::new(),
            next_index: 0,
            summary,
            matched: Vec::new(),
        }
    }

    /// Attach an explanation to every event (costs one more pass over the selectors).
    pub fn with_explanations(mut self) -> Self {
        self.explain = true;
        self
    }

    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// Feeds a chunk of the input; `sink` gets each event's verdict (or problem) in order.
    pub fn push(&mut self, chunk: &[u8], sink: &mut impl FnMut(Item<'_>)) {
        let Replay { selectors, matcher, explain, splitter, next_index, summary, matched } = self;
        let judge = Judge { selectors, matcher, explain: *explain, next_index, summary, matched, sink };
        splitter.push_to(chunk, &mut { judge });
    }

    /// Ends the input (several files are several `push` runs, each ended by `finish`).
    pub fn finish(&mut self, sink: &mut impl FnMut(Item<'_>)) {
        let Replay { selectors, matcher, explain, splitter, next_index, summary, matched } = self;
        let mut judge = Judge { selectors, matcher, explain: *explain, next_index, summary, matched, sink };
        splitter.finish(&mut |piece| judge.piece(piece));
    }

    /// Why the record was or was not logged.
    pub fn explain(&self, record: &[u8], wrapping: Wrapping) -> Result<Explanation, String> {
        with_record(record, wrapping, |event| explain(&self.selectors, &self.matcher, event))
    }
}

/// What judging an event needs, borrowed from the replay for one push.
struct Judge<'r, S> {
    selectors: &'r Selectors,
    matcher: &'r Matcher,
    explain: bool,
    next_index: &'r mut u64,
    summary: &'r mut Summary,
    matched: &'r mut Vec<usize>,
    sink: &'r mut S,
}

impl<S: FnMut(Item<'_>)> Judge<'_, S> {
    /// Judges the record at the start of `bytes`; returns its length.
    fn judge(&mut self, bytes: &[u8], offset: u64, found: Found) -> Result<usize, Unjudged> {
        let index = *self.next_index;
        let (matcher, selectors, matched, explain_it) =
            (self.matcher, self.selectors, &mut *self.matched, self.explain);
        let wrapping = match found {
            Found::Wrapped(wrapping) => wrapping,
            Found::TopLevel { .. } => Wrapping::Record,
        };
        let ((verdict, explanation), n) = decode(bytes, found, move |event| {
            let category = event.category();
            matcher.matches_into(&event, category, matched);
            let matched: &[usize] = matched;
            let explanation = explain_it.then(|| explain(selectors, matcher, &event));
            let verdict = Verdict {
                index,
                offset,
                category,
                event_id: event.event_id,
                event_source: event.event_source,
                event_name: event.event_name,
                logged: !matched.is_empty(),
                matched: Cow::Borrowed(matched),
                length: 0,
                wrapping,
            };
            (verdict, explanation)
        })?;
        let verdict = Verdict { length: n as u64, ..verdict };
        *self.next_index += 1;
        self.summary.count(&verdict);
        (self.sink)(Item::Event { verdict, record: &bytes[..n], explanation });
        Ok(n)
    }

    fn problem(&mut self, offset: u64, position: Position, message: String) {
        let index = *self.next_index;
        *self.next_index += 1;
        self.summary.totals.problems += 1;
        let Position { line, column } = position;
        (self.sink)(Item::Problem(Problem { index, offset, line, column, message }));
    }
}

impl<S: FnMut(Item<'_>)> Consumer for Judge<'_, S> {
    fn fast(&mut self, rest: &[u8], offset: u64, wrapping: Wrapping) -> Option<usize> {
        self.judge(rest, offset, Found::Wrapped(wrapping)).ok()
    }

    fn fast_top_level(&mut self, rest: &[u8], offset: u64, one_line: bool) -> Option<usize> {
        self.judge(rest, offset, Found::TopLevel { one_line }).ok()
    }

    fn piece(&mut self, piece: Piece<'_>) {
        match piece {
            Piece::Record { bytes, offset, position, wrapping } => {
                if let Err(why) = self.judge(bytes, offset, Found::Wrapped(wrapping)) {
                    let (message, at) = why.located(position);
                    self.problem(offset, at, message);
                }
            }
            Piece::Problem { offset, position, message } => self.problem(offset, position, message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replay(selectors: Selectors, input: &str) -> (Vec<Verdict<'static>>, Vec<Problem>, Summary) {
        let mut replay = Replay::new(selectors);
        let (mut verdicts, mut problems) = (Vec::new(), Vec::new());
        let mut sink = |item: Item<'_>| match item {
            Item::Event { verdict, .. } => verdicts.push(verdict.into_owned()),
            Item::Problem(p) => problems.push(p),
        };
        for chunk in input.as_bytes().chunks(7) {
            replay.push(chunk, &mut sink);
        }
        replay.finish(&mut sink);
        (verdicts, problems, replay.summary().clone())
    }

    #[test]
    fn every_wrapping_reaches_the_record() {
        let input = concat!(
            r#"{"Records": [{"eventSource": "ec2.amazonaws.com", "eventName": "RunInstances", "readOnly": false, "eventCategory": "Management"}]}"#,
            "\n",
            r#"{"Events": [{"EventId": "e", "CloudTrailEvent": "{\"eventName\":\"ListUsers\",\"readOnly\":true,\"eventCategory\":\"Management\"}"}]}"#,
            "\n",
            r#"{"version": "0", "detail-type": "AWS API Call via CloudTrail", "detail": {"eventName": "GetObject", "eventCategory": "Data", "resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::b/k"}]}}"#
        );
        let (verdicts, problems, summary) = replay(Selectors::default(), input);
        assert!(problems.is_empty(), "{problems:?}");
        let names: Vec<_> = verdicts.iter().map(|v| (v.event_name.clone().unwrap(), v.logged)).collect();
        assert_eq!(names, [("RunInstances".into(), true), ("ListUsers".into(), true), ("GetObject".into(), false)]);
        let t = &summary.totals;
        assert_eq!((t.events, t.logged, t.data_events, t.by_selector[0]), (3, 2, 1, 2));
    }

    #[test]
    fn string_management_event_is_judged() {
        // Real exports carry "true"/"True"; with eventCategory present it is never read (D26),
        // and without it only "true" means true (D24, D30).
        let input = concat!(
            r#"{"eventName": "A", "eventCategory": "Management", "managementEvent": "True", "readOnly": "true"}"#,
            "\n",
            r#"{"eventName": "B", "eventCategory": "Data", "managementEvent": "true", "resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::b/k"}]}"#,
            "\n",
            r#"{"eventName": "C", "managementEvent": "true", "resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::b/k"}]}"#,
            "\n",
            r#"{"eventName": "D", "managementEvent": "True", "resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::b/k"}]}"#,
            "\n",
        );
        let (verdicts, problems, _) = replay(Selectors::default(), input);
        assert!(problems.is_empty(), "{problems:?}");
        let categories: Vec<_> = verdicts.iter().map(|v| v.category).collect();
        assert_eq!(categories, [Category::Management, Category::Data, Category::Management, Category::Data]);
    }

    #[test]
    fn notifications_and_stream_records_are_not_judged() {
        // Both come in {"Records": [...]} like a log file, so only their content tells (D32).
        let input = concat!(
            r#"{"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "b"}}},"#,
            r#"{"eventID": "1", "eventName": "INSERT", "eventVersion": "1.1", "eventSource": "aws:dynamodb", "dynamodb": {"Keys": {}}},"#,
            r#"{"eventName": "aws:kinesis:record", "eventSource": "aws:kinesis", "kinesis": {}},"#,
            r#"{"eventName": "ObjectCreated:Copy", "s3": {}},"#,
            r#"{"eventSource": "s3.amazonaws.com", "eventName": "PutObject", "eventCategory": "Data", "s3": null}]}"#,
        );
        let (verdicts, problems, _) = replay(Selectors::default(), input);
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems.iter().all(|p| p.message.starts_with("not a CloudTrail record") && p.message.contains("D32")));
        assert_eq!(verdicts.iter().map(|v| v.event_name.as_deref()).collect::<Vec<_>>(), [Some("PutObject")]);
    }

    #[test]
    fn problem_positions_count_from_the_start_of_the_file() {
        let input = concat!(
            "{\"eventName\": \"A\"}\n",
            "{\"eventName\": \"B\"}\n",
            "  {\"eventName\": 5}\n",
            "oops\n",
            "{\"Records\": [{\"eventName\": \"C\"},\n",
            "  {\"eventName\": \"D\",\n",
            "   \"readOnly\": 7}]}\n",
            "{\"Events\": [{\"CloudTrailEvent\": \"{\\\"eventName\\\": 1}\"}]}\n",
        );
        for size in [1, 3, 7, 64, 1000] {
            let mut replay = Replay::new(Selectors::default());
            let mut problems = Vec::new();
            let mut sink = |item: Item<'_>| {
                if let Item::Problem(p) = item {
                    problems.push(p)
                }
            };
            for chunk in input.as_bytes().chunks(size) {
                replay.push(chunk, &mut sink);
            }
            replay.finish(&mut sink);
            let found: Vec<_> = problems.iter().map(|p| (p.line, p.column)).collect();
            assert_eq!(found, [(3, 17), (4, 1), (7, 17), (8, 13)], "chunk size {size}: {problems:#?}");
            assert!(problems[0].message.ends_with("at line 3 column 17"), "{}", problems[0].message);
            assert!(problems[2].message.ends_with("at line 7 column 17"), "{}", problems[2].message);
            assert!(problems[3].message.contains("of its CloudTrailEvent string"), "{}", problems[3].message);
        }
    }

    fn summary_of(counts: &[(&str, u64, u64)]) -> Summary {
        let mut summary = Summary::new(1);
        for &(name, events, logged) in counts {
            summary.by_event.insert(name.into(), NameCount { events, logged });
        }
        summary
    }

    fn names<'a>(top: &'a [TopEvent<'a>]) -> Vec<&'a str> {
        top.iter().map(|t| t.name).collect()
    }

    #[test]
    fn top_ranks_by_events_then_key_bytes() {
        // Ties in byte order: uppercase before lowercase, "s3 " before "s3-", not locale order.
        let summary = summary_of(&[
            ("sts.amazonaws.com AssumeRole", 5, 5),
            ("s3.amazonaws.com getObject", 7, 0),
            ("s3.amazonaws.com GetObject", 7, 1),
            ("s3-control.amazonaws.com GetObject", 7, 2),
            ("ec2.amazonaws.com RunInstances", 9, 9),
            ("(other)", 5, 0),
            ("kms.amazonaws.com Decrypt", 1, 1),
        ]);
        let top = summary.top(TOP_EVENTS);
        assert_eq!(
            names(&top),
            [
                "ec2.amazonaws.com RunInstances",
                "s3-control.amazonaws.com GetObject",
                "s3.amazonaws.com GetObject",
                "s3.amazonaws.com getObject",
                "(other)",
                "sts.amazonaws.com AssumeRole",
                "kms.amazonaws.com Decrypt",
            ]
        );
        assert_eq!(top[2], TopEvent { name: "s3.amazonaws.com GetObject", events: 7, logged: 1 });
    }

    #[test]
    fn top_cuts_at_n_with_the_same_order_as_the_whole_list() {
        // Many ties around the cut: the first n of the full ranking, whatever the map order.
        let counts: Vec<(String, u64, u64)> =
            (0..200u64).map(|i| (format!("svc{:03} Call{}", (i * 37) % 200, i % 3), 1 + i % 4, 0)).collect();
        let borrowed: Vec<_> = counts.iter().map(|(n, e, l)| (n.as_str(), *e, *l)).collect();
        let summary = summary_of(&borrowed);
        let all = summary.top(usize::MAX);
        assert_eq!(all.len(), 200);
        for n in [0, 1, 20, 49, 50, 51, 199, 200, 300] {
            assert_eq!(summary.top(n), all[..n.min(200)], "n = {n}");
        }
        assert!(all
            .windows(2)
            .all(|w| w[0].events > w[1].events || (w[0].events == w[1].events && w[0].name < w[1].name)));
        assert!(Summary::default().top(TOP_EVENTS).is_empty());
    }

    #[test]
    fn broken_records_are_problems_and_the_rest_replays() {
        let input = "{\"eventName\": \"A\"}\n{\"eventName\": 5}\n{\"noise\": true}\n{\"eventName\": \"B\"}\n";
        let (verdicts, problems, summary) = replay(Selectors::default(), input);
        assert_eq!(verdicts.len(), 2);
        assert_eq!(problems.iter().map(|p| p.index).collect::<Vec<_>>(), [1, 2]);
        assert!(problems[1].message.contains("not a CloudTrail record"));
        assert_eq!(summary.totals.problems, 2);
    }
}
