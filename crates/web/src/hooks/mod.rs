//! The page's hooks: the analysis kept in step with the editors, and the state kept across
//! visits.

mod use_analysis;
mod use_persistence;

pub use use_analysis::{use_analysis, UseAnalysis};
pub use use_persistence::use_persistence;
