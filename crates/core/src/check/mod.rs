//! What CloudTrail checks on the service side: the rules (one per file), the trail lookup in
//! the account context, and the driver that answers as the service would.

pub mod context;
pub mod context_fix;
pub mod lookup;
pub(crate) mod rules;
pub mod service;
pub mod shown;
