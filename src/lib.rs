//! paygrade: a compensation and job-grade explorer that runs in the browser.

pub mod band;
pub mod model;
pub mod parse;
