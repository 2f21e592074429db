//! Prowler: `cloudtrail_s3_dataevents_{write,read}_enabled` and
//! `cloudtrail_multi_region_enabled_logging_management_events` (checkers.md §1).

use super::view::{self, S3_OBJECT};
use super::{Check, CheckedTrail, Cited, Conclusion, Flaw, Source};
use crate::model::{AdvancedEventSelector, EventSelector, ReadWriteType, Selectors};

pub(super) const SOURCE: Source = Source {
    name: "Prowler",
    repo: "prowler-cloud/prowler",
    commit: "3e000faa3109230b748e4418a13c11c9e59f5cfb",
    files: &[
        Cited {
            path: "prowler/providers/aws/services/cloudtrail/cloudtrail_s3_dataevents_write_enabled/cloudtrail_s3_dataevents_write_enabled.py",
            lines: "15-65",
            what: "basic: WriteOnly/All + an all-buckets value (:17-29); advanced: any resources.type Equals[0] AWS::S3::Object (:39-46); FAIL only with buckets (:54-56)",
        },
        Cited {
            path: "prowler/providers/aws/services/cloudtrail/cloudtrail_s3_dataevents_read_enabled/cloudtrail_s3_dataevents_read_enabled.py",
            lines: "15-65",
            what: "the mirror image, ReadOnly/All (:17-20)",
        },
        Cited {
            path: "prowler/providers/aws/services/cloudtrail/cloudtrail_multi_region_enabled_logging_management_events/cloudtrail_multi_region_enabled_logging_management_events.py",
            lines: "21-48",
            what: "per Region: a logging trail of the Region or multi-Region; basic All + IncludeManagementEvents (:28-34); advanced: Name == \"Management events selector\" and no readOnly field (:37-48)",
        },
        Cited {
            path: "prowler/providers/aws/services/cloudtrail/cloudtrail_service.py",
            lines: "111-137",
            what: "EventSelectors taken before AdvancedEventSelectors (AWS returns one kind)",
        },
    ],
};

// The "all buckets" values of the basic branch, :23-28 (`{audited_partition}` = aws here).
const ALL_BUCKETS: [&str; 3] = ["arn:aws:s3", "arn:aws:s3:::", "arn:aws:s3:::*/*"];
// The console's default Name, which the management check keys on (:38-40).
const CONSOLE_NAME: &str = "Management events selector";

pub(super) fn conclude(check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    match check {
        Check::S3Write | Check::S3Read => s3(check, selectors, trail),
        Check::ManagementReadWrite => management(selectors, trail),
    }
}

/// Each selector that yields a PASS finding adds its flaws; IsLogging and multi-Region are
/// collected by the service but never read here (F7).
fn s3(check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    let mut flaws = Vec::new();
    let basic = view::basic(selectors).iter().filter_map(|s| basic_pass(check, s));
    let advanced = view::advanced(selectors).iter().filter(|s| advanced_pass(s)).map(|s| advanced_flaws(check, s));
    let mut passes = 0;
    for selector_flaws in basic.chain(advanced) {
        passes += 1;
        flaws.extend(selector_flaws);
    }
    if passes > 0 && !trail.delivers_everywhere() {
        flaws.push(Flaw::TrailScopeIgnored);
    }
    if passes == 0 && trail.buckets.is_empty() {
        return Conclusion::not_evaluated(
            "Prowler reports this FAIL only when the account has S3 buckets (:54-56)",
            flaws,
        );
    }
    Conclusion::judged(passes > 0, flaws)
}

/// :17-29: the direction, then an S3 resource listing an all-buckets value.
fn basic_pass(check: Check, selector: &EventSelector) -> Option<Vec<Flaw>> {
    if !check.covered_by(selector.read_write_type) {
        return None;
    }
    let hit = view::s3_resources(selector).find(|r| ALL_BUCKETS.iter().any(|all| r.values.iter().any(|v| v == all)))?;
    let only_wildcard = !hit.values.iter().any(|v| ALL_BUCKETS[..2].contains(&v.as_str()));
    Some(if only_wildcard { vec![Flaw::AcceptsRejectedValues] } else { Vec::new() })
}

/// :40-46: any field selector `resources.type` whose first Equals value is AWS::S3::Object.
fn advanced_pass(selector: &AdvancedEventSelector) -> bool {
    view::fields(selector, "resources.type")
        .any(|f| f.equals.as_ref().and_then(|e| e.first()).is_some_and(|v| v == S3_OBJECT))
}

/// What the advanced branch did not read of a selector it passed: readOnly (F3) and every
/// other filter (F2).
fn advanced_flaws(check: Check, selector: &AdvancedEventSelector) -> Vec<Flaw> {
    let mut flaws = Vec::new();
    if view::opposite_direction(check, selector) {
        flaws.push(Flaw::DirectionIgnored);
    }
    if view::has_field_besides(selector, &["eventCategory", "resources.type", "readOnly"]) {
        flaws.push(Flaw::FiltersIgnored);
    }
    flaws
}

/// :21-48. A multi-Region check: every Region needs a logging trail, so a single-Region trail
/// fails in the other Regions.
fn management(selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    if !trail.is_logging {
        return Conclusion::judged(false, Vec::new()); // :23, before any selector is read
    }
    let mut flaws = Vec::new();
    let mut pass = false;
    for selector in view::basic(selectors) {
        // :28-34; ExcludeManagementEventSources is not read.
        if selector.read_write_type == ReadWriteType::All && selector.include_management_events {
            pass = true;
            if !selector.exclude_management_event_sources.is_empty() {
                flaws.push(Flaw::FiltersIgnored);
            }
        }
    }
    for selector in view::advanced(selectors) {
        let named = selector.name.as_deref() == Some(CONSOLE_NAME) && !view::has_field(selector, "readOnly");
        pass |= named;
        // The name decided: a passed selector that is not all management events, or an
        // all-management selector passed over for its name.
        if named != view::all_management(selector) {
            flaws.push(if named && view::filtered_management(selector) {
                Flaw::FiltersIgnored
            } else {
                Flaw::NonSemanticMetadata
            });
        }
    }
    Conclusion::judged(pass && trail.is_multi_region, flaws)
}
