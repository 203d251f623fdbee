//! The view's callbacks, made once per app: a component's props then compare equal from render to render,
//! so a change in one section does not re-render the others (a new closure per render never compares equal).

use yew::prelude::*;

use crate::band::CurrencyChoice;
use crate::table::Sort;
use crate::ui::state::{Action, State};

/// One callback per thing the reader can do.
pub struct Actions {
    /// A role by id; `None` is the directory.
    pub select_role: Callback<Option<String>>,
    /// A level of the current role, by position (0 = first).
    pub select_level: Callback<usize>,
    /// The directory's search box.
    pub set_search: Callback<String>,
    pub select_grade: Callback<u8>,
    pub select_location: Callback<String>,
    pub set_currency: Callback<CurrencyChoice>,
    pub add_compare: Callback<String>,
    pub remove_compare: Callback<String>,
    pub set_offer: Callback<String>,
    pub set_sort: Callback<Sort>,
    pub set_filter: Callback<String>,
    pub set_hiring_only: Callback<bool>,
    pub set_page: Callback<usize>,
    pub dismiss_notices: Callback<()>,
}

impl Actions {
    pub fn new(dispatcher: &UseReducerDispatcher<State>) -> Actions {
        Actions {
            select_role: send(dispatcher, Action::SelectRole),
            select_level: send(dispatcher, Action::SelectLevel),
            set_search: send(dispatcher, Action::SetSearch),
            select_grade: send(dispatcher, Action::SelectGrade),
            select_location: send(dispatcher, Action::SelectLocation),
            set_currency: send(dispatcher, Action::SetCurrency),
            add_compare: send(dispatcher, Action::AddCompare),
            remove_compare: send(dispatcher, Action::RemoveCompare),
            set_offer: send(dispatcher, Action::SetOffer),
            set_sort: send(dispatcher, Action::SetSort),
            set_filter: send(dispatcher, Action::SetFilter),
            set_hiring_only: send(dispatcher, Action::SetHiringOnly),
            set_page: send(dispatcher, Action::SetPage),
            dismiss_notices: send(dispatcher, |()| Action::DismissNotices),
        }
    }
}

fn send<T: 'static>(
    dispatcher: &UseReducerDispatcher<State>,
    action: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |value| dispatcher.dispatch(action(value)))
}
