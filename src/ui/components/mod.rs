//! Components the pages share: each takes props and callbacks and holds no logic of its own.

pub mod band_figures;
pub mod compa_bar;
pub mod compare;
pub mod currency_toggle;
pub mod data_problems;
pub mod formula;
pub mod grade_ladder;
pub mod hiring_timeline;
pub mod job_ad;
pub mod location_picker;
pub mod location_table;
pub mod notices;
pub mod offer_check;
pub mod own_data;
pub mod rich_text;
pub mod role_details;
pub mod role_picker;
pub mod role_summary;

pub use band_figures::BandFigures;
pub use compa_bar::CompaBar;
pub use compare::{Compare, CompareColumn};
pub use currency_toggle::CurrencyToggle;
pub use data_problems::DataProblems;
pub use formula::Formula;
pub use grade_ladder::{GradeLadder, LadderRow};
pub use hiring_timeline::HiringTimeline;
pub use job_ad::JobAd;
pub use location_picker::LocationPicker;
pub use location_table::LocationTable;
pub use notices::Notices;
pub use offer_check::OfferCheck;
pub use own_data::OwnData;
pub use rich_text::RichText;
pub use role_details::RoleDetails;
pub use role_picker::RolePicker;
pub use role_summary::RoleSummary;
