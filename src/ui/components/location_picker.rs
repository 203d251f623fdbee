//! A type-ahead over country and area, grouped by country: the ARIA combobox pattern, fully keyboard operable.

use std::sync::atomic::{AtomicUsize, Ordering};

use yew::prelude::*;

use crate::model::{Dataset, Location};
use crate::table::Query;
use crate::ui::state::Shared;
use crate::view::contract;

/// At most this many options are listed; typing narrows further.
const MAX_OPTIONS: usize = 80;

#[derive(Properties, PartialEq)]
pub struct LocationPickerProps {
    pub dataset: Shared<Dataset>,
    pub label: AttrValue,
    /// The chosen location's id; the input shows its name while the list is closed.
    #[prop_or_default]
    pub selected: Option<AttrValue>,
    pub on_select: Callback<String>,
    /// Cleared after each choice, for "add a location" pickers.
    #[prop_or_default]
    pub clear_on_select: bool,
}

/// A distinct id per picker, so several widgets on one page never share aria ids.
pub fn next_instance() -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The locations matching every word typed, in table order (which groups them by country).
pub fn matching<'a>(locations: &'a [Location], query: &str) -> Vec<&'a Location> {
    let query = Query::new(query);
    locations
        .iter()
        .filter(|location| query.matches(&[&location.country, &location.area]))
        .take(MAX_OPTIONS)
        .collect()
}

#[function_component]
pub fn LocationPicker(props: &LocationPickerProps) -> Html {
    let instance = use_state(next_instance);
    let query = use_state(String::new);
    let open = use_state(|| false);
    let active = use_state(|| 0usize);

    let listbox_id = format!("pg-locations-{}", *instance);
    let input_id = format!("pg-location-input-{}", *instance);
    let option_id = |index: usize| format!("pg-location-{}-{index}", *instance);

    // Options are made only while the list is open: a closed picker (one per widget, one per section) then
    // renders no hidden list of 80 places with a callback each on every render.
    let options = if *open {
        matching(&props.dataset.locations, &query)
    } else {
        Vec::new()
    };
    let selected_name = props
        .selected
        .as_deref()
        .and_then(|id| props.dataset.location(id))
        .map(Location::name)
        .unwrap_or_default();

    let choose = {
        let (query, open, active) = (query.clone(), open.clone(), active.clone());
        let on_select = props.on_select.clone();
        Callback::from(move |id: String| {
            on_select.emit(id);
            query.set(String::new());
            open.set(false);
            active.set(0);
        })
    };

    let oninput = {
        let (query, open, active) = (query.clone(), open.clone(), active.clone());
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            query.set(input.value());
            open.set(true);
            active.set(0);
        })
    };

    let onkeydown = {
        let (open, active, query) = (open.clone(), active.clone(), query.clone());
        let ids: Vec<String> = options.iter().map(|l| l.id.clone()).collect();
        let choose = choose.clone();
        Callback::from(move |event: KeyboardEvent| {
            let last = ids.len().saturating_sub(1);
            match event.key().as_str() {
                "ArrowDown" => {
                    event.prevent_default();
                    if *open {
                        active.set((*active + 1).min(last));
                    } else {
                        open.set(true);
                    }
                }
                "ArrowUp" => {
                    event.prevent_default();
                    active.set(active.saturating_sub(1));
                }
                "Home" if *open => {
                    event.prevent_default();
                    active.set(0);
                }
                "End" if *open => {
                    event.prevent_default();
                    active.set(last);
                }
                "Enter" if *open => {
                    event.prevent_default();
                    if let Some(id) = ids.get(*active) {
                        choose.emit(id.clone());
                    }
                }
                "Escape" => {
                    open.set(false);
                    query.set(String::new());
                }
                _ => {}
            }
        })
    };

    let onfocus = {
        let open = open.clone();
        Callback::from(move |_| open.set(true))
    };
    let onblur = {
        let (open, query) = (open.clone(), query.clone());
        Callback::from(move |_| {
            open.set(false);
            query.set(String::new());
        })
    };

    let shown_value = if *open || props.clear_on_select {
        (*query).clone()
    } else {
        selected_name.clone()
    };
    let expanded = *open && !options.is_empty();
    let active_id = expanded.then(|| option_id((*active).min(options.len().saturating_sub(1))));

    let mut list = Vec::new();
    let mut index = 0;
    for group in options.chunk_by(|a, b| a.country == b.country) {
        let country = group.first().map(|l| l.country.clone()).unwrap_or_default();
        let items = group.iter().map(|location| {
            let this = index;
            index += 1;
            let is_active = this == *active;
            let is_selected = props.selected.as_deref() == Some(location.id.as_str());
            let onmousedown = {
                let choose = choose.clone();
                let id = location.id.clone();
                Callback::from(move |event: MouseEvent| {
                    event.prevent_default();
                    choose.emit(id.clone());
                })
            };
            let area = location.area_label().to_string();
            html! {
                <li id={option_id(this)} role="option" class={classes!("pg-option", is_active.then_some("pg-option-active"))}
                    aria-selected={is_selected.to_string()} {onmousedown}>
                    { area }
                    if !location.hiring { <span class="pg-option-note">{ " · not hiring" }</span> }
                </li>
            }
        });
        list.push(html! {
            <li role="presentation" class="pg-option-group">
                <ul role="group" aria-label={country.clone()}>
                    <li role="presentation" class="pg-option-country" aria-hidden="true">{ country }</li>
                    { for items }
                </ul>
            </li>
        });
    }

    html! {
        <div class={contract::PICKER_CLASS}>
            <label for={input_id.clone()} class={contract::LABEL_CLASS}>{ props.label.clone() }</label>
            <input id={input_id} type="text" class={contract::INPUT_CLASS} role="combobox" autocomplete="off" spellcheck="false"
                aria-autocomplete="list" aria-expanded={expanded.to_string()} aria-controls={listbox_id.clone()}
                aria-activedescendant={active_id} placeholder={if selected_name.is_empty() { "Type a country or city" } else { "" }}
                value={shown_value} {oninput} {onkeydown} {onfocus} {onblur} />
            <ul id={listbox_id} role="listbox" class="pg-listbox" aria-label={props.label.clone()} hidden={!expanded}>
                { for list }
            </ul>
            if *open && options.is_empty() {
                <p class="pg-hint" role="status">{ "No location matches." }</p>
            }
        </div>
    }
}
