//! The AWS Config RDK sample rule CLOUDTRAIL_S3_DATAEVENTS_ENABLED, the managed rule's
//! open-source precursor (checkers.md §9), without its optional S3BucketNames parameter.

use super::view::{self, ALL_COLONS, ALL_SHORT};
use super::{Check, CheckedTrail, Cited, Conclusion, Flaw, Source};
use crate::model::Selectors;

pub(super) const SOURCE: Source = Source {
    name: "AWS Config RDK sample rule",
    repo: "awslabs/aws-config-rules",
    commit: "b54d4a6c99e105c25ca46af9305770e4ba51c422",
    files: &[Cited {
        path: "python/CLOUDTRAIL_S3_DATAEVENTS_ENABLED/CLOUDTRAIL_S3_DATAEVENTS_ENABLED.py",
        lines: "84-153",
        what: "DEFAULT_CHECK = 'arn:aws:s3' (:84); home-Region trails with HasCustomEventSelectors (:97-107); get_event_selectors(...)['EventSelectors'] (:108); COMPLIANT if an S3::Object resource lists arn:aws:s3 (:144-153)",
    }],
};

pub(super) fn conclude(check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    if check == Check::ManagementReadWrite {
        return Conclusion::not_evaluated("the RDK sample rule checks S3 data events only", Vec::new());
    }
    let mut flaws = Vec::new();
    // An advanced trail: `['EventSelectors']` raises KeyError if the key is absent, or the list
    // is empty: an error or NON_COMPLIANT, which one is UNCONFIRMED; modelled as Fail (the
    // matrix's ✗−).
    if !view::advanced(selectors).is_empty() {
        flaws.push(Flaw::AdvancedSelectorsIgnored);
    }
    let basic = view::basic(selectors);
    // :147-151: the first selector listing arn:aws:s3 decides; ReadWriteType is not read (F3).
    let credited: Vec<_> = basic.iter().filter(|s| view::s3_values(s).any(|v| v == ALL_SHORT)).collect();
    if credited.first().is_some_and(|s| !check.covered_by(s.read_write_type)) {
        flaws.push(Flaw::DirectionIgnored);
    }
    if credited.is_empty() && basic.iter().flat_map(view::s3_values).any(|v| v == ALL_COLONS) {
        flaws.push(Flaw::OneSpellingOfAll); // its own docstring, scenario 7, expects COMPLIANT
    }
    if !credited.is_empty() && !trail.delivers_everywhere() {
        flaws.push(Flaw::TrailScopeIgnored);
    }
    Conclusion::judged(!credited.is_empty(), flaws)
}
