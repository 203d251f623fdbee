//! The compact widget a handbook page embeds: the role's band at a chosen location, and a way to the full explorer.

use yew::prelude::*;

use crate::band::Band;
use crate::model::{Dataset, HireWay, Location};
use crate::ui::actions::Actions;
use crate::ui::components::{BandFigures, CompaBar, DataProblems, LocationPicker, Notices};
use crate::ui::format::{exact, money};
use crate::ui::state::{Phase, State};
use crate::view::{contract, total_rewards, Detail};

/// The widget for `state`; `explorer` is the full page's address, opened at the same view.
pub fn compact(state: &State, actions: &Actions, explorer: &str) -> Html {
    let body = match state.phase {
        Phase::Loading => html! { <p class="pg-status" role="status">{ "Loading pay data…" }</p> },
        Phase::Failed => html! { <DataProblems problems={state.problems.clone()} fatal=true /> },
        Phase::Ready => ready(state, actions, explorer),
    };
    html! { <div class={contract::COMPACT_CLASSES}>{ body }</div> }
}

fn ready(state: &State, actions: &Actions, explorer: &str) -> Html {
    let Some(dataset) = state.dataset.clone() else {
        return html! {};
    };
    let notices = (!state.notices.is_empty()).then(|| {
        html! { <Notices notices={state.notices.clone()} on_dismiss={actions.dismiss_notices.clone()} /> }
    });
    let (Some(grade), Some(location)) = (state.current_grade(), state.current_location()) else {
        return html! { <p class="pg-empty">{ "This data has no grades or no locations." }</p> };
    };
    let place = location.name();
    // A job family with several levels names the level the widget shows ("Senior Backend Engineer").
    let Some(view) = state.role_view(Detail::Figures) else {
        return html! {};
    };
    let title = view.job_title.clone();
    let band = view.band.map_err(|e| e.to_string());
    let link = format!("{explorer}{}", state.to_query().to_query());
    html! {
        <>
            { notices.unwrap_or_default() }
            <p class={contract::COMPACT_TITLE_CLASS}><strong>{ title }</strong>
                { contract::fill(contract::COMPACT_GRADE, &[("grade", &grade.to_string())]) }</p>
            <LocationPicker dataset={dataset.clone()} label={contract::LOCATION_LABEL} selected={Some(AttrValue::from(location.id.clone()))}
                on_select={actions.select_location.clone()} />
            { match band {
                Ok(band) => html! {
                    <>
                        <BandFigures band={band.clone()} place={place} />
                        { compact_total(&dataset, &band, location, view.contract) }
                        <CompaBar band={band.clone()} />
                        <p class={classes!("pg-rate", band.rate_stale.then_some("pg-warning"))}>
                            { format!("Exchange rate as of {}{}", band.rate_as_of,
                                if band.rate_stale { ": older than the policy allows, figures may be out of date." } else { "." }) }
                        </p>
                    </>
                },
                Err(why) => html! { <p class="pg-warning">{ why }</p> },
            } }
            <a class="pg-compact-link" href={link} target="_blank" rel="noopener">{ "Open in the full explorer" }</a>
        </>
    }
}

/// The whole offer in one line, where the data has more than base and variable (equity, benefits), and how
/// salary is paid: what a candidate reading a handbook page asks next.
fn compact_total(
    dataset: &Dataset,
    band: &Band,
    location: &Location,
    contract: Option<HireWay>,
) -> Html {
    let rewards = total_rewards(dataset, band, location, 1.0, contract);
    let has_more = rewards.equity.is_some() || rewards.benefits_value > 0.0;
    html! {
        <>
            if has_more {
                <p class="pg-compact-total" data-total={exact(rewards.total)}>
                    { format!("Total rewards a year at the midpoint, with equity and benefits: {}.",
                        money(rewards.total, &rewards.currency)) }
                </p>
            }
            if let Some(payments) = &rewards.payments {
                <p class="pg-payments" data-payments={payments.per_year.to_string()}>
                    { format!("Paid in {} payments of {}.", payments.per_year,
                        money(payments.per_payment, &rewards.currency)) }
                </p>
            }
        </>
    }
}
