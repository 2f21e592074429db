//! The page's model: the playground's state as data (the share/storage format) and the live
//! state read from the editors on demand.

pub mod live;
pub mod playground;
