//! Where an offer sits in a band: the verdict the offer check shows, decided here.

use crate::band::Band;

/// Where an amount falls relative to the band and its compa groups.
#[derive(Debug, Clone, PartialEq)]
pub enum OfferPlace {
    BelowMinimum,
    AboveMaximum,
    /// Inside a named compa group.
    InGroup(String),
    /// Inside the band but in no compa group (the groups do not tile the whole band).
    OutsideGroups,
}

/// An offer placed in a band.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferPosition {
    pub amount: f64,
    /// The amount over the midpoint (1.0 = at the midpoint).
    pub compa_ratio: f64,
    pub place: OfferPlace,
    /// Where the amount sits between min (0) and max (1), clamped, for a marker.
    pub position: f64,
}

impl OfferPosition {
    /// Places `amount` (in the band's currency) in `band`.
    pub fn of(band: &Band, amount: f64) -> OfferPosition {
        let place = if amount < band.min {
            OfferPlace::BelowMinimum
        } else if amount > band.max {
            OfferPlace::AboveMaximum
        } else {
            match band.compa_group(amount) {
                Some(group) => OfferPlace::InGroup(group.name.clone()),
                None => OfferPlace::OutsideGroups,
            }
        };
        OfferPosition {
            amount,
            compa_ratio: band.compa_ratio(amount),
            place,
            position: band.position(amount),
        }
    }
}
