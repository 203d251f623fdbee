//! "I earn X in A; what would I earn here?": a move under the company's policy, step by step. The figure
//! comes from the core's `view::move_pay`; the salary typed never leaves the browser.

use yew::prelude::*;

use crate::model::Dataset;
use crate::ui::components::{Formula, LocationPicker};
use crate::ui::format::{exact, money};
use crate::ui::markup::para;
use crate::ui::state::Shared;
use crate::view::MoveResult;

#[derive(Properties, PartialEq)]
pub struct MovePayProps {
    pub dataset: Shared<Dataset>,
    /// Where the move starts, when chosen.
    pub from: Option<AttrValue>,
    /// The currency a salary there is typed in.
    pub from_currency: Option<AttrValue>,
    /// The salary as typed.
    pub salary: AttrValue,
    /// Where it lands (the page's place), by name.
    pub to_name: AttrValue,
    /// The move's result, when there is a place and an amount.
    pub result: Option<MoveResult>,
    /// The company's policy in words.
    pub policy: AttrValue,
    pub on_from: Callback<String>,
    pub on_salary: Callback<String>,
}

#[function_component]
pub fn MovePay(props: &MovePayProps) -> Html {
    let oninput = {
        let on_salary = props.on_salary.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            on_salary.emit(input.value());
        })
    };
    let currency = props.from_currency.clone().unwrap_or_default();
    html! {
        <div class="pg-move">
            { para("pg-hint", format!("The company's move policy: {}", props.policy)) }
            <LocationPicker dataset={props.dataset.clone()} label="Moving from" selected={props.from.clone()}
                on_select={props.on_from.clone()} />
            <label class="pg-label" for="pg-move-salary">{ format!("Current salary there (yearly base{})",
                if currency.is_empty() { String::new() } else { format!(", {currency}") }) }</label>
            <input id="pg-move-salary" class="pg-input" type="text" inputmode="decimal" autocomplete="off"
                value={props.salary.clone()} {oninput} />
            <div aria-live="polite">
                if let Some(result) = &props.result {
                    <p class="pg-move-result" data-move-result="" data-amount={exact(result.amount)}
                        data-currency={result.currency.clone()}>
                        { format!("In {}, this would pay {} a year.", props.to_name, money(result.amount, &result.currency)) }
                    </p>
                    <Formula steps={result.steps.clone()} title="How the move is worked out" />
                }
            </div>
        </div>
    }
}
