//! Switches amounts between the location's currency and the reference currency.

use yew::prelude::*;

use crate::ui::state::CurrencyView;

#[derive(Properties, PartialEq)]
pub struct CurrencyToggleProps {
    pub selected: CurrencyView,
    /// The local currency's code, shown on its button (e.g. "GBP").
    pub local: AttrValue,
    /// The reference currency's code (e.g. "USD").
    pub reference: AttrValue,
    pub on_change: Callback<CurrencyView>,
}

#[function_component]
pub fn CurrencyToggle(props: &CurrencyToggleProps) -> Html {
    let button = |view: CurrencyView, label: &AttrValue| {
        let on_change = props.on_change.clone();
        let pressed = props.selected == view;
        html! {
            <button type="button" class="pg-toggle-option" aria-pressed={pressed.to_string()}
                onclick={move |_| on_change.emit(view)}>
                { label.clone() }
            </button>
        }
    };
    html! {
        <div class="pg-toggle" role="group" aria-label="Currency">
            { button(CurrencyView::Local, &props.local) }
            { button(CurrencyView::Reference, &props.reference) }
        </div>
    }
}
