//! The site's directory of roles as plain links, so a reader without JavaScript can reach every role and
//! level page. Kept apart so the lead's role directory component can replace it in one place.

use yew::prelude::*;

/// One role in the directory: its page and, for job families with several levels, each level's page.
#[derive(Clone, Debug, PartialEq)]
pub struct DirectoryEntry {
    /// The page's folder relative to the site root, `roles/<id>/`.
    pub href: String,
    pub title: String,
    pub grade: Option<u8>,
    /// (folder, title, grade) of each level, when there is more than one.
    pub levels: Vec<(String, String, Option<u8>)>,
}

/// Props for [`Directory`].
#[derive(Properties, PartialEq)]
pub struct DirectoryProps {
    pub entries: Vec<DirectoryEntry>,
    /// `../` as many times as the page is deep, so links work from any page and from a file system.
    pub prefix: AttrValue,
    /// The folder of the page showing the directory, marked `aria-current`.
    pub current: Option<AttrValue>,
    pub organisation: AttrValue,
}

fn grade_text(grade: Option<u8>) -> String {
    grade.map_or_else(String::new, |g| format!(" (grade {g})"))
}

/// Links to the site root and every role and level page.
#[function_component]
pub fn Directory(props: &DirectoryProps) -> Html {
    let link = |folder: &str, text: String| {
        let current = props.current.as_deref() == Some(folder);
        html! {
            <a href={format!("{}{folder}", props.prefix)}
                aria-current={current.then_some("page")}>{ text }</a>
        }
    };
    let home = if props.prefix.is_empty() {
        "./".to_string()
    } else {
        props.prefix.to_string()
    };
    html! {
        <nav class="pg-directory" aria-label="Roles">
            <a class="pg-directory-home" href={home}
                aria-current={props.current.is_none().then_some("page")}>
                { format!("All roles at {}", props.organisation) }
            </a>
            <ul class="pg-directory-list">
                { for props.entries.iter().map(|entry| html! {
                    <li>
                        { link(&entry.href, format!("{}{}", entry.title, grade_text(entry.grade))) }
                        if !entry.levels.is_empty() {
                            <ul>
                                { for entry.levels.iter().map(|(folder, title, grade)| html! {
                                    <li>{ link(folder, format!("{title}{}", grade_text(*grade))) }</li>
                                }) }
                            </ul>
                        }
                    </li>
                }) }
            </ul>
        </nav>
    }
}
