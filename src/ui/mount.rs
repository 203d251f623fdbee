//! Mounting the explorer into any element: the standalone page, each widget a host page embeds, and the iframe route.
//!
//! Widgets render inside a shadow root with the stylesheet linked there, so host styles and ours stay apart;
//! they never read or write the host page's URL or history.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::ui::app::{App, AppProps};
use crate::ui::url::{data_base, ViewQuery, DEFAULT_DATA_BASE};

/// What a host passes to `mount`: a plain object, or `data-paygrade-*` attributes read into one.
#[derive(Default, Debug, PartialEq)]
pub struct MountOptions {
    pub view: ViewQuery,
    /// The data folder a host chose: trusted as given (a host may serve data from anywhere it likes).
    /// A link's `data` value, in `view`, is only ever a same-origin relative folder.
    pub data: Option<String>,
    pub compact: bool,
    /// The stylesheet linked inside the widget's shadow root.
    pub stylesheet: Option<String>,
    /// The full explorer's address, for the widget's "open" link.
    pub explorer: Option<String>,
}

/// The option names, shared by the JS object and the `data-paygrade-*` attributes.
const VIEW_KEYS: [&str; 5] = ["role", "grade", "location", "currency", "compare"];

impl MountOptions {
    /// Reads options from a `(name, value)` lookup; unknown names are ignored.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> MountOptions {
        let query: String = VIEW_KEYS
            .iter()
            .filter_map(|key| get(key).map(|value| format!("{key}={}&", encode(&value))))
            .collect();
        MountOptions {
            view: ViewQuery::parse(&query),
            data: get("data"),
            // Widgets are compact unless a host asks for the full explorer.
            compact: get("compact").is_none_or(|v| v != "false" && v != "0"),
            stylesheet: get("stylesheet"),
            explorer: get("explorer"),
        }
    }

    fn from_js(options: &JsValue) -> MountOptions {
        MountOptions::from_lookup(|key| {
            let value = js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?;
            if let Some(flag) = value.as_bool() {
                return Some(flag.to_string());
            }
            if let Some(number) = value.as_f64() {
                return Some(number.to_string());
            }
            value.as_string()
        })
    }

    fn from_attributes(element: &Element) -> MountOptions {
        MountOptions::from_lookup(|key| element.get_attribute(&format!("data-paygrade-{key}")))
    }

    fn props(self, standalone: bool) -> AppProps {
        let mut view = self.view;
        let (base, notice) = match (self.data, view.data.as_deref()) {
            (Some(host_choice), _) => (with_trailing_slash(host_choice), None),
            (None, link) => match data_base(link.unwrap_or("")) {
                Ok(base) => (base, None),
                Err(why) => {
                    view.data = None;
                    (DEFAULT_DATA_BASE.to_string(), Some(why.into()))
                }
            },
        };
        AppProps {
            data_base: base.into(),
            initial: view,
            standalone,
            notice,
            compact: self.compact,
            explorer: self.explorer.unwrap_or_else(|| "./".into()).into(),
        }
    }
}

fn with_trailing_slash(folder: String) -> String {
    if folder.ends_with('/') {
        folder
    } else {
        folder + "/"
    }
}

/// Percent-encodes a value for the query string `ViewQuery::parse` reads.
fn encode(value: &str) -> String {
    js_sys::encode_uri_component(value).into()
}

/// What `mount` returns to the host: change the options, or take the widget away.
#[wasm_bindgen]
pub struct MountHandle {
    app: Option<AppHandle<App>>,
    /// The element Yew renders into, emptied by `destroy`.
    root: Element,
    stylesheet: Option<String>,
    explorer: Option<String>,
    data: Option<String>,
    standalone: bool,
}

#[wasm_bindgen]
impl MountHandle {
    /// Shows the view the new options describe; options left out keep their defaults.
    pub fn update(&mut self, options: JsValue) {
        let mut options = MountOptions::from_js(&options);
        options.stylesheet = options.stylesheet.or_else(|| self.stylesheet.clone());
        options.explorer = options.explorer.or_else(|| self.explorer.clone());
        options.data = options.data.or_else(|| self.data.clone());
        if let Some(app) = self.app.as_mut() {
            app.update(options.props(self.standalone));
        }
    }

    /// Unmounts the widget: its DOM and listeners go; the host element stays.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.set_inner_html("");
    }
}

/// Mounts a widget (compact unless told otherwise is up to the options) into `host`, inside a shadow root.
pub fn mount_widget(host: &Element, options: MountOptions) -> Result<MountHandle, JsValue> {
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("paygrade: the element is not in a document"))?;
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    shadow.set_inner_html("");
    if let Some(href) = &options.stylesheet {
        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", href)?;
        shadow.append_child(&link)?;
    }
    let root = document.create_element("div")?;
    root.set_class_name("pg-widget-root");
    shadow.append_child(&root)?;
    Ok(render(root, options, false))
}

/// Mounts into `root` with no shadow root, for pages that own their document: the standalone explorer
/// (which keeps its view in the URL) and the iframe route (which only reads it).
pub fn mount_in_place(root: Element, options: MountOptions, standalone: bool) -> MountHandle {
    render(root, options, standalone)
}

fn render(root: Element, options: MountOptions, standalone: bool) -> MountHandle {
    let stylesheet = options.stylesheet.clone();
    let explorer = options.explorer.clone();
    let data = options.data.clone();
    let app =
        yew::Renderer::<App>::with_root_and_props(root.clone(), options.props(standalone)).render();
    MountHandle {
        app: Some(app),
        root,
        stylesheet,
        explorer,
        data,
        standalone,
    }
}

/// `mount(element, options)` for hosts: options a plain JS object.
pub fn mount_js(element: &Element, options: &JsValue) -> Result<MountHandle, JsValue> {
    mount_widget(element, MountOptions::from_js(options))
}

/// Mounts every `[data-paygrade-role]` element not yet mounted; `defaults` fills what attributes leave out.
pub fn mount_all(defaults: &JsValue) -> Result<js_sys::Array, JsValue> {
    let handles = js_sys::Array::new();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Ok(handles);
    };
    let defaults = MountOptions::from_js(defaults);
    let found = document.query_selector_all("[data-paygrade-role]")?;
    for index in 0..found.length() {
        let Some(element) = found.item(index).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if element.has_attribute("data-paygrade-mounted") {
            continue;
        }
        element.set_attribute("data-paygrade-mounted", "")?;
        let mut options = MountOptions::from_attributes(&element);
        options.stylesheet = options.stylesheet.or_else(|| defaults.stylesheet.clone());
        options.explorer = options.explorer.or_else(|| defaults.explorer.clone());
        options.data = options.data.or_else(|| defaults.data.clone());
        handles.push(&JsValue::from(mount_widget(&element, options)?));
    }
    Ok(handles)
}
