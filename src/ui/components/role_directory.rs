//! The role directory: every job family by department with its levels and grades, and a search box that
//! filters as the reader types. Each title is a real link, so it works without script (pre-rendered pages)
//! and opens in a new tab; on the live page a plain click opens the role in place.

use yew::prelude::*;

use crate::directory::{directory, role_count};
use crate::model::Dataset;
use crate::ui::markup::para;
use crate::ui::state::Shared;

#[derive(Properties, PartialEq)]
pub struct RoleDirectoryProps {
    /// The data whose index is listed (compared by identity, so typing never compares 400 entries).
    pub dataset: Shared<Dataset>,
    pub search: AttrValue,
    /// A role's link is `href_prefix` + its id + `href_suffix` (`?role=` … `&data=…`, or `roles/` … `/`).
    pub href_prefix: AttrValue,
    #[prop_or_default]
    pub href_suffix: AttrValue,
    /// The live page's handlers; without them (pre-rendered pages) the links and a plain form do the work.
    #[prop_or_default]
    pub on_search: Option<Callback<String>>,
    #[prop_or_default]
    pub on_open: Option<Callback<String>>,
}

#[function_component]
pub fn RoleDirectory(props: &RoleDirectoryProps) -> Html {
    let index = &props.dataset.index;
    let groups = directory(index, &props.search);
    let count = role_count(&groups);
    let total = index.roles.len();
    let oninput = props.on_search.clone().map(|on_search| {
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            on_search.emit(input.value());
        })
    });
    let summary = if props.search.trim().is_empty() {
        format!("{total} job families.")
    } else {
        format!(
            "{count} of {total} job families match \"{}\".",
            props.search.trim()
        )
    };
    html! {
        <section class="pg-directory" aria-labelledby="pg-directory-title">
            <h1 id="pg-directory-title" class="pg-role-title">{ "Job families" }</h1>
            <form class="pg-directory-search" role="search" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                <label class="pg-label" for="pg-directory-input">{ "Search roles, levels and departments" }</label>
                <input id="pg-directory-input" class="pg-input" type="search" name="q" autocomplete="off"
                    value={props.search.clone()} {oninput} aria-describedby="pg-directory-count" />
            </form>
            <p id="pg-directory-count" class="pg-hint" role="status" aria-live="polite">{ summary }</p>
            if count == 0 {
                { para("pg-empty", "No job family matches. Try fewer or shorter words.") }
            }
            // Its own element, with keyed groups: Yew matches unkeyed siblings from the end, so a group that
            // drops out of the list would otherwise rebuild the search box and take the reader's focus.
            <div class="pg-directory-groups">
            { for groups.iter().map(|group| html! {
                <section key={group.department.to_string()} class="pg-department" aria-label={group.department.to_string()}>
                    <h2 class="pg-department-title">{ group.department.to_string() }</h2>
                    <ul class="pg-department-roles">
                        { for group.roles.iter().map(|entry| {
                            let href = format!("{}{}{}", props.href_prefix, entry.id, props.href_suffix);
                            let onclick = props.on_open.clone().map(|on_open| {
                                let id = entry.id.clone();
                                Callback::from(move |event: MouseEvent| {
                                    // A new tab or window keeps the browser's own behaviour.
                                    if !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key()) {
                                        event.prevent_default();
                                        on_open.emit(id.clone());
                                    }
                                })
                            });
                            html! {
                                <li key={entry.id.clone()} class="pg-directory-role">
                                    <a class="pg-directory-link" {href} {onclick}>{ entry.title.clone() }</a>
                                    <ul class="pg-directory-levels" aria-label={format!("Levels of {}", entry.title)}>
                                        { for entry.levels.iter().map(|level| html! {
                                            <li>
                                                { level.title.clone() }
                                                <span class="pg-grade-chip">{ level.grade.map_or_else(|| "no grade".to_string(), |g| format!("Grade {g}")) }</span>
                                            </li>
                                        }) }
                                        if entry.levels.is_empty() {
                                            <li class="pg-grade-missing">{ "Grade not stated" }</li>
                                        }
                                    </ul>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }) }
            </div>
        </section>
    }
}
