//! End to end: IaC text in, diagnostics on the user's own lines, fixes that edit the file.

use super::{validate, Dialect, Validation};
use crate::check::rules::test_support::apply;
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::source::span::LineIndex;

fn one(text: &str) -> (Dialect, crate::check::service::Evaluation) {
    let Validation { dialect, mut trails } = validate(text, None, None).unwrap();
    assert_eq!(trails.len(), 1, "one trail");
    (dialect.unwrap(), trails.remove(0).evaluation)
}

fn errors(diagnostics: &[Diagnostic]) -> Vec<&Diagnostic> {
    diagnostics.iter().filter(|d| d.is_error()).collect()
}

/// 1-based line and the text a diagnostic points at.
fn at<'a>(text: &'a str, d: &Diagnostic) -> (usize, &'a str) {
    (LineIndex::new(text).line_column(d.span.start).line, &text[d.span.start..d.span.end])
}

const YAML: &str = "AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Bucket: {Type: String}
Resources:
  Logs:
    Type: AWS::S3::Bucket
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      TrailName: audit-trail
      IsLogging: true
      EventSelectors:
        - ReadWriteType: All
          IncludeManagementEvents: false
          DataResources:
            - Type: AWS::S3::Object
              Values:
                - arn:aws:s3:::plain-bucket
                - !Sub \"arn:${AWS::Partition}:s3:::${Bucket}/\"
                - !Sub \"arn:${AWS::Partition}:s3:::${Logs}\"
";

#[test]
fn cloudformation_yaml_errors_point_at_the_yaml_and_fixes_edit_it() {
    let (dialect, evaluation) = one(YAML);
    assert_eq!(dialect, Dialect::CloudformationYaml);
    let errors = errors(&evaluation.diagnostics);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert_eq!(at(YAML, errors[0]), (18, "arn:aws:s3:::plain-bucket"));
    assert_eq!(errors[0].pointer, "/EventSelectors/0/DataResources/0/Values/0");
    let fixed = apply(YAML, &errors[0].fixes[0].edits);
    assert!(fixed.contains("- \"arn:aws:s3:::plain-bucket/\"\n"), "{fixed}");
    // The template judged by its example names itself as written, and its fix edits the template.
    assert_eq!(errors[1].message, "Value arn:${AWS::Partition}:s3:::${Logs} for DataResources.Values is invalid.");
    assert_eq!(at(YAML, errors[1]).0, 20);
    let fixed = apply(YAML, &errors[1].fixes[0].edits);
    assert!(fixed.contains("!Sub \"arn:${AWS::Partition}:s3:::${Logs}/\"\n"), "{fixed}");
    let notes: Vec<&Diagnostic> = evaluation.diagnostics.iter().filter(|d| d.severity == Severity::Note).collect();
    assert_eq!(notes.len(), 2, "{notes:#?}");
    assert!(notes.iter().all(|n| n.code == Code::NotChecked));
    assert_eq!(at(YAML, notes[0]).0, 19);
    assert!(notes[0].help.as_deref().unwrap().contains("arn:*:s3:::*/"), "{:?}", notes[0].help);
}

/// A member's removal is computed over JSON text (`Node::member_removal`): in HCL or YAML it
/// would cut the wrong bytes (a mutated corpus file found an inverted span), so only JSON
/// dialects keep it; the diagnostic stays, on the block as written.
#[test]
fn an_unknown_block_is_reported_without_a_json_removal() {
    let hcl = r#"resource "aws_cloudtrail" "t" {
  name           = "t"
  s3_bucket_name = "b"
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_select {
      field  = "readOnly"
      equals = ["true"]
    }
  }
}
"#;
    let (dialect, evaluation) = one(hcl);
    assert_eq!(dialect, Dialect::Terraform);
    let unknown = evaluation.diagnostics.iter().find(|d| d.message.contains("field_select")).expect("reported");
    assert!(at(hcl, unknown).1.starts_with("field_select"), "{:?}", at(hcl, unknown));
    assert!(unknown.fixes.iter().all(|f| f.edits.iter().all(|e| !e.text.is_empty())), "{unknown:?}");

    let json = r#"{"Resources": {"T": {"Type": "AWS::CloudTrail::Trail", "Properties": {"TrailName": "t",
  "EventSelectors": [{"ReadWriteType": "All", "Extra": 1}]}}}}"#;
    let (dialect, evaluation) = one(json);
    assert_eq!(dialect, Dialect::CloudformationJson);
    let extra = evaluation.diagnostics.iter().find(|d| d.message.contains("Extra")).expect("reported");
    let fixed = apply(json, &extra.fixes[0].edits);
    assert!(fixed.contains(r#"[{"ReadWriteType": "All"}]"#), "{fixed}");
}

/// A reader that stops at a multi-byte character reports it whole (the importers' property test
/// found a CDK syntax error whose span split an `é`).
#[test]
fn a_syntax_error_on_a_multibyte_character_spans_it_whole() {
    let text = "new CfnTrail(this, 'Trail', {\n  isLogging: true,\n  éx: 1,\n});\n";
    let result = super::read(text);
    let Err(d) = result else { panic!("a syntax error: {result:?}") };
    assert_eq!(d.code, Code::SyntaxError);
    assert_eq!(&text[d.span.start..d.span.end], "é", "{d:?}");
}

/// A rule that points at the first byte of a mapping (JSON's `{`) points at the whole of its
/// first character in YAML (the fuzz target import_validate found `- éype: ...`, a data resource
/// without its Type, pointed at half of the `é`).
#[test]
fn a_rule_pointing_at_a_mapping_that_starts_with_a_multibyte_character_spans_it_whole() {
    let text = "Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      TrailName: t
      EventSelectors:
        - ReadWriteType: All
          DataResources:
            - éype: AWS::S3::Object
";
    let (_, evaluation) = one(text);
    let d = errors(&evaluation.diagnostics)
        .into_iter()
        .find(|d| d.message.starts_with("a data resource needs a Type"))
        .expect("the missing Type");
    assert_eq!(at(text, d), (9, "é"), "{d:?}");
}
