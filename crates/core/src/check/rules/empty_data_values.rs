//! An empty `Values` list in a basic data resource is legal but logs no data events for that
//! entry (spec §6.2; decisions D10): a warning.

use crate::catalog::BASIC_RESOURCE_TYPES;
use crate::diagnostics::{Code, Diagnostic, Problems};
use crate::request::located::Request;

pub fn check(request: &Request, out: &mut Problems) {
    let resources = request.event_selectors().iter().flat_map(|s| s.data_resources());
    for resource in
        resources.filter(|r| r.resource_type.as_ref().is_some_and(|t| BASIC_RESOURCE_TYPES.contains(&t.value.as_str())))
    {
        // Values left to deployment may be there (decisions D45).
        if request.unknowns.under_child(&resource.pointer, "Values") {
            continue;
        }
        if let Some(values) = resource.values.as_ref().filter(|v| v.value.is_empty()) {
            out.push(|| {
                Diagnostic::new(
                    Code::LogsNothing,
                    "Values is empty: this data resource logs no data events",
                    &values.pointer,
                    values.span,
                )
                .help("add ARNs (or an \"all\" value such as arn:aws:s3) or remove the data resource")
                .spec("§6.2")
                .decision("D10")
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::run_rule;

    #[test]
    fn empty_values_warn() {
        let d = run_rule(
            check,
            r#"{"TrailName":"t","EventSelectors":[{"DataResources":[{"Type":"AWS::Lambda::Function","Values":[]}]}]}"#,
        );
        assert_eq!(d.len(), 1);
        assert!(!d[0].is_error());
        let unknown_type =
            r#"{"TrailName":"t","EventSelectors":[{"DataResources":[{"Type":"AWS::Nope","Values":[]}]}]}"#;
        assert!(run_rule(check, unknown_type).is_empty());
        let with_values = r#"{"TrailName":"t","EventSelectors":[{"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]}"#;
        assert!(run_rule(check, with_values).is_empty());
    }
}
