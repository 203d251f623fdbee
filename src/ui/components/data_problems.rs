//! The list of data problems, each naming its file, line and field, so whoever edits the tables can fix them.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::DataError;

#[derive(Properties, PartialEq)]
pub struct DataProblemsProps {
    pub problems: Rc<Vec<DataError>>,
    /// True when nothing could be shown at all; the panel then reads as an error, not a warning.
    #[prop_or_default]
    pub fatal: bool,
}

#[function_component]
pub fn DataProblems(props: &DataProblemsProps) -> Html {
    if props.problems.is_empty() {
        return html! {};
    }
    let count = props.problems.len();
    let heading = if props.fatal {
        "The pay data could not be loaded".to_string()
    } else if count == 1 {
        "1 problem in the data; the rest is shown".to_string()
    } else {
        format!("{count} problems in the data; the rest is shown")
    };
    html! {
        <section class={classes!("pg-problems", props.fatal.then_some("pg-problems-fatal"))}
            role={if props.fatal { "alert" } else { "status" }}>
            <h2>{ heading }</h2>
            <ul>
                { for props.problems.iter().map(|problem| html! { <li>{ problem.to_string() }</li> }) }
            </ul>
            if props.fatal {
                // A plain link to this same address: it works even if the page's code has stopped.
                <a class="pg-button" href="">{ "Reload" }</a>
            }
        </section>
    }
}
