//! The one place the view's state changes: an action in, a new state out, no web types, tested natively.

use std::rc::Rc;

use yew::Reducible;

use crate::band::CurrencyChoice;
use crate::model::{slug, DataError, Dataset, Date, Location};
use crate::parse::Sources;
use crate::table::Sort;
use crate::ui::load::{DataSource, Outcome};
use crate::ui::url::{ViewQuery, MAX_COMPARE};

/// Data shared by the view, compared by identity: `Rc<T>`'s own `PartialEq` compares the values, and
/// comparing 10,000 locations in every component's props on every keystroke was most of a render.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Where loading stands; the view shows a matching panel for each.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Loading,
    /// Nothing usable arrived: the manifest was missing or unreadable.
    Failed,
    Ready,
}

/// How the next change should reach the browser's history: typing replaces, choosing pushes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    Push,
    Replace,
}

/// What the reader chose; everything else on screen is derived from it and the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub role: Option<String>,
    /// A grade other than the role's, when a hiring manager looks across the ladder.
    pub grade: Option<u8>,
    pub location: Option<String>,
    pub currency: CurrencyChoice,
    pub compare: Vec<String>,
    /// The offer as typed, so a half-typed number is not rewritten under the cursor.
    pub offer: String,
    /// Another same-origin data folder, carried along in links.
    pub data: Option<String>,
    /// The location table: sort, filter as typed, hiring-only, page (from 0).
    pub sort: Sort,
    pub filter: String,
    pub hiring_only: bool,
    pub page: usize,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            role: None,
            grade: None,
            location: None,
            currency: CurrencyChoice::Local,
            compare: Vec::new(),
            offer: String::new(),
            data: None,
            sort: Sort::default(),
            filter: String::new(),
            hiring_only: false,
            page: 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub phase: Phase,
    pub dataset: Option<Shared<Dataset>>,
    /// Every problem the core found; shown as a list, never fatal on its own.
    pub problems: Rc<Vec<DataError>>,
    pub selection: Selection,
    /// Values from a link that did not fit the data, and what was shown instead.
    pub notices: Vec<String>,
    pub history: HistoryMode,
    pub today: Option<Date>,
    /// Whose data is showing: the published folder, or the reader's own files over it.
    pub source: DataSource,
    /// The published data as fetched, kept to lay the reader's files over it (or forget them).
    pub published: Option<Rc<Sources>>,
}

impl Default for State {
    fn default() -> Self {
        State {
            phase: Phase::Loading,
            dataset: None,
            problems: Rc::new(Vec::new()),
            selection: Selection::default(),
            notices: Vec::new(),
            history: HistoryMode::Push,
            today: None,
            source: DataSource::Published,
            published: None,
        }
    }
}

pub enum Action {
    /// A load finished (published data, or the reader's files over it); `today` flags stale rates.
    Loaded {
        outcome: Box<Outcome>,
        today: Option<Date>,
    },
    /// The page's URL changed under us (back/forward): take the view it holds.
    FromQuery(Box<ViewQuery>),
    SelectRole(String),
    SelectGrade(u8),
    SelectLocation(String),
    SetCurrency(CurrencyChoice),
    AddCompare(String),
    RemoveCompare(String),
    SetOffer(String),
    SetSort(Sort),
    SetFilter(String),
    SetHiringOnly(bool),
    SetPage(usize),
    DismissNotices,
}

impl State {
    /// A state holding a link's raw values, checked once the data arrives.
    pub fn from_query(query: &ViewQuery) -> State {
        State {
            selection: raw_selection(query),
            ..State::default()
        }
    }

    /// The role on screen: the one chosen when it exists, else the first one loaded.
    pub fn current_role(&self) -> Option<&crate::model::Role> {
        let dataset = self.dataset.as_deref()?;
        self.selection
            .role
            .as_deref()
            .and_then(|slug| dataset.role(slug))
            .or_else(|| dataset.roles.first())
    }

