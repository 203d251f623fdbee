//! Switches amounts between the location's currency and the reference currency.

use yew::prelude::*;

use crate::band::CurrencyChoice;

#[derive(Properties, PartialEq)]
pub struct CurrencyToggleProps {
    pub selected: CurrencyChoice,
    /// The local currency's code, shown on its button (e.g. "GBP").
    pub local: AttrValue,
    /// The reference currency's code (e.g. "USD").
    pub reference: AttrValue,
    pub on_change: Callback<CurrencyChoice>,
}

#[function_component]
pub fn CurrencyToggle(props: &CurrencyToggleProps) -> Html {
    let button = |choice: CurrencyChoice, label: String| {
        let on_change = props.on_change.clone();
        let pressed = props.selected == choice;
        html! {
            <button type="button" class="pg-toggle-option" aria-pressed={pressed.to_string()}
                onclick={move |_| on_change.emit(choice.clone())}>
                { label }
            </button>
        }
    };
    html! {
        <div class="pg-toggle" role="group" aria-label="Currency">
            { button(CurrencyChoice::Local, format!("Local ({})", props.local)) }
            { button(CurrencyChoice::Reference, format!("Reference ({})", props.reference)) }
        </div>
    }
}
