//! Min, midpoint and max with the figures as data attributes, announced politely when they change.

use yew::prelude::*;

use crate::view::contract;

use crate::band::Band;
use crate::ui::format::{exact, money};

#[derive(Properties, PartialEq)]
pub struct BandFiguresProps {
    pub band: Band,
    /// Where the band is, for the sentence screen readers hear.
    pub place: AttrValue,
}

#[function_component]
pub fn BandFigures(props: &BandFiguresProps) -> Html {
    let band = &props.band;
    let figure = |label: &str, amount: f64, class: &str| {
        html! {
            <div class={classes!(contract::FIGURE_CLASS, class.to_string())}>
                <dt>{ label.to_string() }</dt>
                <dd>{ money(amount, &band.currency) }</dd>
            </div>
        }
    };
    let announcement = contract::fill(
        contract::BAND_SENTENCE,
        &[
            ("grade", &band.grade.to_string()),
            ("place", &props.place),
            ("min", &money(band.min, &band.currency)),
            ("max", &money(band.max, &band.currency)),
            ("mid", &money(band.mid, &band.currency)),
        ],
    );
    html! {
        <div class={contract::BAND_CLASS} data-grade={band.grade.to_string()} data-min={exact(band.min)} data-mid={exact(band.mid)}
            data-max={exact(band.max)} data-currency={band.currency.clone()}>
            <dl class={contract::FIGURES_CLASS}>
                { figure(contract::FIGURE_LABELS[0], band.min, contract::FIGURE_MIN_CLASS) }
                { figure(contract::FIGURE_LABELS[1], band.mid, contract::FIGURE_MID_CLASS) }
                { figure(contract::FIGURE_LABELS[2], band.max, contract::FIGURE_MAX_CLASS) }
            </dl>
            <dl class={contract::EXTRAS_CLASS}>
                <div class={classes!(contract::EXTRA_CLASS, contract::VARIABLE_CLASS)}>
                    <dt>{ contract::VARIABLE_LABEL }</dt>
                    <dd>{ band.variable.map_or_else(|| contract::NO_VARIABLE.to_string(), |v| money(v, &band.currency)) }</dd>
                </div>
                <div class={classes!(contract::EXTRA_CLASS, contract::TOTAL_CASH_CLASS)}>
                    <dt>{ contract::TOTAL_CASH_LABEL }</dt>
                    <dd>{ money(band.total_target_cash, &band.currency) }</dd>
                </div>
            </dl>
            <p class={classes!(contract::VISUALLY_HIDDEN_CLASS, contract::ANNOUNCEMENT_CLASS)} aria-live="polite" aria-atomic="true">{ announcement }</p>
        </div>
    }
}
