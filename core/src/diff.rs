//! What a data change does to pay, band by band, and to the rules: the comparison `paygrade diff` prints.
//! Every figure comes from the view model's band for each folder (`view::role_bands_everywhere`, the same
//! bands the page shows); this module pairs them up, measures the moves and sorts them.

use std::collections::{BTreeMap, BTreeSet};

use crate::band::{Band, BandError, CurrencyChoice};
use crate::model::{Dataset, IndexEntry, Role, RoleIndex, RuleSet};
use crate::view::role_bands_everywhere;

/// A band's three figures, in the band's currency, as the page shows them (rounded).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    pub min: f64,
    pub mid: f64,
    pub max: f64,
}

impl Figures {
    pub fn of(band: &Band) -> Figures {
        Figures {
            min: band.min,
            mid: band.mid,
            max: band.max,
        }
    }
}

/// Which band: a grade at a location, or a role with its own midpoint at one of its grades.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct BandKey {
    pub grade: u8,
    /// The role id, for roles whose front matter sets their own midpoint.
    pub role: Option<String>,
    pub location: String,
}

impl BandKey {
    pub fn describe(&self) -> String {
        match &self.role {
            Some(role) => format!("role {role} at grade {} in {}", self.grade, self.location),
            None => format!("grade {} in {}", self.grade, self.location),
        }
    }
}

/// One band whose min, mid or max moves.
#[derive(Debug, Clone, PartialEq)]
pub struct BandChange {
    pub key: BandKey,
    /// The location's currency, which both figures are in.
    pub currency: String,
    pub old: Figures,
    pub new: Figures,
}

impl BandChange {
    /// The largest relative move among min, mid and max, with its sign: 0.04 is +4 %.
    pub fn relative(&self) -> f64 {
        [
            relative(self.old.min, self.new.min),
            relative(self.old.mid, self.new.mid),
            relative(self.old.max, self.new.max),
        ]
        .into_iter()
        .fold(0.0, |largest: f64, change| {
            if change.abs() > largest.abs() {
                change
            } else {
                largest
            }
        })
    }
}

/// (new − old) / old; a move away from zero is infinite (no valid table gives a zero band).
pub fn relative(old: f64, new: f64) -> f64 {
    if old == new {
        0.0
    } else if old == 0.0 {
        if new > 0.0 {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        }
    } else {
        (new - old) / old.abs()
    }
}

/// A band that one side can show and the other cannot (a rate removed, a currency without a rate).
#[derive(Debug, Clone, PartialEq)]
pub struct Availability {
    pub key: BandKey,
    /// Why the side that cannot show it cannot.
    pub reason: String,
}

