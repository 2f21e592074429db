//! The page's hooks: the playground's live state and its persistence, and the analysis kept
//! in step with the editors.

mod use_analysis;
mod use_persistence;
mod use_playground;

pub use use_analysis::{use_analysis, UseAnalysis};
pub use use_persistence::use_persistence;
pub use use_playground::{use_playground, UsePlayground};
