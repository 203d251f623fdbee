//! Small pieces of markup that many views repeat, each compiled once.
//!
//! Every `html!` element inlines a few hundred bytes of wasm where it is written (the tag, its attributes,
//! its children, the node's allocation), and views written as one function inline all of it into one
//! component's render. These helpers are never inlined, so a shape written twenty times costs one copy. Each
//! takes its text as an [`AttrValue`] through a thin generic front, so only the front is made per caller type.

use yew::prelude::*;

/// A table cell of text: `<td>text</td>`.
pub fn cell(text: impl Into<AttrValue>) -> Html {
    cell_of(text.into())
}

#[inline(never)]
fn cell_of(text: AttrValue) -> Html {
    html! { <td>{ text }</td> }
}

/// A column heading: `<th scope="col">text</th>`.
#[inline(never)]
pub fn column_heading(text: &'static str) -> Html {
    html! { <th scope="col">{ text }</th> }
}

/// A third-level heading of text: `<h3>text</h3>`.
pub fn h3(text: impl Into<AttrValue>) -> Html {
    h3_of(text.into())
}

#[inline(never)]
fn h3_of(text: AttrValue) -> Html {
    html! { <h3>{ text }</h3> }
}

/// A paragraph of one text with a class: `<p class="…">text</p>`.
pub fn para(class: &'static str, text: impl Into<AttrValue>) -> Html {
    para_of(class, text.into())
}

#[inline(never)]
fn para_of(class: &'static str, text: AttrValue) -> Html {
    html! { <p {class}>{ text }</p> }
}

/// A link out of paygrade (a law's source, the data's issue tracker): it tells the other site nothing.
pub fn link_out(href: impl Into<AttrValue>, text: &'static str) -> Html {
    link_out_of(href.into(), text)
}

#[inline(never)]
fn link_out_of(href: AttrValue, text: &'static str) -> Html {
    html! { <a {href} rel="noopener noreferrer">{ text }</a> }
}

/// A figure in a definition list: `<div class="…"><dt>label</dt><dd>value</dd></div>` (no class: none).
pub fn definition(
    class: Option<&'static str>,
    label: &'static str,
    value: impl Into<AttrValue>,
) -> Html {
    definition_of(class, label, value.into())
}

#[inline(never)]
fn definition_of(class: Option<&'static str>, label: &'static str, value: AttrValue) -> Html {
    html! { <div {class}><dt>{ label }</dt><dd>{ value }</dd></div> }
}

/// A checkbox with its label after it, telling `on_change` whether it is now checked.
#[inline(never)]
pub fn checkbox(label: &'static str, checked: bool, on_change: &Callback<bool>) -> Html {
    let onchange = on_change.reform(|event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        input.checked()
    });
    html! {
        <label class="pg-check">
            <input type="checkbox" {checked} {onchange} />
            { label }
        </label>
    }
}
