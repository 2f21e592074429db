//! Neutral accessors the models share: selectors read field by field, as the checkers read them.

use super::{Check, CheckedTrail};
use crate::model::{
    AdvancedEventSelector, AdvancedFieldSelector, DataResource, EventSelector, ReadWriteType, Selectors,
};

pub(super) const S3_OBJECT: &str = "AWS::S3::Object";
/// The two spellings of "every bucket" AWS accepts (cloudtrail-selectors.md).
pub(super) const ALL_SHORT: &str = "arn:aws:s3";
pub(super) const ALL_COLONS: &str = "arn:aws:s3:::";
/// A bucket's ARN prefix: `arn:aws:s3:::` + name.
pub(super) fn bucket_arn(bucket: &str) -> String {
    format!("{ALL_COLONS}{bucket}")
}

pub(super) fn basic(selectors: &Selectors) -> &[EventSelector] {
    match selectors {
        Selectors::Basic(list) => list,
        Selectors::Advanced(_) => &[],
    }
}

pub(super) fn advanced(selectors: &Selectors) -> &[AdvancedEventSelector] {
    match selectors {
        Selectors::Basic(_) => &[],
        Selectors::Advanced(list) => list,
    }
}

/// A basic selector's `AWS::S3::Object` data resources.
pub(super) fn s3_resources(selector: &EventSelector) -> impl Iterator<Item = &DataResource> {
    selector.data_resources.iter().filter(|r| r.resource_type == S3_OBJECT)
}

/// The values of a basic selector's `AWS::S3::Object` data resources.
pub(super) fn s3_values(selector: &EventSelector) -> impl Iterator<Item = &str> {
    s3_resources(selector).flat_map(|r| r.values.iter().map(String::as_str))
}

impl Check {
    /// Whether a basic selector of this `ReadWriteType` logs the check's direction (the
    /// management check wants both: `All`).
    pub(super) fn covered_by(self, read_write_type: ReadWriteType) -> bool {
        match read_write_type {
            ReadWriteType::All => true,
            ReadWriteType::WriteOnly => self == Check::S3Write,
            ReadWriteType::ReadOnly => self == Check::S3Read,
        }
    }

    /// The advanced `readOnly` value of the opposite direction ("true" for the write check).
    pub(super) fn opposite_read_only(self) -> Option<&'static str> {
        match self {
            Check::S3Write => Some("true"),
            Check::S3Read => Some("false"),
            Check::ManagementReadWrite => None,
        }
    }
}

pub(super) fn fields<'a>(
    selector: &'a AdvancedEventSelector,
    field: &'a str,
) -> impl Iterator<Item = &'a AdvancedFieldSelector> {
    selector.field_selectors.iter().filter(move |f| f.field == field)
}

pub(super) fn has_field(selector: &AdvancedEventSelector, field: &str) -> bool {
    fields(selector, field).next().is_some()
}

/// Some field selector on `field` lists `value` in its Equals.
pub(super) fn equals_lists(selector: &AdvancedEventSelector, field: &str, value: &str) -> bool {
    fields(selector, field).any(|f| f.equals.as_ref().is_some_and(|e| e.iter().any(|v| v == value)))
}

/// A field selector on a field other than `allowed`: a filter a checker that reads only
/// `allowed` does not see.
pub(super) fn has_field_besides(selector: &AdvancedEventSelector, allowed: &[&str]) -> bool {
    selector.field_selectors.iter().any(|f| !allowed.contains(&f.field.as_str()))
}

/// Selects the direction opposite to `check` (`readOnly` Equals the other value).
pub(super) fn opposite_direction(check: Check, selector: &AdvancedEventSelector) -> bool {
    check.opposite_read_only().is_some_and(|value| equals_lists(selector, "readOnly", value))
}

/// Logs every management event: `eventCategory Equals [Management]` and nothing else.
pub(super) fn all_management(selector: &AdvancedEventSelector) -> bool {
    equals_lists(selector, "eventCategory", "Management") && !has_field_besides(selector, &["eventCategory"])
}

/// A management selector with a filter besides its category (eventSource NotEquals …).
pub(super) fn filtered_management(selector: &AdvancedEventSelector) -> bool {
    equals_lists(selector, "eventCategory", "Management") && has_field_besides(selector, &["eventCategory"])
}

impl CheckedTrail {
    /// Logging, in every Region: what the question assumes and some checkers skip (F7).
    pub(super) fn delivers_everywhere(&self) -> bool {
        self.is_logging && self.is_multi_region
    }

    /// Whether `logged` holds for every bucket; `None` with no bucket to judge.
    pub(super) fn every_bucket(&self, mut logged: impl FnMut(&str) -> bool) -> Option<bool> {
        (!self.buckets.is_empty()).then(|| self.buckets.iter().all(|b| logged(b)))
    }
}
