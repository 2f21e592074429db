//! ScoutSuite: the rules `cloudtrail-no-data-logging` and `cloudtrail-partial-data-logging`
//! over the trail's `DataEventsEnabled` and `wildcard_data_logging` (checkers.md §3). The
//! verdict is Pass when neither rule fires.

use super::view::{self, ALL_COLONS, ALL_SHORT, S3_OBJECT};
use super::{Check, CheckedTrail, Cited, Conclusion, Flaw, Source};
use crate::model::{DataResource, EventSelector, Selectors};

pub(super) const SOURCE: Source = Source {
    name: "ScoutSuite",
    repo: "nccgroup/ScoutSuite",
    commit: "7909f2fc6186063e5c9e7ddef8c4d7d1072c8f3d",
    files: &[
        Cited {
            path: "ScoutSuite/providers/aws/facade/cloudtrail.py",
            lines: "32-37",
            what: "get_event_selectors(...).get('EventSelectors', []): advanced selectors are never fetched",
        },
        Cited {
            path: "ScoutSuite/providers/aws/resources/cloudtrail/trails.py",
            lines: "48-73",
            what: "wildcard_data_logging: a DataResource equal to {Values: ['arn:aws:s3'], Type: S3::Object} or {Values: ['arn:aws:lambda'], Type: Lambda}, IsLogging, CloudWatch Logs delivery within (now - t) / 1440 <= 24 (:56-71); DataEventsEnabled of the last selector (:50-52)",
        },
        Cited {
            path: "ScoutSuite/providers/aws/rules/findings/cloudtrail-partial-data-logging.json",
            lines: "",
            what: "fires when wildcard_data_logging is false",
        },
        Cited {
            path: "ScoutSuite/providers/aws/rules/findings/cloudtrail-no-data-logging.json",
            lines: "",
            what: "fires when DataEventsEnabled exists and is false",
        },
    ],
};

pub(super) fn conclude(check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    match check {
        Check::S3Write | Check::S3Read => data(check, selectors, trail),
        Check::ManagementReadWrite => Conclusion::not_evaluated(
            "ScoutSuite has no rule on management events (ManagementEventsEnabled is shown, not checked)",
            Vec::new(),
        ),
    }
}

fn data(check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    let mut flaws = Vec::new();
    if !view::advanced(selectors).is_empty() {
        flaws.push(Flaw::AdvancedSelectorsIgnored);
    }
    let basic = view::basic(selectors);
    // :56-64: the selectors with an exact wildcard resource (ReadWriteType unread).
    let wildcards: Vec<&EventSelector> = basic.iter().filter(|s| s.data_resources.iter().any(is_wildcard)).collect();
    for selector in &wildcards {
        if !check.covered_by(selector.read_write_type) {
            flaws.push(Flaw::DirectionIgnored);
        }
        if !selector.data_resources.iter().any(is_s3_wildcard) {
            flaws.push(Flaw::FiltersIgnored); // the Lambda wildcard stands for S3
        }
    }
    let spells_all = |r: &DataResource| r.values.iter().any(|v| v == ALL_SHORT || v == ALL_COLONS);
    if basic.iter().flat_map(view::s3_resources).any(|r| spells_all(r) && !is_s3_wildcard(r)) {
        flaws.push(Flaw::OneSpellingOfAll); // arn:aws:s3::: or an extra value beside arn:aws:s3
    }
    let mut wildcard = !wildcards.is_empty() && trail.is_logging;
    if wildcard && !trail.cloudwatch_logs_recent {
        wildcard = false;
        flaws.push(Flaw::NonSemanticMetadata); // is_fresh (:66-73): CloudWatch Logs delivery
    }
    // :50-51: each selector overwrites DataEventsEnabled; the last one's stays.
    let data_events_enabled = basic.last().map(|s| !s.data_resources.is_empty());
    if data_events_enabled == Some(false) && basic.iter().any(|s| !s.data_resources.is_empty()) {
        flaws.push(Flaw::LastWriterWins);
    }
    Conclusion::judged(wildcard && data_events_enabled != Some(false), flaws)
}

/// :58-60: the dict comparison, exact Values list included.
fn is_wildcard(resource: &DataResource) -> bool {
    is_s3_wildcard(resource)
        || (resource.resource_type == "AWS::Lambda::Function" && resource.values == ["arn:aws:lambda"])
}

fn is_s3_wildcard(resource: &DataResource) -> bool {
    resource.resource_type == S3_OBJECT && resource.values == [ALL_SHORT]
}
