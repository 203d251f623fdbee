//! Where an offer sits in the band: its compa ratio and group. The amount never leaves the browser.

use yew::prelude::*;

use crate::band::Band;
use crate::figures_text::fixed;
use crate::ui::format::money;
use crate::ui::markup::para;
use crate::view::{OfferPlace, OfferPosition};

#[derive(Properties, PartialEq)]
pub struct OfferCheckProps {
    pub band: Band,
    /// The offer as typed.
    pub text: AttrValue,
    /// The typed text read as an amount, when it is one.
    pub amount: Option<f64>,
    pub on_input: Callback<String>,
}

#[function_component]
pub fn OfferCheck(props: &OfferCheckProps) -> Html {
    let band = &props.band;
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let verdict = match props.amount {
        None if props.text.trim().is_empty() => para(
            "pg-hint",
            format!(
                "Type a yearly base salary in {} to see where it sits.",
                band.currency
            ),
        ),
        None => para(
            "pg-warning",
            "That is not an amount: type digits, such as 150000.",
        ),
        Some(amount) => {
            let offer = OfferPosition::of(band, amount);
            let place = match &offer.place {
                OfferPlace::BelowMinimum => format!(
                    "below the band's minimum of {}",
                    money(band.min, &band.currency)
                ),
                OfferPlace::AboveMaximum => format!(
                    "above the band's maximum of {}",
                    money(band.max, &band.currency)
                ),
                OfferPlace::InGroup(name) => format!("in the {name} group"),
                OfferPlace::OutsideGroups => {
                    "inside the band, outside every compa group".to_string()
                }
            };
            let ratio = offer.compa_ratio;
            html! {
                <p class="pg-offer-result" data-compa={fixed(ratio, 2)}>
                    { format!("{} is a compa ratio of {} ({}% of the midpoint), {place}.",
                        money(amount, &band.currency), fixed(ratio, 2), fixed(ratio * 100.0, 0)) }
                </p>
            }
        }
    };
    html! {
        <div class="pg-offer">
            <label class="pg-label" for="pg-offer-input">{ format!("Offer (yearly base, {})", band.currency) }</label>
            <input id="pg-offer-input" class="pg-input" type="text" inputmode="decimal" autocomplete="off"
                value={props.text.clone()} {oninput} />
            <div aria-live="polite">{ verdict }</div>
        </div>
    }
}
