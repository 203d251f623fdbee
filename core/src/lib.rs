//! paygrade's core: the data folder's files turned into a model with located errors, the band formula, the
//! manager table and the job-ad exports.
//!
//! It has no web dependency, so its Cargo.toml is the proof of the invariant "the core never sees the DOM":
//! the page (wasm), the `paygrade` command and the pre-renderer all call it.

pub mod band;
pub mod directory;
pub mod export;
pub mod model;
pub mod parse;
pub mod table;
pub mod transparency;
