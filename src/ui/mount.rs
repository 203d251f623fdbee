//! Mounting the explorer into any element: the standalone page, each widget a host page embeds, and the iframe route.
//!
//! Widgets render inside a shadow root with the stylesheet linked there, so host styles and ours stay apart;
//! they never read or write the host page's URL or history.

use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, AttrValue};

use crate::ui::app::{App, AppProps};
use crate::ui::url::{data_base, folder, ViewQuery, DEFAULT_DATA_BASE};

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
    /// The sync group: widgets sharing a name follow one reader's location and currency.
    pub sync: Option<String>,
}

/// The option names that describe the view.
const VIEW_KEYS: [&str; 6] = ["role", "level", "grade", "location", "currency", "compare"];

/// Every option name, shared by the JS object and the `data-paygrade-*` attributes.
const OPTION_KEYS: [&str; 11] = [
    "role",
    "level",
    "sync",
    "grade",
    "location",
    "currency",
    "compare",
    "data",
    "compact",
    "stylesheet",
    "explorer",
];

/// Option values by name, as a host gave them: what `update` merges new values into.
type Given = BTreeMap<&'static str, String>;

fn given_from(get: impl Fn(&str) -> Option<String>) -> Given {
    OPTION_KEYS
        .into_iter()
        .filter_map(|key| get(key).map(|value| (key, value)))
        .collect()
}

/// One option of a JS object: `None` when left out, `Some(None)` when `null` (cleared), else its text.
fn js_option(options: &JsValue, key: &str) -> Option<Option<String>> {
    let value = js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?;
    if value.is_undefined() {
        return None;
    }
    if let Some(flag) = value.as_bool() {
        return Some(Some(flag.to_string()));
    }
    if let Some(number) = value.as_f64() {
        return Some(Some(number.to_string()));
    }
    Some(value.as_string())
}

fn given_from_js(options: &JsValue) -> Given {
    given_from(|key| js_option(options, key).flatten())
}

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
            sync: get("sync").filter(|name| !name.trim().is_empty()),
        }
    }

    fn from_given(given: &Given) -> MountOptions {
        MountOptions::from_lookup(|key| given.get(key).cloned())
    }

    fn props(self, standalone: bool) -> AppProps {
        let mut view = self.view;
        let (base, notice) = match (self.data, view.data.as_deref()) {
            (Some(host_choice), _) => (folder(host_choice), None),
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
            sync: self.sync.map(AttrValue::from),
            on_ready: None,
            implied: ViewQuery::default(),
        }
    }
}

/// Percent-encodes a value for the query string `ViewQuery::parse` reads.
fn encode(value: &str) -> String {
    js_sys::encode_uri_component(value).into()
}

/// Marks an element `mountAll` has mounted, so a second call leaves it alone; `destroy` takes it off.
const MOUNTED: &str = "data-paygrade-mounted";

/// What `mount` returns to the host: change the options, or take the widget away.
#[wasm_bindgen]
pub struct MountHandle {
    app: Option<AppHandle<App>>,
    /// The element Yew renders into, emptied by `destroy`.
    root: Element,
    /// A widget's host element and its shadow root, emptied by `destroy` too (the stylesheet link lives there).
    shadow: Option<(Element, ShadowRoot)>,
    /// The options so far, which `update` changes only where it names an option.
    given: Given,
    standalone: bool,
}

#[wasm_bindgen]
impl MountHandle {
    /// Changes the options it names and keeps the rest (`{ location }` moves a grade 11 widget, still grade 11);
    /// an option set to `null` goes back to its default.
    pub fn update(&mut self, options: JsValue) {
        for key in OPTION_KEYS {
            match js_option(&options, key) {
                None => {}
                Some(None) => {
                    self.given.remove(key);
                }
                Some(Some(value)) => {
                    self.given.insert(key, value);
                }
            }
        }
        let options = MountOptions::from_given(&self.given);
        if let Some(app) = self.app.as_mut() {
            app.update(options.props(self.standalone));
        }
    }

    /// Unmounts the widget: its DOM and listeners go; the host element stays, and `mountAll` may mount it again.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.set_inner_html("");
        if let Some((host, shadow)) = self.shadow.take() {
            shadow.set_inner_html("");
            let _ = host.remove_attribute(MOUNTED);
        }
    }
}

/// Mounts a widget (compact unless the options say otherwise) into `host`, inside a shadow root.
fn mount_widget(host: &Element, given: Given) -> Result<MountHandle, JsValue> {
    let options = MountOptions::from_given(&given);
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
    let mut handle = render(root, options, given, false);
    handle.shadow = Some((host.clone(), shadow));
    Ok(handle)
}

