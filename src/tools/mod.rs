//! Native-only tools behind the `dataset` command: building the bundled collection files from
//! their sources and checking any dataset file.

pub mod curated;
pub mod place_names;
pub mod synth;
pub mod synth_acled;
pub mod synth_ucdp;
pub mod table_args;
pub mod ucdp;
