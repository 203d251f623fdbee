//! The explorer's effects, each a named hook: loading the data folder, fetching the role's page, taking a
//! host's new options, telling a pre-rendered page the view is ready, joining a sync group, and keeping the
//! standalone page's URL. `App` only calls them; the state they change is the reducer's.

use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use crate::ui::app::show;
use crate::ui::handoff;
use crate::ui::load::{self, resolve};
use crate::ui::state::{Action, HistoryMode, Phase, State};
use crate::ui::storage;
use crate::ui::sync::{self, SyncedChoice};
use crate::ui::url::ViewQuery;

/// Loads the published folder at `base` (shared by every view of it) and, on the standalone page, the
/// reader's own files laid over it.
#[hook]
pub fn use_data_folder(state: &UseReducerHandle<State>, base: &AttrValue, own_files: bool) {
    let state = state.clone();
    use_effect_with(base.clone(), move |base| {
        let base = base.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            // The reader's kept files are read while the published ones arrive, not after them.
            let local = own_files.then(|| handoff::spawn(storage::load()));
            let published = load::published(&base).await;
            let local = match local {
                Some(local) => local.await.flatten(),
                None => None,
            };
            let published = published.map_err(|problems| (*problems).clone());
            show(&state, resolve(published, local.as_ref()));
        });
    });
}

/// Fetches the role on screen when it is opened, not with the data: a handbook of 400 job families costs
/// the tables, the index and one page.
#[hook]
pub fn use_role_page(state: &UseReducerHandle<State>, base: &AttrValue) {
    let state = state.clone();
    let base = base.to_string();
    use_effect_with(state.wanted_page(), move |wanted| {
        if let (Some((id, file)), Some(dataset)) = (wanted.clone(), state.dataset.clone()) {
            state.dispatch(Action::PageRequested(id.clone()));
            wasm_bindgen_futures::spawn_local(async move {
                let page = load::role_page(&base, &file, Rc::clone(&dataset.0)).await;
                state.dispatch(Action::PageLoaded(id, page));
            });
        }
    });
}

/// A host's `update(options)` arrives as new props: takes the view they hold.
#[hook]
pub fn use_host_view(state: &UseReducerHandle<State>, initial: &ViewQuery) {
    let state = state.clone();
    use_effect_with(initial.clone(), move |initial| {
        if state.to_query() != *initial {
            state.dispatch(Action::FromQuery(Box::new(initial.clone())));
        }
    });
}

/// Calls `on_ready` once the data is in and, for the full explorer, the role's page too (it is fetched after
/// the data): a takeover before that would show "Loading the role's page" where the static page shows it.
/// The compact widget shows nothing from the page, so its stand-in gives way as soon as the data is in.
#[hook]
pub fn use_ready_signal(
    state: &UseReducerHandle<State>,
    on_ready: Option<Callback<()>>,
    compact: bool,
) {
    let loaded = state.phase != Phase::Loading
        && (compact
            || (!state.page_loading()
                && (state.phase != Phase::Ready || state.wanted_page().is_none())));
    use_effect_with(loaded, move |loaded| {
        if let (true, Some(on_ready)) = (*loaded, on_ready) {
            on_ready.emit(());
        }
    });
}

/// Joins the sync group `name` while mounted; the membership is dropped (the group left) on unmount.
#[hook]
pub fn use_sync_group(state: &UseReducerHandle<State>, name: Option<AttrValue>, member: usize) {
    let dispatcher = state.dispatcher();
    use_effect_with(name, move |name| {
        let membership = name.as_ref().map(|name| {
            let on_choice = Callback::from(move |choice| {
                dispatcher.dispatch(match choice {
                    SyncedChoice::Location(id) => Action::SelectLocation(id),
                    SyncedChoice::Currency(currency) => Action::SetCurrency(currency),
                })
            });
            sync::join(name, member, on_choice)
        });
        move || drop(membership)
    });
}

/// Writes the view into the page's URL and follows back/forward; does nothing when `enabled` is false (widgets).
#[hook]
pub fn use_url_sync(state: &UseReducerHandle<State>, enabled: bool, implied: &ViewQuery) {
    {
        let state = state.clone();
        let implied = implied.clone();
        use_effect_with(enabled, move |enabled| {
            let listener = enabled.then(|| {
                web_sys::window().map(|window| {
                    EventListener::new(&window, "popstate", move |_| {
                        if let Some(search) = current_search() {
                            let query = ViewQuery::parse(&search).with_implied(&implied);
                            state.dispatch(Action::FromQuery(Box::new(query)));
                        }
                    })
                })
            });
            move || drop(listener)
        });
    }
    let ready = enabled && state.dataset.is_some();
    let query = state.to_query().without_implied(implied).to_query();
    let mode = state.history;
    use_effect_with((query, ready), move |(query, ready)| {
        if *ready {
            write_url(query, mode);
        }
    });
}

/// The page's search and hash together (`?…#…`): the view a link holds, its private amounts included.
pub fn current_search() -> Option<String> {
    let location = web_sys::window()?.location();
    let search = location.search().ok()?;
    let hash = location.hash().unwrap_or_default();
    Some(format!("{search}{hash}"))
}

fn write_url(query: &str, mode: HistoryMode) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // A browser writes `?#salary=1` as search "" and hash "#salary=1".
    let wanted = query
        .strip_prefix('?')
        .filter(|rest| rest.starts_with('#'))
        .unwrap_or(query);
    if current_search().as_deref().unwrap_or("") == wanted {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}{query}");
    let _ = match mode {
        HistoryMode::Push => {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        }
        HistoryMode::Replace => {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        }
    };
}
