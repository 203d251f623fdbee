//! The explorer component: loads a data folder, keeps the view in the reducer, and (standalone only) in the URL.

use gloo_events::EventListener;
use yew::prelude::*;

use crate::ui::actions::Actions;
use crate::ui::compact::compact;
use crate::ui::explorer::explorer;
use std::rc::Rc;

use crate::model::DataError;
use crate::ui::explorer::OwnDataCallbacks;
use crate::ui::load::{self, resolve, LocalFiles, Outcome};
use crate::ui::state::{Action, HistoryMode, Phase, State, Surface};
use crate::ui::storage;
use crate::ui::sync::{self, SyncedChoice};
use crate::ui::url::ViewQuery;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The data folder, ending in `/`: `./data/` on the standalone page, the host's choice in a widget.
    pub data_base: AttrValue,
    /// The view to open: from the page's URL when standalone, from the host's options in a widget.
    #[prop_or_default]
    pub initial: ViewQuery,
    /// Only the standalone page reads and writes the browser's URL and history.
    #[prop_or_default]
    pub standalone: bool,
    /// A notice to show from the start, such as a refused `data` folder.
    #[prop_or_default]
    pub notice: Option<AttrValue>,
    /// The compact widget instead of the full explorer.
    #[prop_or_default]
    pub compact: bool,
    /// The full explorer's address, for the compact widget's link.
    #[prop_or_else(|| AttrValue::from("./"))]
    pub explorer: AttrValue,
    /// Widgets with the same sync name follow one reader's choice of location and currency.
    #[prop_or_default]
    pub sync: Option<AttrValue>,
    /// Called once the view has its data (or has failed), after that render is in the DOM: a pre-rendered
    /// page swaps its static copy for the live view then, so the reader never sees "Loading".
    #[prop_or_default]
    pub on_ready: Option<Callback<()>>,
    /// The view a pre-rendered role page stands for (its role, a level page's grade): left out of the URL
    /// the page writes, and taken again when back/forward lands on the bare address.
    #[prop_or_default]
    pub implied: ViewQuery,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let surface = match (props.compact, props.standalone) {
        (true, _) => Surface::Compact,
        (false, true) => Surface::Page,
        (false, false) => Surface::Widget,
    };
    let state = use_reducer(move || State::from_query(&initial, surface));
    {
        let state = state.clone();
        let own_files = props.standalone;
        use_effect_with(props.data_base.clone(), move |base| {
            let base = base.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                let published = load::published(&base)
                    .await
                    .map_err(|problems| (*problems).clone());
                let local = if own_files {
                    storage::load().await
                } else {
                    None
                };
                show(&state, resolve(published, local.as_ref()));
            });
        });
    }
    {
        // The role on screen is fetched when it is opened, not with the data: a handbook of 400 job
        // families costs the tables, the index and one page.
        let state = state.clone();
        let base = props.data_base.to_string();
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
    {
        // A host's `update(options)` arrives as new props: take the view they hold.
        let state = state.clone();
        use_effect_with(props.initial.clone(), move |initial| {
            if state.to_query() != *initial {
                state.dispatch(Action::FromQuery(Box::new(initial.clone())));
            }
        });
    }
    {
        // Ready once the data is in and the role's page too (it is fetched after the data): a takeover
        // before that would show "Loading the role's page" where the static page shows it.
        let on_ready = props.on_ready.clone();
        let loaded = state.phase != Phase::Loading
            && !state.page_loading()
            && (state.phase != Phase::Ready || state.wanted_page().is_none());
        use_effect_with(loaded, move |loaded| {
            if let (true, Some(on_ready)) = (*loaded, on_ready) {
                on_ready.emit(());
            }
        });
    }
    use_url_sync(&state, props.standalone, &props.implied);
    let member = use_state(crate::ui::components::location_picker::next_instance);
    {
        // Joins the sync group while mounted; the membership is dropped (the group left) on unmount.
        let dispatcher = state.dispatcher();
        let member = *member;
        use_effect_with(props.sync.clone(), move |name| {
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
    let actions = {
        let dispatcher = state.dispatcher();
        let sync = props.sync.as_ref().map(|name| (name.to_string(), *member));
        use_memo(sync.clone(), move |_| Actions::new(&dispatcher, sync))
    };
    if props.compact {
        return compact(&state, &actions, &props.explorer);
    }
    // Only the standalone page offers the reader's own files; a widget shows what its host chose.
    let own_data = props.standalone.then(|| OwnDataCallbacks {
        on_files: {
            let state = state.clone();
            Callback::from(move |files: LocalFiles| {
                let mut outcome = over_published(&state, Some(&files));
                let state = state.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(why) = storage::save(&files).await {
                        outcome.problems.push(DataError::file(
                            "your files",
                            format!("are shown but could not be kept for your next visit: {why}"),
                        ));
                    }
                    show(&state, outcome);
                });
            })
        },
        on_forget: {
            let state = state.clone();
            Callback::from(move |()| {
                let state = state.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    storage::forget().await;
                    show(&state, over_published(&state, None));
                });
            })
        },
    });
    explorer(&state, &actions, props.notice.as_deref(), own_data)
}

/// The published data already fetched, with `local` over it (none: the published data alone).
fn over_published(state: &State, local: Option<&LocalFiles>) -> Outcome {
    resolve(
        state
            .published
            .as_ref()
            .map(|published| Rc::clone(&published.0))
            .ok_or_else(Vec::new),
        local,
    )
}

fn show(state: &UseReducerHandle<State>, outcome: Outcome) {
    state.dispatch(Action::Loaded {
        outcome: Box::new(outcome),
        today: crate::ui::clock::today(),
    });
}

/// Writes the view into the page's URL and follows back/forward; does nothing when `enabled` is false (widgets).
#[hook]
fn use_url_sync(state: &UseReducerHandle<State>, enabled: bool, implied: &ViewQuery) {
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

fn current_search() -> Option<String> {
    web_sys::window()?.location().search().ok()
}

fn write_url(query: &str, mode: HistoryMode) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if current_search().as_deref().unwrap_or("") == query {
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
