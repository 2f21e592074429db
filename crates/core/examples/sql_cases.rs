//! The cases `scripts/sql_engines.py` runs on DuckDB and Spark (issue 13 §2): CloudTrail log
//! files, and for each selector set (every valid sample, hand-written edge cases, and random
//! sets from the property tests' generators) its SQL in every dialect and mode with the
//! verdicts of the replay itself, event for event: the first selector that matches each
//! logged event (the one the replay's reason names), with the trail's state applied as
//! decisions D33 says.
//!
//! `cargo run -p trailscope-core --example sql_cases -- OUT_DIR RANDOM_SETS SEED`

#[path = "../tests/generators/mod.rs"]
mod generators;
#[path = "../tests/reference/vocab.rs"]
pub mod vocab;
/// The generators read the vocabulary as `crate::reference::vocab`.
mod reference {
    pub use super::vocab;
}

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;
use trailscope_core::ask::TrailFacts;
use trailscope_core::model::Selectors;
use trailscope_core::replay::session::{Item, Replay};
use trailscope_core::replay::synth;
use trailscope_core::sql::{self, Dialect, Mode, SqlOptions};
use trailscope_core::{put_event_selectors, samples, AccountContext, Outcome};

const REGIONS: &[Option<&str>] = &[Some("us-east-1"), Some("eu-west-1"), None];

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let [_, out, random, seed] = args.as_slice() else {
        return Err("usage: sql_cases OUT_DIR RANDOM_SETS SEED".into());
    };
    let (random, seed): (usize, u64) = (random.parse().map_err(str_err)?, seed.parse().map_err(str_err)?);
    let out = Path::new(out);
    std::fs::create_dir_all(out).map_err(str_err)?;
    let mut runner = runner(seed);
    let files = [("events-a.json", records(&mut runner, 0)), ("events-b.json", records(&mut runner, 1))];
    for (name, records) in &files {
        std::fs::write(out.join(name), json!({ "Records": records }).to_string()).map_err(str_err)?;
    }
    let all: Vec<&Value> = files.iter().flat_map(|(_, r)| r).collect();
    let mut cases = Vec::new();
    for (name, selectors, trail) in selector_sets(&mut runner, random)? {
        cases.push(case(&name, &selectors, &trail, &files, &all)?);
    }
    let lines: Vec<String> = cases.iter().map(Value::to_string).collect();
    std::fs::write(out.join("cases.jsonl"), lines.join("\n") + "\n").map_err(str_err)?;
    println!("{} events, {} selector sets in {}", all.len(), cases.len(), out.display());
    Ok(())
}

fn str_err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

fn runner(seed: u64) -> TestRunner {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &bytes))
}

fn sample<T>(runner: &mut TestRunner, strategy: &impl Strategy<Value = T>) -> T {
    match strategy.new_tree(runner) {
        Ok(tree) => tree.current(),
        Err(why) => panic!("generator failed: {why}"),
    }
}

/// One file's records, each with a unique eventID: the seed examples, synthetic records, the
/// generators' records (every optional field absent or present, several resources, `ARN`,
/// `arn` and `ARNPrefix`, readOnly as a boolean or a string, no eventCategory, ...), records
/// whose strings need escaping, and records the replay refuses (D32).
fn records(runner: &mut TestRunner, part: u64) -> Vec<Value> {
    let mut records = Vec::new();
    if part == 0 {
        let seed: Value =
            serde_json::from_str(include_str!("../../../tests/events/seed-examples.json")).unwrap_or_default();
        records.extend(seed["Records"].as_array().cloned().unwrap_or_default());
        for name in ["it's", r"back\slash", "per%cent_", "new\nline", "ünï"] {
            records.push(json!({"eventCategory": "Management", "eventSource": "iam.amazonaws.com", "eventName": name, "readOnly": false}));
        }
        records.push(json!({"eventSource": "aws:s3", "eventName": "ObjectCreated:Put", "eventCategory": "Data"}));
    }
    records
        .extend((0..500).map(|i| serde_json::from_str(&synth::record_at(7 + part, i).to_json()).unwrap_or_default()));
    let generated = generators::record();
    for i in 0..2500 {
        let mut record = sample(runner, &generated);
        if let Some(region) = REGIONS[i % REGIONS.len()] {
            record["awsRegion"] = region.into();
        }
        records.push(record);
    }
    for (i, record) in records.iter_mut().enumerate() {
        record["eventID"] = format!("{part}-{i}").into();
    }
    records
}

