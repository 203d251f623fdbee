//! paygrade: a compensation and job-grade explorer that runs in the browser.
//!
//! The pure core (`model`, `parse`, `band`) has no web dependency; `ui` is the Yew front end that calls it.
//! This file holds only the module map and the wasm exports.

pub mod band;
pub mod model;
pub mod parse;
pub mod ui;

use wasm_bindgen::prelude::*;

/// The element the standalone page gives the explorer.
const STANDALONE_ROOT: &str = "paygrade";

/// Runs when the module loads: installs the panic hook and mounts the standalone page when there is one.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.get_element_by_id(STANDALONE_ROOT) {
        let data_base = page_query("data")
            .and_then(|value| ui::url::data_base(&value).ok())
            .unwrap_or_else(|| ui::url::DEFAULT_DATA_BASE.to_string());
        let props = ui::app::AppProps {
            data_base: data_base.into(),
            role: page_query("role").map(Into::into),
        };
        yew::Renderer::<ui::app::App>::with_root_and_props(root, props).render();
    }
}

/// One value from the page's own query string.
fn page_query(key: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(key)
}
