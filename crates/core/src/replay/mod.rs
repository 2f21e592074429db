//! Replaying CloudTrail events through selectors: the event fields selectors read, a matcher
//! compiled once from validated selectors, and verdicts with explanations. (The deliberately
//! simple reference evaluator the matcher is tested against is in `tests/reference/`.)

pub mod event;
pub mod explain;
pub mod extract;
pub mod filter;
pub mod matcher;
pub mod session;
pub mod stream;
pub mod synth;

pub use event::{Category, EventRecord};
pub use explain::{Explanation, SelectorOutcome};
pub use matcher::Matcher;
