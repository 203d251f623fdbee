//! The band's arithmetic, step by step, each factor with the row it came from: why the figure is what it is.

use yew::prelude::*;

use crate::band::Step;

#[derive(Properties, PartialEq)]
pub struct FormulaProps {
    pub steps: Vec<Step>,
    /// What the steps work out, as the disclosure's summary.
    #[prop_or_else(|| AttrValue::from("How this band is worked out"))]
    pub title: AttrValue,
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
            <summary>{ props.title.clone() }</summary>
            <ol class="pg-steps">{ for rows }</ol>
        </details>
    }
}
