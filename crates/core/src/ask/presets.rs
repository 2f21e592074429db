//! Questions people recognise (compliance checks, each citing its source) and the CloudTrail
//! console's selector templates, which the page names when the selectors equal one.

use super::{diff, AskError, Question, TrailFacts};
use crate::model::{AdvancedEventSelector, AdvancedFieldSelector, Operator, Selectors};
use serde::Serialize;
use std::borrow::Cow;

/// A named question. `{bucket}` / `{source}` in the question are replaced by the argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Preset {
    pub id: &'static str,
    pub title: &'static str,
    /// The question as JSON (see [`Question::from_json`]).
    pub question: &'static str,
    /// Who asks it, and where they say so.
    pub source: &'static str,
    /// The argument the question takes, if any, and its default.
    pub argument: Option<(&'static str, &'static str)>,
}

const S3_WRITE: &str = "CIS AWS Foundations Benchmark, object-level logging for write events (3.10 in v1.4-v3.0, \
    3.8 in v5.0, 4.8 in v6.0); AWS Security Hub S3.22; AWS Config cloudtrail-all-write-s3-data-event-check";
const S3_READ: &str = "CIS AWS Foundations Benchmark, object-level logging for read events (3.11 in v1.4-v3.0, \
    3.9 in v5.0, 4.9 in v6.0); AWS Security Hub S3.23; AWS Config cloudtrail-all-read-s3-data-event-check";

pub const PRESETS: &[Preset] = &[
    Preset {
        id: "cis-s3-write",
        title: "S3 object writes, every bucket",
        question: r#"{"eventCategory": "Data", "resources.type": "AWS::S3::Object", "readOnly": "false"}"#,
        source: S3_WRITE,
        argument: None,
    },
    Preset {
        id: "cis-s3-read",
        title: "S3 object reads, every bucket",
        question: r#"{"eventCategory": "Data", "resources.type": "AWS::S3::Object", "readOnly": "true"}"#,
        source: S3_READ,
        argument: None,
    },
    Preset {
        id: "s3-write-bucket",
        title: "S3 object writes in one bucket",
        question: r#"{"eventCategory": "Data", "resources.type": "AWS::S3::Object", "readOnly": "false", "resources.ARN": {"StartsWith": "arn:aws:s3:::{bucket}/"}}"#,
        source: S3_WRITE,
        argument: Some(("bucket", "amzn-s3-demo-bucket")),
    },
    Preset {
        id: "s3-read-bucket",
        title: "S3 object reads in one bucket",
        question: r#"{"eventCategory": "Data", "resources.type": "AWS::S3::Object", "readOnly": "true", "resources.ARN": {"StartsWith": "arn:aws:s3:::{bucket}/"}}"#,
        source: S3_READ,
        argument: Some(("bucket", "amzn-s3-demo-bucket")),
    },
    Preset {
        id: "all-management",
        title: "Every management event, read and write",
        question: r#"{"eventCategory": "Management", "readOnly": ["true", "false"]}"#,
        source: "AWS Config multi-region-cloudtrail-enabled (NON_COMPLIANT when KMS or RDS Data API events are \
            excluded) and AWS Security Hub CloudTrail.1; CIS AWS Foundations Benchmark 3.1 (v1.4-v3.0)",
        argument: None,
    },
    Preset {
        id: "network-activity",
        title: "Network activity events of one service",
        question: r#"{"eventCategory": "NetworkActivity", "eventSource": "{source}"}"#,
        source: "CloudTrail User Guide, logging network activity events",
        argument: Some(("source", "kms.amazonaws.com")),
    },
    Preset {
        id: "network-activity-denied",
        title: "Access-denied network activity events of one service",
        question: r#"{"eventCategory": "NetworkActivity", "eventSource": "{source}", "errorCode": "VpceAccessDenied"}"#,
        source: "CloudTrail User Guide, logging network activity events (errorCode VpceAccessDenied)",
        argument: Some(("source", "kms.amazonaws.com")),
    },
];

impl Preset {
    pub fn find(id: &str) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.id == id)
    }

    /// The question, with `argument` (or the default) in place of the placeholder.
    pub fn question(&self, argument: Option<&str>) -> Question {
        Question::from_json(&self.question_text(argument)).unwrap_or_default()
    }

    /// The question's JSON text, with `argument` (or the default) in place of the placeholder.
    pub fn question_text(&self, argument: Option<&str>) -> String {
        match self.argument {
            Some((name, default)) => self.question.replace(&format!("{{{name}}}"), argument.unwrap_or(default)),
            None => self.question.to_string(),
        }
    }
}

/// A selector template of the CloudTrail console, for management events or for the data events
/// of one resource type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Template {
    pub id: &'static str,
    pub title: &'static str,
    /// Data templates: the field selectors after eventCategory and resources.type; management
    /// templates: after eventCategory. (field, operator, values)
    #[serde(skip)]
    conditions: &'static [(&'static str, Operator, &'static [&'static str])],
    pub data: bool,
    /// How sure the mapping from the console's label to field selectors is.
    pub source: &'static str,
}

