//! The replay's verdicts kept for the page: every row in compact columns (a 500,000-event
//! replay holds about 21 bytes a row), the table's filter, its pages and the top events. The
//! replay worker (www/worker/replay-worker.js) only pumps bytes into a [`VerdictStore`] and
//! forwards what it answers; the logic lives here, tested natively.

use crate::replay::ReplaySession;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use trailscope_core::catalog::Category;
use trailscope_core::replay::filter::{RowFilter as Filter, Verdicts};
use trailscope_core::replay::session::{push_pair_key, Item, Problem, Row, Summary, TopEvent, Verdict, TOP_EVENTS};
use trailscope_core::replay::stream::Wrapping;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const STORE_TYPES: &str = r#"
import type { RowFilter, TopEvent } from "./types.js";

export interface RowsPage {
  /** How many rows the filter keeps. */
  total: number;
  start: number;
  /** The rows as `ReplaySession` gives them, but for `eventID` (the store keeps none: null). */
  rows: Row[];
  /** With stored selectors: whether each row's event was logged through them (a problem row:
   * false); else empty. */
  before: boolean[];
}

export interface StoreReport {
  summary: Summary;
  /** The pairs with the most events, most first; ties in byte order of the name. */
  top: TopEvent[];
  /** Stored selectors were given: pages carry `before`. */
  compared: boolean;
}

/** Where a row's record is, to read it again: its source (in `beginFile` order), the byte
 * range in that source (decompressed) and its position among the source's records. */
export interface RowPlace {
  file: number;
  offset: number;
  length: number;
  wrapping: Wrapping;
  row: number;
}
"#;

const LOGGED: u8 = 1;
const BEFORE: u8 = 1 << 1;
const PROBLEM: u8 = 1 << 2;
const WRAPPING_SHIFT: u8 = 3;
const WRAPPING_MASK: u8 = 0b11;
/// The category's position in `Category::ALL`, above the wrapping code.
const CATEGORY_SHIFT: u8 = 5;
/// Selectors past these many are in `wide`, not in the bit column.
const BITS: usize = 32;

/// The eventSource/eventName pairs seen, each kept once as "eventSource eventName" ("-" for a
/// missing one, as the filter's text reads it) and whether each part was missing.
#[derive(Default)]
struct Pairs {
    /// Keyed by the missing parts' marker and the key.
    ids: HashMap<Box<str>, u32>,
    keys: Vec<PairKey>,
    /// Reused to build keys without allocating per row.
    key: String,
}

struct PairKey {
    key: Box<str>,
    /// The length of the eventSource part.
    split: u32,
    source: bool,
    name: bool,
}

impl Pairs {
    fn intern(&mut self, source: Option<&str>, name: Option<&str>) -> u32 {
        let marker = match (source, name) {
            (Some(_), Some(_)) => "",
            (None, Some(_)) => "\u{1}",
            (Some(_), None) => "\u{2}",
            (None, None) => "\u{3}",
        };
        self.key.clear();
        self.key.push_str(marker);
        push_pair_key(&mut self.key, source, name);
        if let Some(&id) = self.ids.get(self.key.as_str()) {
            return id;
        }
        let id = self.keys.len() as u32;
        let key = self.key[marker.len()..].into();
        let split = source.map_or(1, str::len) as u32;
        self.keys.push(PairKey { key, split, source: source.is_some(), name: name.is_some() });
        self.ids.insert(self.key.as_str().into(), id);
        id
    }

    /// eventSource and eventName of pair `id`.
    fn get(&self, id: u32) -> (Option<&str>, Option<&str>) {
        let Some(PairKey { key, split, source, name }) = self.keys.get(id as usize) else { return (None, None) };
        let split = *split as usize;
        (key.get(..split).filter(|_| *source), key.get(split + 1..).filter(|_| *name))
    }
}

/// Rows a column block holds past the first.
const BLOCK: usize = 1 << 16;

/// A growable column in blocks: past the first block (which grows as a Vec does) each block
/// holds BLOCK rows, so growing never copies the column nor holds it twice, and at most one
/// block is partly empty.
#[derive(Debug)]
struct Column<T> {
    blocks: Vec<Vec<T>>,
}

impl<T> Default for Column<T> {
    fn default() -> Self {
        Column { blocks: Vec::new() }
    }
}

impl<T: Copy> Column<T> {
    fn push(&mut self, value: T) {
        match self.blocks.last_mut() {
            Some(block) if block.len() < BLOCK => block.push(value),
            Some(_) => self.blocks.push({
                let mut block = Vec::with_capacity(BLOCK);
                block.push(value);
                block
            }),
            None => self.blocks.push(vec![value]),
        }
    }

    fn get(&self, row: usize) -> Option<T> {
        self.blocks.get(row / BLOCK)?.get(row % BLOCK).copied()
    }

