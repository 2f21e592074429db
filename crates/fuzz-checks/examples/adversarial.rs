//! Hand-written worst cases near the 4 MiB input limit (deep nesting, many keys, long strings,
//! many values, diagnostics on one line), timed natively: the whole validation as the page runs
//! it (`report`, with UTF-16 offsets), with and without a context, and the CLI's text rendering.
//! Issue 14: no input under the limit takes more than 1 s to validate.
//!
//!   cargo run --release -p trailscope-fuzz-checks --example adversarial [-- OPTIONS]
//!
//! Exits non-zero when one takes longer than the budget. Options: `--only WORD` runs the inputs
//! whose name has WORD; `--bytes N` makes them about N bytes (to see how time grows);
//! `--write DIR` also writes each input to DIR (to seed the fuzzers or keep one).

use std::time::{Duration, Instant};
use trailscope_core::context::DEFAULT_CONTEXT_JSON;
use trailscope_core::limits::MAX_INPUT_BYTES;
use trailscope_core::report::{report, Offsets};
use trailscope_core::{put_event_selectors, render};

const BUDGET: Duration = Duration::from_secs(1);

/// `item` repeated (joined by `sep`) as often as fits in `room` bytes.
fn fill(room: usize, sep: &str, item: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    for i in 0.. {
        let next = item(i);
        if out.len() + next.len() + sep.len() > room {
            break;
        }
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(&next);
    }
    out
}

