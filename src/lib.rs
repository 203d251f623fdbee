//! paygrade: a compensation and job-grade explorer that runs in the browser.
//!
//! The pure core is its own crate (`paygrade-core`, no web dependency); `ui` is the Yew front end that calls it.
//! This file holds only the module map and the wasm exports.

// The app keeps the core's promise too: a panic blanks every view on the page (the crash panel is the last
// resort, not the plan). Tests (cfg(test) and tests/) may still unwrap.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod ui;

/// The page's allocator (see Cargo.toml); grows the wasm memory when it runs out, as dlmalloc did.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// The core, under the paths the UI and the tests have always used.
pub use paygrade_core::{
    band, directory, export, format as figures_text, model, parse, table, transparency, view,
};

use wasm_bindgen::prelude::*;

pub use ui::mount::MountHandle;

/// The element the standalone page gives the explorer.
const STANDALONE_ROOT: &str = "paygrade";
/// Marks a standalone root holding a pre-rendered page, which the wasm takes over instead of replacing.
const PRERENDERED: &str = "data-pg-prerendered";
/// The element the iframe route (`embed.html`) gives the compact widget.
const FRAME_ROOT: &str = "paygrade-frame";

/// Runs when the module loads: installs the panic hook and mounts the standalone page or the iframe route.
#[wasm_bindgen(start)]
pub fn start() {
    ui::crash::install();
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let search = ui::hooks::current_search().unwrap_or_default();
    let options = |compact| ui::mount::MountOptions {
        view: ui::url::ViewQuery::parse(&search),
        data: None,
        compact,
        stylesheet: None,
        explorer: Some("./".into()),
        sync: None,
    };
    if let Some(root) = document.get_element_by_id(STANDALONE_ROOT) {
        if root.has_attribute(PRERENDERED) {
            // On failure the static page stays: still the right figures, only not interactive.
            let _ = ui::mount::take_over(root, &search);
            return;
        }
        ui::mount::mount_in_place(root, options(false), true);
    } else if let Some(root) = document.get_element_by_id(FRAME_ROOT) {
        ui::mount::mount_in_place(root, options(true), false);
    }
}

/// Mounts a widget into `element` (on an element already holding one, changes that one's options instead).
/// `options`: `{ role, level, grade, location, currency, data, compact, stylesheet, explorer, sync }`.
#[wasm_bindgen]
pub fn mount(element: &web_sys::Element, options: &JsValue) -> Result<MountHandle, JsValue> {
    ui::mount::mount_js(element, options)
}

/// Mounts every widget element in the document (`data-paygrade-role` or `<paygrade-band>`) not yet mounted;
/// returns their handles.
#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all(defaults: &JsValue) -> Result<js_sys::Array, JsValue> {
    match web_sys::window().and_then(|window| window.document()) {
        Some(document) => ui::mount::mount_within(&document, defaults),
        None => Ok(js_sys::Array::new()),
    }
}

/// Mounts the widget elements in a node a page added after load (itself included); returns their handles.
#[wasm_bindgen(js_name = mountWithin)]
pub fn mount_within(node: &web_sys::Node, defaults: &JsValue) -> Result<js_sys::Array, JsValue> {
    ui::mount::mount_within(node, defaults)
}

/// Destroys the widgets of the host elements in a node a page removed, unless they are back in the document.
#[wasm_bindgen]
pub fn release(node: &web_sys::Node) {
    ui::mount::release(node)
}

/// Re-reads a mounted element's attributes after one changed.
#[wasm_bindgen]
pub fn refresh(element: &web_sys::Element, defaults: &JsValue) {
    ui::mount::refresh(element, defaults)
}

/// The custom element's name and the attributes it observes, so `widget.js` defines what this crate mounts.
#[wasm_bindgen(js_name = widgetElement)]
pub fn widget_element() -> js_sys::Object {
    let element = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &element,
        &JsValue::from_str("name"),
        &JsValue::from_str(ui::mount::WIDGET_ELEMENT),
    );
    let _ = js_sys::Reflect::set(
        &element,
        &JsValue::from_str("attributes"),
        &ui::mount::widget_attributes(),
    );
    element
}

/// Files fetched so far and whether a data folder's parsed dataset is still held, for the bench and the
/// widget tests (one load per folder, freed by the last `destroy()`); how many sync groups exist, and how
/// many widgets are mounted into host elements.
#[wasm_bindgen(js_name = loadStats)]
pub fn load_stats(base: &str) -> js_sys::Object {
    let stats = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&stats, &JsValue::from_str(key), &value);
    };
    set("fetches", JsValue::from(ui::load::fetch_count()));
    set("cached", JsValue::from(ui::load::folder_is_cached(base)));
    set("syncGroups", JsValue::from(ui::sync::group_count() as u32));
    set("widgets", JsValue::from(ui::mount::widget_count() as u32));
    stats
}

/// The wasm linear memory in bytes, read by `cargo xtask bench` after a load.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size(0) * 65536) as f64
    }
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}
