//! Notices about a link whose values did not fit the data, so a fallback is never silent.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<String>,
    pub on_dismiss: Callback<()>,
}

#[function_component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let on_dismiss = props.on_dismiss.clone();
    html! {
        <section class="pg-notices" role="status">
            <ul>{ for props.notices.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            <button type="button" class="pg-button" onclick={move |_| on_dismiss.emit(())}>{ "Dismiss" }</button>
        </section>
    }
}
