//! Answer and diff time on maximum-size selector sets (run with `make bench`). The issue's
//! bounds: a question under 10 ms, a diff of two maximum sets under 100 ms (native).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use trailscope_core::ask::presets::Preset;
use trailscope_core::ask::{covers, diff, Question, TrailFacts};
use trailscope_core::model::Selectors;

fn read(json: String) -> Selectors {
    serde_json::from_str(&json).unwrap()
}

/// 166 advanced selectors, one bucket each (498 values, the most selectors 500 values allow
/// with a category, a type and a bucket): 166 rules to fail at once.
fn buckets(skip: usize) -> Selectors {
    let selectors: Vec<String> = (0..166)
        .filter(|i| *i != skip)
        .map(|i| {
            format!(
                r#"{{"FieldSelectors": [{{"Field": "eventCategory", "Equals": ["Data"]}}, {{"Field": "resources.type", "Equals": ["AWS::S3::Object"]}}, {{"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::bucket-{i:03}/"]}}]}}"#
            )
        })
        .collect();
    read(format!(r#"{{"AdvancedEventSelectors": [{}]}}"#, selectors.join(",")))
}

/// One selector excluding 497 prefixes: 498 atoms on resources.ARN.
fn exclusions() -> Selectors {
    let values: Vec<String> = (0..497).map(|i| format!("\"arn:aws:s3:::logs-{i:03}/\"")).collect();
    read(format!(
        r#"{{"AdvancedEventSelectors": [{{"FieldSelectors": [{{"Field": "eventCategory", "Equals": ["Data"]}}, {{"Field": "resources.type", "Equals": ["AWS::S3::Object"]}}, {{"Field": "resources.ARN", "NotStartsWith": [{}]}}]}}]}}"#,
        values.join(",")
    ))
}

/// Five basic selectors with 250 data values in all, each also logging management events
/// except KMS: 255 rules.
fn basic() -> Selectors {
    let selectors: Vec<String> = (0..5)
        .map(|s| {
            let values: Vec<String> = (0..50).map(|i| format!("\"arn:aws:s3:::bucket-{s}-{i:03}/prefix/\"")).collect();
            format!(
                r#"{{"DataResources": [{{"Type": "AWS::S3::Object", "Values": [{}]}}], "ExcludeManagementEventSources": ["kms.amazonaws.com"]}}"#,
                values.join(",")
            )
        })
        .collect();
    read(format!(r#"{{"EventSelectors": [{}]}}"#, selectors.join(",")))
}

fn bench(c: &mut Criterion) {
    let trail = TrailFacts::assumed();
    let write = Preset::find("cis-s3-write").unwrap().question(None);
    let management = Preset::find("all-management").unwrap().question(None);
    let mut group = c.benchmark_group("ask");
    for (name, selectors, question) in [
        ("covers/166_selectors_one_bucket_each", buckets(usize::MAX), &write),
        ("covers/497_exclusions", exclusions(), &write),
        ("covers/basic_250_values", basic(), &write),
        ("covers/basic_250_values_management", basic(), &management),
    ] {
        group.bench_function(name, |b| b.iter(|| covers(black_box(&selectors), &trail, question).unwrap()));
    }
    let all = Question::default();
    let (full, one_less) = (buckets(usize::MAX), buckets(83));
    group.bench_function("diff/166_selectors_equivalent", |b| {
        b.iter(|| diff(black_box(&full), &full, &trail, &all).unwrap())
    });
    group.bench_function("diff/166_selectors_one_bucket_less", |b| {
        b.iter(|| diff(black_box(&full), &one_less, &trail, &all).unwrap())
    });
    let (excluded, basic) = (exclusions(), basic());
    group.bench_function("diff/497_exclusions_vs_basic_250", |b| {
        b.iter(|| diff(black_box(&excluded), &basic, &trail, &all).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
