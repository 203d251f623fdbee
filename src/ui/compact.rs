//! The compact widget a handbook page embeds: the role's band at a chosen location, and a way to the full explorer.

use yew::prelude::*;

use crate::band::band_figures;
use crate::ui::actions::Actions;
use crate::ui::components::{BandFigures, CompaBar, DataProblems, LocationPicker, Notices};
use crate::ui::explorer::band_at;
use crate::ui::state::{location_name, Phase, State};

/// The widget for `state`; `explorer` is the full page's address, opened at the same view.
pub fn compact(state: &State, actions: &Actions, explorer: &str) -> Html {
    let body = match state.phase {
        Phase::Loading => html! { <p class="pg-status" role="status">{ "Loading pay data…" }</p> },
        Phase::Failed => html! { <DataProblems problems={state.problems.clone()} fatal=true /> },
        Phase::Ready => ready(state, actions, explorer),
    };
    html! { <div class="pg-app pg-compact">{ body }</div> }
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
    let place = location_name(location);
    let band = band_at(
        band_figures,
        state,
        &dataset,
        state.current_entry(),
        grade,
        &location.id,
    );
    // A job family with several levels names the level the widget shows ("Senior Backend Engineer").
    let title = match (state.current_entry(), state.current_level()) {
        (Some(entry), Some((_, level))) if entry.levels.len() > 1 => level.title.clone(),
        (Some(entry), _) => entry.title.clone(),
        (None, _) => format!("Grade {grade}"),
    };
    let link = format!("{explorer}{}", state.to_query().to_query());
    html! {
        <>
            { notices.unwrap_or_default() }
            <p class="pg-compact-title"><strong>{ title }</strong>{ format!(" · Grade {grade}") }</p>
            <LocationPicker dataset={dataset.clone()} label="Location" selected={Some(AttrValue::from(location.id.clone()))}
                on_select={actions.select_location.clone()} />
            { match band {
                Ok(band) => html! {
                    <>
                        <BandFigures band={band.clone()} place={place} />
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