    fn get_mut(&mut self, row: usize) -> Option<&mut T> {
        self.blocks.get_mut(row / BLOCK)?.get_mut(row % BLOCK)
    }

    fn iter(&self) -> impl Iterator<Item = T> + '_ {
        self.blocks.iter().flatten().copied()
    }
}

/// Where a source starts: its first row and its first byte among all bytes pushed.
#[derive(Debug, Clone, Copy)]
struct FileStart {
    row: u32,
    offset: u64,
}

/// The rows of a replay, one typed column per field, indexed by row (= the replay's index).
#[derive(Default)]
pub struct Columns {
    compared: bool,
    selectors: usize,
    /// LOGGED, BEFORE and PROBLEM bits, the wrapping code above WRAPPING_SHIFT and the
    /// category above CATEGORY_SHIFT.
    flags: Column<u8>,
    /// Bit s: selector s (< 32) matched.
    matched: Column<u32>,
    pair: Column<u32>,
    /// The record's bytes among all bytes pushed.
    offset: Column<u64>,
    length: Column<u32>,
    /// Rows held (the columns' length).
    rows: usize,
    pairs: Pairs,
    /// Problem rows, where in their file and their messages, in row order.
    problems: Vec<(u32, StoredProblem)>,
    /// Rows matched by a selector past the bit column, with all they matched, in row order.
    wide: Vec<(u32, Box<[u32]>)>,
    files: Vec<FileStart>,
    /// The last filter's rows, while no row is added (None: every row).
    cache: Option<(Filter, usize, Option<Vec<u32>>)>,
}

/// A problem row's line, column and message (problems are few: kept whole).
#[derive(Debug)]
struct StoredProblem {
    line: u64,
    column: u64,
    message: Box<str>,
}

/// A page of rows: core's `Row`s (the shape `ReplaySession`, the CLI and the page share) and,
/// with stored selectors, each row's verdict through them.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct RowsPage<'a> {
    pub total: usize,
    pub start: usize,
    pub rows: Vec<Row<'a>>,
    pub before: Vec<bool>,
}

/// Where a row's record is (see `RowPlace` in the TypeScript types).
#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Place<'a> {
    Record { file: usize, offset: u64, length: u32, wrapping: Wrapping, row: u32 },
    Problem { problem: &'a str },
}

/// The wrapping code kept in a row's flags.
fn wrapping_of(flags: u8) -> Wrapping {
    Wrapping::from_code((flags >> WRAPPING_SHIFT) & WRAPPING_MASK).unwrap_or(Wrapping::Record)
}

/// Looks `row` up in a list kept in row order.
fn find<T>(list: &[(u32, T)], row: u32) -> Option<&T> {
    list.binary_search_by_key(&row, |(r, _)| *r).ok().and_then(|i| list.get(i)).map(|(_, t)| t)
}

impl Columns {
    /// Columns for a replay through `selectors` selectors; `compared` when rows carry the
    /// verdict through stored selectors too.
    pub fn new(selectors: usize, compared: bool) -> Self {
        Columns { selectors, compared, ..Columns::default() }
    }

    pub fn len(&self) -> usize {
        self.rows
    }

    /// The next rows come from a new source, starting at byte `offset` of all pushed.
    pub fn begin_file(&mut self, offset: u64) {
        self.files.push(FileStart { row: self.len() as u32, offset });
    }

    fn push_row(&mut self, flags: u8, matched: u32, pair: u32, offset: u64, length: u32) -> u32 {
        let row = self.len() as u32;
        self.cache = None;
        self.flags.push(flags);
        self.matched.push(matched);
        self.pair.push(pair);
        self.offset.push(offset);
        self.length.push(length);
        self.rows += 1;
        row
    }

    /// Adds a judged event.
    #[allow(clippy::too_many_arguments)]
    pub fn add_event(
        &mut self,
        source: Option<&str>,
        name: Option<&str>,
        logged: bool,
        matched: &[usize],
        category: Category,
        offset: u64,
        length: usize,
        wrapping: Wrapping,
    ) {
        let bits = matched.iter().filter(|&&s| s < BITS).fold(0u32, |bits, &s| bits | 1 << s);
        let pair = self.pairs.intern(source, name);
        let flags =
            (u8::from(logged) * LOGGED) | (wrapping.code() << WRAPPING_SHIFT) | ((category as u8) << CATEGORY_SHIFT);
        let row = self.push_row(flags, bits, pair, offset, length.try_into().unwrap_or(u32::MAX));
        if matched.iter().any(|&s| s >= BITS) {
            self.wide.push((row, matched.iter().map(|&s| s as u32).collect()));
        }
    }

    /// Adds a record that could not be judged.
    pub fn add_problem(&mut self, offset: u64, line: u64, column: u64, message: &str) {
        let pair = self.pairs.intern(None, None);
        let row = self.push_row(PROBLEM, 0, pair, offset, 0);
        self.problems.push((row, StoredProblem { line, column, message: message.into() }));
    }

