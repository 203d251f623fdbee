//! The parsed Markdown tree as Yew nodes: text stays text, so nothing from a page can become markup.

use yew::prelude::*;

use crate::model::{Block, Inline};

#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    pub blocks: Vec<Block>,
    /// The heading level the page's own headings start at, so a role page nests under ours.
    #[prop_or(3)]
    pub heading_base: u8,
}

/// Blocks of a role page section: paragraphs, lists (with what is nested in their items), tables
/// and headings.
#[function_component]
pub fn RichText(props: &RichTextProps) -> Html {
    props
        .blocks
        .iter()
        .map(|block| block_html(block, props.heading_base))
        .collect()
}

fn block_html(block: &Block, heading_base: u8) -> Html {
    match block {
        Block::Paragraph(content) => html! { <p>{ inline_html(content) }</p> },
        Block::List { ordered, items } => {
            let items = items.iter().map(|item| {
                html! {
                    <li>
                        { inline_html(&item.content) }
                        { for item.children.iter().map(|child| block_html(child, heading_base)) }
                    </li>
                }
            });
            if *ordered {
                html! { <ol>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            }
        }
        Block::Table { header, rows } => html! {
            <div class="pg-table-scroll">
                <table class="pg-table">
                    <thead><tr>{ for header.iter().map(|cell| html! { <th scope="col">{ inline_html(cell) }</th> }) }</tr></thead>
                    <tbody>{ for rows.iter().map(|row| html! {
                        <tr>{ for row.iter().map(|cell| html! { <td>{ inline_html(cell) }</td> }) }</tr>
                    }) }</tbody>
                </table>
            </div>
        },
        Block::Heading { level, text } => {
            let tag = format!("h{}", (heading_base + level.saturating_sub(1)).clamp(2, 6));
            html! { <@{tag}>{ inline_html(text) }</@> }
        }
    }
}

/// Inline content: text, emphasis, code and the links the parser judged safe.
pub fn inline_html(content: &[Inline]) -> Html {
    content.iter().map(one_inline).collect()
}

fn one_inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text(text) => html! { { text.clone() } },
        Inline::Strong(children) => html! { <strong>{ inline_html(children) }</strong> },
        Inline::Emphasis(children) => html! { <em>{ inline_html(children) }</em> },
        Inline::Code(code) => html! { <code>{ code.clone() }</code> },
        Inline::Link { href, children } => html! {
            <a href={href.clone()} rel="noopener noreferrer">{ inline_html(children) }</a>
        },
    }
}
