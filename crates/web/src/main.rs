//! The trailscope page: a thin view over trailscope-core. No rule is implemented here.

mod analysis;
mod app;
mod context_panel;
mod editor;
mod json_view;
mod problems;
mod replay_panel;
mod replay_table;
mod result_panel;
mod samples_menu;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
