//! Cloud Custodian: the s3 filter `data-events` (state `present`, for every bucket) and the
//! account filter `check-cloudtrail` with `multi-region`, `running` and
//! `include-management-events`, as in its docstring example (checkers.md §4).

use super::view;
use super::{Check, CheckedTrail, Cited, Conclusion, Flaw, Source};
use crate::model::{ReadWriteType, Selectors};

pub(super) const SOURCE: Source = Source {
    name: "Cloud Custodian",
    repo: "cloud-custodian/cloud-custodian",
    commit: "df800e9e94d0860e0d8fbfebd9bc5b9b2d50367d",
    files: &[
        Cited {
            path: "c7n/resources/s3.py",
            lines: "2874-2917",
            what: "data-events: EventSelectors only (:2886-2887), every S3 value keyed by b.rsplit(':')[-1].strip('/') (:2894); present if the bucket's name or '' is a key (:2906-2907)",
        },
        Cited {
            path: "c7n/resources/account.py",
            lines: "279-333",
            what: "check-cloudtrail: multi-region (:299-300), running = IsLogging (:303-311), include-management-events: basic IncludeManagementEvents and All (:316-319), advanced eventCategory Equals Management and no readOnly field (:320-331)",
        },
    ],
};

pub(super) fn conclude(check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    match check {
        Check::S3Write | Check::S3Read => data_events(check, selectors, trail),
        Check::ManagementReadWrite => management(selectors, trail),
    }
}

/// s3.py:2874-2917. Neither ReadWriteType nor the trail's IsLogging or Regions are read.
fn data_events(check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    let mut flaws = Vec::new();
    if !view::advanced(selectors).is_empty() {
        flaws.push(Flaw::AdvancedSelectorsIgnored);
    }
    // (key, whether its selector logs the check's direction)
    let keys: Vec<(&str, bool)> = view::basic(selectors)
        .iter()
        .flat_map(|s| view::s3_values(s).map(move |v| (key(v), check.covered_by(s.read_write_type))))
        .collect();
    if keys.iter().any(|(k, _)| *k == "s3") {
        flaws.push(Flaw::OneSpellingOfAll); // arn:aws:s3 reads as a bucket named "s3"
    }
    let present =
        |bucket: &str| keys.iter().filter(|(k, _)| *k == bucket || k.is_empty()).map(|(_, d)| *d).collect::<Vec<_>>();
    let mut every = true;
    for bucket in &trail.buckets {
        let directions = present(bucket);
        every &= !directions.is_empty();
        if !directions.is_empty() && !directions.contains(&true) {
            flaws.push(Flaw::DirectionIgnored);
        }
    }
    if trail.buckets.is_empty() {
        return Conclusion::not_evaluated("no bucket: the filter judges bucket by bucket", flaws);
    }
    if every && !trail.delivers_everywhere() {
        flaws.push(Flaw::TrailScopeIgnored);
    }
    Conclusion::judged(every, flaws)
}

/// :2894: `b.rsplit(':')[-1].strip('/')`: `arn:aws:s3:::` → "", `arn:aws:s3` → "s3",
/// `arn:aws:s3:::b/logs/` → "b/logs".
fn key(value: &str) -> &str {
    value.rsplit(':').next().unwrap_or(value).trim_matches('/')
}

/// account.py:279-333 with multi-region and running: a logging multi-Region trail with a
/// selector that passes. Exclusions and eventSource filters are not read (F2).
fn management(selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    if !trail.delivers_everywhere() {
        return Conclusion::judged(false, Vec::new());
    }
    let mut flaws = Vec::new();
    let mut pass = false;
    for selector in view::basic(selectors) {
        if selector.include_management_events && selector.read_write_type == ReadWriteType::All {
            pass = true;
            if !selector.exclude_management_event_sources.is_empty() {
                flaws.push(Flaw::FiltersIgnored);
            }
        }
    }
    for selector in view::advanced(selectors) {
        if view::equals_lists(selector, "eventCategory", "Management") && !view::has_field(selector, "readOnly") {
            pass = true;
            if view::filtered_management(selector) {
                flaws.push(Flaw::FiltersIgnored);
            }
        }
    }
    Conclusion::judged(pass, flaws)
}
