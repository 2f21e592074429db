//! The verdict matrix of checkers.md §11, cell by cell, on the "Coverage puzzles" samples,
//! plus the read and management questions on a few configurations.
//!
//! A cell says how the checker's verdict compares with CloudTrail's truth: `Y` agrees (✓),
//! `FP` is a false PASS (✗+), `FF` a false FAIL (✗−), `NE` NotEvaluated (no such check, or
//! UNKNOWN). checkers.md's "—"/"n/a" cells (V11: the IsLogging path is never reached because
//! the checker already ignores the advanced selectors) are written as what the code concludes:
//! Fail, which agrees with the truth by accident (`Y`, flaw F1).
//!
//! V6/V6b: checkers.md judges them bucket by bucket ("FAIL for logs, PASS for others"). The
//! question here is "all buckets", whose truth is FAIL (the log bucket is excluded), so a
//! checker that reads every bucket as unlogged (checkers.md ✗− (all)) agrees here (`Y`), and
//! one that reads every bucket as logged, the excluded one included (Prowler; CloudSploit on
//! V6b), is a false PASS.
//!
//! Buckets: the samples use the seed's buckets, `amzn-s3-demo-bucket1` (checkers.md's `one`)
//! and `amzn-s3-demo-bucket2` (the log bucket, checkers.md's `logs`); V9's value is
//! `amzn-s3-demo-bucket1-archive/` (checkers.md's `one-bucket/`) with bucket1 the only bucket.

use super::*;
use crate::check::service::{put_event_selectors, Outcome};
use crate::{samples, AccountContext};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Cell {
    Y,
    FP,
    FF,
    NE,
}
use Cell::{FF, FP, NE, Y};

const PASS: bool = true;
const FAIL: bool = false;
const BUCKET1: &str = "amzn-s3-demo-bucket1";
const BUCKET2: &str = "amzn-s3-demo-bucket2";

struct Row {
    id: &'static str,
    /// A sample id, or the selectors as JSON (`{"EventSelectors": …}`).
    config: &'static str,
    truth: bool,
    cells: [Cell; 8],
    facts: CheckedTrail,
}

/// A multi-Region trail that is logging, with recent CloudWatch Logs delivery, in an account
/// with the seed's two buckets.
fn row(id: &'static str, config: &'static str, truth: bool, cells: [Cell; 8]) -> Row {
    let facts = CheckedTrail {
        is_logging: true,
        is_multi_region: true,
        cloudwatch_logs_recent: true,
        buckets: vec![BUCKET1.into(), BUCKET2.into()],
    };
    Row { id, config, truth, cells, facts }
}

impl Row {
    fn stopped(mut self) -> Self {
        self.facts.is_logging = false;
        self
    }

    fn single_region(mut self) -> Self {
        self.facts.is_multi_region = false;
        self
    }

    fn buckets(mut self, buckets: &[&str]) -> Self {
        self.facts.buckets = buckets.iter().map(|b| b.to_string()).collect();
        self
    }
}

/// The selectors CloudTrail stores for a sample (its request, accepted), or parsed JSON.
fn selectors(config: &str) -> Selectors {
    if config.starts_with('{') {
        return serde_json::from_str(config).unwrap();
    }
    let sample = samples::find(config).unwrap_or_else(|| panic!("no sample {config}"));
    let context = AccountContext::from_json(sample.context_json()).unwrap();
    match put_event_selectors(sample.request, Some(&context)).outcome {
        Outcome::Response(response) => response.selectors,
        Outcome::Error(error) => panic!("{config}: {error:?}"),
    }
}

/// checkers.md §11, "logs S3 *write* data events for all buckets".
fn write_matrix() -> Vec<Row> {
    vec![
        //   id     sample                                                      truth   Prowler Steampipe Scout Custodian CloudSploit cloudbeat Guard RDK
        row("V1", "coverage-v1-basic-arn-aws-s3", PASS, [Y, Y, Y, FF, Y, Y, FF, Y]),
        row("V2", "coverage-v2-basic-arn-aws-s3-colons", PASS, [Y, FF, FF, Y, FF, Y, Y, FF]),
        row("V3", "coverage-v3-advanced-all-s3", PASS, [Y, FF, FF, FF, Y, FF, FF, FF]),
        row("V4", "coverage-v4-advanced-s3-read-only", FAIL, [FP, Y, Y, Y, Y, Y, Y, Y]),
        row("V5", "coverage-v5-advanced-one-bucket", FAIL, [FP, Y, Y, Y, Y, Y, Y, Y]),
        // checkers.md: Steampipe, CloudSploit ✗− (all), the others ✗−: every bucket unlogged.
        row("V6", "coverage-v6-advanced-all-but-one-bucket", FAIL, [FP, Y, Y, Y, Y, Y, Y, Y]),
        // checkers.md: CloudSploit "✗+ for logs": every bucket logged, the log bucket too.
        row("V6b", "coverage-v6b-advanced-writes-all-but-one-bucket", FAIL, [FP, Y, Y, Y, FP, Y, Y, Y]),
        row("V7", "coverage-v7-advanced-getobject-only", FAIL, [FP, Y, Y, Y, FP, Y, Y, Y]),
        // Custodian ✓ "only by accident": arn:aws:s3 reads as a bucket named "s3" (F4).
        row("V8", "coverage-v8-basic-read-only-arn-aws-s3", FAIL, [Y, Y, FP, Y, Y, Y, Y, FP]),
        row("V9", "coverage-v9-basic-prefix-collision", FAIL, [Y, FP, Y, Y, Y, FP, Y, Y]).buckets(&[BUCKET1]),
        row("V10", "coverage-v10-advanced-reads-plus-writes", PASS, [Y, FF, FF, FF, Y, FF, FF, FF]),
        // checkers.md: "—" for Steampipe, ScoutSuite, Custodian, cloudbeat, RDK, "n/a" for Guard.
        row("V11", "coverage-v11-stopped-trail", FAIL, [FP, Y, Y, Y, FP, Y, Y, Y]).stopped(),
        row("V12", "coverage-v12-three-basic-selectors", PASS, [Y, FF, FF, Y, FF, Y, Y, FF]),
    ]
}