/// Mounts into `root` with no shadow root, for pages that own their document: the standalone explorer
/// (which keeps its view in the URL) and the iframe route (which only reads it).
pub fn mount_in_place(root: Element, options: MountOptions, standalone: bool) -> MountHandle {
    let given = [
        ("data", &options.data),
        ("stylesheet", &options.stylesheet),
        ("explorer", &options.explorer),
        ("sync", &options.sync),
    ]
    .into_iter()
    .filter_map(|(key, value)| value.clone().map(|value| (key, value)))
    .collect();
    render(root, options, given, standalone)
}

/// Set on a pre-rendered page's root once the live explorer has replaced the static copy.
pub const LIVE: &str = "data-pg-live";

/// Takes over a pre-rendered page (`src/site/`): the live explorer renders into a hidden sibling of the
/// static copy and, once it has its data, replaces it in one task, keeping the scroll position. Hydration
/// would need the first render to match the static markup, and the first render is "Loading".
pub fn take_over(root: Element, search: &str) -> Result<MountHandle, JsValue> {
    let document = root
        .owner_document()
        .ok_or_else(|| JsValue::from_str("paygrade: the page has no document"))?;
    // The page's own view (its role, a level page's level) unless the link names another role.
    let implied = ViewQuery {
        role: root.get_attribute("data-pg-role"),
        level: root.get_attribute("data-pg-level"),
        ..ViewQuery::default()
    };
    let view = ViewQuery::parse(search).with_implied(&implied);
    let options = MountOptions {
        view,
        data: root.get_attribute("data-pg-data"),
        compact: false,
        stylesheet: None,
        explorer: Some("./".into()),
        sync: None,
    };
    let live = document.create_element("div")?;
    live.set_class_name("pg-live");
    live.set_attribute("hidden", "")?;
    root.append_child(&live)?;
    let prerendered = std::cell::RefCell::new(root.query_selector(".pg-prerendered")?);
    let shown = live.clone();
    let page = root.clone();
    let on_ready = yew::Callback::from(move |()| {
        let Some(old) = prerendered.borrow_mut().take() else {
            return;
        };
        let window = web_sys::window();
        let scroll = window.as_ref().map(|w| {
            (
                w.scroll_x().unwrap_or_default(),
                w.scroll_y().unwrap_or_default(),
            )
        });
        old.remove();
        let _ = shown.remove_attribute("hidden");
        // Tests and scripts wait for this: the page is live from here on.
        let _ = page.set_attribute(LIVE, "");
        if let (Some(window), Some((x, y))) = (window, scroll) {
            window.scroll_to_with_x_and_y(x, y);
        }
    });
    let mut props = options.props(true);
    props.on_ready = Some(on_ready);
    props.implied = implied;
    let app = yew::Renderer::<App>::with_root_and_props(live.clone(), props).render();
    Ok(MountHandle {
        app: Some(app),
        root: live,
        shadow: None,
        given: Given::new(),
        standalone: true,
    })
}

fn render(root: Element, options: MountOptions, given: Given, standalone: bool) -> MountHandle {
    let app =
        yew::Renderer::<App>::with_root_and_props(root.clone(), options.props(standalone)).render();
    MountHandle {
        app: Some(app),
        root,
        shadow: None,
        given,
        standalone,
    }
}

/// `mount(element, options)` for hosts: options a plain JS object.
pub fn mount_js(element: &Element, options: &JsValue) -> Result<MountHandle, JsValue> {
    mount_widget(element, given_from_js(options))
}

/// Mounts every `[data-paygrade-role]` element not yet mounted; `defaults` fills what attributes leave out.
pub fn mount_all(defaults: &JsValue) -> Result<js_sys::Array, JsValue> {
    let handles = js_sys::Array::new();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Ok(handles);
    };
    let defaults = given_from_js(defaults);
    let found = document.query_selector_all("[data-paygrade-role]")?;
    for index in 0..found.length() {
        let Some(element) = found.item(index).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if element.has_attribute(MOUNTED) {
            continue;
        }
        element.set_attribute(MOUNTED, "")?;
        let mut given = defaults.clone();
        given.extend(given_from(|key| {
            element.get_attribute(&format!("data-paygrade-{key}"))
        }));
        handles.push(&JsValue::from(mount_widget(&element, given)?));
    }
    Ok(handles)
}
