//! Logging every data event of a type is legal and sometimes meant, but it is billed per
//! event, and "all S3 objects" includes the trail's own log bucket (spec §6.2; decisions D18).

use super::fields::{category_of, resource_type_of};
use crate::catalog::data_value::is_all;
use crate::catalog::{basic_type, is_resource_type};
use crate::catalog::{Category, Field};
use crate::diagnostics::{Code, Diagnostic, Problems};
use crate::request::located::{AdvancedEventSelector, Request};

pub fn check(request: &Request, out: &mut Problems) {
    for resource in request.event_selectors().iter().flat_map(|s| s.data_resources()) {
        let Some(ty) = &resource.resource_type else {
            continue;
        };
        let Some(basic) = basic_type(&ty.value) else {
            continue;
        };
        for value in resource.values().iter().filter(|v| is_all(basic.service, &v.value)) {
            out.push(|| warning(&ty.value, &value.pointer, value.span));
        }
    }
    for selector in request.advanced_event_selectors() {
        if category_of(selector) == Some(Category::Data) && only_type_and_read_only(selector) {
            if let Some(ty) = resource_type_of(selector).filter(|t| is_resource_type(t)) {
                let field = selector.field_selectors().iter().find(|f| f.known_field() == Some(Field::ResourcesType));
                if let Some(value) = field.and_then(|f| f.conditions.first()).and_then(|c| c.values.first()) {
                    out.push(|| warning(ty, &value.pointer, value.span));
                }
            }
        }
    }
}

fn only_type_and_read_only(selector: &AdvancedEventSelector) -> bool {
    selector
        .field_selectors()
        .iter()
        .all(|f| matches!(f.known_field(), Some(Field::EventCategory | Field::ResourcesType | Field::ReadOnly)))
}

fn warning(resource_type: &str, pointer: &str, span: crate::source::span::Span) -> Diagnostic {
    let mut message =
        format!("this logs every {resource_type} data event in the account's scope; data events are billed per event");
    if resource_type == "AWS::S3::Object" {
        message.push_str(", and this includes the trail's own writes to its log bucket");
    }
    Diagnostic::new(Code::AllDataEvents, message, pointer, span)
        .help("narrow it to the resources you need (bucket prefixes, function ARNs, or resources.ARN / eventName conditions)")
        .spec("§6.2")
        .decision("D18")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::run_rule;

    #[test]
    fn all_buckets_warn_narrow_selectors_do_not() {
        let basic = r#"{"TrailName":"t","EventSelectors":[{"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3","arn:aws:s3:::b/"]}]}]}"#;
        assert_eq!(run_rule(check, basic).len(), 1);
        let advanced = |extra: &str| {
            format!(
                r#"{{"TrailName":"t","AdvancedEventSelectors":[{{"FieldSelectors":[{{"Field":"eventCategory","Equals":["Data"]}},{{"Field":"resources.type","Equals":["AWS::S3::Object"]}}{extra}]}}]}}"#
            )
        };
        assert_eq!(run_rule(check, &advanced("")).len(), 1);
        assert!(run_rule(check, &advanced(r#",{"Field":"eventName","Equals":["PutObject"]}"#)).is_empty());
    }
}