/// "logs S3 *read* data events for all buckets" (not in checkers.md; derived from the same code).
fn read_matrix() -> Vec<Row> {
    vec![
        row("V1", "coverage-v1-basic-arn-aws-s3", PASS, [Y, Y, Y, FF, Y, Y, FF, Y]),
        row("V4", "coverage-v4-advanced-s3-read-only", PASS, [Y, FF, FF, FF, Y, FF, FF, FF]),
        row("V6b", "coverage-v6b-advanced-writes-all-but-one-bucket", FAIL, [FP, Y, Y, Y, Y, Y, Y, Y]),
        // Guard requires ReadWriteType All; Custodian reads arn:aws:s3 as a bucket "s3".
        row("V8", "coverage-v8-basic-read-only-arn-aws-s3", PASS, [Y, Y, Y, FF, Y, Y, FF, Y]),
    ]
}

const DATA_ONLY_ALL: &str = r#"{"EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": false,
    "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]}"#;

/// "logs all management events, read and write": Prowler, Steampipe CIS 3.1, Custodian, and
/// also CloudSploit and cloudbeat CIS 3.1, which have such a check (not in checkers.md).
fn management_matrix() -> Vec<Row> {
    vec![
        row("default", "default-trail", PASS, [Y, Y, NE, Y, Y, Y, NE, NE]),
        row("default, single-Region", "default-trail", FAIL, [Y, Y, NE, Y, FP, Y, NE, NE]).single_region(),
        row("default, stopped", "default-trail", FAIL, [Y, Y, NE, Y, FP, Y, NE, NE]).stopped(),
        row("write-only", "write-only-management", FAIL, [Y, Y, NE, Y, FP, Y, NE, NE]),
        row("exclude kms, rdsdata", "exclude-kms-rdsdata", FAIL, [FP, FP, NE, FP, FP, FP, NE, NE]),
        // Steampipe's basic branch reads ReadWriteType only (cloudtrail.pp:629).
        row("data only, All", DATA_ONLY_ALL, FAIL, [Y, FP, NE, Y, Y, Y, NE, NE]),
        row("advanced, no KMS reads", "advanced-no-kms-reads", FAIL, [Y, FP, NE, FP, NE, Y, NE, NE]),
        row("M1", "coverage-m1-management-except-kms", FAIL, [FP, FP, NE, FP, NE, Y, NE, NE]),
        row("M2", "coverage-m2-data-selector-named-management", FAIL, [FP, FP, NE, Y, NE, Y, NE, NE]),
        row("M3", "coverage-m3-management-under-another-name", PASS, [FF, Y, NE, Y, NE, FF, NE, NE]),
        row("V3", "coverage-v3-advanced-all-s3", FAIL, [Y, FP, NE, Y, NE, Y, NE, NE]),
        row("V12", "coverage-v12-three-basic-selectors", PASS, [Y, Y, NE, Y, Y, Y, NE, NE]),
    ]
}

fn tables() -> [(Check, Vec<Row>); 3] {
    [
        (Check::S3Write, write_matrix()),
        (Check::S3Read, read_matrix()),
        (Check::ManagementReadWrite, management_matrix()),
    ]
}

fn cell(truth: bool, verdict: &CheckerVerdict) -> Cell {
    match (verdict, truth) {
        (CheckerVerdict::NotEvaluated { .. }, _) => NE,
        (CheckerVerdict::Pass, true) | (CheckerVerdict::Fail, false) => Y,
        (CheckerVerdict::Pass, false) => FP,
        (CheckerVerdict::Fail, true) => FF,
    }
}

