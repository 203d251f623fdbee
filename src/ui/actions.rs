//! The view's callbacks, made once per app: a component's props then compare equal from render to render,
//! so a change in one section does not re-render the others (a new closure per render never compares equal).

use yew::prelude::*;

use crate::band::CurrencyChoice;
use crate::table::Sort;
use crate::ui::state::{Action, State};
use crate::ui::sync::{self, SyncedChoice};

/// One callback per thing the reader can do.
pub struct Actions {
    /// A role by id; `None` is the directory.
    pub select_role: Callback<Option<String>>,
    /// A role from the directory, by id.
    pub open_role: Callback<String>,
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
    pub set_remote: Callback<bool>,
    pub set_posted: Callback<String>,
    pub set_contract: Callback<String>,
    pub set_valuation: Callback<f64>,
    pub set_move_from: Callback<String>,
    pub set_salary: Callback<String>,
    pub add_ad_place: Callback<String>,
    pub remove_ad_place: Callback<String>,
    pub dismiss_notices: Callback<()>,
}

impl Actions {
    /// The callbacks of one app; with `sync` (group name, this widget's member id), the reader's choice of
    /// location and currency also goes to the other widgets of the group.
    pub fn new(dispatcher: &UseReducerDispatcher<State>, sync: Option<(String, usize)>) -> Actions {
        let select_location = send(dispatcher, Action::SelectLocation);
        let set_currency = send(dispatcher, Action::SetCurrency);
        let (select_location, set_currency) = match sync {
            None => (select_location, set_currency),
            Some((name, member)) => (
                shared_with_group(
                    select_location,
                    name.clone(),
                    member,
                    SyncedChoice::Location,
                ),
                shared_with_group(set_currency, name, member, SyncedChoice::Currency),
            ),
        };
        Actions {
            select_role: send(dispatcher, Action::SelectRole),
            open_role: send(dispatcher, |id| Action::SelectRole(Some(id))),
            select_level: send(dispatcher, Action::SelectLevel),
            set_search: send(dispatcher, Action::SetSearch),
            select_grade: send(dispatcher, Action::SelectGrade),
            select_location,
            set_currency,
            add_compare: send(dispatcher, Action::AddCompare),
            remove_compare: send(dispatcher, Action::RemoveCompare),
            set_offer: send(dispatcher, Action::SetOffer),
            set_sort: send(dispatcher, Action::SetSort),
            set_filter: send(dispatcher, Action::SetFilter),
            set_hiring_only: send(dispatcher, Action::SetHiringOnly),
            set_page: send(dispatcher, Action::SetPage),
            set_remote: send(dispatcher, Action::SetRemote),
            set_posted: send(dispatcher, Action::SetPosted),
            set_contract: send(dispatcher, Action::SetContract),
            set_valuation: send(dispatcher, Action::SetValuation),
            set_move_from: send(dispatcher, Action::SetMoveFrom),
            set_salary: send(dispatcher, Action::SetSalary),
            add_ad_place: send(dispatcher, Action::AddAdPlace),
            remove_ad_place: send(dispatcher, Action::RemoveAdPlace),
            dismiss_notices: send(dispatcher, |()| Action::DismissNotices),
        }
    }
}

/// `local`, then the same choice published to the sync group `name`.
fn shared_with_group<T: Clone + 'static>(
    local: Callback<T>,
    name: String,
    member: usize,
    choice: impl Fn(T) -> SyncedChoice + 'static,
) -> Callback<T> {
    Callback::from(move |value: T| {
        local.emit(value.clone());
        sync::publish(&name, member, choice(value));
    })
}

fn send<T: 'static>(
    dispatcher: &UseReducerDispatcher<State>,
    action: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |value| dispatcher.dispatch(action(value)))
}
