//! `StartsWith arn:aws:s3:::bucket` without the trailing `/` also covers every other bucket
//! whose name starts the same way (bucket-logs, bucket2, ...) (spec §4.5 "The trailing slash is
//! intentional"; decisions D18).

use super::fields::resource_type_of;
use super::quoted;
use crate::catalog::arn;
use crate::catalog::Field;
use crate::diagnostics::{Code, Diagnostic, Problems};
use crate::request::located::Request;
use crate::request::model::Operator;

pub fn check(request: &Request, out: &mut Problems) {
    for selector in request.advanced_event_selectors() {
        if resource_type_of(selector) != Some("AWS::S3::Object") {
            continue;
        }
        let arn_fields = selector.field_selectors().iter().filter(|f| f.known_field() == Some(Field::ResourcesArn));
        let conditions = arn_fields
            .flat_map(|f| &f.conditions)
            .filter(|c| matches!(c.operator, Operator::StartsWith | Operator::NotStartsWith));
        for value in conditions.flat_map(|c| &c.values) {
            let Some(parts) = arn::split(&value.value) else {
                continue;
            };
            if parts.service == "s3" && !parts.resource.is_empty() && !parts.resource.contains('/') {
                out.push(|| {
                    Diagnostic::new(
                        Code::S3BucketWithoutSlash,
                        format!("\"{}\" names a bucket without the trailing \"/\": it also covers every bucket whose name starts with \"{}\"", value.value, parts.resource),
                        &value.pointer,
                        value.span,
                    )
                    .fix("Add the trailing slash", value.span, quoted(&format!("{}/", value.value)))
                    .spec("§4.5")
                    .decision("D18")
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
    fn bucket_prefix_without_slash_warns() {
        let text = |v: &str| {
            format!(
                r#"{{"TrailName":"t","AdvancedEventSelectors":[{{"FieldSelectors":[{{"Field":"eventCategory","Equals":["Data"]}},{{"Field":"resources.type","Equals":["AWS::S3::Object"]}},{{"Field":"resources.ARN","StartsWith":["{v}"]}}]}}]}}"#
            )
        };
        assert_eq!(run_rule(check, &text("arn:aws:s3:::bucket")).len(), 1);
        assert!(run_rule(check, &text("arn:aws:s3:::bucket/")).is_empty());
        assert!(run_rule(check, &text("arn:aws:s3:::")).is_empty());
    }
}
