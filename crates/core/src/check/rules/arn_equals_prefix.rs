//! `Equals`/`NotEquals` on resources.ARN with a value ending in `/` matches (or excludes) only
//! a resource whose ARN is exactly that prefix; object ARNs are longer, so this is almost never
//! meant (spec §4.5, terraform-provider-aws#28582; decisions D18).

use crate::diagnostics::{Code, Diagnostic, Problems};
use crate::request::located::Request;
use crate::request::model::Operator;

pub fn check(request: &Request, out: &mut Problems) {
    for field in request.advanced_event_selectors().iter().flat_map(|s| s.field_selectors()) {
        if field.field_name() != Some("resources.ARN") {
            continue;
        }
        for condition in
            field.conditions.iter().filter(|c| matches!(c.operator, Operator::Equals | Operator::NotEquals))
        {
            let prefix_op =
                if condition.operator == Operator::Equals { Operator::StartsWith } else { Operator::NotStartsWith };
            for value in condition.values.iter().filter(|v| v.value.ends_with('/')) {
                let message = format!(
                    "{} \"{}\" only {} a resource whose ARN is exactly this; object ARNs are longer, so it has no effect on them",
                    condition.operator.as_str(),
                    value.value,
                    if condition.operator == Operator::Equals { "matches" } else { "excludes" }
                );
                out.push(|| {
                    let mut d = Diagnostic::new(Code::ArnEqualsPrefix, message, &value.pointer, value.span)
                        .help(format!("use {} to cover everything under this prefix", prefix_op.as_str()))
                        .spec("§4.5")
                        .decision("D18");
                    let target_free = field.conditions.iter().all(|c| c.operator != prefix_op);
                    if target_free && condition.values.len() == 1 {
                        d = d.fix(
                            format!("Use {}", prefix_op.as_str()),
                            condition.key_span,
                            format!("\"{}\"", prefix_op.as_str()),
                        );
                    }
                    d
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::run_rule;

    #[test]
    fn not_equals_bucket_prefix_warns_with_fix() {
        let d = run_rule(
            check,
            r#"{"TrailName":"t","AdvancedEventSelectors":[{"FieldSelectors":[{"Field":"resources.ARN","NotEquals":["arn:aws:s3:::bucket/"]}]}]}"#,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].fixes[0].edits[0].text, "\"NotStartsWith\"");
        let exact = r#"{"TrailName":"t","AdvancedEventSelectors":[{"FieldSelectors":[{"Field":"resources.ARN","Equals":["arn:aws:s3:::bucket/key"]}]}]}"#;
        assert!(run_rule(check, exact).is_empty());
    }
}
