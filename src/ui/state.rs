//! The one place the view's state changes: an action in, a new state out, no web types, tested natively.

use std::rc::Rc;

use yew::Reducible;

use crate::band::CurrencyChoice;
use paygrade_core::names::Names;

use crate::model::{
    slug, DataError, Dataset, Date, HireWay, IndexEntry, IndexLevel, Location, Role,
};
use crate::table::Sort;
use crate::ui::load::{DataSource, Outcome, Published, RolePage};
use crate::ui::url::{ViewQuery, MAX_COMPARE};
use crate::view::{Detail, RoleView};

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

/// Where a view is shown: the standalone page, a full explorer widget, or the compact widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Surface {
    /// The standalone page: the role directory, a role's page, the URL kept in step.
    Page,
    /// The full explorer in a host's page: a role's page, never the directory.
    Widget,
    /// The compact widget: the band and its place, from the index alone.
    Compact,
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
    /// The role's id (an old slug is turned into its id once the data is in); `None`: the directory.
    pub role: Option<String>,
    /// The role's level as a link names it (position from 1, or slug); `None`: the first.
    pub level: Option<String>,
    /// What the directory's search box holds.
    pub search: String,
    /// A grade other than the role's, when a hiring manager looks across the ladder.
    pub grade: Option<u8>,
    /// A link's `grade` that is not a grade number at all (`?grade=abc`), kept to say so once.
    pub unread_grade: Option<String>,
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
    /// The job ad: remote, and the places besides the chosen location it is open to.
    pub remote: bool,
    pub ad_places: Vec<String>,
    /// The date the job ad goes out, when not today: laws are checked as they stand on it.
    pub posted: Option<Date>,
    /// A link's `posted` that is not a date, kept to say so once.
    pub unread_posted: Option<String>,
    /// The way to hire the band is shown for (`None`: the data's first way there, usually an employee).
    pub contract: Option<HireWay>,
    /// The equity's valuation as a multiple of the stated one (1: as stated).
    pub valuation: f64,
    /// A move's starting place, and the salary earned there as typed (a private amount).
    pub move_from: Option<String>,
    pub salary: String,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            role: None,
            level: None,
            search: String::new(),
            grade: None,
            unread_grade: None,
            location: None,
            currency: CurrencyChoice::Local,
            compare: Vec::new(),
            offer: String::new(),
            data: None,
            sort: Sort::default(),
            filter: String::new(),
            hiring_only: false,
            page: 0,
            remote: false,
            ad_places: Vec::new(),
            posted: None,
            unread_posted: None,
            contract: None,
            valuation: 1.0,
            move_from: None,
            salary: String::new(),
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
    pub published: Option<Shared<Published>>,
    /// Role pages fetched on their own, by role id: `None` while the fetch is under way.
    pub pages: Rc<Names<Option<Shared<RolePage>>>>,
    /// Where the view is shown, which decides what it offers and fetches.
    pub surface: Surface,
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
            pages: Rc::new(Names::new()),
            surface: Surface::Page,
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
    /// Opens a role by id (its page is fetched if it is not in yet); `None` goes back to the directory.
    SelectRole(Option<String>),
    /// A role page's fetch started, so it is not started twice.
    PageRequested(String),
    /// A role page arrived (or failed), by role id.
    PageLoaded(String, Rc<RolePage>),
    /// Chooses a level of the current role by position (0 = first).
    SelectLevel(usize),
    SetSearch(String),
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
    /// The job ad is remote, open to applicants in its places.
    SetRemote(bool),
    /// The job ad's posting date as a date input gives it (`YYYY-MM-DD`; empty: today).
    SetPosted(String),
    /// The way to hire, by its word (`contractor`); empty: the default.
    SetContract(String),
    /// The equity's valuation multiple.
    SetValuation(f64),
    /// Where a move starts (a location id; empty: no move).
    SetMoveFrom(String),
    /// The salary earned where a move starts, as typed.
    SetSalary(String),
    /// Another place the job ad is open to (its rules join the strictest combination).
    AddAdPlace(String),
    RemoveAdPlace(String),
    DismissNotices,
}

impl State {
    /// A state holding a link's raw values, checked once the data arrives.
    pub fn from_query(query: &ViewQuery, surface: Surface) -> State {
        State {
            selection: raw_selection(query),
            surface,
            ..State::default()
        }
    }

    /// Whether no role chosen means the role directory (the standalone page), not the first role (a widget).
    pub fn offers_directory(&self) -> bool {
        self.surface == Surface::Page
    }

