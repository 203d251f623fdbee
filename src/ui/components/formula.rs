//! The band's arithmetic, step by step, each factor with the row it came from: why the figure is what it is.

use yew::prelude::*;

use crate::band::Step;

#[derive(Properties, PartialEq)]
pub struct FormulaProps {
    pub steps: Vec<Step>,
}

#[function_component]
pub fn Formula(props: &FormulaProps) -> Html {
    let rows = props.steps.iter().map(|step| {
        html! {
            <li class="pg-step">
                <span class="pg-step-label">{ step.label.clone() }</span>
                <span class="pg-step-value">{ step.value.clone() }</span>
                if !step.arithmetic.is_empty() {
                    <span class="pg-step-arithmetic">{ step.arithmetic.clone() }</span>
                }
                <span class="pg-step-source">{ step.source.clone() }</span>
            </li>
        }
    });
    html! {
        <details class="pg-formula" open=true>
            <summary>{ "How this band is worked out" }</summary>
            <ol class="pg-steps">{ for rows }</ol>
        </details>
    }
}
