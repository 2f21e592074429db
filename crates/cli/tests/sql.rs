//! `trailscope sql` as users run it: each dialect and mode, the trail's state from a context,
//! and the exit codes (0 SQL written, 1 invalid selectors, 2 usage). That the SQL selects what
//! the replay logs is proven on the engines themselves (`scripts/sql-engines.sh`).

mod common;

use common::{temp, trailscope};

const S3_BUT_LOGS: &str = r#"{"TrailName": "audit", "AdvancedEventSelectors": [{"Name": "S3 but logs", "FieldSelectors": [
    {"Field": "resources.ARN", "NotStartsWith": ["arn:aws:s3:::logs/"]}, {"Field": "eventCategory", "Equals": ["Data"]},
    {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}]}]}"#;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = trailscope(args, None);
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn each_dialect_reads_its_relation() {
    let file = temp("s3.json", S3_BUT_LOGS);
    let (status, athena, _) = run(&["sql", "--selectors", &file, "--dialect", "athena"]);
    assert_eq!(status, Some(0), "{athena}");
    assert!(athena.contains("FROM cloudtrail_logs_pp s") && athena.contains("any_match(resources, r ->"), "{athena}");
    assert!(athena.contains("NOT starts_with(coalesce(r.arn, r.arnprefix), 'arn:aws:s3:::logs/')"), "{athena}");
    let (_, spark, _) = run(&["sql", "--selectors", &file, "--dialect", "spark", "--table", "db.trail"]);
    assert!(spark.contains("FROM db.trail s") && spark.contains("exists(resources, r ->"), "{spark}");
    let (_, duckdb, _) = run(&["sql", "--selectors", &file, "--dialect", "duckdb", "--source", "logs/*.json.gz"]);
    assert!(duckdb.contains("read_json('logs/*.json.gz', columns = {'Records': 'JSON[]'}"), "{duckdb}");
}

#[test]
fn modes_shape_the_query() {
    let file = temp("s3.json", S3_BUT_LOGS);
    let mode = |m: &str| run(&["sql", "--selectors", &file, "--dialect", "athena", "--mode", m]).1;
    let predicate = mode("where");
    assert!(
        predicate.starts_with("((NOT (eventsource IS NOT NULL AND starts_with(eventsource, 'aws:'))"),
        "{predicate}"
    );
    assert!(!predicate.contains("SELECT") && !predicate.contains("--"), "{predicate}");
    assert!(mode("view").contains("CREATE OR REPLACE VIEW trailscope_logged AS"));
    let count = mode("count");
    assert!(count.contains("THEN 0.000001 ELSE 0 END) AS cost_usd") && count.contains("GROUPING SETS"), "{count}");
    assert!(mode("select").contains("trailscope_selector AS selector"));
}

#[test]
fn the_context_trails_state_counts() {
    let file = temp("s3.json", S3_BUT_LOGS);
    let stopped = temp(
        "context.json",
        r#"{"account": "123456789012", "region": "us-east-1", "trails": [{"name": "audit", "homeRegion": "us-east-1",
            "isLogging": false}]}"#,
    );
    let (status, text, _) =
        run(&["sql", "--selectors", &file, "--context", &stopped, "--dialect", "duckdb", "--mode", "where"]);
    assert_eq!((status, text.trim()), (Some(0), "FALSE"));
    let single = temp(
        "context.json",
        r#"{"account": "123456789012", "region": "eu-west-1", "trails": [{"name": "audit", "homeRegion": "eu-west-1",
            "isMultiRegionTrail": false}]}"#,
    );
    let (_, text, _) = run(&["sql", "--selectors", &file, "--context", &single, "--dialect", "spark"]);
    assert!(text.contains("awsregion = 'eu-west-1'") && text.contains("single-Region trail: only eu-west-1"), "{text}");
}

#[test]
fn exit_codes() {
    let invalid = temp("bad.json", r#"{"TrailName": "audit", "EventSelectors": [{"ReadWriteType": "Sometimes"}]}"#);
    let (status, text, _) = run(&["sql", "--selectors", &invalid, "--dialect", "athena"]);
    assert_eq!(status, Some(1));
    assert!(text.contains("InvalidEventSelectorsException") || text.contains("ParamValidationError"), "{text}");
    let file = temp("s3.json", S3_BUT_LOGS);
    let (status, _, err) = run(&["sql", "--selectors", &file, "--dialect", "athena", "--source", "x.json"]);
    assert_eq!(status, Some(2));
    assert!(err.contains("--source is for DuckDB"), "{err}");
    assert_eq!(run(&["sql", "--selectors", &file, "--dialect", "trino"]).0, Some(2));
}
