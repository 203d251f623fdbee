//! Chooses the level of a job family (Intermediate, Senior, Staff …): the band, the job ad and the offer
//! check follow it. Radio buttons, so it is one tab stop with arrow keys between levels.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LevelPickerProps {
    /// (title, grade) of each level, in page order.
    pub levels: Vec<(String, Option<u8>)>,
    /// The chosen level's position.
    pub selected: usize,
    pub on_select: Callback<usize>,
}

#[function_component]
pub fn LevelPicker(props: &LevelPickerProps) -> Html {
    let instance = use_state(crate::ui::components::location_picker::next_instance);
    if props.levels.len() < 2 {
        return html! {};
    }
    html! {
        <fieldset class="pg-levels">
            <legend class="pg-label">{ "Level" }</legend>
            { for props.levels.iter().enumerate().map(|(position, (title, grade))| {
                let onchange = {
                    let on_select = props.on_select.clone();
                    Callback::from(move |_: Event| on_select.emit(position))
                };
                let id = format!("pg-level-{}-{position}", *instance);
                html! {
                    <div class="pg-level">
                        <input type="radio" name={format!("pg-level-{}", *instance)} id={id.clone()} checked={position == props.selected} {onchange} />
                        <label for={id}>
                            { title.clone() }
                            <span class="pg-grade-chip">{ grade.map_or_else(|| "no grade".to_string(), |g| format!("Grade {g}")) }</span>
                        </label>
                    </div>
                }
            }) }
        </fieldset>
    }
}