    /// Row `row`'s verdict through the stored selectors.
    pub fn set_before(&mut self, row: u64, logged: bool) {
        if let Some(flags) = usize::try_from(row).ok().and_then(|row| self.flags.get_mut(row)) {
            *flags = if logged { *flags | BEFORE } else { *flags & !BEFORE };
            self.cache = None;
        }
    }

    /// Problem row `row`'s place and message (None for a verdict).
    fn problem(&self, row: u32) -> Option<&StoredProblem> {
        find(&self.problems, row)
    }

    fn message(&self, row: u32) -> Option<&str> {
        let problem = self.flags.get(row as usize).is_some_and(|f| f & PROBLEM != 0);
        problem.then(|| self.problem(row).map_or("", |p| &*p.message))
    }

    /// Whether selector `s` matched row `row`.
    fn matches(&self, row: u32, s: usize) -> bool {
        if s < BITS {
            self.matched.get(row as usize).is_some_and(|bits| bits & 1 << s != 0)
        } else {
            find(&self.wide, row).is_some_and(|all| all.contains(&(s as u32)))
        }
    }

    /// The rows `filter` keeps, in order; None when it keeps every row.
    fn kept(&self, filter: &Filter) -> Option<Vec<u32>> {
        if filter.keeps_all() {
            return None;
        }
        let text = filter.text.trim().to_lowercase();
        // The text test is made once per distinct pair, not per row.
        let pair_kept: Vec<bool> = if text.is_empty() {
            Vec::new()
        } else {
            self.pairs.keys.iter().map(|pair| pair.key.to_lowercase().contains(&text)).collect()
        };
        let keep = |row: u32, flags: u8| -> bool {
            if flags & PROBLEM != 0 {
                let message = self.message(row).unwrap_or("");
                return filter.logged == Verdicts::All
                    && filter.selector.is_none()
                    && (text.is_empty() || message.to_lowercase().contains(&text));
            }
            let logged = flags & LOGGED != 0;
            let verdict = match filter.logged {
                Verdicts::All => true,
                Verdicts::Logged => logged,
                Verdicts::Not => !logged,
                Verdicts::Changed => self.compared && logged != (flags & BEFORE != 0),
            };
            verdict
                && filter.selector.is_none_or(|s| self.matches(row, s))
                && (text.is_empty() || self.pair.get(row as usize).is_some_and(|p| pair_kept[p as usize]))
        };
        Some(
            (0..self.len() as u32)
                .zip(self.flags.iter())
                .filter(|&(row, flags)| keep(row, flags))
                .map(|(r, _)| r)
                .collect(),
        )
    }

    /// Row `row` as core's `Row`, built from the columns (no eventID: none is kept).
    fn row(&self, row: u32) -> Row<'_> {
        let flags = self.flags.get(row as usize).unwrap_or(0);
        let offset = self.offset.get(row as usize).unwrap_or(0);
        if flags & PROBLEM != 0 {
            let (line, column, message) = self.problem(row).map_or((0, 0, ""), |p| (p.line, p.column, &*p.message));
            return Row::Problem(Problem { index: row.into(), offset, line, column, message: message.into() });
        }
        let matched = match find(&self.wide, row) {
            Some(all) => all.iter().map(|&s| s as usize).collect(),
            None => (0..self.selectors.min(BITS)).filter(|&s| self.matches(row, s)).collect(),
        };
        let (event_source, event_name) = self.pairs.get(self.pair.get(row as usize).unwrap_or(0));
        let category = Category::ALL.get(usize::from(flags >> CATEGORY_SHIFT)).copied().unwrap_or(Category::Other);
        Row::Event(Verdict {
            index: row.into(),
            offset,
            event_id: None,
            event_source: event_source.map(Cow::Borrowed),
            event_name: event_name.map(Cow::Borrowed),
            category,
            logged: flags & LOGGED != 0,
            matched: Cow::Owned(matched),
            length: self.length.get(row as usize).unwrap_or(0).into(),
            wrapping: wrapping_of(flags),
        })
    }

    /// Row `row`'s verdict through the stored selectors (false for a problem).
    fn before(&self, row: u32) -> bool {
        self.flags.get(row as usize).is_some_and(|f| f & (BEFORE | PROBLEM) == BEFORE)
    }

    /// Rows `start .. start + count` of those `filter` keeps, and how many it keeps.
    pub fn page(&mut self, filter: &Filter, start: usize, count: usize) -> RowsPage<'_> {
        let fresh = matches!(&self.cache, Some((f, n, _)) if f == filter && *n == self.len());
        if !fresh {
            self.cache = Some((filter.clone(), self.len(), self.kept(filter)));
        }
        let kept = self.cache.as_ref().and_then(|(_, _, kept)| kept.as_deref());
        let total = kept.map_or(self.len(), <[u32]>::len);
        let end = total.min(start.saturating_add(count));
        let indexes: Vec<u32> =
            (start.min(end)..end).map(|k| kept.and_then(|kept| kept.get(k).copied()).unwrap_or(k as u32)).collect();
        let before = if self.compared { indexes.iter().map(|&row| self.before(row)).collect() } else { Vec::new() };
        let rows = indexes.into_iter().map(|row| self.row(row)).collect();
        RowsPage { total, start, rows, before }
    }

    /// Where row `row`'s record is, or its problem; None past the last row.
    pub fn place(&self, row: u32) -> Option<Place<'_>> {
        let flags = self.flags.get(row as usize)?;
        if let Some(problem) = self.message(row) {
            return Some(Place::Problem { problem });
        }
        let file = self.files.partition_point(|f| f.row <= row).saturating_sub(1);
        let start = self.files.get(file).copied().unwrap_or(FileStart { row: 0, offset: 0 });
        Some(Place::Record {
            file,
            offset: self.offset.get(row as usize)?.saturating_sub(start.offset),
            length: self.length.get(row as usize)?,
            wrapping: wrapping_of(flags),
            row: row - start.row,
        })
    }
}

