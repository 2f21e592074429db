//! The browser around the page: links, storage, files, the embed query and the editor module.

pub mod embed;
pub mod share;
