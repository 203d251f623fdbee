//! paygrade's core: the data folder's files turned into a model with located errors, the band formula, the
//! manager table and the job-ad exports.
//!
//! It has no web dependency, so its Cargo.toml is the proof of the invariant "the core never sees the DOM":
//! the page (wasm), the `paygrade` command and the pre-renderer all call it.

// A panic in the core takes down the page, the widget or the CLI with no located error; bad data must
// come back as a `DataError`. Tests (cfg(test) and the separate crates in core/tests) may still unwrap.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod band;
pub mod diff;
pub mod directory;
pub mod export;
pub mod format;
pub mod model;
pub mod names;
pub mod order;
pub mod parse;
pub mod table;
pub mod transparency;
pub mod view;
