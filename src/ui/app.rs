//! The explorer component: loads a data folder, keeps the view in the reducer, and (standalone only) in the URL.

use yew::prelude::*;

use crate::ui::actions::Actions;
use crate::ui::compact::compact;
use crate::ui::explorer::explorer;
use std::rc::Rc;

use crate::model::DataError;
use crate::ui::explorer::OwnDataCallbacks;
use crate::ui::hooks::{
    use_data_folder, use_host_view, use_ready_signal, use_role_page, use_sync_group, use_url_sync,
};
use crate::ui::load::{resolve, LocalFiles, Outcome};
use crate::ui::state::{Action, State, Surface};
use crate::ui::storage;
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
    use_data_folder(&state, &props.data_base, props.standalone);
    use_role_page(&state, &props.data_base);
    use_host_view(&state, &props.initial);
    use_ready_signal(&state, props.on_ready.clone(), props.compact);
    use_url_sync(&state, props.standalone, &props.implied);
    let member = use_state(crate::ui::components::location_picker::next_instance);
    use_sync_group(&state, props.sync.clone(), *member);
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

pub(crate) fn show(state: &UseReducerHandle<State>, outcome: Outcome) {
    state.dispatch(Action::Loaded {
        outcome: Box::new(outcome),
        today: crate::ui::clock::today(),
    });
}
