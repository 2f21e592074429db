//! The replay's model: what the worker reports, the filter the table asks with, and the panel's
//! state as a reducer of both. Pure Rust (no DOM, no worker), so it is tested natively.

use serde::Deserialize;
use std::rc::Rc;
use trailscope_core::model::Selectors;
use trailscope_core::replay::explain::Explanation;
use trailscope_core::replay::session::{self, Totals};
use yew::Reducible;

/// One of the most frequent eventSource/eventName pairs, as core's `Summary::top` ranks them
/// (the CLI's summary lists the same order).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct TopEvent {
    pub name: String,
    pub events: u64,
    pub logged: u64,
}

/// Where a replay is: sent with `progress`, `done` and `cancelled`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Progress {
    #[serde(default)]
    pub bytes: u64,
    /// The sources' size, when known before reading them (not for gzip or synthetic logs).
    #[serde(default)]
    pub total: Option<u64>,
    /// The counts so far (the summary's totals; its other members are not read).
    #[serde(default)]
    pub summary: Option<Totals>,
    #[serde(default)]
    pub top: Vec<TopEvent>,
    /// The before/after comparison is on.
    #[serde(default)]
    pub compared: bool,
}

/// A window of result rows: the filtered total, where the window starts, its rows (core's
/// `Row`, the one `ReplaySession` gives the worker; the worker's store keeps no eventID, the
/// table does not show it) and, when comparing, whether each was logged before.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct RowsWindow {
    pub total: usize,
    pub start: usize,
    pub rows: Vec<session::Row<'static>>,
    #[serde(default)]
    pub before: Vec<bool>,
}

impl RowsWindow {
    /// The rows with their verdict before, if compared.
    pub fn rows(self) -> Vec<Row> {
        let before = self.before.into_iter().map(Some).chain(std::iter::repeat(None));
        self.rows.into_iter().zip(before).map(|(row, before)| Row { row, before }).collect()
    }
}

/// A row of the table: core's row, and, when comparing, the verdict before.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub row: session::Row<'static>,
    pub before: Option<bool>,
}

/// The clicked row: its record as read from its source, and why it is (not) logged (core's
/// explanation), or why it could not be judged.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Selected {
    pub index: usize,
    #[serde(default)]
    pub record: Option<String>,
    #[serde(default)]
    pub explanation: Option<Explanation>,
    #[serde(default)]
    pub problem: Option<String>,
}

/// A message from the worker (www/worker/replay-worker.js), by its `type`.
#[derive(Debug, Clone, PartialEq)]
pub enum FromWorker {
    Progress(Progress),
    Done(Progress),
    Cancelled(Progress),
    Error { message: String },
    Rows(RowsWindow),
    Explanation(Selected),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub enum Status {
    #[default]
    Idle,
    Running,
    Done,
    Cancelled,
    Failed(String),
}

impl Status {
    /// A replay's events are held (the table shows them, and new selectors re-run them).
    pub fn holds_events(&self) -> bool {
        !matches!(self, Status::Idle | Status::Failed(_))
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplayState {
    pub status: Status,
    pub bytes: u64,
    pub total: Option<u64>,
    /// How many events the source holds, when known before reading it.
    pub expected: Option<u64>,
    pub counts: Totals,
    pub top: Vec<TopEvent>,
    pub compared: bool,
    /// What is replayed, for people ("seed examples (10 events)", file names…).
    pub source: String,
    /// The rows shown: the filtered total and a window of it.
    pub row_total: usize,
    pub row_start: usize,
    pub rows: Vec<Row>,
    pub selected: Option<Selected>,
}

/// What changes the replay panel's state.
#[derive(Debug, Clone, PartialEq)]
pub enum ReplayAction {
    /// The worker reported.
    Worker(FromWorker),
    /// A new replay of `source` (of `expected` events, when known) was sent: everything before
    /// it is forgotten.
    Start { source: String, expected: Option<u64> },
    /// The same events are replayed through new selectors (or with the comparison switched).
    Rerun,
    /// The worker could not be started.
    Failed(String),
}

impl Reducible for ReplayState {
    type Action = ReplayAction;

    fn reduce(self: Rc<Self>, action: ReplayAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ReplayAction::Start { source, expected } => {
                next = ReplayState { status: Status::Running, source, expected, ..ReplayState::default() };
            }
            ReplayAction::Rerun => {
                next.status = Status::Running;
                next.selected = None;
            }
            ReplayAction::Failed(message) => {
                next = ReplayState { status: Status::Failed(message), ..ReplayState::default() }
            }
            ReplayAction::Worker(message) => match message {
                FromWorker::Progress(p) => next.progressed(p, Status::Running),
                FromWorker::Done(p) => next.progressed(p, Status::Done),
                FromWorker::Cancelled(p) => next.progressed(p, Status::Cancelled),
                FromWorker::Error { message } => next.status = Status::Failed(message),
                FromWorker::Rows(window) => {
                    (next.row_total, next.row_start, next.rows) = (window.total, window.start, window.rows())
                }
                FromWorker::Explanation(selected) => next.selected = Some(selected),
            },
        }
        Rc::new(next)
    }
}

impl ReplayState {
    fn progressed(&mut self, progress: Progress, status: Status) {
        (self.bytes, self.total, self.compared, self.status) =
            (progress.bytes, progress.total, progress.compared, status);
        if let Some(counts) = progress.summary {
            (self.counts, self.top) = (counts, progress.top);
        }
    }
}

/// What the table and counts call each selector: its `Name` where it has one (advanced
/// selectors), else its index.
pub fn selector_names(selectors: Option<&Selectors>) -> Vec<String> {
    let named: Vec<Option<&str>> = match selectors {
        Some(Selectors::Advanced(list)) => list.iter().map(|s| s.name.as_deref()).collect(),
        Some(Selectors::Basic(list)) => vec![None; list.len()],
        None => Vec::new(),
    };
    named.iter().enumerate().map(|(i, name)| name.map_or_else(|| i.to_string(), |n| format!("{i} {n}"))).collect()
}

/// The name of selector `index` in `names`, or its index when unnamed or unknown.
pub fn selector_name(names: &[String], index: usize) -> String {
    names.get(index).cloned().unwrap_or_else(|| index.to_string())
}

/// The table's filter is core's, sent to the worker as is.
pub use trailscope_core::replay::filter::{RowFilter as Filter, Verdicts};

/// The words the table's first select shows for each choice.
pub fn verdicts_label(verdicts: Verdicts) -> &'static str {
    match verdicts {
        Verdicts::All => "all events",
        Verdicts::Logged => "logged",
        Verdicts::Not => "not logged",
        Verdicts::Changed => "verdict changed",
    }
}

/// The selector select's value for `selector` ("-1" for any).
pub fn selector_value(selector: Option<usize>) -> String {
    selector.map_or_else(|| "-1".into(), |i| i.to_string())
}

/// The selector a select value names: any for "-1" or anything else not an index.
pub fn parse_selector(value: &str) -> Option<usize> {
    value.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: ReplayState, actions: impl IntoIterator<Item = ReplayAction>) -> ReplayState {
        let mut state = Rc::new(state);
        for action in actions {
            state = state.reduce(action);
        }
        (*state).clone()
    }

