//! The view model: every fact a front shows about a role, worked out once from the dataset and the view's
//! choices. The explorer, the compact widget, the pre-renderer, the build's `bands.json` and
//! `paygrade diff` all read these functions; none of them decides a midpoint, a title or a verdict itself.

mod offer;
pub mod pages;
mod report;
mod rewards;
mod role;

pub use offer::{OfferPlace, OfferPosition};
pub use report::report_link;
pub use rewards::{
    benefits_per_year, equity_per_year, equity_year, grant_for, hire_adjusted, move_pay,
    next_grade, overlaps, payments_for, promotion, rewards_figures, total_rewards, ways_to_hire,
    EquityYear, MoveResult, Overlap, Payments, Promotion, TotalRewards,
};
pub use role::{job_title, own_midpoint_at, role_band, role_bands_everywhere, Detail, RoleView};

/// Strings the pre-rendered pages share with `boot.js` and `widget.js`, which cannot import Rust: the build
/// writes them into its figures files (`site/src/figures.rs`), so each lives here once.
pub mod contract {
    /// The order of a band's figures in the figures files: `[min, mid, max, currency, variable, total]`.
    pub const BAND_FIELDS: [&str; 6] = ["min", "mid", "max", "currency", "variable", "total"];
    /// The band's heading: `{grade}` and `{place}` are filled in.
    pub const PAY_TITLE: &str = "Pay for grade {grade} in {place}";
    /// The sentence a screen reader hears when the band changes; `{min}`, `{max}`, `{mid}` are formatted
    /// amounts.
    pub const BAND_SENTENCE: &str = "Grade {grade} in {place}: {min} to {max}, midpoint {mid}.";
    /// What the variable-pay figure says when the grade has none.
    pub const NO_VARIABLE: &str = "None for this grade";

    /// The band's element (its class), the Pay section's heading (its id) and the band's parts (their
    /// classes): the components render them, and boot.js finds them through `selectors()`.
    pub const BAND_CLASS: &str = "pg-band";
    pub const PAY_TITLE_ID: &str = "pg-pay-title";
    pub const FIGURE_MIN_CLASS: &str = "pg-figure-min";
    pub const FIGURE_MID_CLASS: &str = "pg-figure-mid";
    pub const FIGURE_MAX_CLASS: &str = "pg-figure-max";
    pub const VARIABLE_CLASS: &str = "pg-extra-variable";
    pub const TOTAL_CASH_CLASS: &str = "pg-extra-total";
    pub const ANNOUNCEMENT_CLASS: &str = "pg-band-announcement";
    /// The band's lists (the figures, then variable pay and total cash), each item's class, and the class
    /// that keeps the announcement for screen readers only.
    pub const FIGURES_CLASS: &str = "pg-figures";
    pub const FIGURE_CLASS: &str = "pg-figure";
    pub const EXTRAS_CLASS: &str = "pg-extras";
    pub const EXTRA_CLASS: &str = "pg-extra";
    pub const VISUALLY_HIDDEN_CLASS: &str = "pg-visually-hidden";

    /// The band's figure labels (minimum, midpoint, maximum), then the variable pay's and total cash's.
    pub const FIGURE_LABELS: [&str; 3] = ["Minimum", "Midpoint", "Maximum"];
    pub const VARIABLE_LABEL: &str = "Target variable pay";
    pub const TOTAL_CASH_LABEL: &str = "Total target cash";

    /// The compact widget's first lines, which `widget.js` lays out before the wasm (a stand-in the wasm
    /// replaces once its data is in): the title line (`<strong>{title}</strong>` then the grade) and the
    /// location picker's label and field.
    pub const COMPACT_CLASSES: &str = "pg-app pg-compact";
    pub const COMPACT_TITLE_CLASS: &str = "pg-compact-title";
    pub const COMPACT_GRADE: &str = " · Grade {grade}";
    pub const PICKER_CLASS: &str = "pg-picker";
    pub const LABEL_CLASS: &str = "pg-label";
    pub const INPUT_CLASS: &str = "pg-input";
    pub const LOCATION_LABEL: &str = "Location";
    /// The element a widget renders into, inside its shadow root.
    pub const WIDGET_ROOT_CLASS: &str = "pg-widget-root";
    /// Marks a widget's stand-in, which the wasm removes once it has rendered the widget.
    pub const STANDIN_ATTRIBUTE: &str = "data-pg-standin";

    /// The CSS selectors boot.js fills, by the names it uses, written into the figures files.
    pub fn selectors() -> [(&'static str, String); 8] {
        [
            ("band", format!(".pg-prerendered .{BAND_CLASS}")),
            ("title", format!("#{PAY_TITLE_ID}")),
            ("min", format!(".{FIGURE_MIN_CLASS} dd")),
            ("mid", format!(".{FIGURE_MID_CLASS} dd")),
            ("max", format!(".{FIGURE_MAX_CLASS} dd")),
            ("variable", format!(".{VARIABLE_CLASS} dd")),
            ("total", format!(".{TOTAL_CASH_CLASS} dd")),
            ("announcement", format!(".{ANNOUNCEMENT_CLASS}")),
        ]
    }

    /// Fills `{name}` placeholders, as boot.js does with the same templates.
    pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
        values
            .iter()
            .fold(template.to_string(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }
}

/// The Content-Security-Policy every page runs under: the served header, `index.html`, `embed.html` and the
/// pre-rendered pages carry this one string (a test compares them).
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";
