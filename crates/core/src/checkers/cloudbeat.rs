//! Elastic cloudbeat (CIS AWS 3.10/3.11 and 3.1): rego over the basic selectors the fetcher
//! collects (checkers.md §6).

use super::view::{self, ALL_COLONS, ALL_SHORT};
use super::{Check, CheckedTrail, Cited, Conclusion, Flaw, Source};
use crate::model::{ReadWriteType, Selectors};

pub(super) const SOURCE: Source = Source {
    name: "Elastic cloudbeat",
    repo: "elastic/cloudbeat",
    commit: "2b3db5e2945e86f121fda2dfe5c75316e80bf51b",
    files: &[
        Cited {
            path: "internal/resources/providers/awslib/cloudtrail/provider.go",
            lines: "86-98",
            what: "getEventSelectors returns output.EventSelectors: advanced selectors are dropped",
        },
        Cited {
            path: "security-policies/bundle/compliance/policy/aws_cloudtrail/verify_s3_object_logging.rego",
            lines: "12-24",
            what: "multi-Region; a selector of the allowed ReadWriteTypes with an S3::Object value that startswith \"arn:aws:s3\"",
        },
        Cited {
            path: "security-policies/bundle/compliance/cis_aws/rules/cis_3_10/rule.rego",
            lines: "20",
            what: "writes: [\"All\", \"WriteOnly\"] (cis_3_11: [\"All\", \"ReadOnly\"])",
        },
        Cited {
            path: "security-policies/bundle/compliance/policy/aws_cloudtrail/trail.rego",
            lines: "25-37",
            what: "CIS 3.1 cloudtrail_enabled: multi-Region, IsLogging, a selector with IncludeManagementEvents and ReadWriteType All",
        },
    ],
};

pub(super) fn conclude(check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    let mut flaws = Vec::new();
    if !view::advanced(selectors).is_empty() {
        flaws.push(Flaw::AdvancedSelectorsIgnored);
    }
    let pass = match check {
        Check::S3Write | Check::S3Read => s3(check, selectors, trail, &mut flaws),
        Check::ManagementReadWrite => management(selectors, trail, &mut flaws),
    };
    Conclusion::judged(pass, flaws)
}

/// verify_s3_object_logging.rego:12-24. IsLogging is not read (F7); any S3 value passes (F5).
fn s3(check: Check, selectors: &Selectors, trail: &CheckedTrail, flaws: &mut Vec<Flaw>) -> bool {
    let values: Vec<&str> = view::basic(selectors)
        .iter()
        .filter(|s| trail.is_multi_region && check.covered_by(s.read_write_type))
        .flat_map(view::s3_values)
        .filter(|v| v.starts_with(ALL_SHORT))
        .collect();
    if values.is_empty() {
        return false;
    }
    if !values.iter().any(|v| *v == ALL_SHORT || *v == ALL_COLONS) {
        flaws.push(Flaw::PrefixCollision);
    }
    if !trail.is_logging {
        flaws.push(Flaw::TrailScopeIgnored);
    }
    true
}

/// trail.rego:25-37. Exclusions are not read (F2).
fn management(selectors: &Selectors, trail: &CheckedTrail, flaws: &mut Vec<Flaw>) -> bool {
    if !trail.delivers_everywhere() {
        return false;
    }
    let credited = view::basic(selectors)
        .iter()
        .filter(|s| s.include_management_events && s.read_write_type == ReadWriteType::All);
    let mut pass = false;
    for selector in credited {
        pass = true;
        if !selector.exclude_management_event_sources.is_empty() {
            flaws.push(Flaw::FiltersIgnored);
        }
    }
    pass
}
