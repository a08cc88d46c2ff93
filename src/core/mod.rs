//! The pure core: the data model, its validation, filtering and aggregation, the URL codec and
//! chart layout. Nothing here imports `leptos`, `web_sys` or `gloo`, so all of it runs and is
//! tested natively with `cargo test`, and the browser only renders what it computes.

pub mod aggregate;
pub mod announce;
pub mod baseline;
pub mod bitset;
pub mod catalog;
pub mod chart_table;
pub mod chips;
pub mod compare;
pub mod date;
pub mod date_window;
pub mod engine;
pub mod export;
pub mod facet;
pub mod file_link;
pub mod filter;
pub mod geo;
pub mod i18n;
pub mod import;
pub mod map_layers;
pub mod model;
pub mod place_names;
pub mod place_typeahead;
pub mod query;
pub mod records;
pub mod room;
pub mod rows;
pub mod search;
pub mod stored;
pub mod summary_line;
pub mod table;
pub mod text_index;
pub mod validate;
pub mod vocab;
