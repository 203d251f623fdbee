//! Everything one data folder holds, after parsing and cross-validation.

use super::{
    Benefit, CurrencyRate, EquityGrant, Grade, Location, Manifest, PaymentSchedule, Role,
    RoleIndex, RuleSet, WayToHire,
};

/// The loaded data the band formula and the UI read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub manifest: Manifest,
    pub grades: Vec<Grade>,
    pub locations: Vec<Location>,
    pub currencies: Vec<CurrencyRate>,
    /// The job-family pages parsed with the data: every page when they were all read (the CLI, a reader's
    /// own folder, a manifest without an index), none when an index lists them for fetching one by one.
    pub roles: Vec<Role>,
    /// Every job family and its levels: read from the index file, or made from `roles`.
    pub index: RoleIndex,
    /// Pay-transparency rules: the maintained ones with the folder's own (`tables.pay_rules`) laid over them
    /// (`parse::with_maintained_rules`); only the folder's own right after `assemble`.
    pub pay_rules: Vec<RuleSet>,
    /// The optional total-rewards tables (`tables.equity`, `benefits`, `hiring`, `payments`); empty when
    /// the manifest names none.
    pub equity: Vec<EquityGrant>,
    pub benefits: Vec<Benefit>,
    pub hiring: Vec<WayToHire>,
    pub payments: Vec<PaymentSchedule>,
}

impl Dataset {
    /// The grade row with this number.
    pub fn grade(&self, number: u8) -> Option<&Grade> {
        self.grades.iter().find(|grade| grade.grade == number)
    }

    /// The location with this `country/area` id.
    pub fn location(&self, id: &str) -> Option<&Location> {
        self.locations.iter().find(|location| location.id == id)
    }

    /// The rate for this currency code (codes are upper case).
    pub fn rate(&self, code: &str) -> Option<&CurrencyRate> {
        self.currencies.iter().find(|rate| rate.currency == code)
    }

    /// The factor that turns an amount in `from` into `to` (`to` per USD over `from` per USD); `None` when
    /// either has no rate.
    pub fn conversion(&self, from: &str, to: &str) -> Option<f64> {
        if from == to {
            return Some(1.0);
        }
        let (from, to) = (self.rate(from)?, self.rate(to)?);
        (from.per_usd > 0.0).then(|| to.per_usd / from.per_usd)
    }

    /// A parsed role by id, or by an old slug only one role has.
    pub fn role(&self, key: &str) -> Option<&Role> {
        super::by_id_or_unique_slug(&self.roles, key, |role| &role.id, |role| &role.slug)
    }
}
