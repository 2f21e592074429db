//! `trailscope replay`: events through a request's selectors, streamed in constant memory.

use crate::files::{display_name, load_request, open_events, LoadedRequest};
use crate::validate::{json_line, json_output, text_output};
use crate::EXIT_USAGE;
use serde::Serialize;
use std::io::{BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use trailscope_core::replay::session::{percent, Item, Problem, Replay, Summary, Verdict};
use trailscope_core::service::Outcome;

#[derive(Clone, Copy, clap::ValueEnum, Default, PartialEq, Eq)]
pub enum ReplayFormat {
    #[default]
    Text,
    Jsonl,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// The selectors: a PutEventSelectors request (or get-event-selectors output, or a bare
    /// selector array), validated first.
    #[arg(long)]
    selectors: PathBuf,
    /// An account context, as for `validate`.
    #[arg(long)]
    context: Option<PathBuf>,
    /// Event files (or - for stdin): log files, .json.gz, JSON Lines, lookup-events output,
    /// EventBridge events; the form is told from the content.
    #[arg(long, num_args = 1.., required = true)]
    events: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    format: ReplayFormat,
    /// Print only the counts.
    #[arg(long)]
    summary: bool,
}

pub fn run(args: &Args) -> ExitCode {
    match execute(args) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("trailscope: {message}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// One line of `--format jsonl` (and one element of `--format json`'s "events"): core's row,
/// the one the npm package and the page read, with the one-line reason.
#[derive(Serialize)]
struct EventLine<'a> {
    #[serde(flatten)]
    verdict: &'a Verdict<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

/// A record that could not be judged: core's problem row, with the file it is in.
#[derive(Serialize)]
struct ProblemLine<'a> {
    #[serde(flatten)]
    problem: &'a Problem,
    file: &'a str,
}

fn execute(args: &Args) -> Result<u8, String> {
    let loaded = load_request(&args.selectors, args.context.as_ref())?;
    let selectors = match &loaded.evaluation.outcome {
        Outcome::Response(response) => response.selectors.clone(),
        Outcome::Error(_) => return print_invalid(loaded, args.format),
    };
    let replay = Replay::new(selectors);
    let mut replay = if args.summary { replay } else { replay.with_explanations() };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut writer = Writer { format: args.format, summary_only: args.summary, first: true, error: None };
    writer.start(&mut out);
    for path in &args.events {
        let name = display_name(path);
        let mut input = open_events(path)?;
        let mut buffer = vec![0; 1 << 16];
        loop {
            let n = input.read(&mut buffer).map_err(|e| format!("cannot read {name}: {e}"))?;
            if n == 0 {
                break;
            }
            replay.push(&buffer[..n], &mut |item| writer.item(&mut out, &name, item));
        }
        replay.finish(&mut |item| writer.item(&mut out, &name, item));
    }
    writer.end(&mut out, replay.summary());
    out.flush().map_err(|e| format!("cannot write output: {e}"))?;
    writer.error.map_or(Ok(0), Err)
}

/// Selectors that would be rejected: their diagnostics as `validate` prints them, in the
/// requested format (README, "Replay events"), so a JSON consumer still gets JSON. JSON Lines
/// get the report on a single line. Exit code 1, as for `validate`.
fn print_invalid(loaded: LoadedRequest, format: ReplayFormat) -> Result<u8, String> {
    let LoadedRequest { source, name, evaluation, .. } = loaded;
    let output = match format {
        ReplayFormat::Text => text_output(&source, &name, &evaluation),
        ReplayFormat::Json => json_output(&source, evaluation),
        ReplayFormat::Jsonl => json_line(&source, evaluation),
    };
    std::io::stdout().write_all(output.as_bytes()).map_err(|e| format!("cannot write output: {e}"))?;
    Ok(1)
}

struct Writer {
    format: ReplayFormat,
    summary_only: bool,
    first: bool,
    error: Option<String>,
}

impl Writer {
    fn write(&mut self, out: &mut impl Write, text: &str) {
        if self.error.is_none() {
            if let Err(e) = out.write_all(text.as_bytes()) {
                self.error = Some(format!("cannot write output: {e}"));
            }
        }
    }

    fn start(&mut self, out: &mut impl Write) {
        if self.format == ReplayFormat::Json && !self.summary_only {
            self.write(out, "{\"events\": [\n");
        }
    }

    fn item(&mut self, out: &mut impl Write, file: &str, item: Item<'_>) {
        if self.summary_only {
            return;
        }
        let line = match item {
            Item::Event { verdict, explanation, .. } => self.event(&verdict, explanation.map(|x| x.summary())),
            Item::Problem(problem) => self.problem(file, &problem),
        };
        let separator = if self.format == ReplayFormat::Json && !self.first { ",\n" } else { "" };
        self.first = false;
        self.write(out, &format!("{separator}{line}"));
        if self.format != ReplayFormat::Json {
            self.write(out, "\n");
        }
    }

    fn event(&self, v: &Verdict<'_>, reason: Option<String>) -> String {
        match self.format {
            ReplayFormat::Text => {
                let matched = if v.matched.is_empty() { "-".to_string() } else { format!("{:?}", v.matched) };
                format!(
                    "{:>7}  {:<10}  {:<8}  {} {}  {}",
                    v.index,
                    if v.logged { "logged" } else { "not logged" },
                    matched,
                    v.event_source.as_deref().unwrap_or("-"),
                    v.event_name.as_deref().unwrap_or("-"),
                    reason.unwrap_or_default()
                )
            }
            _ => serde_json::to_string(&EventLine { verdict: v, reason }).unwrap_or_default(),
        }
    }

    fn problem(&self, file: &str, p: &Problem) -> String {
        match self.format {
            ReplayFormat::Text => format!("{:>7}  problem     {file}: byte {}: {}", p.index, p.offset, p.message),
            _ => serde_json::to_string(&ProblemLine { problem: p, file }).unwrap_or_default(),
        }
    }

    /// Text always ends with the counts; JSON Lines carries only events unless `--summary`.
    fn end(&mut self, out: &mut impl Write, summary: &Summary) {
        let json = serde_json::to_string(summary).unwrap_or_default();
        let text = match (self.format, self.summary_only) {
            (ReplayFormat::Text, _) => summary_text(summary),
            (ReplayFormat::Json, false) => format!("\n], \"summary\": {json}}}\n"),
            (_, true) => format!("{json}\n"),
            (ReplayFormat::Jsonl, false) => String::new(),
        };
        self.write(out, &text);
    }
}

fn summary_text(summary: &Summary) -> String {
    let s = &summary.totals;
    let mut text = format!(
        "\nevents: {}  logged: {} ({})  not logged: {}  problems: {}\ndata events: {} ({} of events), {} logged\n",
        s.events,
        s.logged,
        percent(s.logged, s.events),
        s.not_logged,
        s.problems,
        s.data_events,
        percent(s.data_events, s.events),
        s.data_events_logged
    );
    for (i, count) in s.by_selector.iter().enumerate() {
        text.push_str(&format!("selector {i}: matched {count}\n"));
    }
    text.push_str("top eventSource eventName (events, logged):\n");
    for top in summary.top(trailscope_core::replay::session::TOP_EVENTS) {
        text.push_str(&format!("  {}: {} {}\n", top.name, top.events, top.logged));
    }
    text
}
