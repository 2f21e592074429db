//! CDK `CfnTrail` props (issue 11 §1): each `new CfnTrail(scope, 'Id', { ... })` in a
//! TypeScript or JavaScript file, or a bare props object literal, read by `literal` and mapped
//! from CDK's camelCase names to the API's (spec §8; `equalTo` is `Equals`). The trail name is
//! `trailName`, else the construct ID.

mod literal;

use super::rename::renamed;
use super::{cfn, coerce, ImportedTrail, SyntaxProblem};
use crate::source::json::{Member, Node, Value};
use crate::source::span::Span;
use literal::Parser;

/// CDK's property names and the API's (spec §8).
const NAMES: &[(&str, &str)] = &[
    ("trailName", "TrailName"),
    ("eventSelectors", "EventSelectors"),
    ("readWriteType", "ReadWriteType"),
    ("includeManagementEvents", "IncludeManagementEvents"),
    ("excludeManagementEventSources", "ExcludeManagementEventSources"),
    ("dataResources", "DataResources"),
    ("type", "Type"),
    ("values", "Values"),
    ("advancedEventSelectors", "AdvancedEventSelectors"),
    ("name", "Name"),
    ("fieldSelectors", "FieldSelectors"),
    ("field", "Field"),
    ("equalTo", "Equals"),
    ("startsWith", "StartsWith"),
    ("endsWith", "EndsWith"),
    ("notEquals", "NotEquals"),
    ("notStartsWith", "NotStartsWith"),
    ("notEndsWith", "NotEndsWith"),
];

/// CDK's name for an API member.
pub fn key_name(aws: &str) -> Option<&'static str> {
    NAMES.iter().find(|(_, a)| *a == aws).map(|(c, _)| *c)
}

fn aws_name(cdk: &str) -> Option<&'static str> {
    NAMES.iter().find(|(c, _)| *c == cdk).map(|(_, a)| *a)
}

const CONSTRUCT: &str = "CfnTrail(";

/// True for a CDK file or props: `CfnTrail`, or CDK's camelCase selector names.
pub fn looks_like(text: &str) -> bool {
    text.contains(CONSTRUCT)
        || ["eventSelectors", "advancedEventSelectors", "fieldSelectors"].iter().any(|k| text.contains(k))
}

pub fn trails(text: &str) -> Result<Vec<ImportedTrail>, SyntaxProblem> {
    let calls: Vec<usize> = text.match_indices(CONSTRUCT).map(|(i, _)| i + CONSTRUCT.len()).collect();
    if calls.is_empty() {
        let start = text.find('{').ok_or_else(|| SyntaxProblem::new("no object literal".into(), Span::new(0, 0)))?;
        let mut parser = Parser::new(text, start);
        let props = parser.value(0)?;
        return Ok(trail(&props, "props", props.span.first_byte()).into_iter().collect());
    }
    let mut found = Vec::new();
    for start in calls {
        let (id, id_span, props) = arguments(text, start)?;
        found.extend(trail(&props, &id, id_span));
    }
    Ok(found)
}

/// The construct ID (and where it is written) and the props of the call whose arguments start
/// at `start`.
fn arguments(text: &str, start: usize) -> Result<(String, Span, Node), SyntaxProblem> {
    let mut parser = Parser::new(text, start);
    let mut args = Vec::new();
    for _ in 0..3 {
        parser.skip();
        args.push(parser.value(0)?);
        parser.skip();
        if text.as_bytes().get(parser.pos) == Some(&b',') {
            parser.pos += 1;
        }
    }
    let props = args.pop().unwrap_or(Node { value: Value::Null, span: Span::new(start, start) });
    let id = args.get(1).and_then(|n| n.as_str()).unwrap_or("CfnTrail").to_string();
    let id_span = args.get(1).map_or(props.span.first_byte(), |n| n.span);
    Ok((id, id_span, props))
}

/// The request of one props object (`id` written at `id_span`); `None` when it sets no
/// selector list. Without `trailName`, CDK's template sets none: CloudFormation generates it.
fn trail(props: &Node, id: &str, id_span: Span) -> Option<ImportedTrail> {
    let Value::Object(members) = &props.value else {
        return None;
    };
    let wanted = ["TrailName", "EventSelectors", "AdvancedEventSelectors"];
    let mut members: Vec<Member> = members
        .iter()
        .filter_map(|m| {
            let aws = aws_name(&m.key).filter(|a| wanted.contains(a))?;
            Some(Member {
                key: aws.to_string(),
                key_span: m.key_span,
                value: coerce::request_member(aws, renamed(&m.value, aws_name, |_| true)),
            })
        })
        .collect();
    if members.iter().all(|m| m.key == "TrailName") {
        return None;
    }
    let mut notes = Vec::new();
    if members.iter().all(|m| m.key != "TrailName") {
        let (member, note) = cfn::generated_name(id, id_span);
        members.insert(0, member);
        notes.push(note);
    }
    let name = members.iter().find(|m| m.key == "TrailName").and_then(|m| m.value.as_str()).unwrap_or(id).to_string();
    let document = Node { value: Value::Object(members), span: props.span };
    Some(ImportedTrail { name, label: id.to_string(), document, notes })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TS: &str = r#"import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';

new cloudtrail.CfnTrail(this, 'DataTrail', {
  isLogging: true,
  s3BucketName: bucket.bucketName,
  advancedEventSelectors: [{
    name: 'S3 writes',
    fieldSelectors: [
      { field: 'eventCategory', equalTo: ['Data'] }, // data events
      { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
      { field: 'readOnly', equalTo: [false as any] },
      { field: 'resources.ARN', startsWith: [`${bucket.bucketArn}/`] },
    ],
  }],
});
new cloudtrail.CfnTrail(this, 'Other', { trailName: "named", eventSelectors: [{ readWriteType: 'All' }] });
"#;

    #[test]
    fn each_cfn_trail_becomes_a_request() {
        assert!(looks_like(TS));
        let trails = trails(TS).unwrap();
        let names: Vec<(&str, &str)> = trails.iter().map(|t| (t.name.as_str(), t.label.as_str())).collect();
        assert_eq!(names, [("DataTrail", "DataTrail"), ("named", "Other")]);
        let doc = &trails[0].document;
        let Value::Array(selectors) = &doc.get("AdvancedEventSelectors").unwrap().value.value else { panic!() };
        let Value::Array(fields) = &selectors[0].get("FieldSelectors").unwrap().value.value else { panic!() };
        assert_eq!(fields[0].get("Equals").unwrap().value.span, fields[0].get("Equals").unwrap().value.span);
        let Value::Array(read_only) = &fields[2].get("Equals").unwrap().value.value else { panic!() };
        assert_eq!(read_only[0].as_str(), Some("false"), "a boolean where a string goes is that string");
        let Value::Array(arns) = &fields[3].get("StartsWith").unwrap().value.value else { panic!() };
        assert!(matches!(arns[0].value, Value::Unknown(_)));
        let key = fields[0].get("Equals").unwrap().key_span;
        assert_eq!(&TS[key.start..key.end], "equalTo");
        assert_eq!(key_name("Equals"), Some("equalTo"));
    }

    #[test]
    fn bare_props_are_read_too() {
        let trails =
            trails("const props: CfnTrailProps = {\n  trailName: 'x-trail',\n  eventSelectors: [],\n};").unwrap();
        assert_eq!((trails[0].name.as_str(), trails[0].label.as_str()), ("x-trail", "props"));
    }
}