/// A replay (and optionally the same events through stored selectors) feeding its columns.
pub struct Store {
    after: ReplaySession,
    before: Option<ReplaySession>,
    columns: Columns,
    /// Bytes pushed so far, over all sources.
    pushed: u64,
}

impl Store {
    pub fn new(after: ReplaySession, before: Option<ReplaySession>) -> Self {
        let columns = Columns::new(after.replay.summary().totals.by_selector.len(), before.is_some());
        Store { after, before, columns, pushed: 0 }
    }

    pub fn begin_file(&mut self) {
        self.columns.begin_file(self.pushed);
    }

    fn add(columns: &mut Columns, item: Item<'_>) {
        match item {
            Item::Event { verdict, record, .. } => columns.add_event(
                verdict.event_source.as_deref(),
                verdict.event_name.as_deref(),
                verdict.logged,
                &verdict.matched,
                verdict.category,
                verdict.offset,
                record.len(),
                verdict.wrapping,
            ),
            Item::Problem(problem) => {
                columns.add_problem(problem.offset, problem.line, problem.column, &problem.message)
            }
        }
    }

    /// The same bytes give the same records in both replays: row k of one is row k of the other.
    fn before_of(columns: &mut Columns, item: Item<'_>) {
        match item {
            Item::Event { verdict, .. } => columns.set_before(verdict.index, verdict.logged),
            Item::Problem(_) => {}
        }
    }

    pub fn push(&mut self, chunk: &[u8]) {
        let Store { after, before, columns, pushed } = self;
        after.replay.push(chunk, &mut |item| Store::add(columns, item));
        if let Some(before) = before {
            before.replay.push(chunk, &mut |item| Store::before_of(columns, item));
        }
        *pushed += chunk.len() as u64;
    }

    pub fn finish(&mut self) {
        let Store { after, before, columns, .. } = self;
        after.replay.finish(&mut |item| Store::add(columns, item));
        if let Some(before) = before {
            before.replay.finish(&mut |item| Store::before_of(columns, item));
        }
    }

    pub fn summary(&self) -> &Summary {
        self.after.replay.summary()
    }

    pub fn top(&self) -> Vec<TopEvent<'_>> {
        self.summary().top(TOP_EVENTS)
    }
}

#[derive(Serialize)]
struct Report<'a> {
    summary: &'a Summary,
    top: Vec<TopEvent<'a>>,
    compared: bool,
}

/// A replay's rows, kept to be filtered, paged and explained after it ran: what the page's
/// replay worker keeps. Answers are JSON text; a page's rows are `ReplaySession`'s rows.
#[wasm_bindgen]
pub struct VerdictStore {
    store: Store,
}

#[wasm_bindgen]
impl VerdictStore {
    /// A replay through the selectors of `request` (validated in `context`, if given), and
    /// through `before` (selectors as a trail stores them) to compare. Throws as
    /// `ReplaySession.fromSelectors` does, and when the request's selectors themselves would be
    /// refused (a wrong trail name or a failed lookup alone does not stop a replay).
    #[wasm_bindgen(constructor)]
    pub fn new(request: &str, context: Option<String>, before: Option<String>) -> Result<VerdictStore, JsError> {
        let after = ReplaySession::judgeable(request, context)?;
        let before = before.map(|b| ReplaySession::from_selectors(&b)).transpose()?;
        Ok(VerdictStore { store: Store::new(after, before) })
    }

    /// The next chunks come from a new source (a file); call it before each one's first chunk.
    #[wasm_bindgen(js_name = beginFile)]
    pub fn begin_file(&mut self) {
        self.store.begin_file();
    }

