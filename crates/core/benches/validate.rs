//! Validation time of maximum-size requests (run with `make bench`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use trailscope_core::context::DEFAULT_CONTEXT_JSON;
use trailscope_core::limits::MAX_INPUT_BYTES;
use trailscope_core::report::{report, Offsets};
use trailscope_core::{put_event_selectors, AccountContext};

/// Advanced selectors at every documented limit: 500 values in total, each 2048 characters
/// (about 1 MB of JSON).
fn max_advanced_request() -> String {
    let selectors: Vec<String> = (0..5)
        .map(|s| {
            let names: Vec<String> = (0..98).map(|i| format!("\"{}{s:02}{i:03}\"", "E".repeat(2043))).collect();
            format!(
                r#"{{"Name": "s{s}", "FieldSelectors": [{{"Field": "eventCategory", "Equals": ["Data"]}}, {{"Field": "resources.type", "Equals": ["AWS::S3::Object"]}}, {{"Field": "eventName", "Equals": [{}]}}]}}"#,
                names.join(", ")
            )
        })
        .collect();
    format!(r#"{{"TrailName": "management-events", "AdvancedEventSelectors": [{}]}}"#, selectors.join(",\n"))
}

/// Basic selectors at their limits: 5 selectors, 250 data resource values in total.
fn max_basic_request() -> String {
    let selectors: Vec<String> = (0..5)
        .map(|s| {
            let values: Vec<String> = (0..50).map(|i| format!("\"arn:aws:s3:::bucket-{s}-{i:03}/prefix/\"")).collect();
            format!(
                r#"{{"ReadWriteType": "All", "IncludeManagementEvents": true, "DataResources": [{{"Type": "AWS::S3::Object", "Values": [{}]}}], "ExcludeManagementEventSources": ["kms.amazonaws.com"]}}"#,
                values.join(", ")
            )
        })
        .collect();
    format!(r#"{{"TrailName": "management-events", "EventSelectors": [{}]}}"#, selectors.join(",\n"))
}

/// The maximum request with a wildcard in every value and a misspelt category: ~500 diagnostics
/// to flatten (what the editor receives on a bad paste).
fn max_diagnostics_request() -> String {
    max_advanced_request().replace("E0", "E*").replace("\"Data\"", "\"data\"")
}

/// The slowest inputs under the 4 MiB limit found by fuzzing and by
/// crates/fuzz-checks/examples/adversarial.rs (issue 14 §1): two million client-side type errors,
/// and a million duplicate values in one list. Only the first problems are listed (decisions D53).
fn most_problems_requests() -> [(&'static str, String); 2] {
    let room = MAX_INPUT_BYTES - 1000;
    let type_errors = format!("[{}]", vec!["1"; room / 2].join(","));
    let duplicates = format!(
        r#"{{"TrailName":"t","AdvancedEventSelectors":[{{"FieldSelectors":[{{"Field":"eventCategory","Equals":["Data"]}},{{"Field":"resources.type","Equals":["AWS::S3::Object"]}},{{"Field":"eventName","Equals":[{}]}}]}}]}}"#,
        vec![r#""e""#; room / 4].join(",")
    );
    [("4_mib_of_type_errors_report_utf16", type_errors), ("4_mib_of_duplicate_values_report_utf16", duplicates)]
}

fn bench(c: &mut Criterion) {
    let context = AccountContext::from_json(DEFAULT_CONTEXT_JSON).unwrap();
    let mut group = c.benchmark_group("validate");
    for (name, request) in
        [("advanced_500_values_2048_chars", max_advanced_request()), ("basic_250_values", max_basic_request())]
    {
        let evaluation = put_event_selectors(&request, Some(&context));
        assert!(evaluation.is_valid(), "{name} must be valid: {:?}", evaluation.diagnostics.first());
        group.throughput(Throughput::Bytes(request.len() as u64));
        group.bench_function(name, |b| b.iter(|| put_event_selectors(black_box(&request), Some(&context))));
        group.bench_function(format!("{name}_report_utf16"), |b| {
            b.iter(|| report(black_box(&request), Some(DEFAULT_CONTEXT_JSON), Offsets::BytesAndUtf16))
        });
    }
    let noisy = max_diagnostics_request();
    let count = report(&noisy, Some(DEFAULT_CONTEXT_JSON), Offsets::BytesAndUtf16).diagnostics.len();
    assert!(count >= 490, "only {count} diagnostics");
    group.throughput(Throughput::Bytes(noisy.len() as u64));
    group.bench_function("advanced_500_values_with_diagnostics_report_utf16", |b| {
        b.iter(|| report(black_box(&noisy), Some(DEFAULT_CONTEXT_JSON), Offsets::BytesAndUtf16))
    });
    group.sample_size(10);
    for (name, request) in most_problems_requests() {
        assert!(request.len() <= MAX_INPUT_BYTES, "{name} is over the limit");
        group.throughput(Throughput::Bytes(request.len() as u64));
        group.bench_function(name, |b| b.iter(|| report(black_box(&request), None, Offsets::BytesAndUtf16)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
