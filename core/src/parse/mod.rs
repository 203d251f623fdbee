//! Data files → model, with located errors: the manifest and the role index (JSON, `json`), the three CSV tables and
//! the job-family Markdown pages. No web types; the UI fetches bytes and hands them here.

mod csv_table;
mod currencies;
mod dataset;
mod decimal;
mod grades;
mod index;
mod json;
mod locations;
mod manifest;
mod markdown;
mod path;
mod pay_rules;
mod rewards;
mod role;
mod sources;

pub use currencies::parse_currencies;
#[cfg(not(target_arch = "wasm32"))]
pub use dataset::shipped_dataset;
pub use dataset::{load_dataset, FetchedFiles};
pub use decimal::{parse_decimal, DecimalError};
pub use grades::parse_grades;
pub use index::parse_index;
pub use locations::parse_locations;
pub use manifest::{parse_manifest, RolePages};
pub use markdown::parse_markdown;
pub use path::{resolve_data_path, role_id};
#[cfg(not(target_arch = "wasm32"))]
pub use pay_rules::MAINTAINED_RULES_CSV;
pub use pay_rules::{merge_rules, parse_pay_rules, with_maintained_rules, MAINTAINED_RULES};
pub use rewards::{parse_benefits, parse_equity, parse_hiring, parse_payments};
pub use role::parse_role;
pub use sources::{overlay, LocalReport, Sources, MANIFEST};