    /// Feeds a chunk of the current source.
    pub fn push(&mut self, chunk: &[u8]) {
        self.store.push(chunk);
    }

    /// Ends the current source.
    pub fn finish(&mut self) {
        self.store.finish();
    }

    /// How many rows are held.
    #[wasm_bindgen(getter)]
    pub fn rows(&self) -> usize {
        self.store.columns.len()
    }

    /// The counts so far and the top events.
    #[wasm_bindgen(unchecked_return_type = "Json<StoreReport>")]
    pub fn report(&self) -> String {
        let report =
            Report { summary: self.store.summary(), top: self.store.top(), compared: self.store.before.is_some() };
        serde_json::to_string(&report).unwrap_or_default()
    }

    /// Rows `start .. start + count` of those `filter` keeps.
    #[wasm_bindgen(unchecked_return_type = "Json<RowsPage>")]
    pub fn page(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RowFilter")] filter: JsValue,
        start: usize,
        count: usize,
    ) -> Result<String, JsError> {
        let filter: Filter = serde_wasm_bindgen::from_value(filter).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(serde_json::to_string(&self.store.columns.page(&filter, start, count)).unwrap_or_default())
    }

    /// Where row `index`'s record is (or its problem); null past the last row.
    #[wasm_bindgen(unchecked_return_type = "Json<RowPlace | { problem: string } | null>")]
    pub fn place(&self, index: u32) -> String {
        serde_json::to_string(&self.store.columns.place(index)).unwrap_or_default()
    }

