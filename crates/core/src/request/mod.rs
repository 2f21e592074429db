//! The document as a request: which input form it is, botocore's client-side checks, the
//! located request the rules read, and the plain wire model.

pub mod canonical;
pub(crate) mod client;
pub mod files;
pub(crate) mod input;
pub(crate) mod located;
pub mod model;
pub(crate) mod stored;
