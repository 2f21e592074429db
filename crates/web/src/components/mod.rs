//! The page's views: each takes what it shows as props and reports what the user does.

pub mod context_panel;
pub mod docs;
pub mod editor;
pub mod json_view;
pub mod problems;
pub mod result_panel;
pub mod samples_menu;
pub mod share_bar;