    /// The grade on screen: the one chosen, else the role's, else the first in the table.
    pub fn current_grade(&self) -> Option<u8> {
        let dataset = self.dataset.as_deref()?;
        self.selection
            .grade
            .or_else(|| self.current_role().and_then(|role| role.grade))
            .filter(|grade| dataset.grade(*grade).is_some())
            .or_else(|| dataset.grades.first().map(|grade| grade.grade))
    }

    /// The location on screen: the one chosen, else the reference market, else the first.
    pub fn current_location(&self) -> Option<&Location> {
        let dataset = self.dataset.as_deref()?;
        self.selection
            .location
            .as_deref()
            .and_then(|id| dataset.location(id))
            .or_else(|| default_location(dataset))
    }

    /// The offer as a number, when what was typed is one.
    pub fn offer_amount(&self) -> Option<f64> {
        parse_amount(&self.selection.offer)
    }

    /// The view as a link's query string.
    pub fn to_query(&self) -> ViewQuery {
        let s = &self.selection;
        ViewQuery {
            role: s.role.clone(),
            grade: s.grade.map(|g| g.to_string()),
            location: s.location.clone(),
            currency: match &s.currency {
                CurrencyChoice::Local => None,
                CurrencyChoice::Reference => Some("reference".into()),
                CurrencyChoice::Code(code) => Some(code.clone()),
            },
            compare: s.compare.clone(),
            offer: (!s.offer.trim().is_empty()).then(|| s.offer.trim().to_string()),
            data: s.data.clone(),
            sort: (s.sort != Sort::default()).then(|| s.sort.to_param()),
            filter: (!s.filter.trim().is_empty()).then(|| s.filter.clone()),
            hiring: s.hiring_only.then(|| "yes".to_string()),
            page: (s.page > 0).then(|| (s.page + 1).to_string()),
        }
    }

    /// Checks the raw selection against the data: what does not fit falls back, with a notice.
    fn validate(&mut self) {
        let Some(dataset) = self.dataset.clone() else {
            return;
        };
        let s = &mut self.selection;
        let mut notices = Vec::new();
        if let Some(role) = s.role.take() {
            if dataset.role(&role).is_some() {
                s.role = Some(role);
            } else {
                notices.push(format!(
                    "The link asked for the role \"{role}\", which this data does not have; showing {} instead.",
                    dataset.roles.first().map_or("nothing", |r| r.title.as_str())
                ));
            }
        }
        if let Some(grade) = s.grade.take() {
            if dataset.grade(grade).is_some() {
                s.grade = Some(grade);
            } else {
                notices.push(format!(
                    "The link asked for grade {grade}, which the grade table does not have; showing the role's grade."
                ));
            }
        }
        if let Some(location) = s.location.take() {
            if dataset.location(&location).is_some() {
                s.location = Some(location);
            } else {
                let fallback =
                    default_location(&dataset).map_or("no location".to_string(), location_name);
                notices.push(format!(
                    "The link asked for the location \"{location}\", which this data does not have; showing {fallback} instead."
                ));
            }
        }
        if let CurrencyChoice::Code(code) = &s.currency {
            if dataset.rate(code).is_none() {
                notices.push(format!(
                    "The link asked for amounts in \"{code}\", which has no exchange rate; showing the local currency."
                ));
                s.currency = CurrencyChoice::Local;
            }
        }
        let before = s.compare.len();
        s.compare.retain(|id| dataset.location(id).is_some());
        if s.compare.len() < before {
            notices.push(format!(
                "{} compared location(s) in the link are not in this data and were left out.",
                before - s.compare.len()
            ));
        }
        if !s.offer.trim().is_empty() && parse_amount(&s.offer).is_none() {
            notices.push(format!(
                "The offer \"{}\" in the link is not an amount and was cleared.",
                s.offer
            ));
            s.offer.clear();
        }
        self.notices = notices;
    }
}

