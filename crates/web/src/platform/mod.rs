//! The browser around the page: links, storage, files, the embed query and the editor module.

pub mod editor_js;
pub mod embed;
pub mod files;
pub mod share;
pub mod storage;
