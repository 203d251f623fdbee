//! What the role is: overview, responsibilities by group, requirements, indicators and career ladder,
//! with the chosen level's own sections (or, with none chosen, every level the page describes).

use yew::prelude::*;

use crate::model::{Block, Inline, ItemGroup, Level, Role};
use crate::ui::components::rich_text::{inline_html, RichText};
use crate::ui::markup::{h3, para};

/// The role, and which of its levels the reader chose (its index in `role.levels`).
#[derive(Properties, PartialEq)]
pub struct RoleDetailsProps {
    /// The page to show, with the sections common to its levels.
    pub role: Role,
    /// `None`: no level chosen; a page with several levels then lists each with its own sections.
    #[prop_or_default]
    pub level: Option<usize>,
}

fn section(title: &str, body: Html, empty: bool) -> Html {
    html! {
        <section class="pg-role-section">
            { h3(title.to_string()) }
            if empty {
                { para("pg-empty", format!("This page does not state {}.", title.to_ascii_lowercase())) }
            } else {
                { body }
            }
        </section>
    }
}

fn blocks(blocks: &[Block]) -> Html {
    html! { <RichText blocks={blocks.to_vec()} heading_base={4} /> }
}

fn groups_html(groups: &[ItemGroup]) -> Html {
    groups
        .iter()
        .map(|group| {
            html! {
                <>
                    if let Some(name) = &group.name { <h4>{ name.clone() }</h4> }
                    <ul>{ for group.items.iter().map(|item| html! { <li>{ inline_html(item) }</li> }) }</ul>
                </>
            }
        })
        .collect()
}

fn items_html(items: &[Vec<Inline>]) -> Html {
    html! { <ul>{ for items.iter().map(|item| html! { <li>{ inline_html(item) }</li> }) }</ul> }
}

fn grade_label(level: &Level) -> String {
    match level.grade {
        Some(grade) => format!("{} · Grade {grade}", level.title),
        None => level.title.clone(),
    }
}

/// Every level of a page with several: its title and grade, then whatever the page says of it alone.
fn levels_html(levels: &[Level]) -> Html {
    let level = |level: &Level| {
        html! {
            <section class="pg-role-level" id={format!("pg-level-{}", level.slug)}>
                <h4>{ grade_label(level) }</h4>
                { blocks(&level.overview) }
                if !level.responsibilities.is_empty() {
                    <h5>{ "Responsibilities" }</h5>
                    { groups_html(&level.responsibilities) }
                }
                if !level.requirements.is_empty() {
                    <h5>{ "Requirements" }</h5>
                    { items_html(&level.requirements) }
                }
            </section>
        }
    };
    html! {
        <section class="pg-role-section pg-role-levels">
            { h3("Levels") }
            { for levels.iter().map(level) }
        </section>
    }
}

/// The role's sections, the chosen level's own parts after the page's common ones.
#[function_component]
pub fn RoleDetails(props: &RoleDetailsProps) -> Html {
    let role = &props.role;
    let chosen = props.level.and_then(|index| role.levels.get(index));
    let own_overview = chosen.map_or(&[][..], |level| level.overview.as_slice());
    let own_groups = chosen.map_or(&[][..], |level| level.responsibilities.as_slice());
    let own_requirements = chosen.map_or(&[][..], |level| level.requirements.as_slice());
    let groups = html! { <>{ groups_html(&role.responsibilities) }{ groups_html(own_groups) }</> };
    let requirements =
        html! { <>{ items_html(&role.requirements) }{ items_html(own_requirements) }</> };
    let links = html! {
        <ul>{ for role.links.iter().map(|link| html! {
            <li><a href={link.href.clone()} rel="noopener noreferrer">{ link.text.clone() }</a></li>
        }) }</ul>
    };
    let list_levels = chosen.is_none() && role.levels.len() > 1;
    let no_responsibilities = role.responsibilities.is_empty() && own_groups.is_empty();
    let no_requirements = role.requirements.is_empty() && own_requirements.is_empty();
    html! {
        <div class="pg-role-details">
            if !role.overview.is_empty() || !own_overview.is_empty() {
                <section class="pg-role-section">
                    { h3("Overview") }
                    { blocks(&role.overview) }
                    { blocks(own_overview) }
                </section>
            }
            if list_levels {
                { levels_html(&role.levels) }
            }
            if !(list_levels && no_responsibilities) {
                { section("Responsibilities", groups, no_responsibilities) }
            }
            if !(list_levels && no_requirements) {
                { section("Requirements", requirements, no_requirements) }
            }
            { section("Performance indicators", blocks(&role.performance_indicators), role.performance_indicators.is_empty()) }
            { section("Career ladder", blocks(&role.career_ladder), role.career_ladder.is_empty()) }
            { for role.other_sections.iter().map(|other| html! {
                <section class="pg-role-section">
                    <h3>{ inline_html(&other.heading) }</h3>
                    { blocks(&other.blocks) }
                </section>
            }) }
            if !role.links.is_empty() {
                { section("Relevant links", links, false) }
            }
        </div>
    }
}
