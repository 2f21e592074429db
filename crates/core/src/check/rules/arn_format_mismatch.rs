//! A resources.ARN value that is the ARN of another service than the selector's
//! resources.type can never match (spec §4.5 ARN formats; decisions D18).

use super::fields::resource_type_of;
use crate::catalog::arn;
use crate::catalog::{basic_type, Field};
use crate::diagnostics::{Code, Diagnostic, Problems};
use crate::request::located::Request;

/// ARN service names per resources.type, from the formats of spec §4.5 (the basic types'
/// come from the catalog).
const ARN_SERVICES: &[(&str, &[&str])] = &[
    ("AWS::DynamoDB::Stream", &["dynamodb"]),
    ("AWS::S3::AccessPoint", &["s3"]),
    ("AWS::S3ObjectLambda::AccessPoint", &["s3-object-lambda"]),
    ("AWS::S3Outposts::Object", &["s3-outposts"]),
    ("AWS::EC2::Snapshot", &["ec2"]),
    ("AWS::CloudTrail::Channel", &["cloudtrail"]),
    ("AWS::SNS::Topic", &["sns"]),
    ("AWS::SNS::PlatformEndpoint", &["sns"]),
    ("AWS::SQS::Queue", &["sqs"]),
    ("AWS::Glue::Table", &["glue"]),
    ("AWS::Cognito::IdentityPool", &["cognito-identity"]),
    ("AWS::SSM::ManagedNode", &["ssm", "ec2"]),
    ("AWS::ManagedBlockchain::Node", &["managedblockchain"]),
    ("AWS::ManagedBlockchain::Network", &["managedblockchain"]),
    ("AWS::RDS::DBCluster", &["rds"]),
    ("AWS::Cassandra::Table", &["cassandra"]),
    ("AWS::KinesisVideo::Stream", &["kinesisvideo"]),
];

fn arn_services(resource_type: &str) -> Option<&'static [&'static str]> {
    match basic_type(resource_type) {
        Some(basic) => Some(std::slice::from_ref(&basic.service)),
        None => ARN_SERVICES.iter().find(|(t, _)| *t == resource_type).map(|(_, services)| *services),
    }
}

pub fn check(request: &Request, out: &mut Problems) {
    for selector in request.advanced_event_selectors() {
        let Some(resource_type) = resource_type_of(selector) else {
            continue;
        };
        let Some(services) = arn_services(resource_type) else {
            continue;
        };
        let arn_fields = selector.field_selectors().iter().filter(|f| f.known_field() == Some(Field::ResourcesArn));
        for value in arn_fields.flat_map(|f| &f.conditions).flat_map(|c| &c.values) {
            // Only complete service names can be judged: "arn:aws:s" may be a prefix of "s3".
            let Some(service) = arn::split(&value.value).map(|a| a.service).or_else(|| complete_service(&value.value))
            else {
                continue;
            };
            if !services.contains(&service) {
                let formats: Vec<String> = services.iter().map(|s| format!("arn:<partition>:{s}")).collect();
                out.push(|| {
                    Diagnostic::new(
                        Code::ArnFormatMismatch,
                        format!("\"{}\" is an ARN of service \"{service}\", but resources.type is {resource_type}, whose ARNs start with {}", value.value, formats.join(" or ")),
                        &value.pointer,
                        value.span,
                    )
                    .help("events only carry ARNs of their own resource type, so this value never matches")
                    .spec("§4.5")
                    .decision("D18")
                });
            }
        }
    }
}

/// The service of a value like `arn:aws:lambda:` (its third part followed by `:`).
fn complete_service(value: &str) -> Option<&str> {
    let mut parts = value.strip_prefix("arn:")?.splitn(3, ':');
    let (_partition, service) = (parts.next()?, parts.next()?);
    parts.next().map(|_| service)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::run_rule;

    fn s3_selector(arn_value: &str) -> Vec<Diagnostic> {
        run_rule(
            check,
            &format!(
                r#"{{"TrailName":"t","AdvancedEventSelectors":[{{"FieldSelectors":[{{"Field":"eventCategory","Equals":["Data"]}},{{"Field":"resources.type","Equals":["AWS::S3::Object"]}},{{"Field":"resources.ARN","StartsWith":["{arn_value}"]}}]}}]}}"#
            ),
        )
    }

    #[test]
    fn other_service_arns_warn() {
        assert_eq!(s3_selector("arn:aws:lambda:us-east-1:111111111111:function:f").len(), 1);
        assert_eq!(s3_selector("arn:aws:lambda:").len(), 1);
        assert!(s3_selector("arn:aws:s3:::b/").is_empty());
        assert!(s3_selector("arn:aws:s").is_empty());
    }
}
