use super::*;

const ADVANCED: &str = r#"{
  "TrailName": "arn:aws:cloudtrail:eu-west-1:123456789012:trail/audit",
  "AdvancedEventSelectors": [
    {"Name": "S3 writes, one bucket's ${env} prefix aside: it's 'quoted'",
     "FieldSelectors": [
       {"Field": "resources.ARN", "NotStartsWith": ["arn:aws:s3:::logs/${env}/", "arn:aws:s3:::logs/%{x}"]},
       {"Field": "readOnly", "Equals": ["false"]},
       {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
       {"Field": "eventCategory", "Equals": ["Data"]}]},
    {"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]},
       {"Field": "eventSource", "NotEquals": ["kms.amazonaws.com"]}]}
  ]
}"#;

const BASIC: &str = r#"{
  "TrailName": "my-trail",
  "EventSelectors": [
    {"ReadWriteType": "WriteOnly", "IncludeManagementEvents": false,
     "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::bucket-b/", "arn:aws:s3:::bucket-a/"]}]},
    {"ExcludeManagementEventSources": ["kms.amazonaws.com"]}
  ]
}"#;

fn exported(request: &str, dialect: Dialect) -> String {
    export(request, dialect).unwrap_or_else(|e| panic!("{}: {e}", dialect.id()))
}

#[test]
fn every_dialect_writes_the_canonical_selectors() {
    for (name, request) in [("advanced", ADVANCED), ("basic", BASIC)] {
        for dialect in Dialect::ALL {
            insta::assert_snapshot!(format!("{name}_{}", dialect.id()), exported(request, dialect));
        }
    }
}

#[test]
fn an_invalid_request_is_refused_with_cloudtrails_answer() {
    let error = export(r#"{"TrailName": "t", "EventSelectors": []}"#, Dialect::Cli).unwrap_err();
    assert!(
        matches!(&error, ExportError::Invalid { error_type, .. } if error_type == "InvalidTrailNameException"),
        "{error}"
    );
    assert!(export("{", Dialect::Terraform).is_err());
}

#[test]
fn an_empty_name_is_refused_where_cloudformation_would_refuse_it() {
    let request = r#"{"TrailName": "trail", "AdvancedEventSelectors": [{"Name": "", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}]}]}"#;
    for dialect in [Dialect::CfnYaml, Dialect::CfnJson, Dialect::Cdk] {
        let error = export(request, dialect).unwrap_err();
        assert!(error.to_string().contains("minLength 1"), "{error}");
    }
    assert!(exported(request, Dialect::Terraform).contains("name = \"\""));
    assert!(exported(request, Dialect::Cli).contains(r#""Name": """#));
}

#[test]
fn terraform_pins_the_provider_that_knows_a_late_field() {
    let with = |field: &str, value: &str| {
        let request = format!(
            r#"{{"TrailName": "trail", "AdvancedEventSelectors": [{{"FieldSelectors": [{{"Field": "eventCategory", "Equals": ["Data"]}},
            {{"Field": "resources.type", "Equals": ["AWS::S3::Object"]}}, {{"Field": "{field}", "Equals": ["{value}"]}}]}}]}}"#
        );
        exported(&request, Dialect::Terraform)
    };
    assert!(with("eventType", "AwsApiCall").contains("version = \">= 6.2.0\""));
    assert!(with("userIdentity.arn", "arn:aws:iam::111111111111:user/a").contains("version = \">= 6.0.0\""));
    assert!(!with("eventName", "PutObject").contains("required_providers"));
}

#[test]
fn dialects_have_ids_labels_and_extensions() {
    let listed = dialects();
    assert_eq!(listed.len(), Dialect::ALL.len());
    for info in listed {
        assert_eq!(Dialect::parse(info.id.id()), Some(info.id));
        assert!(!info.label.is_empty() && !info.extension.is_empty());
    }
    assert_eq!(Dialect::parse("yaml"), None);
}

#[test]
fn the_request_is_judged_in_its_account_context() {
    let context = |trails: &str| {
        AccountContext::from_json(&format!(
            r#"{{"account": "123456789012", "region": "eu-west-1", "trails": [{trails}]}}"#
        ))
        .unwrap()
    };
    let error = export_in(ADVANCED, Some(&context("")), Dialect::Cli).unwrap_err();
    assert!(error.to_string().contains("TrailNotFoundException"), "{error}");
    let listed = context(r#"{"name": "audit", "homeRegion": "eu-west-1"}"#);
    assert!(export_in(ADVANCED, Some(&listed), Dialect::Cli).unwrap().contains("--region eu-west-1"));
}
