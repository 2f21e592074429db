//! The page's model: the playground's state as data (the share/storage format), the analysis
//! shown, and the live state read from the editors on demand.

pub mod analysis;
pub mod live;
pub mod playground;
