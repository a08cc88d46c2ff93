//! Syria incident explorer: a browser app (Leptos, compiled to WebAssembly) over a pure core
//! that holds the data model, validation, filtering, aggregation and the URL codec.
//!
//! `core` and `charts` never touch the browser and are tested natively; `ui` renders them;
//! `change_bench` times what a filter change recomputes, natively and in WebAssembly;
//! `tools` (native only) builds and checks the dataset files.

pub mod change_bench;
pub mod charts;
pub mod core;
#[cfg(not(target_arch = "wasm32"))]
pub mod tools;
pub mod ui;
