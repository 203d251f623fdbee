//! Components the pages share: each takes props and callbacks and holds no logic of its own.

pub mod currency_toggle;
pub mod data_problems;
pub mod rich_text;
pub mod role_summary;

pub use currency_toggle::CurrencyToggle;
pub use data_problems::DataProblems;
pub use rich_text::RichText;
pub use role_summary::RoleSummary;