/// The raw selection a link holds, before it is checked against the data.
fn raw_selection(query: &ViewQuery) -> Selection {
    Selection {
        role: query.role.clone(),
        grade: query.grade.as_deref().map(|g| g.parse().unwrap_or(0)),
        location: query.location.clone(),
        currency: match query.currency.as_deref() {
            None | Some("local") => CurrencyChoice::Local,
            Some("reference") => CurrencyChoice::Reference,
            Some(code) => CurrencyChoice::Code(code.to_ascii_uppercase()),
        },
        compare: query.compare.clone(),
        offer: query.offer.clone().unwrap_or_default(),
        data: query.data.clone(),
        sort: query
            .sort
            .as_deref()
            .and_then(Sort::parse)
            .unwrap_or_default(),
        filter: query.filter.clone().unwrap_or_default(),
        hiring_only: query.hiring.as_deref() == Some("yes"),
        page: query
            .page
            .as_deref()
            .and_then(|p| p.parse::<usize>().ok())
            .map_or(0, |p| p.saturating_sub(1)),
    }
}

/// The reference market's location (factor 1 and named like it), else the first location.
fn default_location(dataset: &Dataset) -> Option<&Location> {
    let market = slug(&dataset.manifest.reference.market);
    dataset
        .locations
        .iter()
        .find(|l| !market.is_empty() && slug(&l.area).starts_with(&market))
        .or_else(|| dataset.locations.first())
}

/// "London, England (United Kingdom)", "Germany", "Everywhere else in Germany": how a person names a place.
pub fn location_name(location: &Location) -> String {
    match location.area.as_str() {
        "All" => location.country.clone(),
        "Everywhere else" => format!("Everywhere else in {}", location.country),
        area => format!("{area} ({})", location.country),
    }
}

