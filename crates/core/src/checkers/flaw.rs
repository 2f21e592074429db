//! The flaw classes of checkers.md §11 (F1–F12), as the page explains them.

use serde::Serialize;

/// A flaw of a checker's logic, mirroring F1–F12 of checkers.md §11.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Flaw {
    /// F1: advanced selectors ignored or dropped.
    AdvancedSelectorsIgnored,
    /// F2: a selector that logs less taken for full coverage (its ARN, eventName, eventSource,
    /// exclusions, IncludeManagementEvents… unread).
    FiltersIgnored,
    /// F3: read/write direction ignored.
    DirectionIgnored,
    /// F4: one spelling of "all buckets" (`arn:aws:s3` vs `arn:aws:s3:::`), or of the whole
    /// all-buckets selector, recognised.
    OneSpellingOfAll,
    /// F5: string-prefix collisions; an object prefix taken for the whole bucket.
    PrefixCollision,
    /// F6: values AWS rejects accepted (`arn:aws:s3:::*/*`).
    AcceptsRejectedValues,
    /// F7: IsLogging, multi-Region or Region scope ignored.
    TrailScopeIgnored,
    /// F8: decides on what does not change what is logged (a selector's Name, CloudWatch Logs
    /// delivery).
    NonSemanticMetadata,
    /// F9: wrong operator algebra (or a text search instead of reading the fields).
    WrongOperatorAlgebra,
    /// F10: the last selector's answer overwrites the others'.
    LastWriterWins,
    /// F11: the `aws` partition hard-coded (never shown: the models are for `aws`).
    PartitionHardCoded,
    /// F12: a remediation that overwrites advanced selectors (an action, not a verdict: never
    /// shown by `conclude`).
    DestroysConfig,
}

impl Flaw {
    /// F1…F12, as checkers.md numbers them.
    pub fn code(self) -> &'static str {
        match self {
            Flaw::AdvancedSelectorsIgnored => "F1",
            Flaw::FiltersIgnored => "F2",
            Flaw::DirectionIgnored => "F3",
            Flaw::OneSpellingOfAll => "F4",
            Flaw::PrefixCollision => "F5",
            Flaw::AcceptsRejectedValues => "F6",
            Flaw::TrailScopeIgnored => "F7",
            Flaw::NonSemanticMetadata => "F8",
            Flaw::WrongOperatorAlgebra => "F9",
            Flaw::LastWriterWins => "F10",
            Flaw::PartitionHardCoded => "F11",
            Flaw::DestroysConfig => "F12",
        }
    }

    /// The user-facing sentence.
    pub fn describe(self) -> &'static str {
        match self {
            Flaw::AdvancedSelectorsIgnored => "ignores advanced selectors",
            Flaw::FiltersIgnored => {
                "takes a selector that logs less for full coverage (ignores its ARN, event name, \
                 event source or other filters)"
            }
            Flaw::DirectionIgnored => "ignores read/write direction",
            Flaw::OneSpellingOfAll => "recognises only one spelling of \"all buckets\" (arn:aws:s3 or arn:aws:s3:::)",
            Flaw::PrefixCollision => "matches ARNs as string prefixes: one bucket or prefix counts for another bucket",
            Flaw::AcceptsRejectedValues => "accepts values AWS rejects",
            Flaw::TrailScopeIgnored => "ignores whether the trail is logging, multi-Region, or in which Region",
            Flaw::NonSemanticMetadata => {
                "decides on something that does not change what is logged (a selector's name, \
                 CloudWatch Logs delivery)"
            }
            Flaw::WrongOperatorAlgebra => "gets the operators' semantics wrong",
            Flaw::LastWriterWins => "keeps only the last selector's answer",
            Flaw::PartitionHardCoded => "hard-codes the aws partition",
            Flaw::DestroysConfig => "its fix overwrites advanced selectors",
        }
    }
}
