//! What the role is: overview, responsibilities by group, requirements, indicators and career ladder.

use yew::prelude::*;

use crate::model::{Block, Role};
use crate::ui::components::rich_text::{inline_html, RichText};

#[derive(Properties, PartialEq)]
pub struct RoleDetailsProps {
    pub role: Role,
}

fn section(title: &str, body: Html, empty: bool) -> Html {
    html! {
        <section class="pg-role-section">
            <h3>{ title.to_string() }</h3>
            if empty {
                <p class="pg-empty">{ format!("This page does not state {}.", title.to_ascii_lowercase()) }</p>
            } else {
                { body }
            }
        </section>
    }
}

fn blocks(blocks: &[Block]) -> Html {
    html! { <RichText blocks={blocks.to_vec()} heading_base={4} /> }
}

#[function_component]
pub fn RoleDetails(props: &RoleDetailsProps) -> Html {
    let role = &props.role;
    let groups = role.responsibilities.iter().map(|group| {
        html! {
            <>
                if let Some(name) = &group.name { <h4>{ name.clone() }</h4> }
                <ul>{ for group.items.iter().map(|item| html! { <li>{ inline_html(item) }</li> }) }</ul>
            </>
        }
    });
    let requirements = html! {
        <ul>{ for role.requirements.iter().map(|item| html! { <li>{ inline_html(item) }</li> }) }</ul>
    };
    let links = html! {
        <ul>{ for role.links.iter().map(|link| html! {
            <li><a href={link.href.clone()} rel="noopener noreferrer">{ link.text.clone() }</a></li>
        }) }</ul>
    };
    html! {
        <div class="pg-role-details">
            if !role.overview.is_empty() {
                <section class="pg-role-section">
                    <h3>{ "Overview" }</h3>
                    { blocks(&role.overview) }
                </section>
            }
            { section("Responsibilities", groups.collect::<Html>(), role.responsibilities.is_empty()) }
            { section("Requirements", requirements, role.requirements.is_empty()) }
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
