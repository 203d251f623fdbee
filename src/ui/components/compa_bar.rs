//! The band as a bar split into its compa groups, with an optional marker for an offer.
//!
//! Drawn in SVG: geometry is attributes, not inline styles, so it works under a strict style-src.

use yew::prelude::*;

use crate::band::Band;
use crate::figures_text::fixed;
use crate::ui::format::money;

#[derive(Properties, PartialEq)]
pub struct CompaBarProps {
    pub band: Band,
    #[prop_or_default]
    pub marker: Option<f64>,
}

#[function_component]
pub fn CompaBar(props: &CompaBarProps) -> Html {
    let band = &props.band;
    let x = |amount: f64| band.position(amount) * 100.0;
    let segments = band.compa_ranges.iter().enumerate().map(|(index, range)| {
        let (left, right) = (x(range.from), x(range.to));
        html! {
            <rect class={format!("pg-compa-{}", index % 4)} x={fixed(left, 3)} y="0"
                width={fixed((right - left).max(0.0), 3)} height="10" />
        }
    });
    let marker = props.marker.map(|amount| {
        let at = fixed(x(amount), 3);
        html! { <line class="pg-compa-marker" x1={at.clone()} x2={at} y1="-2" y2="12" /> }
    });
    let legend = band.compa_ranges.iter().enumerate().map(|(index, range)| {
        html! {
            <li>
                <span class={format!("pg-swatch pg-compa-{}", index % 4)} aria-hidden="true"></span>
                <span class="pg-compa-name">{ range.name.clone() }</span>
                <span class="pg-compa-range">{ format!("{} – {}", money(range.from, &band.currency), money(range.to, &band.currency)) }</span>
            </li>
        }
    });
    html! {
        <div class="pg-compa">
            <svg class="pg-compa-bar" viewBox="0 -2 100 14" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                { for segments }
                { for marker }
            </svg>
            <div class="pg-compa-ends" aria-hidden="true">
                <span>{ money(band.min, &band.currency) }</span>
                <span>{ money(band.max, &band.currency) }</span>
            </div>
            <ul class="pg-compa-legend" aria-label="Compa groups">{ for legend }</ul>
        </div>
    }
}