    fn counts(events: u64, logged: u64) -> Totals {
        Totals { events, logged, not_logged: events - logged, ..Totals::default() }
    }

    fn progress(bytes: u64, events: u64) -> Progress {
        Progress {
            bytes,
            total: Some(1000),
            summary: Some(counts(events, events / 2)),
            top: vec![TopEvent { name: "s3 GetObject".into(), events, logged: events / 2 }],
            compared: false,
        }
    }

    fn start() -> ReplayAction {
        ReplayAction::Start { source: "seed examples".into(), expected: Some(10) }
    }

    #[test]
    fn progress_then_done() {
        let running =
            reduce(ReplayState::default(), [start(), ReplayAction::Worker(FromWorker::Progress(progress(10, 4)))]);
        assert_eq!(running.status, Status::Running);
        assert_eq!(
            (running.bytes, running.total, running.expected, running.counts.events),
            (10, Some(1000), Some(10), 4)
        );
        assert_eq!(running.source, "seed examples");
        let done = reduce(running, [ReplayAction::Worker(FromWorker::Done(progress(1000, 10)))]);
        assert_eq!(done.status, Status::Done);
        assert_eq!((done.bytes, done.counts.events, done.counts.logged), (1000, 10, 5));
        assert_eq!(done.top[0].events, 10);
        assert!(done.status.holds_events());
    }

    #[test]
    fn a_report_without_a_summary_keeps_the_counts() {
        let state =
            reduce(ReplayState::default(), [start(), ReplayAction::Worker(FromWorker::Progress(progress(10, 4)))]);
        let bare = Progress { bytes: 20, ..Progress::default() };
        let next = reduce(state, [ReplayAction::Worker(FromWorker::Progress(bare))]);
        assert_eq!((next.bytes, next.counts.events, next.top.len()), (20, 4, 1));
    }

    #[test]
    fn cancel_keeps_what_was_counted() {
        let cancelled = reduce(
            ReplayState::default(),
            [
                start(),
                ReplayAction::Worker(FromWorker::Progress(progress(10, 4))),
                ReplayAction::Worker(FromWorker::Cancelled(progress(20, 6))),
            ],
        );
        assert_eq!(cancelled.status, Status::Cancelled);
        assert_eq!((cancelled.bytes, cancelled.counts.events), (20, 6));
        assert!(cancelled.status.holds_events());
    }

    #[test]
    fn errors_and_a_missing_worker_fail_the_replay() {
        let failed = reduce(
            ReplayState::default(),
            [start(), ReplayAction::Worker(FromWorker::Error { message: "bad selectors".into() })],
        );
        assert_eq!(failed.status, Status::Failed("bad selectors".into()));
        assert!(!failed.status.holds_events());
        let no_worker = reduce(failed, [ReplayAction::Failed("no worker".into())]);
        assert_eq!(no_worker, ReplayState { status: Status::Failed("no worker".into()), ..ReplayState::default() });
    }

