//! The one place the view's state changes: an action in, a new state out, no web types, tested natively.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{DataError, Dataset};

/// Where loading stands; the view shows a matching panel for each.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Loading,
    /// Nothing usable arrived: the manifest was missing or unreadable.
    Failed,
    Ready,
}

/// Which reference currency the amounts are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CurrencyView {
    Local,
    Reference,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub phase: Phase,
    pub dataset: Option<Rc<Dataset>>,
    /// Every problem the core found; shown as a list, never fatal on its own.
    pub problems: Rc<Vec<DataError>>,
    pub role: Option<String>,
    pub currency: CurrencyView,
}

impl Default for State {
    fn default() -> Self {
        State {
            phase: Phase::Loading,
            dataset: None,
            problems: Rc::new(Vec::new()),
            role: None,
            currency: CurrencyView::Local,
        }
    }
}

pub enum Action {
    Loaded {
        dataset: Option<Box<Dataset>>,
        problems: Vec<DataError>,
    },
    SetCurrency(CurrencyView),
}

impl State {
    /// The role on screen: the one asked for when it exists, else the first one loaded.
    pub fn current_role(&self) -> Option<&crate::model::Role> {
        let dataset = self.dataset.as_deref()?;
        self.role
            .as_deref()
            .and_then(|slug| dataset.role(slug))
            .or_else(|| dataset.roles.first())
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded { dataset, problems } => {
                next.phase = if dataset.is_some() {
                    Phase::Ready
                } else {
                    Phase::Failed
                };
                next.dataset = dataset.map(|dataset| Rc::new(*dataset));
                next.problems = Rc::new(problems);
            }
            Action::SetCurrency(view) => next.currency = view,
        }
        Rc::new(next)
    }
}
