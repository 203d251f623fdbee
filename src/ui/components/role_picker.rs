//! Chooses among the roles a data folder holds; shown only when it holds more than one.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RolePickerProps {
    /// (slug, title) of each role, in manifest order.
    pub roles: Vec<(String, String)>,
    pub selected: AttrValue,
    pub on_select: Callback<String>,
}

#[function_component]
pub fn RolePicker(props: &RolePickerProps) -> Html {
    if props.roles.len() < 2 {
        return html! {};
    }
    let onchange = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            on_select.emit(select.value());
        })
    };
    html! {
        <div class="pg-role-picker">
            <label class="pg-label" for="pg-role-select">{ "Role" }</label>
            <select id="pg-role-select" class="pg-input" {onchange}>
                { for props.roles.iter().map(|(slug, title)| html! {
                    <option value={slug.clone()} selected={*slug == *props.selected}>{ title.clone() }</option>
                }) }
            </select>
        </div>
    }
}
