//! Components mounted in a real Chromium through wasm-bindgen-test: real DOM, real clicks.
#![cfg(target_arch = "wasm32")]

use paygrade::band::CurrencyChoice;
use paygrade::ui::components::CurrencyToggle;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[function_component]
fn ToggleHost() -> Html {
    let selected = use_state(|| CurrencyChoice::Local);
    let on_change = {
        let selected = selected.clone();
        Callback::from(move |view| selected.set(view))
    };
    html! { <CurrencyToggle selected={(*selected).clone()} local="GBP" reference="USD" {on_change} /> }
}

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn pressed(root: &web_sys::Element) -> Vec<(String, String)> {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .map(|b| {
            (
                b.text_content().unwrap_or_default(),
                b.get_attribute("aria-pressed").unwrap_or_default(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn clicking_the_reference_currency_presses_it_and_releases_local() {
    let root = fresh_root();
    let handle = yew::Renderer::<ToggleHost>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    assert_eq!(
        pressed(&root),
        vec![
            ("Local (GBP)".into(), "true".into()),
            ("Reference (USD)".into(), "false".into())
        ]
    );

    let usd: web_sys::HtmlElement = root
        .query_selector("button:nth-child(2)")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    usd.click();
    yew::scheduler::flush().await;
    assert_eq!(
        pressed(&root),
        vec![
            ("Local (GBP)".into(), "false".into()),
            ("Reference (USD)".into(), "true".into())
        ]
    );
    handle.destroy();
}

#[wasm_bindgen_test]
fn a_crash_replaces_the_explorer_with_a_panel_and_a_reload_link() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("main").unwrap();
    root.set_id("paygrade");
    root.set_inner_html("<p>the explorer</p>");
    document.body().unwrap().append_child(&root).unwrap();

    paygrade::ui::crash::show_panels("index out of bounds");

    let panel = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("a panel");
    let text = panel.text_content().unwrap();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(text.contains("index out of bounds"), "{text}");
    assert!(!root.inner_html().contains("the explorer"));
    let reload = panel.query_selector("a").unwrap().expect("a reload link");
    assert_eq!(
        reload.get_attribute("href").unwrap(),
        web_sys::window().unwrap().location().href().unwrap()
    );
    root.remove();
}
