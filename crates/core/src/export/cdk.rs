//! A CDK (v2, TypeScript) stack holding a `CfnTrail`, the L1 construct of the same
//! `AWS::CloudTrail::Trail` resource: props in camelCase, except that CDK names `Equals`
//! `equalTo` (aws-cdk-lib `CfnTrail.AdvancedFieldSelectorProperty`; spec §8). The bucket is a
//! `CfnParameter`, as in the CloudFormation export; the resource's limits apply (D51).

use super::literal::{self, Style};
use super::{cfn, tree, Trail};
use crate::request::model::Selectors;
use crate::source::escape::{c_quoted, unicode_escape};

const TYPESCRIPT: Style =
    Style { string, key: prop_name, flag: literal::lowercase_flag, indent: "  ", trailing_comma: true };

pub(super) fn write(trail: &Trail, selectors: &Selectors) -> Result<String, String> {
    cfn::refuse_empty_names(selectors)?;
    let (member, value) = tree::selectors(selectors);
    let mut out: String = trail.header().iter().map(|line| format!("// {line}\n")).collect();
    out.push_str(&format!(
        "// s3BucketName comes from the parameter {}: {}\n",
        cfn::BUCKET_PARAMETER,
        cfn::BUCKET_HELP
    ));
    out.push_str(
        "import { CfnParameter, Stack, StackProps } from 'aws-cdk-lib';\n\
         import { CfnTrail } from 'aws-cdk-lib/aws-cloudtrail';\n\
         import { Construct } from 'constructs';\n\n\
         export class TrailStack extends Stack {\n  \
         constructor(scope: Construct, id: string, props?: StackProps) {\n    \
         super(scope, id, props);\n\n",
    );
    out.push_str(&format!(
        "    const bucket = new CfnParameter(this, {}, {{\n      type: 'String',\n      description: {},\n    }});\n\n",
        string(cfn::BUCKET_PARAMETER),
        string(cfn::BUCKET_HELP)
    ));
    out.push_str(&format!(
        "    new CfnTrail(this, 'Trail', {{\n      trailName: {},\n      isLogging: true,\n      s3BucketName: bucket.valueAsString,\n      {}: ",
        string(trail.name),
        prop_name(member)
    ));
    literal::write(&value, &TYPESCRIPT, 3, &mut out);
    out.push_str(",\n    });\n  }\n}\n");
    Ok(out)
}

/// The CDK prop of an API member: camelCase, `Equals` -> `equalTo`.
fn prop_name(member: &'static str) -> String {
    if member == "Equals" {
        return "equalTo".to_string();
    }
    let mut chars = member.chars();
    chars.next().map(|first| first.to_ascii_lowercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// A single-quoted JavaScript string: `\`, `'`, control characters and the two characters
/// older engines read as line ends (U+2028, U+2029) escaped.
fn string(text: &str) -> String {
    c_quoted(text, '\'', unicode_escape(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn props_are_camel_case_and_equals_is_equal_to() {
        assert_eq!(prop_name("AdvancedEventSelectors"), "advancedEventSelectors");
        assert_eq!(prop_name("Equals"), "equalTo");
        assert_eq!(prop_name("NotEquals"), "notEquals");
        assert_eq!(prop_name("Type"), "type");
    }

    #[test]
    fn strings_are_single_quoted_and_escaped() {
        assert_eq!(string("it's a \\ \n\u{2028}${x}"), r"'it\'s a \\ \n\u2028${x}'");
    }
}
