//! The code registry: every diagnostic code once, with its name as AWS spells it, the stage of
//! the request's checks it belongs to, its severity and whose words its messages are by default.
//! Everything else (`as_str`, `stage`, `severity`, the serialized form, the list of all codes)
//! follows from the one table below, so a new code cannot be half-registered.

use serde::{Deserialize, Serialize};

/// The order in which a request meets its checks (spec: decisions, "Order of checks").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Input,
    Client,
    Name,
    Lookup,
    Selectors,
    Lint,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// Information, not a problem: what an IaC file leaves unknown and was not checked, or
    /// where an IaC tool disagrees with AWS (issue 11).
    #[cfg(feature = "iac")]
    Note,
}

/// Whose words a message is: AWS's as observed against the real service
/// (`docs/aws-messages.md`), AWS's or botocore's as documented or produced deterministically, or
/// trailscope's own under a decision (`docs/decisions.md`) where AWS's text is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Provenance {
    Observed,
    Documented,
    Decision,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $(@cfg($cfg:meta))? $code:ident = $name:literal, $stage:ident, $severity:ident, $provenance:ident;)+) => {
        /// What a diagnostic is: the exception CloudTrail (or the SDK) would raise, or a lint name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum Code {
            $($(#[$doc])* $(#[cfg($cfg)])? #[serde(rename = $name)] $code,)+
        }

        impl Code {
            /// Every code, in the registry's order.
            pub const ALL: &'static [Code] = &[$($(#[cfg($cfg)])? Code::$code),+];

            /// The name as AWS spells it (also the serialized form).
            pub fn as_str(self) -> &'static str {
                match self {
                    $($(#[cfg($cfg)])? Code::$code => $name,)+
                }
            }

            pub fn stage(self) -> Stage {
                match self {
                    $($(#[cfg($cfg)])? Code::$code => Stage::$stage,)+
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $($(#[cfg($cfg)])? Code::$code => Severity::$severity,)+
                }
            }

            /// Whose words this code's messages are unless a diagnostic says otherwise.
            pub fn provenance(self) -> Provenance {
                match self {
                    $($(#[cfg($cfg)])? Code::$code => Provenance::$provenance,)+
                }
            }
        }
    };
}

codes! {
    // Input that never becomes a request.
    /// The text is not JSON (the AWS CLI and SDKs fail to read it).
    JsonSyntaxError = "JsonSyntaxError", Input, Error, Decision;
    /// The input is larger than trailscope's limit (see `limits`).
    InputTooLarge = "InputTooLarge", Input, Error, Decision;
    /// The input is JSON but not a request, a get-event-selectors output or a selector list.
    UnrecognizedInput = "UnrecognizedInput", Input, Error, Decision;
    /// A YAML, HCL or TypeScript file that does not parse (issue 11).
    @cfg(feature = "iac") SyntaxError = "SyntaxError", Input, Error, Decision;
    // Client side (botocore's ParamValidator, spec §1.6): its messages are deterministic.
    ParamValidationError = "ParamValidationError", Client, Error, Documented;
    // Service side: the errors PutEventSelectors declares (spec §2).
    InvalidTrailNameException = "InvalidTrailNameException", Name, Error, Decision;
    CloudTrailArnInvalidException = "CloudTrailARNInvalidException", Name, Error, Decision;
    ThrottlingException = "ThrottlingException", Lookup, Error, Decision;
    UnsupportedOperationException = "UnsupportedOperationException", Lookup, Error, Decision;
    TrailNotFoundException = "TrailNotFoundException", Lookup, Error, Decision;
    InvalidHomeRegionException = "InvalidHomeRegionException", Lookup, Error, Decision;
    OperationNotPermittedException = "OperationNotPermittedException", Lookup, Error, Decision;
    NotOrganizationMasterAccountException = "NotOrganizationMasterAccountException", Lookup, Error, Decision;
    NoManagementAccountSlrExistsException = "NoManagementAccountSLRExistsException", Lookup, Error, Decision;
    InsufficientDependencyServiceAccessPermissionException =
        "InsufficientDependencyServiceAccessPermissionException", Lookup, Error, Decision;
    ConflictException = "ConflictException", Lookup, Error, Decision;
    InvalidEventSelectorsException = "InvalidEventSelectorsException", Selectors, Error, Decision;
    // Warnings: legal input that is probably not what was meant (spec: decisions D8-D18).
    DuplicateKey = "DuplicateKey", Lint, Warning, Decision;
    DuplicateValue = "DuplicateValue", Lint, Warning, Decision;
    NoEffect = "NoEffect", Lint, Warning, Decision;
    LogsNothing = "LogsNothing", Lint, Warning, Decision;
    NeverMatches = "NeverMatches", Lint, Warning, Decision;
    WildcardInValue = "WildcardInValue", Lint, Warning, Decision;
    ArnEqualsPrefix = "ArnEqualsPrefix", Lint, Warning, Decision;
    S3BucketWithoutSlash = "S3BucketWithoutSlash", Lint, Warning, Decision;
    ArnFormatMismatch = "ArnFormatMismatch", Lint, Warning, Decision;
    AllDataEvents = "AllDataEvents", Lint, Warning, Decision;
    /// Problems of a stage past the first ones listed, counted (decisions D53).
    ProblemsNotShown = "ProblemsNotShown", Lint, Warning, Decision;
    // Notes on IaC files (issue 11): information, never a problem.
    /// A value left to deployment: what of it was not checked (decisions D45).
    @cfg(feature = "iac") NotChecked = "NotChecked", Lint, Note, Decision;
    /// An IaC tool's own schema disagrees with AWS here, with the source (decisions D47).
    @cfg(feature = "iac") ToolDisagrees = "ToolDisagrees", Lint, Note, Documented;
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_aws_spelling_and_serde() {
        assert_eq!(Code::CloudTrailArnInvalidException.to_string(), "CloudTrailARNInvalidException");
        for code in Code::ALL {
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), *code);
        }
    }

    #[test]
    fn lints_and_only_lints_are_not_errors() {
        for code in Code::ALL {
            assert_eq!(code.stage() == Stage::Lint, code.severity() != Severity::Error, "{code}");
        }
        assert_eq!(Code::InvalidEventSelectorsException.stage(), Stage::Selectors);
        assert_eq!(Code::ConflictException.stage(), Stage::Lookup);
    }

    #[test]
    fn every_code_is_listed_once() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
    }
}
