//! Text to a parsed document that keeps every value's position.

pub(crate) mod escape;
pub mod json;
pub mod span;
#[cfg(feature = "iac")]
pub mod unknown;
