//! Two to four locations side by side for one grade, added and removed by the reader.

use yew::prelude::*;

use crate::band::Band;
use crate::model::Dataset;
use crate::ui::components::LocationPicker;
use crate::ui::format::{exact, money};
use crate::ui::markup::{definition, h3, para};
use crate::ui::state::Shared;
use crate::ui::url::MAX_COMPARE;

/// A compared location: its id, name and band (or why there is none).
#[derive(Clone, PartialEq)]
pub struct CompareColumn {
    pub id: String,
    pub name: String,
    pub band: Result<Band, String>,
    /// The total rewards a year at the midpoint, in the band's currency.
    pub total: Option<f64>,
}

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub dataset: Shared<Dataset>,
    pub columns: Vec<CompareColumn>,
    pub on_add: Callback<String>,
    pub on_remove: Callback<String>,
}

#[function_component]
pub fn Compare(props: &CompareProps) -> Html {
    let cards = props.columns.iter().map(|column| {
        let on_remove = props.on_remove.clone();
        let id = column.id.clone();
        let body = match &column.band {
            Ok(band) => html! {
                <dl class="pg-compare-figures" data-min={exact(band.min)} data-mid={exact(band.mid)}
                    data-max={exact(band.max)} data-currency={band.currency.clone()}>
                    { definition(None, "Minimum", money(band.min, &band.currency)) }
                    { definition(None, "Midpoint", money(band.mid, &band.currency)) }
                    { definition(None, "Maximum", money(band.max, &band.currency)) }
                    if let Some(total) = column.total {
                        <div class="pg-compare-total" data-total={exact(total)}>
                            <dt>{ "Total rewards a year" }</dt><dd>{ money(total, &band.currency) }</dd>
                        </div>
                    }
                </dl>
            },
            Err(why) => para("pg-warning", why.clone()),
        };
        html! {
            <li class="pg-compare-card">
                { h3(column.name.clone()) }
                { body }
                <button type="button" class="pg-button" aria-label={format!("Remove {}", column.name)}
                    onclick={move |_| on_remove.emit(id.clone())}>{ "Remove" }</button>
            </li>
        }
    });
    let full = props.columns.len() >= MAX_COMPARE;
    html! {
        <div class="pg-compare">
            if full {
                { para("pg-hint", format!("Comparing the most locations there is room for ({MAX_COMPARE}); remove one to add another.")) }
            } else {
                <LocationPicker dataset={props.dataset.clone()} label="Add a location to compare"
                    on_select={props.on_add.clone()} clear_on_select=true />
            }
            if props.columns.is_empty() {
                { para("pg-hint", "Add two or more locations to see their bands side by side.") }
            } else {
                <ul class="pg-compare-cards">{ for cards }</ul>
            }
        </div>
    }
}