const CONSOLE: &str = "CloudTrail console, data events: log selector templates (User Guide, logging data events)";
const UNSURE: &str = "CloudTrail console label; the field selectors behind it are trailscope's reading of the User \
    Guide examples, not confirmed against the console (decisions D35)";

pub const TEMPLATES: &[Template] = &[
    Template { id: "log-all-events", title: "Log all events", conditions: &[], data: true, source: CONSOLE },
    Template {
        id: "log-read-only",
        title: "Log only read events",
        conditions: &[("readOnly", Operator::Equals, &["true"])],
        data: true,
        source: CONSOLE,
    },
    Template {
        id: "log-write-only",
        title: "Log only write events",
        conditions: &[("readOnly", Operator::Equals, &["false"])],
        data: true,
        source: CONSOLE,
    },
    Template {
        id: "log-console-events",
        title: "Log only AWS Management Console events",
        conditions: &[("sessionCredentialFromConsole", Operator::Equals, &["true"])],
        data: true,
        source: UNSURE,
    },
    Template {
        id: "exclude-service-events",
        title: "Exclude AWS service initiated events",
        conditions: &[("eventType", Operator::NotEquals, &["AwsServiceEvent"])],
        data: true,
        source: UNSURE,
    },
    Template {
        id: "management-all",
        title: "Management events: read and write",
        conditions: &[],
        data: false,
        source: "CloudTrail console, management events (the default of a new trail)",
    },
    Template {
        id: "management-exclude-kms-rds",
        title: "Management events, excluding AWS KMS and Amazon RDS Data API events",
        conditions: &[("eventSource", Operator::NotEquals, &["kms.amazonaws.com", "rdsdata.amazonaws.com"])],
        data: false,
        source: "CloudTrail console, management events: Exclude AWS KMS events, Exclude Amazon RDS Data API events",
    },
];

fn field(name: &str, op: Operator, values: &[&str]) -> AdvancedFieldSelector {
    let mut f = AdvancedFieldSelector::new(name);
    f.set_values(op, values.iter().map(|v| v.to_string()).collect());
    f
}

impl Template {
    pub fn find(id: &str) -> Option<&'static Template> {
        TEMPLATES.iter().find(|t| t.id == id)
    }

    /// The template as selectors, for `resource_type` when it is a data template.
    pub fn selectors(&self, resource_type: &str) -> Selectors {
        let mut fields =
            vec![field("eventCategory", Operator::Equals, &[if self.data { "Data" } else { "Management" }])];
        if self.data {
            fields.push(field("resources.type", Operator::Equals, &[resource_type]));
        }
        fields.extend(self.conditions.iter().map(|(name, op, values)| field(name, *op, values)));
        Selectors::Advanced(vec![AdvancedEventSelector { name: Some(self.title.to_string()), field_selectors: fields }])
    }

    /// The events the template speaks for: the data events of the type, or management events.
    fn scope(&self, resource_type: &str) -> Question {
        let text = if self.data {
            format!(r#"{{"eventCategory": "Data", "resources.type": {}}}"#, serde_json::Value::from(resource_type))
        } else {
            r#"{"eventCategory": "Management"}"#.to_string()
        };
        Question::from_json(&text).unwrap_or_default()
    }
}

/// A template the selectors equal, on the events it speaks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TemplateMatch {
    pub template: Cow<'static, str>,
    pub title: Cow<'static, str>,
    /// The resource type, for a data template.
    pub resource_type: Option<String>,
    pub source: Cow<'static, str>,
}

/// Every console template that `selectors` log exactly the same events as, for management
/// events and for each resource type the selectors name.
pub fn matching_templates(selectors: &Selectors) -> Result<Vec<TemplateMatch>, AskError> {
    let trail = TrailFacts::assumed();
    let mut out = Vec::new();
    for template in TEMPLATES {
        let types = if template.data { resource_types(selectors) } else { vec![String::new()] };
        for resource_type in types {
            let same = diff(selectors, &template.selectors(&resource_type), &trail, &template.scope(&resource_type))?;
            if same.equivalent {
                out.push(TemplateMatch {
                    template: template.id.into(),
                    title: template.title.into(),
                    resource_type: template.data.then_some(resource_type),
                    source: template.source.into(),
                });
            }
        }
    }
    Ok(out)
}

/// The resource types the selectors name (basic DataResources.Type, advanced resources.type).
fn resource_types(selectors: &Selectors) -> Vec<String> {
    let mut types: Vec<String> = match selectors {
        Selectors::Basic(list) => {
            list.iter().flat_map(|s| s.data_resources.iter().map(|r| r.resource_type.clone())).collect()
        }
        Selectors::Advanced(list) => list
            .iter()
            .flat_map(|s| s.field_selectors.iter())
            .filter(|f| f.field == "resources.type")
            .flat_map(|f| f.equals.iter().flatten().cloned())
            .collect(),
    };
    types.sort();
    types.dedup();
    types
}
