//! The IaC evidence corpus (tests/corpus/iac, sources in its SOURCES.md): every file is read in
//! its dialect, and each trail is accepted (no error at all) or refused with the exception AWS
//! gave, as `expect.json` says. A file without an expectation fails the test.
#![cfg(feature = "iac")]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use trailscope_core::import::{self, Imported};

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/iac")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .flat_map(|p| if p.is_dir() { files(&p) } else { vec![p] })
        .filter(|p| p.parent() != Some(&corpus()))
        .collect();
    out.sort();
    out
}

/// Each trail's name and the exception it gets (`None`: accepted, without any error).
fn outcome(text: &str) -> (String, BTreeMap<String, Option<String>>) {
    if let Ok(Imported::Context(context)) = import::read(text) {
        let trails = context.trails.iter().map(|t| (t.name.clone(), None)).collect();
        return ("describe-trails".into(), trails);
    }
    let validation = import::validate(text, None, None).unwrap();
    let dialect = serde_json::to_value(validation.dialect).unwrap().as_str().unwrap_or("none").to_string();
    let trails = validation
        .trails
        .into_iter()
        .map(|t| {
            let error = t.evaluation.diagnostics.iter().find(|d| d.is_error()).map(|d| d.code.as_str().to_string());
            (t.name, error)
        })
        .collect();
    (dialect, trails)
}

#[test]
fn every_corpus_file_gets_what_aws_gave() {
    let expect: BTreeMap<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("expect.json")).unwrap()).unwrap();
    let mut failures = Vec::new();
    let mut per_dialect: BTreeMap<String, usize> = BTreeMap::new();
    for file in files(&corpus()) {
        let name = file.strip_prefix(corpus()).unwrap().to_string_lossy().replace('\\', "/");
        let Some(want) = expect.get(&name) else {
            failures.push(format!("{name}: no expectation in expect.json"));
            continue;
        };
        let (dialect, trails) = outcome(&std::fs::read_to_string(&file).unwrap());
        let want_trails: BTreeMap<String, Option<String>> = serde_json::from_value(want["trails"].clone()).unwrap();
        if dialect != want["dialect"] || trails != want_trails {
            failures.push(format!(
                "{name}: read as {dialect} with {trails:?}, expected {} with {want_trails:?}",
                want["dialect"]
            ));
        }
        *per_dialect.entry(dialect).or_default() += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(per_dialect.values().sum::<usize>(), expect.len(), "every expectation has its file");
    eprintln!("IaC corpus per dialect: {per_dialect:?}");
}
