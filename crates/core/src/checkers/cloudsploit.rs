//! CloudSploit (Aqua): the plugins `objectLevelWriteEventLogging` / `objectLevelReadEventLogging`
//! (per bucket) and `cloudtrailManagementEvents` (checkers.md §5).

use super::view::{self, ALL_SHORT};
use super::{Check, CheckedTrail, Cited, Conclusion, Flaw, Source};
use crate::model::{AdvancedEventSelector, AdvancedFieldSelector, Operator, Selectors};

pub(super) const SOURCE: Source = Source {
    name: "CloudSploit",
    repo: "aquasecurity/cloudsploit",
    commit: "4b5bbd809f1ea2e91b87944920794d2bddf770ed",
    files: &[
        Cited {
            path: "plugins/aws/s3/objectLevelWriteEventLogging.js",
            lines: "65-126",
            what: "basic: WriteOnly/All, arn:aws:s3 → isall, else buckets = values' names (assigned, :75-79); advanced: Data + S3::Object, (readOnly false or none) and no resources.ARN → isall, else readOnly false → processFieldSelectors (:90-102); per bucket (:110-125)",
        },
        Cited {
            path: "plugins/aws/s3/objectLevelReadEventLogging.js",
            lines: "64-126",
            what: "the mirror image: ReadOnly/All, readOnly true",
        },
        Cited {
            path: "helpers/aws/functions.js",
            lines: "1099-1143",
            what: "checkConditions compares ARN prefixes with bucket names (:1100-1103); processFieldSelectors collects resources.ARN values (:1122-1143)",
        },
        Cited {
            path: "plugins/aws/cloudtrail/cloudtrailManagementEvents.js",
            lines: "45-68",
            what: "no EventSelectors → UNKNOWN (:45-49); any IncludeManagementEvents passes (:52-58)",
        },
    ],
};

pub(super) fn conclude(check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    match check {
        Check::S3Write | Check::S3Read => object_level(check, selectors, trail),
        Check::ManagementReadWrite => management(selectors, trail),
    }
}

/// What the plugin collects before judging the buckets (:38-43).
#[derive(Default)]
struct Collected {
    isall: bool,
    buckets: Vec<String>,
    /// [StartsWith, EndsWith, NotStartsWith, NotEndsWith] values of resources.ARN.
    conditions: [Vec<String>; 4],
    flaws: Vec<Flaw>,
}

/// The operators `processFieldSelectors` collects, in `Collected::conditions` order.
const CONDITIONS: [Operator; 4] =
    [Operator::StartsWith, Operator::EndsWith, Operator::NotStartsWith, Operator::NotEndsWith];

fn object_level(check: Check, selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    let mut seen = Collected::default();
    for selector in view::basic(selectors).iter().filter(|s| check.covered_by(s.read_write_type)) {
        for resource in view::s3_resources(selector) {
            if resource.values.iter().any(|v| v == ALL_SHORT) {
                seen.isall = true;
                continue;
            }
            // :78-79: `buckets =`, so an earlier resource's buckets are lost (F10);
            // `arn:aws:s3:::` becomes the name "" (F4).
            let names: Vec<String> = resource.values.iter().map(|v| name_of(v)).collect();
            if !seen.buckets.is_empty() && seen.buckets != names {
                seen.flaws.push(Flaw::LastWriterWins);
            }
            if names.iter().any(String::is_empty) {
                seen.flaws.push(Flaw::OneSpellingOfAll);
            }
            seen.buckets = names;
        }
    }
    for selector in view::advanced(selectors) {
        advanced(check, selector, &mut seen);
    }
    judge(seen, trail)
}

/// :78-79: `value.split(':::')[1]` without its last character.
fn name_of(value: &str) -> String {
    let after = value.split(":::").nth(1).unwrap_or("");
    let mut name = after.to_string();
    name.pop();
    name
}

