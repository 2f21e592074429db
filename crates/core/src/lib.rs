//! trailscope's core: the CloudTrail `PutEventSelectors` contract as code.
//!
//! Data flows one way: text -> [`json`] (parsed document with positions) -> [`input`] and
//! [`client`] (typed [`syntax`] request + client-side checks) -> [`rules`] and [`lookup`]
//! (service-side diagnostics) -> [`service`] (the response or error, and the trail's state).
//! No web or OS dependencies: the same code runs natively and in wasm.

// No panics on input (unwrap/expect are for tests), and no wildcard arm over an enum of ours:
// a new variant (a new Code, say) must be decided at every match (review B5).
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::wildcard_enum_match_arm)]

pub mod arn;
pub mod catalog;
pub mod client;
pub mod context;
pub mod data_value;
pub mod diagnostic;
pub mod input;
pub mod json;
pub mod limits;
pub mod lookup;
pub mod model;
pub mod render;
pub mod replay;
pub mod report;
pub mod rules;
pub mod samples;
pub mod service;
pub mod span;
pub mod stored;
pub mod suggest;
pub mod syntax;

pub use context::AccountContext;
pub use diagnostic::{Code, Diagnostic, Severity};
pub use service::{put_event_selectors, Evaluation, Outcome};