    #[test]
    fn explanation_is_selected_and_cleared_by_a_rerun() {
        let selected = Selected { index: 3, record: None, explanation: None, problem: Some("not JSON".into()) };
        let state = reduce(
            ReplayState::default(),
            [
                start(),
                ReplayAction::Worker(FromWorker::Done(progress(1000, 10))),
                ReplayAction::Worker(FromWorker::Explanation(selected.clone())),
            ],
        );
        assert_eq!(state.selected, Some(selected));
        let rerun = reduce(state, [ReplayAction::Rerun]);
        assert_eq!((rerun.status, rerun.selected, rerun.counts.events), (Status::Running, None, 10));
    }

    #[test]
    fn rows_window_replaces_the_rows_and_a_start_forgets_them() {
        let row = |index: u64| {
            // What the worker's store sends for a verdict (no eventID: it keeps none).
            let sent = serde_json::json!({
                "index": index, "offset": 0, "eventSource": "s3.amazonaws.com", "eventName": "GetObject",
                "category": "Data", "logged": true, "matched": [0], "length": 2, "wrapping": 0,
            });
            serde_json::from_value::<session::Row>(sent).unwrap()
        };
        let window = RowsWindow { total: 100, start: 20, rows: vec![row(20), row(21)], before: vec![true, false] };
        let state = reduce(ReplayState::default(), [start(), ReplayAction::Worker(FromWorker::Rows(window))]);
        assert_eq!((state.row_total, state.row_start, state.rows.len()), (100, 20, 2));
        assert_eq!((state.rows[0].before, state.rows[1].before), (Some(true), Some(false)));
        let smaller = RowsWindow { total: 1, start: 0, rows: vec![row(7)], before: vec![] };
        let state = reduce(state, [ReplayAction::Worker(FromWorker::Rows(smaller))]);
        assert_eq!(
            (state.row_total, state.row_start, state.rows[0].row.index(), state.rows[0].before),
            (1, 0, 7, None)
        );
        let restarted = reduce(state, [start()]);
        assert_eq!((restarted.row_total, restarted.rows.len(), restarted.status), (0, 0, Status::Running));
    }

    #[test]
    fn rows_and_explanations_are_read_as_core_wrote_them() {
        use trailscope_core::model::Selectors;
        use trailscope_core::replay::session::{Problem, Replay};
        use trailscope_core::replay::stream::Wrapping;
        let problem = Problem { index: 4, offset: 9, line: 1, column: 10, message: "bad".into() };
        let row = session::Row::Problem(problem);
        let sent = serde_json::to_string(&row).unwrap();
        assert_eq!(serde_json::from_str::<session::Row>(&sent).unwrap(), row);
        let replay = Replay::new(Selectors::default());
        let record = br#"{"eventSource": "s3.amazonaws.com", "eventName": "ListBuckets", "readOnly": true}"#;
        let explanation = replay.explain(record, Wrapping::Record).unwrap();
        let sent = serde_json::json!({"type": "explanation", "index": 2, "record": "{}", "explanation": explanation});
        let selected: Selected = serde_json::from_value(sent).unwrap();
        // `category_derivation` stays on the Rust side (the JSON shape leaves it out).
        let explanation = Explanation { category_derivation: None, ..explanation };
        assert_eq!(selected.explanation, Some(explanation));
    }

    #[test]
    fn selectors_are_called_by_their_name_where_they_have_one() {
        let advanced: Selectors = serde_json::from_str(
            r#"{"AdvancedEventSelectors": [{"Name": "writes", "FieldSelectors": []}, {"FieldSelectors": []}]}"#,
        )
        .unwrap();
        let names = selector_names(Some(&advanced));
        assert_eq!(names, ["0 writes", "1"]);
        assert_eq!((selector_name(&names, 0), selector_name(&names, 7)), ("0 writes".into(), "7".into()));
        assert_eq!(selector_names(Some(&Selectors::default())), ["0"]);
    }

    #[test]
    fn the_filter_goes_to_the_worker_as_names_and_an_optional_index() {
        let all = serde_json::to_value(Filter::default()).unwrap();
        assert_eq!(all, serde_json::json!({"logged": "all", "selector": null, "text": ""}));
        let narrow = Filter { logged: Verdicts::Changed, selector: Some(2), text: "s3".into() };
        assert_eq!(
            serde_json::to_value(narrow).unwrap(),
            serde_json::json!({"logged": "changed", "selector": 2, "text": "s3"})
        );
    }

    #[test]
    fn filter_selects_read_back_what_they_show() {
        for verdicts in Verdicts::ALL {
            assert_eq!(Verdicts::parse(verdicts.as_str()), Some(verdicts));
            assert_eq!(serde_json::to_value(verdicts).unwrap(), verdicts.as_str());
        }
        assert_eq!(Verdicts::parse("maybe"), None);
        for selector in [None, Some(0), Some(31), Some(32)] {
            assert_eq!(parse_selector(&selector_value(selector)), selector);
        }
        assert_eq!(selector_value(None), "-1");
        assert_eq!(parse_selector(""), None);
    }
}
