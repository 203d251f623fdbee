//! The whole offer a year: base, variable, equity (with its valuation and vesting), benefits, the total, and
//! how salary is paid. Every figure comes from the core's `view::TotalRewards`; this only lays it out.

use yew::prelude::*;

use crate::ui::components::Formula;
use crate::ui::format::{exact, money};
use crate::ui::markup::{definition, para};
use crate::view::TotalRewards;

/// The valuations a reader can try, as multiples of the stated one.
pub const VALUATIONS: [(f64, &str); 3] = [(0.0, "0×"), (1.0, "1× (stated)"), (3.0, "3×")];

#[derive(Properties, PartialEq)]
pub struct TotalRewardsProps {
    pub rewards: TotalRewards,
    /// The valuation multiple the equity is shown at.
    pub valuation: f64,
    pub on_valuation: Callback<f64>,
}

#[function_component]
pub fn TotalRewardsBlock(props: &TotalRewardsProps) -> Html {
    let rewards = &props.rewards;
    let code = &rewards.currency;
    let row = |label, value: String, class| definition(Some(class), label, value);
    let equity_value = rewards
        .equity
        .as_ref()
        .map_or(0.0, |equity| equity.per_year);
    let valuations = VALUATIONS.iter().map(|(multiple, label)| {
        let on_valuation = props.on_valuation.clone();
        let multiple = *multiple;
        let checked = (props.valuation - multiple).abs() < 1e-9;
        html! {
            <label class="pg-check">
                <input type="radio" name="pg-valuation" {checked}
                    onchange={move |_| on_valuation.emit(multiple)} />
                { format!(" {label}") }
            </label>
        }
    });
    let benefits = rewards.benefits.iter().map(|(benefit, value)| {
        html! {
            <li>
                <strong>{ format!("{}: {}", benefit.item, money(*value, code)) }</strong>
                if !benefit.description.is_empty() { { format!(" {}", benefit.description) } }
            </li>
        }
    });
    html! {
        <div class="pg-rewards">
            <dl class="pg-rewards-figures" data-total-rewards=""
                data-base={exact(rewards.base_mid)} data-variable={exact(rewards.variable)}
                data-equity={exact(equity_value)} data-benefits={exact(rewards.benefits_value)}
                data-total={exact(rewards.total)} data-currency={code.clone()}>
                { row("Base salary (midpoint)", format!("{} (band {} to {})", money(rewards.base_mid, code),
                    money(rewards.base_min, code), money(rewards.base_max, code)), "pg-reward pg-reward-base") }
                { row("Target variable pay", money(rewards.variable, code), "pg-reward pg-reward-variable") }
                { row("Equity a year", match &rewards.equity {
                    Some(equity) => money(equity.per_year, code),
                    None => "None in this data".to_string(),
                }, "pg-reward pg-reward-equity") }
                { row("Benefits a year", money(rewards.benefits_value, code), "pg-reward pg-reward-benefits") }
                { row("Total a year", money(rewards.total, code), "pg-reward pg-reward-total") }
            </dl>
            if let Some(payments) = &rewards.payments {
                <p class="pg-payments" data-payments={payments.per_year.to_string()}
                    data-per-payment={exact(payments.per_payment)}>
                    { format!("Base salary is paid in {} payments a year: {} each at the midpoint{}.",
                        payments.per_year, money(payments.per_payment, code),
                        if payments.per_year == 12 { " (monthly)" } else { "" }) }
                    if !payments.note.is_empty() { { format!(" {}", payments.note) } }
                </p>
            }
            if let Some(equity) = &rewards.equity {
                <fieldset class="pg-valuation">
                    <legend>{ "Equity at a valuation of" }</legend>
                    { for valuations }
                </fieldset>
                { para("pg-hint", equity.vesting.clone()) }
                <Formula steps={equity.steps.clone()} title="How the equity a year is worked out" />
            }
            if let Some(note) = &rewards.benefits_note {
                { para("pg-hint", note.clone()) }
            }
            if !rewards.benefits.is_empty() {
                <ul class="pg-benefits" aria-label="Benefits">{ for benefits }</ul>
            }
        </div>
    }
}
