//! Basic data resource values have a documented form per type (spec §6.2; decisions D10),
//! rejected with AWS's observed message "Value <v> for DataResources.Values is invalid."
//! An empty list is legal: `empty_data_values` warns about it.

use super::{invalid_selectors, quoted};
use crate::catalog::data_value;
use crate::catalog::BASIC_RESOURCE_TYPES;
use crate::diagnostics::{Diagnostic, Problems};
use crate::request::located::{LocatedString, Request};

pub fn check(request: &Request, out: &mut Problems) {
    for resource in request.event_selectors().iter().flat_map(|s| s.data_resources()) {
        let Some(ty) = resource.resource_type.as_ref().filter(|t| BASIC_RESOURCE_TYPES.contains(&t.value.as_str()))
        else {
            continue;
        };
        for value in resource.values() {
            if let Err(reason) = data_value::parse(&ty.value, &value.value) {
                out.push(|| invalid_value(value, reason));
            }
        }
    }
}

fn invalid_value(value: &LocatedString, reason: String) -> Diagnostic {
    let message = format!("Value {} for DataResources.Values is invalid.", value.value);
    let d = invalid_selectors(message, &value.pointer, value.span).observed().help(reason).spec("§6.2").decision("D10");
    match bucket_slash_fix(&value.value) {
        Some(fixed) => d.fix("Add the trailing slash (all objects in the bucket)", value.span, quoted(&fixed)),
        None => d,
    }
}

/// `arn:aws:s3:::bucket` is fixed by `arn:aws:s3:::bucket/` when that form is valid.
fn bucket_slash_fix(value: &str) -> Option<String> {
    let fixed = format!("{value}/");
    (!value.contains('/') && data_value::parse("AWS::S3::Object", &fixed).is_ok()).then_some(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};

    #[test]
    fn observed_bad_values_get_aws_message_and_fix() {
        let d = run_rule(
            check,
            r#"{"TrailName":"t","EventSelectors":[{"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::data-bucket","arn:aws:s3:::okay/","arn:aws:s3:::*"]}]}]}"#,
        );
        assert_eq!(
            pointers(&d),
            ["/EventSelectors/0/DataResources/0/Values/0", "/EventSelectors/0/DataResources/0/Values/2"]
        );
        assert_eq!(d[0].message, "Value arn:aws:s3:::data-bucket for DataResources.Values is invalid.");
        assert_eq!(d[0].fixes[0].edits[0].text, "\"arn:aws:s3:::data-bucket/\"");
        assert!(d[1].fixes.is_empty());
    }
}
