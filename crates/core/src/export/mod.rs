//! Exports (issue 11 §3): a valid request's selectors in each dialect people deploy with, all
//! written from the canonical form (`request::canonical`: the stored selectors, defaults written
//! out, duplicates dropped, fields in the documentation's order) and the trail's name (D50).
//!
//! - [`cli`]: the `aws cloudtrail put-event-selectors` command (POSIX shell quoting);
//! - [`boto3`]: a `client.put_event_selectors(...)` call (Python literals);
//! - [`cfn_yaml`], [`cfn_json`]: a CloudFormation template with the `AWS::CloudTrail::Trail`
//!   ([`cfn`] builds it once for both);
//! - [`terraform`]: an `aws_cloudtrail` resource (HCL);
//! - [`cdk`]: a CDK stack with a `CfnTrail` (TypeScript).
//!
//! A dialect that cannot say the selectors exactly refuses ([`ExportError::Unsupported`]), so
//! no export deploys differently from what trailscope validated.

mod boto3;
mod cdk;
mod cfn;
mod cfn_json;
mod cfn_yaml;
mod cli;
mod literal;
mod terraform;
mod tree;

use crate::catalog::arn;
use crate::check::context::AccountContext;
use crate::check::service::{put_event_selectors, Outcome};
use crate::request::canonical;
use crate::request::model::{Selectors, SelectorsResponse};
use serde::Serialize;

/// A dialect the selectors can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Dialect {
    Cli,
    Boto3,
    CfnYaml,
    CfnJson,
    Terraform,
    Cdk,
}

impl Dialect {
    pub const ALL: [Dialect; 6] =
        [Dialect::Cli, Dialect::Boto3, Dialect::CfnYaml, Dialect::CfnJson, Dialect::Terraform, Dialect::Cdk];

    /// The name `trailscope export --to` and `exportAs` take.
    pub fn id(self) -> &'static str {
        match self {
            Dialect::Cli => "cli",
            Dialect::Boto3 => "boto3",
            Dialect::CfnYaml => "cfn-yaml",
            Dialect::CfnJson => "cfn-json",
            Dialect::Terraform => "terraform",
            Dialect::Cdk => "cdk",
        }
    }

    /// What a menu shows.
    pub fn label(self) -> &'static str {
        match self {
            Dialect::Cli => "AWS CLI command",
            Dialect::Boto3 => "boto3 (Python)",
            Dialect::CfnYaml => "CloudFormation (YAML)",
            Dialect::CfnJson => "CloudFormation (JSON)",
            Dialect::Terraform => "Terraform (aws_cloudtrail)",
            Dialect::Cdk => "CDK (TypeScript CfnTrail)",
        }
    }

    /// The file extension of a saved export, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Dialect::Cli => "sh",
            Dialect::Boto3 => "py",
            Dialect::CfnYaml => "yaml",
            Dialect::CfnJson => "json",
            Dialect::Terraform => "tf",
            Dialect::Cdk => "ts",
        }
    }

    pub fn parse(id: &str) -> Option<Dialect> {
        Dialect::ALL.into_iter().find(|d| d.id() == id)
    }
}

/// A dialect as a menu lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DialectInfo {
    pub id: Dialect,
    pub label: &'static str,
    pub extension: &'static str,
}

/// Every dialect, in menu order.
pub fn dialects() -> Vec<DialectInfo> {
    Dialect::ALL.into_iter().map(|d| DialectInfo { id: d, label: d.label(), extension: d.extension() }).collect()
}

/// Why there is no export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The request is not valid: the error CloudTrail (or the SDK) would answer.
    Invalid { error_type: String, message: String },
    /// The dialect cannot say these selectors exactly; the reason cites its source.
    Unsupported { dialect: Dialect, reason: String },
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Invalid { error_type, message } => {
                write!(f, "the request is not valid: {error_type}: {message}")
            }
            ExportError::Unsupported { dialect, reason } => write!(f, "no {} export: {reason}", dialect.label()),
        }
    }
}

/// The request (any form `validate` reads), validated without an account context, in `dialect`.
pub fn export(request: &str, dialect: Dialect) -> Result<String, ExportError> {
    export_in(request, None, dialect)
}

/// The request validated in an account context (a trail ARN outside the default account and
/// Region needs one), in `dialect`.
pub fn export_in(request: &str, context: Option<&AccountContext>, dialect: Dialect) -> Result<String, ExportError> {
    match put_event_selectors(request, context).outcome {
        Outcome::Response(response) => export_response(request, &response, dialect),
        Outcome::Error(error) => {
            Err(ExportError::Invalid { error_type: error.error_type.as_str().to_string(), message: error.message })
        }
    }
}

/// An accepted request (`source`, and the response its evaluation gave) in `dialect`.
pub fn export_response(source: &str, response: &SelectorsResponse, dialect: Dialect) -> Result<String, ExportError> {
    let written = canonical::trail_name(source, response);
    let trail = Trail::of(&written);
    let selectors = canonical::canonical(&response.selectors);
    write(dialect, &trail, &selectors).map_err(|reason| ExportError::Unsupported { dialect, reason })
}

fn write(dialect: Dialect, trail: &Trail, selectors: &Selectors) -> Result<String, String> {
    match dialect {
        Dialect::Cli => Ok(cli::write(trail, selectors)),
        Dialect::Boto3 => Ok(boto3::write(trail, selectors)),
        Dialect::CfnYaml => cfn_yaml::write(trail, selectors),
        Dialect::CfnJson => cfn_json::write(trail, selectors),
        Dialect::Terraform => terraform::write(trail, selectors),
        Dialect::Cdk => cdk::write(trail, selectors),
    }
}

/// The trail an export is for: the request's `TrailName` as written (the API calls take it),
/// and, for a trail ARN, its name and home (IaC names the trail; D50).
pub(crate) struct Trail<'a> {
    pub written: &'a str,
    pub name: &'a str,
    /// `(region, account)` from a trail ARN.
    pub home: Option<(&'a str, &'a str)>,
}

impl<'a> Trail<'a> {
    fn of(written: &'a str) -> Trail<'a> {
        let from_arn = arn::split(written)
            .filter(|a| a.service == "cloudtrail")
            .and_then(|a| a.resource.strip_prefix("trail/").map(|name| (name, (a.region, a.account))));
        match from_arn {
            Some((name, home)) => Trail { written, name, home: Some(home) },
            None => Trail { written, name: written, home: None },
        }
    }

    /// The comment lines every export starts with (without the comment marker).
    pub fn header(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "PutEventSelectors for the trail {}, exported by trailscope from the canonical form (D50).",
            self.written
        )];
        if let Some((region, account)) = self.home {
            lines.push(format!("The trail's home Region is {region} in account {account}: apply it there."));
        }
        lines
    }
}

#[cfg(test)]
mod tests;
