//! trailscope's core: the CloudTrail `PutEventSelectors` contract as code.
//!
//! Data flows one way, and the folders follow it:
//! - [`source`]: text -> a parsed document with positions (`span`, `json`);
//! - [`request`]: the document -> the request it is (`input`), botocore's client-side checks
//!   (`client`), the located request (`located`) and the plain wire model (`model`, `stored`);
//! - [`check`]: the service-side rules (`rules`), the trail lookup in the account context
//!   (`context`, `lookup`) and the driver that answers as CloudTrail would (`service`);
//! - [`diagnostics`]: the diagnostics as data (the code registry), their report, renderer and
//!   suggestions;
//! - [`catalog`]: what AWS accepts (fields, categories, resource types, ARNs, data values);
//! - [`replay`]: events through the compiled selectors, to verdicts and explanations;
//! - [`checkers`]: what posture checkers (Prowler, Steampipe, …) conclude of the selectors;
//! - [`export`]: a valid request's selectors in each deployment dialect (CLI, boto3,
//!   CloudFormation, Terraform, CDK).
//!
//! No web or OS dependencies: the same code runs natively and in wasm.

// No panics on input (unwrap/expect are for tests), and no wildcard arm over an enum of ours:
// a new variant (a new Code, say) must be decided at every match (review B5).
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::wildcard_enum_match_arm)]

pub mod ask;
pub mod catalog;
pub mod check;
pub mod checkers;
pub mod complete;
pub mod diagnostics;
pub mod export;
#[cfg(feature = "iac")]
pub mod import;
pub mod limits;
pub mod replay;
pub mod request;
pub mod samples;
pub mod source;
pub mod sql;
#[cfg(feature = "ts")]
pub mod wire;

// The paths the CLI, the wasm facade and the page use.
pub use check::{context, service};
pub use diagnostics::{render, report};
pub use request::model;
pub use source::json;

pub use check::context::AccountContext;
pub use check::service::{put_event_selectors, Evaluation, Outcome};
pub use diagnostics::{Code, Diagnostic, Severity};
