//! Steampipe / Powerpipe AWS Compliance mod: the CIS S3 object-level controls (write / read:
//! CIS v1.3-v2.0 3.10/3.11, v3.0-v5.0 3.8/3.9, v6.0 4.8/4.9) and CIS 3.1 (v6.0 4.1)
//! `cloudtrail_multi_region_read_write_enabled`
//! (checkers.md §2). `s3_bucket_object_logging_enabled` (conformance_pack/s3.pp) is not
//! modelled: the CIS controls are the ones the matrix of §11 judges.

use super::view::{self, ALL_COLONS, ALL_SHORT};
use super::{Check, CheckedTrail, Cited, Conclusion, Flaw, Source};
use crate::model::{AdvancedEventSelector, ReadWriteType, Selectors};

pub(super) const SOURCE: Source = Source {
    name: "Steampipe (AWS Compliance mod, CIS)",
    repo: "turbot/steampipe-mod-aws-compliance",
    commit: "a1d0b446ef9b96ea64980859fc063d70da20778e",
    files: &[
        Cited {
            path: "conformance_pack/cloudtrail.pp",
            lines: "752-795",
            what: "cloudtrail_s3_object_write_events_audit_enabled: basic selectors only, multi-Region, WriteOnly/All; a bucket is logged if a value LIKE (bucket ARN || '%') or = 'arn:aws:s3' (:788-791)",
        },
        Cited {
            path: "conformance_pack/cloudtrail.pp",
            lines: "707-750",
            what: "cloudtrail_s3_object_read_events_audit_enabled: the same with ReadOnly/All",
        },
        Cited {
            path: "conformance_pack/cloudtrail.pp",
            lines: "620-658",
            what: "cloudtrail_multi_region_read_write_enabled: logging and multi-Region; basic ReadWriteType = 'All' (:629), or an advanced selector whose text is not LIKE '%readOnly%' (:639)",
        },
        Cited { path: "cis_v600/section_4.pp", lines: "27-30,125-128,139-142", what: "controls 4.1, 4.8 and 4.9 use these queries" },
    ],
};

pub(super) fn conclude(check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    match check {
        Check::S3Write | Check::S3Read => s3(check, selectors, trail),
        Check::ManagementReadWrite => management(selectors, trail),
    }
}

/// One row per bucket (:774-793): ok if some value of the `s3_selectors` CTE matches it. The
/// trail's IsLogging is not read (F7). (LIKE's `_` wildcard is not modelled: bucket names
/// created since 2018 cannot contain `_`.)
fn s3(check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    let mut flaws = Vec::new();
    if !view::advanced(selectors).is_empty() {
        flaws.push(Flaw::AdvancedSelectorsIgnored); // jsonb_array_elements(event_selectors) only
    }
    // The CTE (:754-773): basic selectors of a multi-Region trail, direction, AWS::S3::Object.
    let rows = view::basic(selectors).iter().filter(|s| trail.is_multi_region && check.covered_by(s.read_write_type));
    let values: Vec<&str> = rows.flat_map(view::s3_values).collect();
    if values.contains(&ALL_COLONS) && !values.contains(&ALL_SHORT) {
        flaws.push(Flaw::OneSpellingOfAll);
    }
    let mut every = true;
    for bucket in &trail.buckets {
        let arn = view::bucket_arn(bucket);
        let exact = values.iter().any(|v| *v == ALL_SHORT || v.strip_prefix(arn.as_str()) == Some("/"));
        let like = values.iter().any(|v| *v == ALL_SHORT || v.starts_with(&arn));
        every &= like;
        if like && !exact {
            flaws.push(Flaw::PrefixCollision); // another bucket's name, or an object prefix
        }
    }
    if trail.buckets.is_empty() {
        return Conclusion::not_evaluated("no bucket: the control has one row per bucket", flaws);
    }
    if every && !trail.is_logging {
        flaws.push(Flaw::TrailScopeIgnored);
    }
    Conclusion::judged(every, flaws)
}

/// CIS 3.1 (:620-658): both branches require `is_logging and is_multi_region_trail`.
fn management(selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    if !trail.delivers_everywhere() {
        return Conclusion::judged(false, Vec::new());
    }
    let mut flaws = Vec::new();
    let mut pass = false;
    for selector in view::basic(selectors).iter().filter(|s| s.read_write_type == ReadWriteType::All) {
        // :629 reads ReadWriteType only: not IncludeManagementEvents, not the exclusions.
        pass = true;
        if !selector.include_management_events || !selector.exclude_management_event_sources.is_empty() {
            flaws.push(Flaw::FiltersIgnored);
        }
    }
    for selector in view::advanced(selectors).iter().filter(|s| !mentions_read_only(s)) {
        pass = true;
        if view::filtered_management(selector) {
            flaws.push(Flaw::FiltersIgnored);
        } else if !view::all_management(selector) {
            flaws.push(Flaw::WrongOperatorAlgebra); // a text search: a Data selector passes
        }
    }
    Conclusion::judged(pass, flaws)
}

/// :636-639: `jsonb_array_elements_text(advanced_event_selectors) as a … a like '%readOnly%'`:
/// the selector's JSON text (its Name included) contains "readOnly".
fn mentions_read_only(selector: &AdvancedEventSelector) -> bool {
    serde_json::to_string(selector).unwrap_or_default().contains("readOnly")
}
