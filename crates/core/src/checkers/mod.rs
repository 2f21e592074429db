//! What posture checkers conclude about a trail's selectors (issue 10 §4; the reading of each
//! checker's code is in `docs/checkers.md`, re-read at the commit each model cites).
//!
//! One small model per checker (`prowler.rs`, `steampipe.rs`, …), each a transcription of the
//! checker's own decision with file, line and commit beside the code it models. A model answers
//! one of three questions ([`Check`]) for one trail, and names the flaws of the checker's logic
//! that this configuration exercised ([`Flaw`], F1–F12 of checkers.md §11), so the page can
//! explain a difference with CloudTrail by the flaw behind it.
//!
//! The checkers are modelled for the `aws` partition (Prowler and CloudSploit read the audited
//! partition; the others hard-code `aws`), so F11 never shows here.

mod cfn_guard;
mod cloudbeat;
mod cloudsploit;
mod compare;
mod config_rdk;
mod custodian;
mod flaw;
mod prowler;
mod scoutsuite;
mod source;
mod steampipe;
#[cfg(test)]
mod tests;
mod view;

pub use compare::{compare, CheckerRow, Comparison};
pub use flaw::Flaw;
pub use source::{Cited, Source};

use crate::model::Selectors;
use serde::{Deserialize, Serialize};

/// The posture checkers modelled, in the column order of checkers.md §11.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Checker {
    Prowler,
    Steampipe,
    ScoutSuite,
    CloudCustodian,
    CloudSploit,
    Cloudbeat,
    CfnGuard,
    ConfigRdkSample,
}

impl Checker {
    pub const ALL: [Checker; 8] = [
        Checker::Prowler,
        Checker::Steampipe,
        Checker::ScoutSuite,
        Checker::CloudCustodian,
        Checker::CloudSploit,
        Checker::Cloudbeat,
        Checker::CfnGuard,
        Checker::ConfigRdkSample,
    ];

    pub fn name(self) -> &'static str {
        self.source().name
    }

    /// Where the model comes from: repository, commit and the files and lines it transcribes.
    pub fn source(self) -> &'static Source {
        match self {
            Checker::Prowler => &prowler::SOURCE,
            Checker::Steampipe => &steampipe::SOURCE,
            Checker::ScoutSuite => &scoutsuite::SOURCE,
            Checker::CloudCustodian => &custodian::SOURCE,
            Checker::CloudSploit => &cloudsploit::SOURCE,
            Checker::Cloudbeat => &cloudbeat::SOURCE,
            Checker::CfnGuard => &cfn_guard::SOURCE,
            Checker::ConfigRdkSample => &config_rdk::SOURCE,
        }
    }
}

/// The three questions a checker can be asked of one trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Check {
    /// Logs S3 write data events for all buckets.
    S3Write,
    /// Logs S3 read data events for all buckets.
    S3Read,
    /// Logs all management events, read and write.
    ManagementReadWrite,
}

impl Check {
    pub const ALL: [Check; 3] = [Check::S3Write, Check::S3Read, Check::ManagementReadWrite];

    pub fn question(self) -> &'static str {
        match self {
            Check::S3Write => "logs S3 write data events for all buckets",
            Check::S3Read => "logs S3 read data events for all buckets",
            Check::ManagementReadWrite => "logs all management events, read and write",
        }
    }
}

/// What the checkers read about the trail besides its selectors (the exact answers read
/// [`crate::ask::TrailFacts`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckedTrail {
    /// get-trail-status `IsLogging`.
    pub is_logging: bool,
    /// describe-trails `IsMultiRegionTrail`.
    pub is_multi_region: bool,
    /// get-trail-status `LatestCloudWatchLogsDeliveryTime` is recent (ScoutSuite's window,
    /// about 9.6 hours): ScoutSuite counts data logging only then (scoutsuite.rs).
    pub cloudwatch_logs_recent: bool,
    /// The account's S3 buckets (list-buckets), in the trail's Region. Steampipe, Cloud
    /// Custodian and CloudSploit judge bucket by bucket; for them "all buckets" is "each of
    /// these", and with none they conclude nothing.
    pub buckets: Vec<String>,
}

/// A checker's verdict on one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum CheckerVerdict {
    Pass,
    Fail,
    /// The checker has no such check, errors or reports UNKNOWN on this configuration, or has
    /// nothing to judge; `reason` says which.
    NotEvaluated {
        reason: std::borrow::Cow<'static, str>,
    },
}

/// A verdict and the flaws of the checker's logic this configuration exercised (sorted, once
/// each; possibly some even when the verdict agrees with CloudTrail: right by accident).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Conclusion {
    pub verdict: CheckerVerdict,
    pub flaws: Vec<Flaw>,
}

impl Conclusion {
    fn new(verdict: CheckerVerdict, mut flaws: Vec<Flaw>) -> Self {
        flaws.sort();
        flaws.dedup();
        Conclusion { verdict, flaws }
    }

    fn judged(pass: bool, flaws: Vec<Flaw>) -> Self {
        Conclusion::new(if pass { CheckerVerdict::Pass } else { CheckerVerdict::Fail }, flaws)
    }

    fn not_evaluated(reason: &'static str, flaws: Vec<Flaw>) -> Self {
        Conclusion::new(CheckerVerdict::NotEvaluated { reason: reason.into() }, flaws)
    }
}

/// What `checker` concludes on `check` for a trail with these selectors and facts.
pub fn conclude(checker: Checker, check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    match checker {
        Checker::Prowler => prowler::conclude(check, selectors, trail),
        Checker::Steampipe => steampipe::conclude(check, selectors, trail),
        Checker::ScoutSuite => scoutsuite::conclude(check, selectors, trail),
        Checker::CloudCustodian => custodian::conclude(check, selectors, trail),
        Checker::CloudSploit => cloudsploit::conclude(check, selectors, trail),
        Checker::Cloudbeat => cloudbeat::conclude(check, selectors, trail),
        Checker::CfnGuard => cfn_guard::conclude(check, selectors, trail),
        Checker::ConfigRdkSample => config_rdk::conclude(check, selectors, trail),
    }
}