    /// Whether the role directory is on screen: several roles and none chosen, on the standalone page.
    pub fn shows_directory(&self) -> bool {
        self.offers_directory()
            && self.selection.role.is_none()
            && self
                .dataset
                .as_deref()
                .is_some_and(|dataset| dataset.index.roles.len() > 1)
    }

    /// The chosen role's index entry, else (off the directory) the first role's.
    pub fn current_entry(&self) -> Option<&IndexEntry> {
        let index = &self.dataset.as_deref()?.index;
        match self.selection.role.as_deref() {
            Some(key) => index.find(key),
            None if self.shows_directory() => None,
            None => index.roles.first(),
        }
    }

    /// The role on screen, once its page is in: parsed with the data, or fetched on its own.
    pub fn current_role(&self) -> Option<&Role> {
        let entry = self.current_entry()?;
        let dataset = self.dataset.as_deref()?;
        dataset
            .role(&entry.id)
            .or_else(|| self.pages.get(&entry.id)?.as_deref()?.role.as_deref())
    }

    /// The role page still to fetch: (role id, file), when the current role's page is neither in nor asked for.
    pub fn wanted_page(&self) -> Option<(String, String)> {
        let entry = self.current_entry()?;
        let dataset = self.dataset.as_deref()?;
        // The compact widget shows what the index holds (title, level, grade, the role's midpoint).
        if self.surface == Surface::Compact {
            return None;
        }
        let wanted = |entry: &IndexEntry| {
            (dataset.role(&entry.id).is_none() && !self.pages.contains_key(&entry.id))
                .then(|| (entry.id.clone(), entry.file.clone()))
        };
        // A leaf's page first, then its family overview's, whose hiring process it may show.
        wanted(entry).or_else(|| {
            let family = entry.family.as_deref()?;
            wanted(dataset.index.find(family)?)
        })
    }

    /// After the page `id` arrived: a leaf takes what it lacks from its family overview, whichever of the
    /// two arrived first (a page parsed with the data took it in `Dataset::assemble`).
    fn with_family_overviews(&mut self, id: &str) {
        let Some(dataset) = self.dataset.clone() else {
            return;
        };
        let page_role = |pages: &Names<Option<Shared<RolePage>>>, id: &str| {
            pages
                .get(id)
                .and_then(|page| page.as_deref())
                .and_then(|page| page.role.clone())
        };
        let leaves: Vec<(String, String)> = dataset
            .index
            .roles
            .iter()
            .filter_map(|entry| Some((entry.id.clone(), entry.family.clone()?)))
            .filter(|(leaf, family)| leaf == id || family == id)
            .collect();
        for (leaf, family) in leaves {
            let (Some(role), Some(overview)) = (
                page_role(&self.pages, &leaf),
                page_role(&self.pages, &family),
            ) else {
                continue;
            };
            let mut merged = (*role).clone();
            merged.inherit_from(&overview);
            if merged != *role {
                let problems = self
                    .pages
                    .get(&leaf)
                    .and_then(|page| page.as_deref())
                    .map(|page| page.problems.clone())
                    .unwrap_or_default();
                Rc::make_mut(&mut self.pages).insert(
                    leaf,
                    Some(Shared(Rc::new(RolePage {
                        role: Some(Rc::new(merged)),
                        problems,
                    }))),
                );
            }
        }
    }

    /// Problems of the current role's page fetched on its own (the data's own are in `problems`).
    pub fn page_problems(&self) -> Vec<DataError> {
        self.current_entry()
            .and_then(|entry| self.pages.get(&entry.id))
            .and_then(|page| page.as_deref())
            .map(|page| page.problems.clone())
            .unwrap_or_default()
    }

    /// Whether the current role's page is being fetched.
    pub fn page_loading(&self) -> bool {
        self.current_entry()
            .is_some_and(|entry| matches!(self.pages.get(&entry.id), Some(None)))
    }

    /// The level on screen: the one chosen, else the first, by position; known from the index before the
    /// page arrives.
    pub fn current_level(&self) -> Option<(usize, &IndexLevel)> {
        let entry = self.current_entry()?;
        self.selection
            .level
            .as_deref()
            .and_then(|key| entry.level_by_key(key))
            .or_else(|| entry.levels.first().map(|level| (0, level)))
    }