/// Everything `paygrade diff` reports.
#[derive(Debug, Default)]
pub struct PayDiff {
    /// Bands compared (present and computable on both sides, in the same currency).
    pub compared: usize,
    /// Sorted: largest relative move first.
    pub changes: Vec<BandChange>,
    /// Locations whose bands are now in another currency: their figures are not comparable.
    pub currency_changes: Vec<(String, String, String)>,
    pub locations_added: Vec<String>,
    pub locations_removed: Vec<String>,
    pub grades_added: Vec<u8>,
    pub grades_removed: Vec<u8>,
    pub roles_added: Vec<String>,
    pub roles_removed: Vec<String>,
    /// A level whose grade changed: (role id, level title, old grade, new grade).
    pub level_grades: Vec<(String, String, Option<u8>, Option<u8>)>,
    /// Bands the old data showed and the new cannot.
    pub lost: Vec<Availability>,
    /// Bands the new data shows and the old could not.
    pub gained: Vec<Availability>,
    /// Pay-transparency rules added, removed or changed (a date, a threshold, a requirement).
    pub rules: Vec<RuleChange>,
    /// Rows of the total-rewards tables added, removed or changed: (table, row, old, new); an empty side
    /// is a row added or removed.
    pub rewards: Vec<(&'static str, String, String, String)>,
}

/// The total-rewards tables as (table, key, what the row says), for pairing by key.
fn reward_rows(data: &Dataset) -> Vec<(&'static str, String, String)> {
    let equity = data.equity.iter().map(|grant| {
        (
            "equity",
            format!(
                "grade {} in {}",
                grant.grade,
                grant.zone.as_deref().unwrap_or("every zone")
            ),
            format!(
                "{} {:?} at {} {} (strike {}), {} years, cliff {} months, valued {}",
                grant.shares,
                grant.kind,
                grant.price,
                grant.currency,
                grant
                    .strike
                    .map_or_else(|| "none".to_string(), |s| s.to_string()),
                grant.vesting_years,
                grant.cliff_months,
                grant.valuation_date
            ),
        )
    });
    let benefits = data.benefits.iter().map(|benefit| {
        (
            "benefits",
            format!("{} in {}", benefit.item, benefit.country),
            format!("{} {} a year", benefit.value, benefit.currency),
        )
    });
    let hiring = data.hiring.iter().map(|way| {
        (
            "ways to hire",
            format!("{} in {}", way.way.word(), way.country),
            format!(
                "factor {}{}",
                way.factor,
                way.amount
                    .map(|amount| format!(", {amount} {}", way.currency.as_deref().unwrap_or("")))
                    .unwrap_or_default()
            ),
        )
    });
    let payments = data.payments.iter().map(|schedule| {
        (
            "payments",
            schedule.country.clone(),
            format!("{} a year", schedule.payments),
        )
    });
    equity
        .chain(benefits)
        .chain(hiring)
        .chain(payments)
        .collect()
}

/// Every total-rewards row that differs between two folders, by table and key.
pub fn reward_changes(old: &Dataset, new: &Dataset) -> Vec<(&'static str, String, String, String)> {
    let (old_rows, new_rows) = (reward_rows(old), reward_rows(new));
    let mut changes = Vec::new();
    for (table, key, after) in &new_rows {
        let before = old_rows
            .iter()
            .find(|(t, k, _)| t == table && k == key)
            .map(|(_, _, text)| text.clone())
            .unwrap_or_default();
        if before != *after {
            changes.push((*table, key.clone(), before, after.clone()));
        }
    }
    for (table, key, before) in &old_rows {
        if !new_rows.iter().any(|(t, k, _)| t == table && k == key) {
            changes.push((*table, key.clone(), before.clone(), String::new()));
        }
    }
    changes
}

/// One pay-transparency rule that differs between the two folders.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleChange {
    Added(String),
    Removed(String),
    /// The rule's id and each field that changed: (field, old, new).
    Changed(String, Vec<(&'static str, String, String)>),
}

/// Every rule whose facts differ, by id, in the new folder's order (removed ones last).
pub fn rule_changes(old: &[RuleSet], new: &[RuleSet]) -> Vec<RuleChange> {
    let mut changes = Vec::new();
    for rule in new {
        match old.iter().find(|seen| seen.id == rule.id) {
            None => changes.push(RuleChange::Added(rule.id.clone())),
            Some(before) => {
                let fields = rule_fields(before, rule);
                if !fields.is_empty() {
                    changes.push(RuleChange::Changed(rule.id.clone(), fields));
                }
            }
        }
    }
    for rule in old
        .iter()
        .filter(|rule| !new.iter().any(|seen| seen.id == rule.id))
    {
        changes.push(RuleChange::Removed(rule.id.clone()));
    }
    changes
}

/// The facts of a rule that change what the check says, compared as the rules file writes them.
fn rule_fields(old: &RuleSet, new: &RuleSet) -> Vec<(&'static str, String, String)> {
    let text = |rule: &RuleSet| -> [(&'static str, String); 17] {
        let date = |d: Option<crate::model::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let number = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_default();
        [
            ("jurisdiction", rule.jurisdiction.name()),
            ("in_force_from", rule.in_force_from.to_string()),
            ("in_force_until", date(rule.in_force_until)),
            ("enforced_from", date(rule.enforced_from)),
            (
                "employees_min",
                rule.employees_min
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ),
            ("employees_counted", format!("{:?}", rule.employees_counted)),
            ("pay", format!("{:?}", rule.pay)),
            ("pay_by_link", rule.pay_by_link.to_string()),
            ("pay_basis", format!("{:?}", rule.pay_basis)),
            ("benefits", format!("{:?}", rule.benefits)),
            ("width_cap", number(rule.width_cap)),
            ("cap_exempt_above", number(rule.cap_exempt_above)),
            ("duty_exempt_above", number(rule.duty_exempt_above)),
            ("remote", format!("{:?}", rule.remote)),
            (
                "other_content",
                rule.other_content
                    .iter()
                    .map(|c| c.word())
                    .collect::<Vec<_>>()
                    .join(";"),
            ),
            ("transposition", format!("{:?}", rule.transposition)),
            ("reviewed", rule.reviewed.to_string()),
        ]
    };
    text(old)
        .into_iter()
        .zip(text(new))
        .filter(|((_, before), (_, after))| before != after)
        .map(|((field, before), (_, after))| (field, before, after))
        .collect()
}

/// Pairs every band of `old` with the same band of `new` and keeps the ones that move.
pub fn compare(old: &Dataset, new: &Dataset) -> PayDiff {
    let mut diff = PayDiff::default();
    let old_locations: BTreeSet<&str> = old.locations.iter().map(|l| l.id.as_str()).collect();
    let new_locations: BTreeSet<&str> = new.locations.iter().map(|l| l.id.as_str()).collect();
    diff.locations_added = difference(&new_locations, &old_locations);
    diff.locations_removed = difference(&old_locations, &new_locations);
    let old_grades: BTreeSet<u8> = old.grades.iter().map(|g| g.grade).collect();
    let new_grades: BTreeSet<u8> = new.grades.iter().map(|g| g.grade).collect();
    diff.grades_added = new_grades.difference(&old_grades).copied().collect();
    diff.grades_removed = old_grades.difference(&new_grades).copied().collect();
    let old_roles: BTreeMap<&str, &Role> = old.roles.iter().map(|r| (r.id.as_str(), r)).collect();
    let new_roles: BTreeMap<&str, &Role> = new.roles.iter().map(|r| (r.id.as_str(), r)).collect();
    diff.roles_added = difference(
        &new_roles.keys().copied().collect(),
        &old_roles.keys().copied().collect(),
    );
    diff.roles_removed = difference(
        &old_roles.keys().copied().collect(),
        &new_roles.keys().copied().collect(),
    );

    let mut currency_changes = BTreeMap::new();
    for grade in old_grades.intersection(&new_grades) {
        let old_bands = role_bands_everywhere(old, None, *grade, &CurrencyChoice::Local, None);
        let new_bands = role_bands_everywhere(new, None, *grade, &CurrencyChoice::Local, None);
        pair(
            &mut diff,
            &mut currency_changes,
            |location| BandKey {
                grade: *grade,
                role: None,
                location,
            },
            old_bands,
            new_bands,
        );
    }

    for (id, old_role) in &old_roles {
        let Some(new_role) = new_roles.get(id) else {
            continue;
        };
        // Levels are matched by slug, so a level added in the middle does not shift the others.
        for new_level in &new_role.levels {
            let Some(old_level) = old_role
                .levels
                .iter()
                .find(|level| level.slug == new_level.slug)
            else {
                continue;
            };
            if old_level.grade != new_level.grade {
                diff.level_grades.push((
                    id.to_string(),
                    new_level.title.clone(),
                    old_level.grade,
                    new_level.grade,
                ));
            }
        }
    }
    // A role's own midpoint, where it applies (`view::own_midpoint_at`: its own grade), exactly as the page
    // shows it.
    let (old_index, new_index) = (
        RoleIndex::from_roles(&old.roles),
        RoleIndex::from_roles(&new.roles),
    );
    for old_entry in &old_index.roles {
        let Some(new_entry) = new_index.find(&old_entry.id) else {
            continue;
        };
        if old_entry.midpoint.is_none() && new_entry.midpoint.is_none() {
            continue;
        }
        let Some(grade) = own_grade_on_both(old_entry, new_entry)
            .filter(|grade| old_grades.contains(grade) && new_grades.contains(grade))
        else {
            continue;
        };
        pair(
            &mut diff,
            &mut currency_changes,
            |location| BandKey {
                grade,
                role: Some(old_entry.id.clone()),
                location,
            },
            role_bands_everywhere(old, Some(old_entry), grade, &CurrencyChoice::Local, None),
            role_bands_everywhere(new, Some(new_entry), grade, &CurrencyChoice::Local, None),
        );
    }
    diff.currency_changes = currency_changes
        .into_iter()
        .map(|(location, (old, new))| (location, old, new))
        .collect();
    diff.changes.sort_by(|a, b| {
        b.relative()
            .abs()
            .total_cmp(&a.relative().abs())
            .then_with(|| a.key.cmp(&b.key))
    });
    diff.rules = rule_changes(&old.pay_rules, &new.pay_rules);
    diff.rewards = reward_changes(old, new);
    diff.lost.sort_by(|a, b| a.key.cmp(&b.key));
    diff.gained.sort_by(|a, b| a.key.cmp(&b.key));
    diff
}

type Bands = Vec<(String, Result<Band, BandError>)>;

/// Matches bands by location and records each pair's outcome in `diff`.
fn pair(
    diff: &mut PayDiff,
    currency_changes: &mut BTreeMap<String, (String, String)>,
    key: impl Fn(String) -> BandKey,
    old_bands: Bands,
    new_bands: Bands,
) {
    let mut new_by_location: BTreeMap<String, Result<Band, BandError>> =
        new_bands.into_iter().collect();
    for (location, old_band) in old_bands {
        let Some(new_band) = new_by_location.remove(&location) else {
            continue;
        };
        match (old_band, new_band) {
            (Ok(old_band), Ok(new_band)) if old_band.currency != new_band.currency => {
                currency_changes
                    .entry(location)
                    .or_insert((old_band.currency, new_band.currency));
            }
            (Ok(old_band), Ok(new_band)) => {
                diff.compared += 1;
                let (old, new) = (Figures::of(&old_band), Figures::of(&new_band));
                if old != new {
                    diff.changes.push(BandChange {
                        key: key(location),
                        currency: new_band.currency,
                        old,
                        new,
                    });
                }
            }
            (Ok(_), Err(reason)) => diff.lost.push(Availability {
                key: key(location),
                reason: reason.to_string(),
            }),
            (Err(reason), Ok(_)) => diff.gained.push(Availability {
                key: key(location),
                reason: reason.to_string(),
            }),
            (Err(_), Err(_)) => {}
        }
    }
}

/// The grade a role's own midpoint is set for, when both sides agree on it (a moved level is reported as
/// such, not as a pay change).
fn own_grade_on_both(old: &IndexEntry, new: &IndexEntry) -> Option<u8> {
    old.own_grade()
        .filter(|grade| new.own_grade() == Some(*grade))
}

fn difference(a: &BTreeSet<&str>, b: &BTreeSet<&str>) -> Vec<String> {
    a.difference(b).map(|id| id.to_string()).collect()
}