#[test]
fn every_cell_of_the_matrices_holds() {
    let mut wrong = Vec::new();
    for (check, rows) in tables() {
        for row in rows {
            let selectors = selectors(row.config);
            for (checker, expected) in Checker::ALL.into_iter().zip(row.cells) {
                let got = conclude(checker, check, &selectors, &row.facts);
                if cell(row.truth, &got.verdict) != expected {
                    wrong.push(format!("{check:?} {} {}: expected {expected:?}, got {got:?}", row.id, checker.name()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every verdict with the flaws behind it, reviewed once and kept (insta).
#[test]
fn conclusions_with_their_flaws() {
    let mut text = String::new();
    for (check, rows) in tables() {
        text += &format!("== {}\n", check.question());
        for row in rows {
            let selectors = selectors(row.config);
            for checker in Checker::ALL {
                let Conclusion { verdict, flaws } = conclude(checker, check, &selectors, &row.facts);
                let verdict = match verdict {
                    CheckerVerdict::Pass => "pass",
                    CheckerVerdict::Fail => "FAIL",
                    CheckerVerdict::NotEvaluated { .. } => "n/e",
                };
                let flaws: Vec<&str> = flaws.iter().map(|f| f.code()).collect();
                text += &format!("{:<24} {:<36} {verdict:<4} {}\n", row.id, checker.name(), flaws.join(" "));
            }
        }
    }
    insta::assert_snapshot!("conclusions", text);
}

#[test]
fn every_coverage_puzzle_sample_is_in_a_table() {
    let tables = tables();
    let used: Vec<&str> = tables.iter().flat_map(|(_, rows)| rows.iter().map(|r| r.config)).collect();
    for sample in samples::all().iter().filter(|s| s.group.as_deref() == Some("coverage-puzzles")) {
        assert!(used.contains(&sample.id.as_str()), "{} is in no table", sample.id);
    }
}

#[test]
fn scoutsuite_counts_data_logging_only_with_recent_cloudwatch_delivery() {
    let mut facts = write_matrix().remove(0).facts;
    facts.cloudwatch_logs_recent = false;
    let got = conclude(Checker::ScoutSuite, Check::S3Write, &selectors("coverage-v1-basic-arn-aws-s3"), &facts);
    assert_eq!(got, Conclusion { verdict: CheckerVerdict::Fail, flaws: vec![Flaw::NonSemanticMetadata] });
}

#[test]
fn per_bucket_checkers_need_buckets() {
    let facts = write_matrix().remove(0).buckets(&[]).facts;
    for checker in [Checker::Steampipe, Checker::CloudCustodian, Checker::CloudSploit] {
        let got = conclude(checker, Check::S3Write, &selectors("coverage-v3-advanced-all-s3"), &facts);
        assert!(matches!(got.verdict, CheckerVerdict::NotEvaluated { .. }), "{checker:?}: {got:?}");
    }
}

#[test]
fn conclusions_serialize_in_camel_case() {
    let facts = write_matrix().remove(0).facts;
    let got = conclude(
        Checker::CloudSploit,
        Check::ManagementReadWrite,
        &selectors("coverage-m1-management-except-kms"),
        &facts,
    );
    let json = serde_json::to_value(&got).unwrap();
    assert_eq!(json["verdict"]["kind"], "notEvaluated");
    assert!(json["verdict"]["reason"].as_str().unwrap().starts_with("UNKNOWN"));
    assert_eq!(json["flaws"], serde_json::json!(["advancedSelectorsIgnored"]));
    let facts: CheckedTrail = serde_json::from_str(
        r#"{"isLogging": true, "isMultiRegion": false, "cloudwatchLogsRecent": false, "buckets": ["b"]}"#,
    )
    .unwrap();
    assert!(!facts.is_multi_region);
}

#[test]
fn every_checker_cites_a_commit_and_files() {
    for checker in Checker::ALL {
        let source = checker.source();
        assert_eq!(source.commit.len(), 40, "{checker:?}");
        assert!(source.commit.chars().all(|c| c.is_ascii_hexdigit()), "{checker:?}");
        assert!(source.repo.contains('/') && !source.files.is_empty(), "{checker:?}");
        assert!(Checker::ALL.iter().filter(|c| c.name() == checker.name()).count() == 1);
    }
}

/// The truth column is trailscope's exact answer: "all" exactly where the matrix says PASS, on
/// each row's selectors and trail state (V11's stopped trail comes from its sample's context).
#[test]
fn the_truth_column_is_the_exact_answer() {
    use crate::ask::{covers, presets::Preset, Answer, TrailFacts};
    let question = Preset::find("cis-s3-write").unwrap().question(None);
    for row in write_matrix() {
        let trail = TrailFacts {
            is_logging: row.facts.is_logging,
            is_multi_region_trail: row.facts.is_multi_region,
            ..TrailFacts::assumed()
        };
        let answer = covers(&selectors(row.config), &trail, &question).unwrap().answer;
        assert_eq!(answer == Answer::All, row.truth, "{}: {answer:?}", row.id);
    }
    let v11 = samples::find("coverage-v11-stopped-trail").unwrap();
    let context = AccountContext::from_json(v11.context_json()).unwrap();
    let Outcome::Response(response) = put_event_selectors(v11.request, Some(&context)).outcome else { panic!() };
    let trail = TrailFacts::find(Some(&context), &response.trail_arn);
    assert!(!trail.is_logging && !trail.assumed);
    assert_eq!(covers(&response.selectors, &trail, &question).unwrap().answer, Answer::None);
}
