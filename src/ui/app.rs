//! The explorer: loads a data folder and shows the chosen role. The standalone page and every widget render this.

use yew::prelude::*;

use crate::ui::components::{CurrencyToggle, DataProblems, RoleSummary};
use crate::ui::load::load;
use crate::ui::state::{Action, CurrencyView, Phase, State};

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The data folder, ending in `/`: `./data/` on the standalone page, the host's choice in a widget.
    pub data_base: AttrValue,
    /// The role's slug; the first role in the manifest when absent.
    #[prop_or_default]
    pub role: Option<AttrValue>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let role = props.role.as_ref().map(ToString::to_string);
    let state = use_reducer(move || State {
        role,
        ..State::default()
    });
    {
        let state = state.clone();
        use_effect_with(props.data_base.clone(), move |base| {
            let base = base.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                let (dataset, problems) = load(&base).await;
                state.dispatch(Action::Loaded {
                    dataset: dataset.map(Box::new),
                    problems,
                });
            });
        });
    }
    view(&state)
}

/// The page for a given state; split from the hook so tests can render any state without fetching.
pub fn view(state: &UseReducerHandle<State>) -> Html {
    let body = match state.phase {
        Phase::Loading => html! { <p class="pg-status" role="status">{ "Loading pay data…" }</p> },
        Phase::Failed => html! { <DataProblems problems={state.problems.clone()} fatal=true /> },
        Phase::Ready => ready(state),
    };
    html! { <div class="pg-app">{ body }</div> }
}

fn ready(state: &UseReducerHandle<State>) -> Html {
    let Some(dataset) = state.dataset.as_deref() else {
        return html! {};
    };
    let summary = match state.current_role() {
        Some(role) => html! {
            <RoleSummary title={role.title.clone()} description={role.description.clone()}
                grade={role.grade} organisation={dataset.manifest.organisation.clone()} />
        },
        None => html! { <p class="pg-empty">{ "This data folder lists no roles." }</p> },
    };
    let on_currency = {
        let state = state.clone();
        Callback::from(move |view: CurrencyView| state.dispatch(Action::SetCurrency(view)))
    };
    let reference = dataset.manifest.reference.currency.clone();
    html! {
        <>
            { summary }
            <CurrencyToggle selected={state.currency} local="Local" reference={reference} on_change={on_currency} />
            <DataProblems problems={state.problems.clone()} />
        </>
    }
}
