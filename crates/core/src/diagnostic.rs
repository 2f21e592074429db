//! Diagnostics are data: one type feeds editor markers, CLI output and the JS API.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// What a diagnostic is: the exception CloudTrail (or the SDK) would raise, or a lint name.
/// Deserialize reads the same AWS spellings (the samples' data files name their exception).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Code {
    // Input that never becomes a request.
    /// The text is not JSON (the AWS CLI and SDKs fail to read it).
    JsonSyntaxError,
    /// The input is larger than trailscope's limit (see `limits`).
    InputTooLarge,
    /// The input is JSON but not a request, a get-event-selectors output or a selector list.
    UnrecognizedInput,
    // Client side (botocore's ParamValidator, spec §1.6).
    ParamValidationError,
    // Service side: the errors PutEventSelectors declares (spec §2).
    InvalidTrailNameException,
    #[serde(rename = "CloudTrailARNInvalidException")]
    CloudTrailArnInvalidException,
    ThrottlingException,
    UnsupportedOperationException,
    TrailNotFoundException,
    InvalidHomeRegionException,
    OperationNotPermittedException,
    NotOrganizationMasterAccountException,
    #[serde(rename = "NoManagementAccountSLRExistsException")]
    NoManagementAccountSlrExistsException,
    InsufficientDependencyServiceAccessPermissionException,
    ConflictException,
    InvalidEventSelectorsException,
    // Warnings: legal input that is probably not what was meant (spec: decisions D8-D18).
    DuplicateKey,
    DuplicateValue,
    NoEffect,
    LogsNothing,
    NeverMatches,
    WildcardInValue,
    ArnEqualsPrefix,
    S3BucketWithoutSlash,
    ArnFormatMismatch,
    AllDataEvents,
}

/// The order in which a request meets its checks (spec: decisions, "Order of checks").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Input,
    Client,
    Name,
    Lookup,
    Selectors,
    Lint,
}

impl Code {
    /// The name as AWS spells it (also the serialized form).
    pub fn as_str(self) -> &'static str {
        use Code::*;
        match self {
            JsonSyntaxError => "JsonSyntaxError",
            InputTooLarge => "InputTooLarge",
            UnrecognizedInput => "UnrecognizedInput",
            ParamValidationError => "ParamValidationError",
            InvalidTrailNameException => "InvalidTrailNameException",
            CloudTrailArnInvalidException => "CloudTrailARNInvalidException",
            ThrottlingException => "ThrottlingException",
            UnsupportedOperationException => "UnsupportedOperationException",
            TrailNotFoundException => "TrailNotFoundException",
            InvalidHomeRegionException => "InvalidHomeRegionException",
            OperationNotPermittedException => "OperationNotPermittedException",
            NotOrganizationMasterAccountException => "NotOrganizationMasterAccountException",
            NoManagementAccountSlrExistsException => "NoManagementAccountSLRExistsException",
            InsufficientDependencyServiceAccessPermissionException => {
                "InsufficientDependencyServiceAccessPermissionException"
            }
            ConflictException => "ConflictException",
            InvalidEventSelectorsException => "InvalidEventSelectorsException",
            DuplicateKey => "DuplicateKey",
            DuplicateValue => "DuplicateValue",
            NoEffect => "NoEffect",
            LogsNothing => "LogsNothing",
            NeverMatches => "NeverMatches",
            WildcardInValue => "WildcardInValue",
            ArnEqualsPrefix => "ArnEqualsPrefix",
            S3BucketWithoutSlash => "S3BucketWithoutSlash",
            ArnFormatMismatch => "ArnFormatMismatch",
            AllDataEvents => "AllDataEvents",
        }
    }

    pub fn stage(self) -> Stage {
        use Code::*;
        match self {
            JsonSyntaxError | InputTooLarge | UnrecognizedInput => Stage::Input,
            ParamValidationError => Stage::Client,
            InvalidTrailNameException | CloudTrailArnInvalidException => Stage::Name,
            InvalidEventSelectorsException => Stage::Selectors,
            DuplicateKey | DuplicateValue | NoEffect | LogsNothing | NeverMatches | WildcardInValue
            | ArnEqualsPrefix | S3BucketWithoutSlash | ArnFormatMismatch | AllDataEvents => Stage::Lint,
            _ => Stage::Lookup,
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One text replacement; spans are byte offsets into the analysed text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// A machine-applicable repair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

/// Where the rule comes from: a section of `spec/cloudtrail-selectors.md`, and the trailscope
/// decision (`spec/decisions.md`) it rests on when AWS documents nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Basis {
    pub section: &'static str,
    pub decision: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// RFC 6901 JSON pointer to the value (or member) at fault.
    pub pointer: String,
    pub span: Span,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    pub basis: Basis,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>, pointer: &str, span: Span) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            pointer: pointer.to_string(),
            span,
            help: None,
            fix: None,
            basis: Basis { section: "", decision: None },
        }
    }

    pub fn warning(code: Code, message: impl Into<String>, pointer: &str, span: Span) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, message, pointer, span) }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn fix(mut self, title: impl Into<String>, span: Span, text: impl Into<String>) -> Self {
        self.fix = Some(Fix { title: title.into(), edits: vec![Edit { span, text: text.into() }] });
        self
    }

    /// A fix replacing the JSON string at `span` by the candidate closest to `word`, if one is
    /// close enough ("did you mean").
    pub fn suggest<'a>(self, span: Span, word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Self {
        match crate::suggest::closest(word, candidates) {
            Some(good) => {
                self.fix(format!("Replace with \"{good}\""), span, serde_json::to_string(good).unwrap_or_default())
            }
            None => self,
        }
    }

    /// The spec section this rule implements.
    pub fn spec(mut self, section: &'static str) -> Self {
        self.basis.section = section;
        self
    }

    /// The trailscope decision this rule rests on (AWS documents nothing here).
    pub fn decision(mut self, id: &'static str) -> Self {
        self.basis.decision = Some(id);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Escapes one JSON pointer token (RFC 6901 §3).
pub fn pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// `parent` + `/` + escaped `token`.
pub fn child_pointer(parent: &str, token: impl std::fmt::Display) -> String {
    format!("{parent}/{}", pointer_token(&token.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape_tilde_and_slash() {
        assert_eq!(child_pointer("/a", "b/c~d"), "/a/b~1c~0d");
        assert_eq!(child_pointer("", 3), "/3");
    }

    #[test]
    fn code_names_match_aws_spelling() {
        assert_eq!(Code::CloudTrailArnInvalidException.to_string(), "CloudTrailARNInvalidException");
        assert_eq!(
            serde_json::to_string(&Code::NoManagementAccountSlrExistsException).unwrap(),
            "\"NoManagementAccountSLRExistsException\""
        );
        assert_eq!(Code::InvalidEventSelectorsException.stage(), Stage::Selectors);
    }
}
