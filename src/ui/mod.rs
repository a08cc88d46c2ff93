//! The browser interface: thin Leptos components that read signals, call the core and render.

pub mod about;
pub mod app;
pub mod bar_panels;
pub mod browser;
pub mod canvas_backend;
pub mod chart_view;
pub mod error_panel;
pub mod event_detail;
pub mod event_list;
pub mod event_row;
pub mod event_text;
pub mod explorer;
pub mod facet_filter;
pub mod figures_view;
pub mod filter_panel;
pub mod gunzip;
pub mod loader;
pub mod map_view;
pub mod near_screen;
pub mod offline_badge;
pub mod panic_panel;
pub mod summary_bar;
pub mod timeline_panel;
pub mod update_notice;
pub mod url_state;