    /// The grade on screen: the one chosen, else the level's, else the role's, else the first in the table.
    pub fn current_grade(&self) -> Option<u8> {
        let dataset = self.dataset.as_deref()?;
        self.selection
            .grade
            .or_else(|| self.current_level().and_then(|(_, level)| level.grade))
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

    /// What the role page (or the compact widget) shows about pay, from the view model: the role, level,
    /// grade, place, job title and band in the chosen currency. `None` before the data is in, or when it
    /// has no grades or no locations.
    pub fn role_view(&self, detail: Detail) -> Option<RoleView<'_>> {
        let dataset = self.dataset.as_deref()?;
        Some(RoleView::new(
            dataset,
            self.current_entry(),
            self.current_level(),
            self.current_grade()?,
            self.current_location()?,
            &self.selection.currency,
            self.today,
            detail,
            self.selection.contract,
        ))
    }

    /// The salary a move starts from, when what was typed is an amount.
    pub fn salary_amount(&self) -> Option<f64> {
        parse_amount(&self.selection.salary)
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
            level: s.level.clone(),
            search: (!s.search.trim().is_empty()).then(|| s.search.clone()),
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
            remote: s.remote.then(|| "yes".to_string()),
            posted: s.posted.map(|date| date.to_string()),
            contract: s.contract.map(|way| way.word().to_string()),
            valuation: (s.valuation != 1.0).then(|| crate::figures_text::number(s.valuation, 2)),
            move_from: s.move_from.clone(),
            salary: (!s.salary.trim().is_empty()).then(|| s.salary.trim().to_string()),
            open: s.ad_places.clone(),
        }
    }

    /// Checks the raw selection against the data: what does not fit falls back, with a notice.
    fn validate(&mut self) {
        let Some(dataset) = self.dataset.clone() else {
            return;
        };
        let offers_directory = self.offers_directory();
        let s = &mut self.selection;
        let mut notices = Vec::new();
        if let Some(role) = s.role.take() {
            // An old `?role=slug` link becomes the role's id, when only one role has that slug.
            match dataset.index.find(&role) {
                Some(entry) => s.role = Some(entry.id.clone()),
                None => {
                    let instead = if offers_directory && dataset.index.roles.len() > 1 {
                        "the list of roles"
                    } else {
                        dataset
                            .index
                            .roles
                            .first()
                            .map_or("nothing", |entry| entry.title.as_str())
                    };
                    notices.push(format!(
                        "The link asked for the role \"{role}\", which this data does not have (or more than one role has that name); showing {instead} instead."
                    ));
                    s.level = None;
                }
            }
        }
        if let Some(level) = s.level.take() {
            let entry = s.role.as_deref().and_then(|id| dataset.index.find(id));
            match entry {
                Some(entry) => match entry.level_by_key(&level) {
                    Some(_) => s.level = Some(level),
                    None => notices.push(format!(
                        "The link asked for the level \"{level}\", which {} does not have; showing its first level.",
                        entry.title
                    )),
                },
                None if dataset.index.roles.len() > 1 => {}
                None => {
                    if let Some(entry) = dataset.index.roles.first() {
                        if entry.level_by_key(&level).is_some() {
                            s.level = Some(level);
                        }
                    }
                }
            }
        }
        if let Some(id) = s.move_from.take() {
            if dataset.location(&id).is_some() {
                s.move_from = Some(id);
            } else {
                notices.push(format!(
                    "The link asked for a move from \"{id}\", which this data does not have."
                ));
            }
        }
        if let Some(text) = s.unread_posted.take() {
            notices.push(format!(
                "The link's posting date \"{text}\" is not a date in the form YYYY-MM-DD; checking the job ad for today."
            ));
        }
        if let Some(text) = s.unread_grade.take() {
            notices.push(format!(
                "The link asked for grade \"{text}\", which is not a grade number; showing the role's grade."
            ));
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
                    default_location(&dataset).map_or("no location".to_string(), Location::name);
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
        let before = s.ad_places.len();
        s.ad_places.retain(|id| dataset.location(id).is_some());
        if s.ad_places.len() < before {
            notices.push(format!(
                "{} job-ad location(s) in the link are not in this data and were left out.",
                before - s.ad_places.len()
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
        level: query.level.clone(),
        search: query.search.clone().unwrap_or_default(),
        grade: query.grade.as_deref().and_then(|g| g.trim().parse().ok()),
        unread_grade: query
            .grade
            .as_deref()
            .filter(|g| g.trim().parse::<u8>().is_err())
            .map(str::to_string),
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
        remote: query.remote.as_deref() == Some("yes"),
        posted: query.posted.as_deref().and_then(Date::parse),
        contract: query.contract.as_deref().and_then(HireWay::from_word),
        valuation: query
            .valuation
            .as_deref()
            .and_then(|text| crate::parse::parse_decimal(text).ok())
            .filter(|value| value.is_finite() && (0.0..=100.0).contains(value))
            .unwrap_or(1.0),
        move_from: query.move_from.clone(),
        salary: query.salary.clone().unwrap_or_default(),
        unread_posted: query
            .posted
            .as_deref()
            .filter(|text| Date::parse(text).is_none())
            .map(str::to_string),
        ad_places: query.open.clone(),
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
                next.published = published.map(Shared);
                next.phase = if dataset.is_some() {
                    Phase::Ready
                } else {
                    Phase::Failed
                };
                next.dataset = dataset.map(Shared);
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
                s.role = role;
                s.level = None;
                s.grade = None;
            }
            Action::PageRequested(id) => {
                Rc::make_mut(&mut next.pages).insert(id, None);
                next.history = HistoryMode::Replace;
            }
            Action::PageLoaded(id, page) => {
                Rc::make_mut(&mut next.pages).insert(id.clone(), Some(Shared(page)));
                next.with_family_overviews(&id);
                next.history = HistoryMode::Replace;
            }
            Action::SelectLevel(position) => {
                // A slug survives the page gaining a level above this one; a position is the fallback.
                let key = next
                    .current_entry()
                    .and_then(|entry| entry.levels.get(position))
                    .map(|level| level.slug.clone())
                    .filter(|slug| !slug.is_empty())
                    .unwrap_or_else(|| (position + 1).to_string());
                next.selection.level = Some(key);
                next.selection.grade = None;
            }
            Action::SetSearch(text) => {
                s.search = text;
                next.history = HistoryMode::Replace;
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
            Action::SetRemote(on) => s.remote = on,
            Action::SetPosted(text) => s.posted = Date::parse(&text),
            Action::SetContract(word) => {
                s.contract = HireWay::from_word(&word);
                next.history = HistoryMode::Replace;
            }
            Action::SetValuation(multiple) => {
                s.valuation = if multiple.is_finite() && multiple >= 0.0 {
                    multiple
                } else {
                    1.0
                };
            }
            Action::SetMoveFrom(id) => {
                s.move_from = Some(id).filter(|id| !id.is_empty());
            }
            Action::SetSalary(text) => {
                s.salary = text;
                next.history = HistoryMode::Replace;
            }
            Action::AddAdPlace(id) => {
                if !s.ad_places.contains(&id) && s.ad_places.len() < MAX_COMPARE {
                    s.ad_places.push(id);
                }
            }
            Action::RemoveAdPlace(id) => s.ad_places.retain(|other| *other != id),
            Action::DismissNotices => next.notices.clear(),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Dataset {
        crate::parse::shipped_dataset()
    }

    fn loaded(query: &str) -> Rc<State> {
        Rc::new(State::from_query(&ViewQuery::parse(query), Surface::Page)).reduce(Action::Loaded {
            outcome: Box::new(Outcome {
                dataset: Some(Rc::new(shipped())),
                problems: Vec::new(),
                source: DataSource::Published,
                published: None,
            }),
            today: Date::parse("2026-11-24"),
        })
    }

    #[test]
    fn a_role_opens_at_its_grade_and_the_reference_market() {
        let state = loaded("?role=vp-strategy-developer-relations");
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
        assert!(state.shows_directory());
        assert_eq!(state.notices.len(), 6, "{:?}", state.notices);
        assert!(state.notices[0].contains("showing the list of roles"));
        assert!(state.notices.iter().any(|n| n.contains("atlantis/all")));
        assert_eq!(state.selection.location, None);
        assert_eq!(state.selection.currency, CurrencyChoice::Local);
        assert!(state.selection.compare.is_empty());
        assert_eq!(state.current_entry(), None);
    }

    #[test]
    fn a_valid_link_survives_loading_and_encodes_back_the_same() {
        let query = "?grade=11&location=united-kingdom/london-england&currency=reference&compare=germany/berlin\
                     &contract=contractor&valuation=3&move_from=japan/tokyo\
                     &sort=max-desc&filter=united%20k&hiring=yes&page=2#offer=250000&salary=9000000";
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
    fn several_roles_open_on_the_directory_and_a_widget_on_the_first_role() {
        let state = loaded("");
        assert!(state.shows_directory());
        assert_eq!(state.current_entry(), None);
        assert_eq!(state.wanted_page(), None);
        let widget = Rc::new(State::from_query(&ViewQuery::default(), Surface::Widget)).reduce(
            Action::Loaded {
                outcome: Box::new(Outcome {
                    dataset: Some(Rc::new(shipped())),
                    problems: Vec::new(),
                    source: DataSource::Published,
                    published: None,
                }),
                today: None,
            },
        );
        assert!(!widget.shows_directory());
        let compact = Rc::new(State::from_query(
            &ViewQuery::parse("?role=sales/account-executive"),
            Surface::Compact,
        ));
        let mut without_pages = shipped();
        without_pages.roles.clear();
        let compact = compact.reduce(Action::Loaded {
            outcome: Box::new(Outcome {
                dataset: Some(Rc::new(without_pages)),
                problems: Vec::new(),
                source: DataSource::Published,
                published: None,
            }),
            today: None,
        });
        assert_eq!(compact.current_grade(), Some(6));
        assert_eq!(
            compact.wanted_page(),
            None,
            "the compact widget needs only the index"
        );
        assert_eq!(
            widget.current_entry().map(|e| e.id.as_str()),
            Some("engineering/backend-engineer")
        );
    }

    #[test]
    fn an_old_slug_link_becomes_the_role_id_and_levels_follow_the_link() {
        let state = loaded("?role=backend-engineer&level=2");
        assert!(state.notices.is_empty(), "{:?}", state.notices);
        assert_eq!(
            state.selection.role.as_deref(),
            Some("engineering/backend-engineer")
        );
        assert_eq!(state.current_level().map(|(i, _)| i), Some(1));
        let by_slug = loaded("?role=engineering/backend-engineer&level=staff-backend-engineer");
        assert_eq!(
            by_slug.current_level().map(|(i, l)| (i, l.grade)),
            Some((2, Some(8)))
        );
        assert_eq!(by_slug.current_grade(), Some(8));
        let chosen = by_slug.reduce(Action::SelectLevel(0));
        assert_eq!(
            chosen.selection.level.as_deref(),
            Some("intermediate-backend-engineer")
        );
        assert_eq!(chosen.current_grade(), Some(6));
        assert_eq!(
            chosen.to_query().to_query(),
            "?role=engineering/backend-engineer&level=intermediate-backend-engineer"
        );
    }

    #[test]
    fn an_unknown_level_falls_back_to_the_first_with_a_notice() {
        let state = loaded("?role=engineering/backend-engineer&level=9");
        assert_eq!(state.notices.len(), 1, "{:?}", state.notices);
        assert!(state.notices[0].contains("level \"9\""));
        assert_eq!(state.selection.level, None);
        assert_eq!(state.current_grade(), Some(6));
    }

    #[test]
    fn a_page_listed_only_in_the_index_is_wanted_once_and_shown_when_it_arrives() {
        let mut dataset = shipped();
        let role = dataset.roles.remove(1);
        let state = Rc::new(State::from_query(
            &ViewQuery::parse("?role=engineering/backend-engineer"),
            Surface::Page,
        ))
        .reduce(Action::Loaded {
            outcome: Box::new(Outcome {
                dataset: Some(Rc::new(dataset)),
                problems: Vec::new(),
                source: DataSource::Published,
                published: None,
            }),
            today: None,
        });
        assert_eq!(
            state.current_grade(),
            Some(6),
            "the index gives the grade before the page"
        );
        assert_eq!(
            state.wanted_page(),
            Some((
                "engineering/backend-engineer".to_string(),
                "roles/engineering/backend-engineer.md".to_string()
            ))
        );
        let asked = state.reduce(Action::PageRequested("engineering/backend-engineer".into()));
        assert_eq!(asked.wanted_page(), None);
        assert!(asked.page_loading());
        let page = RolePage {
            role: Some(Rc::new(role)),
            problems: Vec::new(),
        };
        let shown = asked.reduce(Action::PageLoaded(
            "engineering/backend-engineer".into(),
            Rc::new(page),
        ));
        assert!(!shown.page_loading());
        assert_eq!(
            shown.current_role().map(|r| r.title.as_str()),
            Some("Backend Engineer")
        );
    }

    #[test]
    fn the_job_ad_is_remote_and_open_to_other_places_through_the_reducer() {
        let mut state = loaded("?location=canada/toronto-ontario&open=atlantis/all");
        assert_eq!(state.notices.len(), 1, "{:?}", state.notices);
        assert!(state.selection.ad_places.is_empty());
        for id in [
            "germany/berlin",
            "germany/berlin",
            "united-states/denver-colorado",
        ] {
            state = state.reduce(Action::AddAdPlace(id.into()));
        }
        state = state.reduce(Action::SetRemote(true));
        assert_eq!(
            state.to_query().to_query(),
            "?location=canada/toronto-ontario&remote=yes&open=germany/berlin,united-states/denver-colorado"
        );
        state = state.reduce(Action::RemoveAdPlace("germany/berlin".into()));
        assert_eq!(
            state.selection.ad_places,
            vec!["united-states/denver-colorado"]
        );
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