/// The selector sets, each with the trail it is judged on.
fn selector_sets(runner: &mut TestRunner, random: usize) -> Result<Vec<(String, Selectors, TrailFacts)>, String> {
    let mut sets = Vec::new();
    for sample in samples::all() {
        let context = AccountContext::from_json(sample.context_json()).map_err(|e| e.message)?;
        if let Outcome::Response(response) = put_event_selectors(sample.request, Some(&context)).outcome {
            let trail = TrailFacts::find(Some(&context), &response.trail_arn);
            if sets.is_empty() {
                let stopped = TrailFacts { is_logging: false, ..trail.clone() };
                let single = TrailFacts { is_multi_region_trail: false, ..trail.clone() };
                sets.push((format!("{} (stopped trail)", sample.id), response.selectors.clone(), stopped));
                sets.push((format!("{} (single-Region trail)", sample.id), response.selectors.clone(), single));
            }
            sets.push((format!("sample {}", sample.id), response.selectors, trail));
        }
    }
    sets.push(("never configured (D28)".into(), Selectors::default(), TrailFacts::assumed()));
    let escaping = r#"[{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]},
        {"Field": "eventName", "Equals": ["it's", "back\\slash", "new\nline"], "StartsWith": ["per%"], "EndsWith": ["nï"]}]}]"#;
    sets.push((
        "escaping".into(),
        Selectors::Advanced(serde_json::from_str(escaping).map_err(str_err)?),
        TrailFacts::assumed(),
    ));
    let generated = generators::selectors();
    for i in 0..random {
        sets.push((format!("random {i}"), sample(runner, &generated), TrailFacts::assumed()));
    }
    Ok(sets)
}

/// The replay's verdicts on every file (the trail's state applied, D33): eventID -> the first
/// selector that matched.
fn expected(
    selectors: &Selectors,
    trail: &TrailFacts,
    files: &[(&str, Vec<Value>)],
    all: &[&Value],
) -> BTreeMap<String, usize> {
    let regions: BTreeMap<&str, Option<&str>> =
        all.iter().map(|r| (r["eventID"].as_str().unwrap_or_default(), r["awsRegion"].as_str())).collect();
    let mut logged = BTreeMap::new();
    for (_, records) in files {
        let mut replay = Replay::new(selectors.clone());
        let mut sink = |item: Item<'_>| {
            if let Item::Event { verdict, .. } = item {
                let id = verdict.event_id.as_deref().unwrap_or_default().to_string();
                let refused = trail.refuses(regions.get(id.as_str()).copied().flatten()).is_some();
                if let (Some(&first), false) = (verdict.matched.first(), refused) {
                    logged.insert(id, first);
                }
            }
        };
        replay.push(json!({ "Records": records }).to_string().as_bytes(), &mut sink);
        replay.finish(&mut sink);
    }
    logged
}

fn case(
    name: &str,
    selectors: &Selectors,
    trail: &TrailFacts,
    files: &[(&str, Vec<Value>)],
    all: &[&Value],
) -> Result<Value, String> {
    let write = |dialect, mode, table: Option<&str>, source: Option<&str>| {
        let options = SqlOptions { dialect, mode, table: table.map(String::from), source: source.map(String::from) };
        sql::to_sql(selectors, trail, &options).map_err(|e| format!("{name}: {e}"))
    };
    let mut sql = serde_json::Map::new();
    for mode in Mode::ALL {
        sql.insert(format!("athena {}", mode.as_str()), write(Dialect::Athena, mode, None, None)?.into());
        sql.insert(format!("spark {}", mode.as_str()), write(Dialect::Spark, mode, None, None)?.into());
        let table = write(Dialect::Duckdb, mode, Some("cloudtrail_logs_pp"), None)?;
        sql.insert(format!("duckdb-table {}", mode.as_str()), table.into());
    }
    sql.insert("duckdb select".into(), write(Dialect::Duckdb, Mode::Select, None, Some("@SOURCE@"))?.into());
    Ok(json!({"name": name, "sql": sql, "expected": expected(selectors, trail, files, all)}))
}