    /// Why a record (read again where `place` says) is logged or not, as
    /// `ReplaySession.explain`.
    #[wasm_bindgen(unchecked_return_type = "Json<Explanation | { problem: string }>")]
    pub fn explain(&self, record: &str, #[wasm_bindgen(unchecked_param_type = "Wrapping")] wrapping: u8) -> String {
        self.store.after.explain(record, wrapping)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trailscope_core::model::Selectors;
    use trailscope_core::replay::session::Replay;
    use trailscope_core::replay::session::Row;

    /// A row as a plain struct: the reference the columns are checked against.
    #[derive(Debug, Clone)]
    struct Model {
        source: Option<&'static str>,
        name: Option<&'static str>,
        logged: bool,
        before: bool,
        matched: Vec<usize>,
        problem: Option<&'static str>,
    }

    fn event(source: &'static str, name: &'static str, matched: &[usize], before: bool) -> Model {
        Model {
            source: Some(source),
            name: Some(name),
            logged: !matched.is_empty(),
            before,
            matched: matched.to_vec(),
            problem: None,
        }
    }

    fn problem(message: &'static str) -> Model {
        Model { source: None, name: None, logged: false, before: false, matched: vec![], problem: Some(message) }
    }

    /// Every kind of row: logged or not, before or not, selectors under and past 32, problems.
    fn models() -> Vec<Model> {
        vec![
            event("s3.amazonaws.com", "GetObject", &[0], true),
            event("s3.amazonaws.com", "PutObject", &[0, 1], false),
            event("ec2.amazonaws.com", "RunInstances", &[], true),
            problem("not a valid CloudTrail record: EOF"),
            event("kms.amazonaws.com", "Decrypt", &[], false),
            event("ec2.amazonaws.com", "RunInstances", &[1, 33], true),
            event("iam.amazonaws.com", "ListUsers", &[33], false),
            Model { source: None, name: Some("Orphan"), ..event("-", "-", &[31], true) },
            problem("The input ends inside a record (truncated file?)"),
            event("s3.amazonaws.com", "GetObject", &[], false),
        ]
    }

    fn columns(models: &[Model], compared: bool) -> Columns {
        let mut columns = Columns::new(40, compared);
        columns.begin_file(0);
        for (k, m) in models.iter().enumerate() {
            let offset = 100 * k as u64;
            match m.problem {
                Some(message) => columns.add_problem(offset, k as u64 + 1, 3, message),
                None => {
                    let category = Category::ALL[k % Category::ALL.len()];
                    columns.add_event(
                        m.source,
                        m.name,
                        m.logged,
                        &m.matched,
                        category,
                        offset,
                        50 + k,
                        wrap(k as u8 % 3),
                    );
                    columns.set_before(k as u64, compared && m.before);
                }
            }
        }
        columns
    }

    /// What the filter keeps, by the JS worker's rules written out plainly.
    fn reference(models: &[Model], filter: &Filter, compared: bool) -> Vec<u32> {
        let text = filter.text.trim().to_lowercase();
        let kept = |m: &Model| match m.problem {
            Some(message) => {
                filter.logged == Verdicts::All && filter.selector.is_none() && message.to_lowercase().contains(&text)
            }
            None => {
                let verdict = match filter.logged {
                    Verdicts::All => true,
                    Verdicts::Logged => m.logged,
                    Verdicts::Not => !m.logged,
                    Verdicts::Changed => compared && m.logged != m.before,
                };
                let key = format!("{} {}", m.source.unwrap_or("-"), m.name.unwrap_or("-")).to_lowercase();
                verdict && filter.selector.is_none_or(|s| m.matched.contains(&s)) && key.contains(&text)
            }
        };
        (0..models.len() as u32).filter(|&i| kept(&models[i as usize])).collect()
    }

    fn wrap(code: u8) -> Wrapping {
        Wrapping::from_code(code).unwrap()
    }

    fn indexes(page: &RowsPage<'_>) -> Vec<u32> {
        page.rows.iter().map(|row| row.index() as u32).collect()
    }

    const VERDICTS: [Verdicts; 4] = [Verdicts::All, Verdicts::Logged, Verdicts::Not, Verdicts::Changed];

    #[test]
    fn a_wrong_trail_name_alone_does_not_stop_a_replay() {
        let mut store = VerdictStore::new(r#"{"TrailName": "ab", "EventSelectors": [{}]}"#, None, None).ok().unwrap();
        store.push(br#"{"eventName": "RunInstances", "readOnly": false, "eventCategory": "Management"}"#);
        store.finish();
        assert_eq!(store.rows(), 1);
    }

    #[test]
    fn every_filter_keeps_what_the_rules_say() {
        let models = models();
        for compared in [false, true] {
            let mut columns = columns(&models, compared);
            for logged in VERDICTS {
                for selector in [None, Some(0), Some(1), Some(31), Some(33), Some(39)] {
                    for text in ["", "s3", "  EC2.amazonaws.com RUN ", "- orphan", "truncated", "zzz"] {
                        let filter = Filter { logged, selector, text: text.into() };
                        let expected = reference(&models, &filter, compared);
                        let page = columns.page(&filter, 0, 100);
                        assert_eq!((page.total, indexes(&page)), (expected.len(), expected), "{filter:?} {compared}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_filters_named_cases() {
        let models = models();
        let mut columns = columns(&models, true);
        let mut kept = |logged, selector, text: &str| {
            let page = columns.page(&Filter { logged, selector, text: text.into() }, 0, 100);
            indexes(&page)
        };
        assert_eq!(kept(Verdicts::All, None, ""), (0..10).collect::<Vec<_>>());
        assert_eq!(kept(Verdicts::Logged, None, ""), [0, 1, 5, 6, 7]);
        // Problems are kept only by the unfiltered verdict and selector.
        assert_eq!(kept(Verdicts::Not, None, ""), [2, 4, 9]);
        // Logged now and not before, or the reverse.
        assert_eq!(kept(Verdicts::Changed, None, ""), [1, 2, 6]);
        assert_eq!(kept(Verdicts::All, Some(33), ""), [5, 6]);
        assert_eq!(kept(Verdicts::All, Some(31), ""), [7]);
        assert_eq!(kept(Verdicts::Changed, Some(33), "iam"), [6]);
        assert_eq!(kept(Verdicts::All, None, "GETOBJECT"), [0, 9]);
        assert_eq!(kept(Verdicts::All, None, "record"), [3, 8]);
        assert_eq!(kept(Verdicts::Logged, None, "record"), Vec::<u32>::new());
        // Without a comparison no verdict has changed, and rows carry no `before`.
        let mut plain = self::columns(&models, false);
        let changed = plain.page(&Filter { logged: Verdicts::Changed, ..Filter::default() }, 0, 100);
        assert_eq!(changed.total, 0);
        let all = plain.page(&Filter::default(), 0, 1);
        assert!(all.before.is_empty(), "{:?}", all.before);
    }

    #[test]
    fn rows_read_back_as_added() {
        let models = models();
        let mut columns = columns(&models, true);
        let page = columns.page(&Filter::default(), 0, 100);
        assert_eq!(page.before.len(), models.len());
        for (k, ((row, before), m)) in page.rows.iter().zip(&page.before).zip(&models).enumerate() {
            assert_eq!(row.index(), k as u64);
            match (row, m.problem) {
                (Row::Problem(problem), Some(message)) => {
                    assert_eq!((&*problem.message, problem.line, problem.column), (message, k as u64 + 1, 3));
                    assert_eq!((problem.offset, *before), (100 * k as u64, false));
                }
                (Row::Event(v), None) => {
                    assert_eq!((v.event_source.as_deref(), v.event_name.as_deref()), (m.source, m.name));
                    assert_eq!((v.logged, *before), (m.logged, m.before));
                    assert_eq!(&*v.matched, m.matched);
                    assert_eq!((v.category, v.offset, v.length), (Category::ALL[k % 5], 100 * k as u64, 50 + k as u64));
                    assert_eq!((v.wrapping, v.event_id.as_deref()), (wrap(k as u8 % 3), None));
                }
                (row, _) => panic!("{row:?} for {m:?}"),
            }
        }
        // The JSON is core's Row (what ReplaySession, the CLI and the page read), `before` beside.
        let json = serde_json::to_value(columns.page(&Filter::default(), 6, 2)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"total": 10, "start": 6, "rows": [
                {"index": 6, "offset": 600, "eventID": null, "eventSource": "iam.amazonaws.com", "eventName": "ListUsers",
                 "category": "Data", "logged": true, "matched": [33], "length": 56, "wrapping": 0},
                {"index": 7, "offset": 700, "eventID": null, "eventSource": null, "eventName": "Orphan",
                 "category": "NetworkActivity", "logged": true, "matched": [31], "length": 57, "wrapping": 1},
            ], "before": [false, true]})
        );
        let problem = serde_json::to_value(columns.page(&Filter::default(), 3, 1)).unwrap();
        assert_eq!(
            problem["rows"],
            serde_json::json!([{"index": 3, "offset": 300, "line": 4, "column": 3, "message": "not a valid CloudTrail record: EOF"}])
        );
        for row in columns.page(&Filter::default(), 0, 100).rows {
            let json = serde_json::to_string(&row).unwrap();
            assert_eq!(serde_json::from_str::<Row<'_>>(&json).unwrap(), row);
        }
    }

    #[test]
    fn a_missing_name_is_null_but_filters_as_a_dash() {
        let mut columns = Columns::new(1, false);
        columns.add_event(Some("-"), Some("B"), false, &[], Category::Data, 0, 1, Wrapping::Record);
        columns.add_event(None, Some("B"), false, &[], Category::Data, 1, 1, Wrapping::Record);
        let page = columns.page(&Filter { text: "- b".into(), ..Filter::default() }, 0, 10);
        let sources: Vec<_> = page
            .rows
            .iter()
            .map(|r| match r {
                Row::Event(v) => v.event_source.as_deref(),
                Row::Problem(_) => panic!("{r:?}"),
            })
            .collect();
        assert_eq!(sources, [Some("-"), None]);
    }

    #[test]
    fn pages_stop_at_the_filtered_total() {
        let models = models();
        let mut columns = columns(&models, true);
        let logged = Filter { logged: Verdicts::Logged, ..Filter::default() };
        for (filter, all) in [(Filter::default(), (0..10).collect::<Vec<u32>>()), (logged, vec![0, 1, 5, 6, 7])] {
            for start in 0..=all.len() + 2 {
                for count in [0, 1, 2, 3, all.len(), usize::MAX] {
                    let page = columns.page(&filter, start, count);
                    let expected: Vec<u32> = all.iter().copied().skip(start).take(count).collect();
                    assert_eq!((page.total, page.start, indexes(&page)), (all.len(), start, expected));
                }
            }
        }
    }

    #[test]
    fn an_empty_store_pages_nothing() {
        let mut columns = Columns::new(1, true);
        for logged in VERDICTS {
            for selector in [None, Some(0), Some(40)] {
                let page = columns.page(&Filter { logged, selector, text: "x".into() }, 0, 20);
                assert_eq!((page.total, page.rows.len()), (0, 0));
            }
        }
        let page = columns.page(&Filter::default(), 5, 20);
        assert_eq!((page.total, page.start, page.rows.len()), (0, 5, 0));
        assert_eq!(columns.len(), 0);
        assert_eq!(columns.place(0), None);
    }

    #[test]
    fn a_cached_filter_sees_rows_added_later() {
        let mut columns = Columns::new(1, false);
        let logged = Filter { logged: Verdicts::Logged, ..Filter::default() };
        columns.add_event(Some("a"), Some("B"), true, &[0], Category::Data, 0, 1, wrap(0));
        assert_eq!(columns.page(&logged, 0, 10).total, 1);
        columns.add_event(Some("a"), Some("B"), false, &[], Category::Data, 1, 1, wrap(0));
        columns.add_event(Some("a"), Some("C"), true, &[0], Category::Data, 2, 1, wrap(0));
        assert_eq!(indexes(&columns.page(&logged, 0, 10)), [0, 2]);
        // A before bit set after a page was asked for counts too.
        let mut compared = Columns::new(1, true);
        compared.add_event(Some("a"), Some("B"), true, &[0], Category::Data, 0, 1, wrap(0));
        let changed = Filter { logged: Verdicts::Changed, ..Filter::default() };
        assert_eq!(compared.page(&changed, 0, 10).total, 1);
        compared.set_before(0, true);
        assert_eq!(compared.page(&changed, 0, 10).total, 0);
    }

    #[test]
    fn columns_read_back_across_blocks() {
        let mut column = Column::default();
        let n = 2 * BLOCK + 3;
        for i in 0..n as u64 {
            column.push(i * 3);
        }
        assert_eq!(column.blocks.iter().map(Vec::capacity).skip(1).collect::<Vec<_>>(), [BLOCK, BLOCK]);
        for i in [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, n - 1] {
            assert_eq!(column.get(i), Some(i as u64 * 3));
        }
        assert_eq!(column.get(n), None);
        *column.get_mut(BLOCK).unwrap() = 7;
        assert_eq!(column.iter().nth(BLOCK), Some(7));
        assert_eq!(column.iter().count(), n);
        // Rows past the first block filter and page as the first ones do.
        let mut columns = Columns::new(1, false);
        for i in 0..n {
            columns.add_event(
                Some("s"),
                Some(if i % 2 == 0 { "Even" } else { "Odd" }),
                i % 3 == 0,
                &[],
                Category::Data,
                i as u64,
                1,
                Wrapping::Record,
            );
        }
        let odd = Filter { text: "odd".into(), ..Filter::default() };
        let page = columns.page(&odd, BLOCK / 2 - 1, 3);
        assert_eq!((page.total, indexes(&page)), (n / 2, vec![BLOCK as u32 - 1, BLOCK as u32 + 1, BLOCK as u32 + 3]));
        assert_eq!(indexes(&columns.page(&Filter::default(), n - 1, 5)), [n as u32 - 1]);
    }

    #[test]
    fn places_count_from_their_source() {
        let mut columns = Columns::new(1, false);
        columns.begin_file(0);
        columns.add_event(Some("a"), Some("B"), true, &[0], Category::Data, 10, 20, wrap(0));
        columns.add_event(Some("a"), Some("B"), true, &[0], Category::Data, 40, 25, wrap(1));
        columns.begin_file(100);
        columns.add_problem(100, 1, 1, "broken");
        columns.add_event(Some("a"), Some("B"), true, &[0], Category::Data, 130, 7, wrap(2));
        assert_eq!(
            columns.place(1),
            Some(Place::Record { file: 0, offset: 40, length: 25, wrapping: Wrapping::LookupEvent, row: 1 })
        );
        assert_eq!(columns.place(2), Some(Place::Problem { problem: "broken" }));
        assert_eq!(
            columns.place(3),
            Some(Place::Record { file: 1, offset: 30, length: 7, wrapping: Wrapping::EventBridge, row: 1 })
        );
        assert_eq!(columns.place(4), None);
    }

    #[test]
    fn an_event_source_with_a_space_reads_back_whole() {
        let mut columns = Columns::new(1, false);
        columns.add_event(Some("odd source"), None, false, &[], Category::Data, 0, 1, wrap(0));
        let page = columns.page(&Filter::default(), 0, 1);
        let Row::Event(verdict) = &page.rows[0] else { panic!("{:?}", page.rows) };
        assert_eq!((verdict.event_source.as_deref(), verdict.event_name.as_deref()), (Some("odd source"), None));
    }

    fn session(selectors: &str) -> ReplaySession {
        ReplaySession { replay: Replay::new(serde_json::from_str::<Selectors>(selectors).unwrap()) }
    }

    #[test]
    fn a_store_replays_both_selectors_into_one_row_each() {
        let write_only = r#"{"EventSelectors": [{"ReadWriteType": "WriteOnly"}]}"#;
        let log = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/events/seed-examples.json")).unwrap();
        let mut store = Store::new(session(write_only), Some(session(r#"{"EventSelectors": [{}]}"#)));
        store.begin_file();
        for chunk in log.chunks(333) {
            store.push(chunk);
        }
        store.finish();
        store.begin_file();
        store.push(b"{\"eventName\": 3}\n{\"eventSource\": \"ec2.amazonaws.com\", \"eventName\": \"RunInstances\", \"readOnly\": false, \"eventCategory\": \"Management\"}\n");
        store.finish();
        let columns = &mut store.columns;
        assert_eq!(columns.len(), 12);
        // The default trail logged the 4 management events; write-only keeps 2 of them.
        let changed = columns.page(&Filter { logged: Verdicts::Changed, ..Filter::default() }, 0, 20);
        assert_eq!(changed.total, 2);
        assert!(changed.rows.iter().all(|r| matches!(r, Row::Event(v) if !v.logged)), "{:?}", changed.rows);
        assert_eq!(changed.before, [true, true]);
        assert!(matches!(columns.place(10), Some(Place::Problem { .. })));
        assert!(matches!(columns.place(11), Some(Place::Record { file: 1, offset: 17, row: 1, .. })));
        let summary = store.summary();
        assert_eq!((summary.totals.events, summary.totals.logged, summary.totals.problems), (11, 3, 1));
        let top = store.top();
        assert_eq!(top, summary.top(TOP_EVENTS));
        assert_eq!((top[1].name, top[1].events, top[1].logged), ("ec2.amazonaws.com RunInstances", 2, 2));
    }
}
