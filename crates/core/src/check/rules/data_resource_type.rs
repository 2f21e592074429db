//! Basic `DataResources[].Type` is one of the three basic types (spec §1.3; decisions D9).

use super::invalid_selectors;
use crate::catalog::{is_resource_type, BASIC_RESOURCE_TYPES};
use crate::diagnostics::Problems;
use crate::request::located::Request;

pub fn check(request: &Request, out: &mut Problems) {
    for resource in request.event_selectors().iter().flat_map(|s| s.data_resources()) {
        let Some(ty) = &resource.resource_type else {
            // A Type left to deployment is there, only unknown (decisions D45).
            if request.unknowns.under_child(&resource.pointer, "Type") {
                continue;
            }
            out.push(|| {
                invalid_selectors(
                    "a data resource needs a Type (AWS::S3::Object, AWS::Lambda::Function or AWS::DynamoDB::Table)",
                    &resource.pointer,
                    resource.span.first_byte(),
                )
                .spec("§1.3")
                .decision("D9")
            });
            continue;
        };
        if BASIC_RESOURCE_TYPES.contains(&ty.value.as_str()) {
            continue;
        }
        out.push(|| {
            // spec: aws-messages.md, "basic DataResources.Type not one of the three".
            let message = format!("Value {} for DataResources.Type is invalid.", ty.value);
            let mut help = format!("basic event selectors support {}", BASIC_RESOURCE_TYPES.join(", "));
            if is_resource_type(&ty.value) {
                help.push_str(&format!("; {} is available through AdvancedEventSelectors (resources.type)", ty.value));
            }
            let mut d =
                invalid_selectors(message, &ty.pointer, ty.span).observed().help(help).spec("§1.3").decision("D9");
            if !is_resource_type(&ty.value) {
                d = d.suggest_or_pick(ty.span, &ty.value, BASIC_RESOURCE_TYPES);
            }
            d
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};

    #[test]
    fn only_basic_types_pass() {
        let d = run_rule(
            check,
            r#"{"TrailName":"t","EventSelectors":[{"DataResources":[{"Type":"AWS::S3::Object","Values":[]},{"Type":"AWS::SNS::Topic"},{"Values":[]},{"Type":"AWS::S3::object"}]}]}"#,
        );
        assert_eq!(
            pointers(&d),
            [
                "/EventSelectors/0/DataResources/1/Type",
                "/EventSelectors/0/DataResources/2",
                "/EventSelectors/0/DataResources/3/Type"
            ]
        );
        assert_eq!(d[0].message, "Value AWS::SNS::Topic for DataResources.Type is invalid.");
        assert!(d[0].help.as_ref().unwrap().contains("Advanced"));
        assert!(!d[2].fixes.is_empty());
    }
}