/// An amount as people type it: "120000", "120,000", "120 000", "£120,000.50".
pub fn parse_amount(text: &str) -> Option<f64> {
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let has_other = text
        .chars()
        .any(|c| c.is_alphabetic() && !c.is_ascii_uppercase());
    if digits.is_empty() || has_other {
        return None;
    }
    crate::parse::parse_decimal(&digits)
        .ok()
        .filter(|v| v.is_finite() && *v > 0.0)
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.history = HistoryMode::Push;
        let s = &mut next.selection;
        match action {
            Action::Loaded { outcome, today } => {
                let Outcome {
                    dataset,
                    problems,
                    source,
                    published,
                } = *outcome;
                next.source = source;
                next.published = published;
                next.phase = if dataset.is_some() {
                    Phase::Ready
                } else {
                    Phase::Failed
                };
                next.dataset = dataset.map(|dataset| Shared(Rc::new(dataset)));
                next.problems = Rc::new(problems);
                next.today = today;
                next.history = HistoryMode::Replace;
                next.validate();
            }
            Action::FromQuery(query) => {
                next.selection = raw_selection(&query);
                next.history = HistoryMode::Replace;
                next.validate();
            }
            Action::SelectRole(role) => {
                s.role = Some(role);
                s.grade = None;
            }
            Action::SelectGrade(grade) => s.grade = Some(grade),
            Action::SelectLocation(id) => s.location = Some(id),
            Action::SetCurrency(choice) => s.currency = choice,
            Action::AddCompare(id) => {
                if !s.compare.contains(&id) && s.compare.len() < MAX_COMPARE {
                    s.compare.push(id);
                }
            }
            Action::RemoveCompare(id) => s.compare.retain(|other| *other != id),
            Action::SetOffer(text) => {
                s.offer = text;
                next.history = HistoryMode::Replace;
            }
            Action::SetSort(sort) => {
                s.sort = sort;
                s.page = 0;
            }
            Action::SetFilter(text) => {
                s.filter = text;
                s.page = 0;
                next.history = HistoryMode::Replace;
            }
            Action::SetHiringOnly(on) => {
                s.hiring_only = on;
                s.page = 0;
            }
            Action::SetPage(page) => s.page = page,
            Action::DismissNotices => next.notices.clear(),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::load_dataset;

    fn shipped() -> Dataset {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/data/");
        let manifest = std::fs::read(format!("{root}paygrade.json")).unwrap();
        let (dataset, problems) = load_dataset("paygrade.json", &manifest, &|path| {
            std::fs::read(format!("{root}{path}")).map_err(|e| e.to_string())
        });
        assert!(problems.is_empty(), "{problems:?}");
        dataset.unwrap()
    }

    fn loaded(query: &str) -> Rc<State> {
        Rc::new(State::from_query(&ViewQuery::parse(query))).reduce(Action::Loaded {
            outcome: Box::new(Outcome {
                dataset: Some(shipped()),
                problems: Vec::new(),
                source: DataSource::Published,
                published: None,
            }),
            today: Date::parse("2026-11-24"),
        })
    }

    #[test]
    fn defaults_are_the_first_role_its_grade_and_the_reference_market() {
        let state = loaded("");
        assert_eq!(state.phase, Phase::Ready);
        assert_eq!(state.current_grade(), Some(12));
        let location = state.current_location().unwrap();
        assert!(
            location.id.starts_with("united-states/san-francisco"),
            "{}",
            location.id
        );
        assert!(state.notices.is_empty());
    }

    #[test]
    fn unknown_link_values_fall_back_with_a_notice_each() {
        let state = loaded("?role=nobody&grade=13&location=atlantis/all&currency=XXX&compare=atlantis/all&offer=lots");
        assert_eq!(state.notices.len(), 6, "{:?}", state.notices);
        assert!(state.notices.iter().any(|n| n.contains("atlantis/all")));
        assert_eq!(state.selection.location, None);
        assert_eq!(state.selection.currency, CurrencyChoice::Local);
        assert!(state.selection.compare.is_empty());
        assert_eq!(state.current_grade(), Some(12));
    }

    #[test]
    fn a_valid_link_survives_loading_and_encodes_back_the_same() {
        let query = "?grade=11&location=united-kingdom/london-england&currency=reference&compare=germany/berlin\
                     &offer=250000&sort=max-desc&filter=united%20k&hiring=yes&page=2";
        let state = loaded(query);
        assert!(state.notices.is_empty(), "{:?}", state.notices);
        assert_eq!(state.to_query().to_query(), query);
    }

    #[test]
    fn typing_an_offer_replaces_history_and_choosing_pushes() {
        let state = loaded("");
        let typed = state.clone().reduce(Action::SetOffer("12".into()));
        assert_eq!(typed.history, HistoryMode::Replace);
        let chosen = typed.reduce(Action::SelectLocation("germany/berlin".into()));
        assert_eq!(chosen.history, HistoryMode::Push);
        assert_eq!(chosen.selection.offer, "12");
    }

    #[test]
    fn compare_holds_at_most_four_distinct_locations() {
        let mut state = loaded("");
        for id in ["a", "b", "a", "c", "d", "e"] {
            state = state.reduce(Action::AddCompare(id.into()));
        }
        assert_eq!(state.selection.compare, vec!["a", "b", "c", "d"]);
        state = state.reduce(Action::RemoveCompare("b".into()));
        assert_eq!(state.selection.compare, vec!["a", "c", "d"]);
    }

    #[test]
    fn amounts_are_read_as_people_type_them() {
        assert_eq!(parse_amount("120000"), Some(120_000.0));
        assert_eq!(parse_amount("£120,000"), Some(120_000.0));
        assert_eq!(parse_amount("USD 120 000.50"), Some(120_000.5));
        assert_eq!(parse_amount("lots"), None);
        assert_eq!(parse_amount("0"), None);
        assert_eq!(parse_amount(""), None);
    }
}
