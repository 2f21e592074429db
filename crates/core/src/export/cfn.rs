//! The CloudFormation template both CloudFormation dialects write: one `AWS::CloudTrail::Trail`
//! whose `EventSelectors` / `AdvancedEventSelectors` carry the API's member names, which are also
//! the resource's property names (spec §8; cfn-lint 1.58.0's schema of the resource, S12). The
//! required `S3BucketName` comes from a parameter, `IsLogging` is true (D50).

use super::tree::{self, Node};
use super::Trail;
use crate::request::model::Selectors;

pub(super) const BUCKET_PARAMETER: &str = "TrailBucketName";
pub(super) const BUCKET_HELP: &str =
    "The S3 bucket CloudTrail delivers log files to (its bucket policy must let CloudTrail write).";

/// The template, or why CloudFormation cannot hold these selectors.
pub(super) fn template(trail: &Trail, selectors: &Selectors) -> Result<Node, String> {
    refuse_empty_names(selectors)?;
    let (member, value) = tree::selectors(selectors);
    let text = |t: &str| Node::Text(t.to_string());
    let properties = Node::Map(vec![
        ("TrailName", text(trail.name)),
        ("IsLogging", Node::Flag(true)),
        ("S3BucketName", Node::Map(vec![("Ref", text(BUCKET_PARAMETER))])),
        (member, value),
    ]);
    let parameter = Node::Map(vec![("Type", text("String")), ("Description", text(BUCKET_HELP))]);
    Ok(Node::Map(vec![
        ("AWSTemplateFormatVersion", text("2010-09-09")),
        ("Description", text(&trail.header().join(" "))),
        ("Parameters", Node::Map(vec![(BUCKET_PARAMETER, parameter)])),
        (
            "Resources",
            Node::Map(vec![(
                "Trail",
                Node::Map(vec![("Type", text("AWS::CloudTrail::Trail")), ("Properties", properties)]),
            )]),
        ),
    ]))
}

/// An advanced selector's `Name` may be empty in the API (min 0, spec §1.4) but not in the
/// resource (`minLength` 1, S12): CloudFormation would refuse the template (D51). CDK writes
/// the same resource.
pub(super) fn refuse_empty_names(selectors: &Selectors) -> Result<(), String> {
    let empty = match selectors {
        Selectors::Advanced(list) => list.iter().any(|s| s.name.as_deref() == Some("")),
        Selectors::Basic(_) => false,
    };
    if empty {
        return Err(
            "an advanced event selector has an empty Name, which AWS::CloudTrail::Trail refuses (minLength 1); \
                    give it a name or remove it (D51)"
                .to_string(),
        );
    }
    Ok(())
}
