//! The rest of an offer besides the band: equity grants by grade, benefits by country, ways to hire, how
//! many salary payments a year, and how a move between places changes pay. Every table is optional: a folder
//! without them shows base and variable pay as before.

use super::Date;

/// What an equity grant is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EquityKind {
    /// Options: the right to buy shares at the strike price; worth the price above the strike.
    Options,
    /// Shares or restricted stock units: worth the share price.
    Shares,
}

/// One row of `equity.csv`: the grant a grade gets (in one zone, or everywhere).
#[derive(Debug, Clone, PartialEq)]
pub struct EquityGrant {
    pub grade: u8,
    /// The zone (`locations.csv`'s `zone`) it is for; `None`: every zone without a row of its own.
    pub zone: Option<String>,
    pub kind: EquityKind,
    /// How many shares (or options) the grant is.
    pub shares: f64,
    /// The price of one share at the stated valuation, in `currency`.
    pub price: f64,
    /// The price an option holder pays per share; options only.
    pub strike: Option<f64>,
    pub currency: String,
    /// The date of the valuation the price comes from.
    pub valuation_date: Date,
    /// Years over which the grant vests (evenly, after the cliff).
    pub vesting_years: f64,
    /// Months before anything vests; at the cliff that share vests at once.
    pub cliff_months: u32,
    pub line: usize,
}

/// One row of `benefits.csv`: an item a country's employees get, with its value a year.
#[derive(Debug, Clone, PartialEq)]
pub struct Benefit {
    pub country: String,
    pub item: String,
    /// The yearly value, in `currency`.
    pub value: f64,
    pub currency: String,
    pub description: String,
    pub line: usize,
}

/// How someone is hired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HireWay {
    /// An employee of the company's own entity in the country.
    Employee,
    /// An employee of an employer-of-record service, working for the company.
    EmployerOfRecord,
    /// A contractor who invoices the company and pays their own charges.
    Contractor,
}

impl HireWay {
    pub const ALL: [HireWay; 3] = [
        HireWay::Employee,
        HireWay::EmployerOfRecord,
        HireWay::Contractor,
    ];

    /// The word in `hiring.csv` and in a link (`contract=`).
    pub fn word(self) -> &'static str {
        match self {
            HireWay::Employee => "employee",
            HireWay::EmployerOfRecord => "employer-of-record",
            HireWay::Contractor => "contractor",
        }
    }

    /// How a reader names it.
    pub fn label(self) -> &'static str {
        match self {
            HireWay::Employee => "Employee",
            HireWay::EmployerOfRecord => "Employer of record",
            HireWay::Contractor => "Contractor",
        }
    }

    pub fn from_word(word: &str) -> Option<HireWay> {
        HireWay::ALL.into_iter().find(|way| way.word() == word)
    }
}

/// One row of `hiring.csv`: a way to hire in a country and what it does to pay.
#[derive(Debug, Clone, PartialEq)]
pub struct WayToHire {
    pub country: String,
    pub way: HireWay,
    /// Multiplies the band (1.3: a contractor's rate 30% above an employee's salary).
    pub factor: f64,
    /// Added to each figure after the factor, in `currency` (may be negative).
    pub amount: Option<f64>,
    pub currency: Option<String>,
    /// Why, in plain words, shown with the formula.
    pub reason: String,
    pub line: usize,
}

/// One row of `payments.csv`: how many salary payments a year a country's employees get.
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentSchedule {
    pub country: String,
    /// 12, 13, 14, 26 for every other week (a whole number from 1 to 52).
    pub payments: u8,
    /// What the extra payments are ("a 13th and 14th month, paid in June and December").
    pub note: String,
    pub line: usize,
}

/// How pay changes when someone moves to another place, in the manifest's `policy.move`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MovePolicy {
    /// The same position in the new place's band (the same compa ratio).
    #[default]
    KeepPosition,
    /// The same position, but never less than the current pay (converted).
    NeverLower,
    /// The current pay converted, moved into the new band if it falls outside it.
    ClampToBand,
}

impl MovePolicy {
    pub fn word(self) -> &'static str {
        match self {
            MovePolicy::KeepPosition => "keep-position",
            MovePolicy::NeverLower => "never-lower",
            MovePolicy::ClampToBand => "clamp-to-band",
        }
    }

    pub fn from_word(word: &str) -> Option<MovePolicy> {
        [
            MovePolicy::KeepPosition,
            MovePolicy::NeverLower,
            MovePolicy::ClampToBand,
        ]
        .into_iter()
        .find(|policy| policy.word() == word)
    }
}
