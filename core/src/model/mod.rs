//! Plain data types of paygrade: no parsing, no web types, no pay arithmetic.

mod currency;
mod dataset;
mod date;
mod error;
mod grade;
mod index;
mod location;
mod manifest;
mod pay_rules;
mod rewards;
mod role;

pub use currency::CurrencyRate;
pub use dataset::Dataset;
pub use date::Date;
pub use error::{DataError, Severity};
pub use grade::Grade;
pub use index::{IndexEntry, IndexLevel, RoleIndex, INDEX_VERSION};
pub use location::Location;
pub(crate) use manifest::DEFAULT_MAX_AGE_DAYS;
pub use manifest::{CompaGroup, JobAds, Manifest, Policy, Reference, Tables};
pub use pay_rules::{
    BenefitsRule, Content, Counted, Jurisdiction, PayBasis, PayRule, Reach, RuleKind, RuleSet,
    Transposition,
};
pub use rewards::{
    Benefit, EquityGrant, EquityKind, HireWay, MovePolicy, PaymentSchedule, WayToHire,
};
pub use role::{
    plain_text, total_minutes, Block, HiringStep, Inline, ItemGroup, Level, Link, ListItem, Role,
    Section, StepKind,
};

/// URL-safe identifier: lowercase ASCII letters and digits, every other run becomes one `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out
}

/// The item whose id is `key`, else the only one whose slug is `key`: how an old `?role=slug` link finds
/// its role, and finds none once two folders hold a page of that name.
pub(crate) fn by_id_or_unique_slug<'a, T>(
    items: &'a [T],
    key: &str,
    id: fn(&T) -> &str,
    slug: fn(&T) -> &str,
) -> Option<&'a T> {
    if let Some(item) = items.iter().find(|item| id(item) == key) {
        return Some(item);
    }
    let mut by_slug = items.iter().filter(|item| slug(item) == key);
    match (by_slug.next(), by_slug.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// Whether a code looks like ISO 4217: three upper-case ASCII letters.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_collapses_runs_and_trims_dashes() {
        assert_eq!(slug("United Kingdom"), "united-kingdom");
        assert_eq!(slug("London, England"), "london-england");
        assert_eq!(slug("Everywhere else (Texas)"), "everywhere-else-texas");
        assert_eq!(slug("  --Zürich--  "), "z-rich");
        assert_eq!(slug("!!!"), "");
    }

    #[test]
    fn currency_codes_are_three_upper_case_letters() {
        assert!(is_currency_code("USD"));
        assert!(!is_currency_code("usd"));
        assert!(!is_currency_code("US"));
        assert!(!is_currency_code("US1"));
    }
}
