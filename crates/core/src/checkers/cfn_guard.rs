//! AWS CloudFormation Guard Rules Registry: `CLOUDTRAIL_S3_DATAEVENTS_ENABLED` (checkers.md §7).
//! Guard reads a template, not the trail: the model takes the selectors as the template would
//! spell them with every property written out (a template that leaves ReadWriteType or
//! IncludeManagementEvents to their defaults fails the literal comparison too).

use super::view::{self, ALL_COLONS, ALL_SHORT, S3_OBJECT};
use super::{Check, CheckedTrail, Cited, Conclusion, Flaw, Source};
use crate::model::{EventSelector, ReadWriteType, Selectors};

pub(super) const SOURCE: Source = Source {
    name: "CloudFormation Guard rules",
    repo: "aws-cloudformation/aws-guard-rules-registry",
    commit: "7f7340c26ae5d5e8874651dbffeb12e0e9f505b6",
    files: &[Cited {
        path: "rules/aws/cloudtrail/cloudtrail_s3_dataevents_enabled.guard",
        lines: "34-41",
        what: "EventSelectors EXISTS, and some selector == {DataResources:[{Type:'AWS::S3::Object',Values:['arn:aws:s3:::']}],IncludeManagementEvents:true,ReadWriteType:'All'}",
    }],
};

pub(super) fn conclude(check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    if check == Check::ManagementReadWrite {
        return Conclusion::not_evaluated("the Guard rules registry has no rule on management events", Vec::new());
    }
    let mut flaws = Vec::new();
    if !view::advanced(selectors).is_empty() {
        flaws.push(Flaw::AdvancedSelectorsIgnored); // fails `EventSelectors EXISTS`
    }
    let basic = view::basic(selectors);
    let pass = basic.iter().any(is_the_literal);
    // Another spelling of the all-buckets selector: arn:aws:s3, another resource or value
    // beside it, a data-only selector, exclusions (F4, read widely: one spelling of the whole
    // selector).
    let near_miss = |s: &&EventSelector| view::s3_values(s).any(|v| v == ALL_SHORT || v == ALL_COLONS);
    if !pass && basic.iter().any(|s| near_miss(&s) && check.covered_by(s.read_write_type)) {
        flaws.push(Flaw::OneSpellingOfAll);
    }
    if pass && !trail.delivers_everywhere() {
        flaws.push(Flaw::TrailScopeIgnored); // IsLogging and IsMultiRegionTrail are not compared
    }
    Conclusion::judged(pass, flaws)
}

/// :36, map equality: exactly these keys and values (ExcludeManagementEventSources absent).
fn is_the_literal(selector: &EventSelector) -> bool {
    let [resource] = selector.data_resources.as_slice() else { return false };
    resource.resource_type == S3_OBJECT
        && resource.values == [ALL_COLONS]
        && selector.include_management_events
        && selector.read_write_type == ReadWriteType::All
        && selector.exclude_management_event_sources.is_empty()
}
