//! The role's title and grade badge: the first thing a candidate reads, kept short so the pay follows on
//! a phone's first screen (the description comes after the band).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RoleSummaryProps {
    pub title: AttrValue,
    pub grade: Option<u8>,
    pub organisation: AttrValue,
}

#[function_component]
pub fn RoleSummary(props: &RoleSummaryProps) -> Html {
    let grade = match props.grade {
        Some(grade) => {
            html! { <span class="pg-grade">{ format!("Grade {grade}") }</span> }
        }
        None => html! { <span class="pg-grade pg-grade-missing">{ "Grade not stated" }</span> },
    };
    html! {
        <header class="pg-role-summary">
            <p class="pg-org">{ props.organisation.clone() }</p>
            <h1 class="pg-role-title">{ props.title.clone() }</h1>
            { grade }
        </header>
    }
}
