//! Links to a job family's level pages. The role directory (`ui::components::role_directory`) links every
//! role's page; the level picker needs script, so a pre-rendered role page lists its levels as plain links
//! too, and a reader without JavaScript reaches every level.

use yew::prelude::*;

/// Props for [`LevelLinks`].
#[derive(Properties, PartialEq)]
pub struct LevelLinksProps {
    /// The job family's title, for the list's name.
    pub title: AttrValue,
    /// (href, title, grade) of each level, relative to the page.
    pub levels: Vec<(String, String, Option<u8>)>,
    /// The href of the level page showing the list, marked `aria-current`.
    pub current: Option<AttrValue>,
}

/// One link per level of a job family.
#[function_component]
pub fn LevelLinks(props: &LevelLinksProps) -> Html {
    html! {
        <nav class="pg-level-links" aria-label={format!("Levels of {}", props.title)}>
            <ul>
                { for props.levels.iter().map(|(href, title, grade)| {
                    let current = props.current.as_deref() == Some(href.as_str());
                    html! {
                        <li>
                            <a href={href.clone()} aria-current={current.then_some("page")}>
                                { title.clone() }
                                { grade.map_or_else(String::new, |g| format!(" (grade {g})")) }
                            </a>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