fn advanced(fields: &str) -> String {
    format!(r#"{{"TrailName":"t","AdvancedEventSelectors":[{{"FieldSelectors":[{fields}]}}]}}"#)
}

fn inputs(room: usize) -> Vec<(&'static str, String)> {
    let category =
        r#"{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]}"#;
    vec![
        ("deep arrays", "[".repeat(room)),
        ("deep objects", r#"{"a":"#.repeat(room / 5)),
        (
            "deep, 63 levels, many times",
            format!(r#"{{"TrailName":[{}]}}"#, fill(room, ",", |_| format!("{}{}", "[".repeat(62), "]".repeat(62)))),
        ),
        ("whitespace", format!("{}{{}}", " ".repeat(room))),
        ("one long number", format!(r#"{{"TrailName":{}}}"#, "1".repeat(room))),
        ("one long trail name", format!(r#"{{"TrailName":"{}","EventSelectors":[]}}"#, "a".repeat(room))),
        ("one long key", format!(r#"{{"{}":1}}"#, "TrailNam".repeat(room / 8))),
        (
            "long misspelt ReadWriteType",
            format!(r#"{{"TrailName":"t","EventSelectors":[{{"ReadWriteType":"{}"}}]}}"#, "Al".repeat(room / 2)),
        ),
        ("escapes", format!(r#"{{"TrailName":"{}"}}"#, "\\u00e9".repeat(room / 6))),
        ("non-ASCII", format!(r#"{{"TrailName":"{}"}}"#, "\u{e9}\u{1F600}".repeat(room / 6))),
        ("many unknown keys", format!("{{{}}}", fill(room, ",", |i| format!(r#""k{i}":1"#)))),
        ("many misspelt keys", format!("{{{}}}", fill(room, ",", |_| r#""TrailNme":"t""#.to_string()))),
        ("many duplicate keys", format!("{{{}}}", fill(room, ",", |_| r#""TrailName":"t""#.to_string()))),
        (
            "many distinct values",
            advanced(&format!(
                r#"{category},{{"Field":"eventName","Equals":[{}]}}"#,
                fill(room, ",", |i| format!(r#""e{i}""#))
            )),
        ),
        (
            "many duplicate values",
            advanced(&format!(
                r#"{category},{{"Field":"eventName","Equals":[{}]}}"#,
                fill(room, ",", |_| r#""e""#.to_string())
            )),
        ),
        (
            "many invalid ARN values",
            advanced(&format!(
                r#"{category},{{"Field":"resources.ARN","StartsWith":[{}]}}"#,
                fill(room, ",", |i| format!(r#""x{i}""#))
            )),
        ),
        (
            "many field selectors",
            advanced(&format!(
                "{category},{}",
                fill(room, ",", |i| format!(r#"{{"Field":"eventName","Equals":["e{i}"]}}"#))
            )),
        ),
        (
            "many members in a field selector",
            advanced(&format!(
                r#"{category},{{"Field":"eventName",{},"Equals":["a"]}}"#,
                fill(room, ",", |i| format!(r#""k{i}":1"#))
            )),
        ),
        (
            "many operator keys",
            advanced(&format!(
                r#"{category},{{"Field":"eventName",{}}}"#,
                fill(room, ",", |i| format!(r#""{}":["a"]"#, ["Equals", "NotEquals", "StartsWith"][i % 3]))
            )),
        ),
        (
            "many invalid resource types",
            advanced(&format!(
                r#"{{"Field":"eventCategory","Equals":["Data"]}},{{"Field":"resources.type","Equals":[{}]}}"#,
                fill(room, ",", |i| format!(r#""AWS::S3::Objec{}""#, i % 10))
            )),
        ),
        (
            "many unknown fields",
            advanced(&format!("{category},{}", fill(room, ",", |i| format!(r#"{{"Field":"f{i}","Equals":["e"]}}"#)))),
        ),
        (
            "many advanced selectors",
            format!(
                r#"{{"TrailName":"t","AdvancedEventSelectors":[{}]}}"#,
                fill(room, ",", |i| format!(
                    r#"{{"Name":"s{i}","FieldSelectors":[{{"Field":"eventCategory","Equals":["Management"]}}]}}"#
                ))
            ),
        ),
        (
            "many basic selectors",
            format!(
                r#"{{"TrailName":"t","EventSelectors":[{}]}}"#,
                fill(room, ",", |_| r#"{"ReadWriteType":"All","IncludeManagementEvents":true}"#.to_string())
            ),
        ),
        (
            "many data resources",
            format!(
                r#"{{"TrailName":"t","EventSelectors":[{{"DataResources":[{}]}}]}}"#,
                fill(room, ",", |i| format!(r#"{{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::b{i}/"]}}"#))
            ),
        ),
        (
            "many bad data values",
            format!(
                r#"{{"TrailName":"t","EventSelectors":[{{"DataResources":[{{"Type":"AWS::S3::Object","Values":[{}]}}]}}]}}"#,
                fill(room, ",", |i| format!(r#""arn:aws:s3:::b{i}""#))
            ),
        ),
        (
            "many excluded sources",
            format!(
                r#"{{"TrailName":"t","EventSelectors":[{{"ExcludeManagementEventSources":[{}]}}]}}"#,
                fill(room, ",", |i| format!(r#""kms.amazonaws.co{i}""#))
            ),
        ),
        ("many type errors", format!("[{}]", fill(room, ",", |_| "1".to_string()))),
        (
            "many lines of errors",
            format!(
                r#"{{"TrailName":"t","EventSelectors":[{}]}}"#,
                fill(room, ",\n", |_| r#"{"ReadWriteType":"Al"}"#.to_string())
            ),
        ),
    ]
}

/// The fastest of three runs (the machine is shared: the slowest says more about the neighbours),
/// and the value.
fn timed<T>(f: impl Fn() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut value = None;
    for _ in 0..3 {
        let start = Instant::now();
        let v = f();
        best = best.min(start.elapsed());
        value = Some(v);
    }
    (best, value.unwrap())
}

fn main() {
    let option = |name: &str| std::env::args().skip_while(|a| a != name).nth(1);
    let write = option("--write");
    let only = option("--only").unwrap_or_default();
    let room = option("--bytes").and_then(|n| n.parse().ok()).unwrap_or(MAX_INPUT_BYTES).min(MAX_INPUT_BYTES) - 1000;
    let mut slow = Vec::new();
    println!(
        "{:<30} {:>9} {:>11} {:>10} {:>10} {:>10} {:>10}",
        "input", "KiB", "diagnostics", "validate", "+context", "report", "render"
    );
    for (name, text) in inputs(room).into_iter().filter(|(name, _)| name.contains(&only)) {
        assert!(text.len() <= MAX_INPUT_BYTES, "{name} is over the limit");
        if let Some(dir) = &write {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(format!("{dir}/{}.json", name.replace([' ', ','], "-")), &text).unwrap();
        }
        let (bare, evaluation) = timed(|| put_event_selectors(&text, None));
        let (with_context, _) = timed(|| report(&text, Some(DEFAULT_CONTEXT_JSON), Offsets::Bytes));
        let (page, _) = timed(|| report(&text, None, Offsets::BytesAndUtf16));
        let (rendered, _) = timed(|| render::render(&text, "request.json", &evaluation.diagnostics));
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1e3);
        println!(
            "{name:<30} {:>9} {:>11} {:>10} {:>10} {:>10} {:>10}",
            text.len() >> 10,
            evaluation.diagnostics.len(),
            ms(bare),
            ms(with_context),
            ms(page),
            ms(rendered)
        );
        let over = [bare, with_context, page, rendered].iter().any(|d| *d > BUDGET);
        if over {
            slow.push(name);
        }
    }
    if !slow.is_empty() {
        eprintln!("over the {BUDGET:?} budget: {slow:?}");
        std::process::exit(1);
    }
}
