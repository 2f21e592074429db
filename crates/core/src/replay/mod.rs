//! Replaying CloudTrail events through selectors: the event fields selectors read, a matcher
//! compiled once from validated selectors, verdicts with explanations, and a deliberately
//! simple reference evaluator written straight from the spec (the matcher is tested against it).

pub mod event;
pub mod explain;
pub mod extract;
pub mod matcher;
pub mod reference;
pub mod session;
pub mod stream;
pub mod synth;

pub use event::{Category, EventRecord};
pub use explain::{Explanation, SelectorOutcome};
pub use matcher::Matcher;
