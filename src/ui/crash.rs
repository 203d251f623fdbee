//! No blank page, ever: if the code panics, every mounted explorer and widget is replaced by a panel that
//! says what happened and links to the same view again (the view lives in the URL, so a reload restores it).

use std::panic::PanicHookInfo;

use wasm_bindgen::JsCast;

/// Installs the hook: the console gets the full report, the page gets the panel.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info: &PanicHookInfo<'_>| {
        console_error_panic_hook::hook(info);
        show_panels(&message(info));
    }));
}

fn message(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".to_string())
}

/// Replaces each root's content; after a panic the wasm stops, so the panel is plain DOM and a plain link.
pub fn show_panels(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let mut roots: Vec<web_sys::Node> = Vec::new();
    for id in ["paygrade", "paygrade-frame"] {
        if let Some(root) = document.get_element_by_id(id) {
            roots.push(root.into());
        }
    }
    if let Ok(hosts) = document.query_selector_all("[data-paygrade-mounted]") {
        for index in 0..hosts.length() {
            let shadow = hosts
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
                .and_then(|host| host.shadow_root())
                .and_then(|shadow| {
                    shadow
                        .query_selector(&format!(".{}", crate::view::contract::WIDGET_ROOT_CLASS))
                        .ok()
                        .flatten()
                });
            if let Some(root) = shadow {
                roots.push(root.into());
            }
        }
    }
    for root in roots {
        let _ = panel(&document, &root, message);
    }
}

fn panel(document: &web_sys::Document, root: &web_sys::Node, message: &str) -> Option<()> {
    let section = document.create_element("section").ok()?;
    section.set_class_name("pg-problems pg-problems-fatal");
    section.set_attribute("role", "alert").ok()?;
    let heading = document.create_element("h2").ok()?;
    heading.set_text_content(Some("Something went wrong in paygrade"));
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(&format!(
        "{message}. Your view is kept in the page's address, so reloading brings it back."
    )));
    let reload = document.create_element("a").ok()?;
    reload.set_class_name("pg-button");
    let here = web_sys::window()?.location().href().ok()?;
    reload.set_attribute("href", &here).ok()?;
    reload.set_text_content(Some("Reload"));
    section.append_child(&heading).ok()?;
    section.append_child(&text).ok()?;
    section.append_child(&reload).ok()?;
    root.set_text_content(None);
    root.append_child(&section).ok().map(drop)
}