/// :90-102 (write; the read plugin swaps true and false).
fn advanced(check: Check, selector: &AdvancedEventSelector, seen: &mut Collected) {
    let data = view::equals_lists(selector, "eventCategory", "Data")
        && view::equals_lists(selector, "resources.type", view::S3_OBJECT);
    let (Some(other), true) = (check.opposite_read_only(), data) else { return };
    let same = if other == "true" { "false" } else { "true" };
    let own_field = view::equals_lists(selector, "readOnly", same);
    let other_field = view::equals_lists(selector, "readOnly", other);
    let arn_field = view::has_field(selector, "resources.ARN");
    if (own_field || !other_field) && !arn_field {
        seen.isall = true;
        if view::has_field_besides(selector, &["eventCategory", "resources.type", "readOnly"]) {
            seen.flaws.push(Flaw::FiltersIgnored); // eventName, eventType… unread
        }
    } else if own_field {
        view::fields(selector, "resources.ARN").for_each(|f| process(f, seen));
    } else if arn_field {
        seen.flaws.push(Flaw::AdvancedSelectorsIgnored); // resources.ARN without readOnly: neither branch
    }
}

/// functions.js:1122-1143: Equals gives its first value's bucket name; the other operators'
/// ARN values are kept to be compared with bucket names (F9).
fn process(field: &AdvancedFieldSelector, seen: &mut Collected) {
    if let Some(first) = field.equals.as_ref().and_then(|e| e.first()) {
        let bucket = first.split(":::").nth(1).unwrap_or("").split('/').next().unwrap_or("");
        seen.buckets.push(bucket.to_string());
    }
    for (slot, op) in seen.conditions.iter_mut().zip(CONDITIONS) {
        if let Some(values) = field.values(op).filter(|v| !v.is_empty()) {
            slot.extend(values.iter().cloned());
            seen.flaws.push(Flaw::WrongOperatorAlgebra);
        }
    }
}

/// :110-125 with checkConditions (functions.js:1099-1108): per bucket name.
fn judge(mut seen: Collected, trail: &CheckedTrail) -> Conclusion {
    let [starts, ends, not_starts, not_ends] = &seen.conditions;
    let any = |list: &Vec<String>, hit: &dyn Fn(&String) -> bool| !list.is_empty() && list.iter().any(hit);
    let none = |list: &Vec<String>, hit: &dyn Fn(&String) -> bool| !list.is_empty() && !list.iter().any(hit);
    let logged = |name: &str| {
        seen.isall
            || any(starts, &|p| name.starts_with(p.as_str()))
            || none(not_starts, &|p| name.starts_with(p.as_str()))
            || any(ends, &|p| name.ends_with(p.as_str()))
            || none(not_ends, &|p| name.ends_with(p.as_str()))
            || seen.buckets.iter().any(|b| b == name)
    };
    let Some(every) = trail.every_bucket(logged) else {
        return Conclusion::not_evaluated("no bucket: the plugin reports \"No S3 buckets Founds\"", seen.flaws);
    };
    if every && !trail.delivers_everywhere() {
        seen.flaws.push(Flaw::TrailScopeIgnored);
    }
    Conclusion::judged(every, seen.flaws)
}

/// cloudtrailManagementEvents.js:45-68: any selector with IncludeManagementEvents, whatever
/// its direction or exclusions; IsLogging and Regions are not read.
fn management(selectors: &Selectors, trail: &CheckedTrail) -> Conclusion {
    if !view::advanced(selectors).is_empty() {
        let reason = "UNKNOWN: \"Unable to query for event selectors\" (the plugin reads EventSelectors only)";
        return Conclusion::not_evaluated(reason, vec![Flaw::AdvancedSelectorsIgnored]);
    }
    let mut flaws = Vec::new();
    let credited: Vec<_> = view::basic(selectors).iter().filter(|s| s.include_management_events).collect();
    for selector in &credited {
        if !Check::ManagementReadWrite.covered_by(selector.read_write_type) {
            flaws.push(Flaw::DirectionIgnored);
        }
        if !selector.exclude_management_event_sources.is_empty() {
            flaws.push(Flaw::FiltersIgnored);
        }
    }
    if !credited.is_empty() && !trail.delivers_everywhere() {
        flaws.push(Flaw::TrailScopeIgnored);
    }
    Conclusion::judged(!credited.is_empty(), flaws)
}
