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
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let mut initial = ui::url::ViewQuery::parse(&search);
        let (data_base, notice) = match ui::url::data_base(initial.data.as_deref().unwrap_or("")) {
            Ok(base) => (base, None),
            Err(why) => {
                initial.data = None;
                (ui::url::DEFAULT_DATA_BASE.to_string(), Some(why.into()))
            }
        };
        let props = ui::app::AppProps {
            data_base: data_base.into(),
            initial,
            standalone: true,
            notice,
        };
        yew::Renderer::<ui::app::App>::with_root_and_props(root, props).render();
    }
}
