//! Mounting the explorer into any element: the standalone page, each widget a host page embeds, and the iframe route.
//!
//! Widgets render inside a shadow root with the stylesheet linked there, so host styles and ours stay apart;
//! they never read or write the host page's URL or history.
//!
//! Docs sites that swap pages without a reload (MkDocs Material's instant navigation, Docusaurus) add and
//! remove widget elements after load. Every widget mounted into a host element is kept in one registry by
//! that element, so `widget.js` only has to report what was added (`mount_within`) and what was removed
//! (`release`): an element already holding a widget is never mounted twice, and a removed one's widget is
//! destroyed, so the last one's going frees the shared dataset (`ui::load`).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, AttrValue};

use crate::ui::app::{App, AppProps};
use crate::ui::url::{data_base, folder, ViewQuery, DEFAULT_DATA_BASE};
use crate::view::contract;

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

/// Option values, one slot per name of `OPTION_KEYS`, as a host gave them: what `update` merges new
/// values into. A fixed array, not a map: the names are known, and a map of them cost the wasm a
/// `BTreeMap` of its own.
#[derive(Clone, Default, PartialEq)]
struct Given([Option<String>; OPTION_KEYS.len()]);

impl Given {
    /// The value given for option `key`.
    fn get(&self, key: &str) -> Option<&String> {
        let at = OPTION_KEYS.iter().position(|name| *name == key)?;
        self.0.get(at)?.as_ref()
    }
}

fn given_from(get: impl Fn(&str) -> Option<String>) -> Given {
    Given(OPTION_KEYS.map(get))
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
        return Some(Some(crate::ui::format::exact(number)));
    }
    Some(value.as_string())
}

/// `given` with the options a JS object names changed: `null` clears one, a value replaces it.
fn merged(given: &Given, options: &JsValue) -> Given {
    let mut given = given.clone();
    for (key, slot) in OPTION_KEYS.into_iter().zip(given.0.iter_mut()) {
        if let Some(value) = js_option(options, key) {
            *slot = value;
        }
    }
    given
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

/// The custom element handbook pages write, `<paygrade-band job="…" level="…">`: its attributes are the
/// options by their plain names, except the role, which is `job` (an HTML `role` attribute is an ARIA role,
/// and an id in it is an accessibility error on the host page). `widget.js` defines it; this module mounts
/// it like any widget element.
pub const WIDGET_ELEMENT: &str = "paygrade-band";

/// Every element `mount_within` mounts: a `data-paygrade-role` element or the custom element.
pub const WIDGET_SELECTOR: &str = "[data-paygrade-role], paygrade-band";

/// The custom element's name for the `role` option.
pub const ELEMENT_ROLE: &str = "job";

/// Before an option's name on any other element: `data-paygrade-role`, `data-paygrade-location`.
pub const ATTRIBUTE_PREFIX: &str = "data-paygrade-";

/// The attribute carrying option `key` on `element`: the plain name on the custom element, `data-paygrade-…` elsewhere.
fn attribute_for(element: &Element, key: &str) -> String {
    if element.local_name() == WIDGET_ELEMENT {
        if key == "role" {
            ELEMENT_ROLE.to_string()
        } else {
            key.to_string()
        }
    } else {
        format!("{ATTRIBUTE_PREFIX}{key}")
    }
}

/// The options an element's attributes give, over `defaults`.
fn given_from_element(element: &Element, defaults: &Given) -> Given {
    let mut given = defaults.clone();
    for (key, slot) in OPTION_KEYS.into_iter().zip(given.0.iter_mut()) {
        if let Some(value) = element.get_attribute(&attribute_for(element, key)) {
            *slot = Some(value);
        }
    }
    given
}

/// One mounted view: what a `MountHandle` and the registry of widgets share.
struct Mounted {
    app: Option<AppHandle<App>>,
    /// The element Yew renders into, emptied by `destroy`.
    root: Element,
    /// A widget's host element and its shadow root, emptied by `destroy` too (the stylesheet link lives there).
    shadow: Option<(Element, ShadowRoot)>,
    /// The options so far, which `update` changes only where it names an option.
    given: Given,
    standalone: bool,
}

impl Mounted {
    /// Renders again with `given` as the whole set of options.
    fn set_options(&mut self, given: Given) {
        self.given = given;
        let options = MountOptions::from_given(&self.given);
        if let Some(app) = self.app.as_mut() {
            app.update(options.props(self.standalone));
        }
    }

    fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.set_inner_html("");
        if let Some((host, shadow)) = self.shadow.take() {
            shadow.set_inner_html("");
            let _ = host.remove_attribute(MOUNTED);
            unregister(&host);
        }
    }
}

thread_local! {
    /// Every widget mounted into a host element, by that element: `release` finds a removed element's widget
    /// here, and `mount` an element's existing one. An entry leaves when its widget is destroyed.
    static WIDGETS: RefCell<Vec<(Element, Rc<RefCell<Mounted>>)>> = const { RefCell::new(Vec::new()) };
}

fn register(host: &Element, mounted: &Rc<RefCell<Mounted>>) {
    WIDGETS.with(|widgets| {
        widgets
            .borrow_mut()
            .push((host.clone(), Rc::clone(mounted)))
    });
}

fn unregister(host: &Element) {
    WIDGETS.with(|widgets| widgets.borrow_mut().retain(|(element, _)| element != host));
}

/// The widget mounted into `host`, if any.
fn registered(host: &Element) -> Option<Rc<RefCell<Mounted>>> {
    WIDGETS.with(|widgets| {
        widgets
            .borrow()
            .iter()
            .find(|(element, _)| element == host)
            .map(|(_, mounted)| Rc::clone(mounted))
    })
}

/// How many widgets are mounted into host elements, for the tests (`loadStats`).
pub fn widget_count() -> usize {
    WIDGETS.with(|widgets| widgets.borrow().len())
}

/// Marks an element holding a widget, so a second `mountAll` or a re-added element leaves it alone;
/// `destroy` takes it off.
const MOUNTED: &str = "data-paygrade-mounted";

/// What `mount` returns to the host: change the options, or take the widget away. A widget found on the
/// page and the handle in `widgets` are one widget: either may destroy it, once.
#[wasm_bindgen]
pub struct MountHandle {
    mounted: Rc<RefCell<Mounted>>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Changes the options it names and keeps the rest (`{ location }` moves a grade 11 widget, still grade 11);
    /// an option set to `null` goes back to its default.
    pub fn update(&mut self, options: JsValue) {
        let mut mounted = self.mounted.borrow_mut();
        let given = merged(&mounted.given, &options);
        mounted.set_options(given);
    }

    /// Unmounts the widget: its DOM and listeners go; the host element stays, and `mountAll` may mount it again.
    pub fn destroy(&mut self) {
        self.mounted.borrow_mut().destroy();
    }
}

impl MountHandle {
    fn new(mounted: Mounted) -> MountHandle {
        MountHandle {
            mounted: Rc::new(RefCell::new(mounted)),
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
    // widget.js may have laid out a stand-in from the build's figures: it stays, stylesheet and all, until
    // the widget has its data, then gives way in one task, so the band does not blink back to "Loading".
    let standin = shadow.query_selector(&format!("[{}]", contract::STANDIN_ATTRIBUTE))?;
    if standin.is_none() {
        shadow.set_inner_html("");
        if let Some(href) = &options.stylesheet {
            let link = document.create_element("link")?;
            link.set_attribute("rel", "stylesheet")?;
            link.set_attribute("href", href)?;
            shadow.append_child(&link)?;
        }
    }
    let root = document.create_element("div")?;
    root.set_class_name(contract::WIDGET_ROOT_CLASS);
    let mut props = options.props(false);
    if let Some(standin) = standin {
        root.set_attribute("hidden", "")?;
        let shown = root.clone();
        props.on_ready = Some(yew::Callback::from(move |()| {
            standin.remove();
            let _ = shown.remove_attribute("hidden");
        }));
    }
    shadow.append_child(&root)?;
    let mut mounted = render(root, props, given, false);
    mounted.shadow = Some((host.clone(), shadow));
    host.set_attribute(MOUNTED, "")?;
    let handle = MountHandle::new(mounted);
    register(host, &handle.mounted);
    Ok(handle)
}

/// Mounts into `root` with no shadow root, for pages that own their document: the standalone explorer
/// (which keeps its view in the URL) and the iframe route (which only reads it).
pub fn mount_in_place(root: Element, options: MountOptions, standalone: bool) -> MountHandle {
    let given = given_from(|key| match key {
        "data" => options.data.clone(),
        "stylesheet" => options.stylesheet.clone(),
        "explorer" => options.explorer.clone(),
        "sync" => options.sync.clone(),
        _ => None,
    });
    MountHandle::new(render(root, options.props(standalone), given, standalone))
}

/// Set on a pre-rendered page's root once the live explorer has replaced the static copy.
pub const LIVE: &str = "data-pg-live";

/// Takes over a pre-rendered page (the `site/` crate): the live explorer renders into a hidden sibling of the
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
    Ok(MountHandle::new(Mounted {
        app: Some(app),
        root: live,
        shadow: None,
        given: Given::default(),
        standalone: true,
    }))
}

fn render(root: Element, props: AppProps, given: Given, standalone: bool) -> Mounted {
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    Mounted {
        app: Some(app),
        root,
        shadow: None,
        given,
        standalone,
    }
}

/// `mount(element, options)` for hosts: options a plain JS object. On an element already holding a widget it
/// is `update(options)` on that widget, and returns that widget's handle: never two widgets in one element.
pub fn mount_js(element: &Element, options: &JsValue) -> Result<MountHandle, JsValue> {
    if let Some(mounted) = registered(element) {
        let mut handle = MountHandle { mounted };
        handle.update(options.clone());
        return Ok(handle);
    }
    mount_widget(element, given_from_js(options))
}

/// Mounts every widget element in `node` (itself included) that is in the document and holds no widget yet;
/// `defaults` fills what attributes leave out. `mountAll` is this over the document; `widget.js` calls it for
/// every node a page adds later.
pub fn mount_within(node: &Node, defaults: &JsValue) -> Result<js_sys::Array, JsValue> {
    let handles = js_sys::Array::new();
    let defaults = given_from_js(defaults);
    for element in widget_elements(node)? {
        if element.has_attribute(MOUNTED) || !element.is_connected() {
            continue;
        }
        let given = given_from_element(&element, &defaults);
        handles.push(&JsValue::from(mount_widget(&element, given)?));
    }
    Ok(handles)
}

/// Widget elements in `node`, itself first.
fn widget_elements(node: &Node) -> Result<Vec<Element>, JsValue> {
    let mut found = Vec::new();
    let list = if let Some(element) = node.dyn_ref::<Element>() {
        if element.matches(WIDGET_SELECTOR)? {
            found.push(element.clone());
        }
        element.query_selector_all(WIDGET_SELECTOR)?
    } else if let Some(document) = node.dyn_ref::<web_sys::Document>() {
        document.query_selector_all(WIDGET_SELECTOR)?
    } else if let Some(fragment) = node.dyn_ref::<web_sys::DocumentFragment>() {
        fragment.query_selector_all(WIDGET_SELECTOR)?
    } else {
        return Ok(found);
    };
    found.extend(
        (0..list.length()).filter_map(|index| list.item(index)?.dyn_into::<Element>().ok()),
    );
    Ok(found)
}

/// Destroys the widget of every host element in `node` (itself included) that has left the document, for a
/// node a page removed. An element moved elsewhere is in the document again by the time this runs, and keeps
/// its widget; one mounted by a script before it is inserted is not inside a removed node, and is kept too.
pub fn release(node: &Node) {
    let gone: Vec<Rc<RefCell<Mounted>>> = WIDGETS.with(|widgets| {
        widgets
            .borrow()
            .iter()
            .filter(|(host, _)| !host.is_connected() && node.contains(Some(host)))
            .map(|(_, mounted)| Rc::clone(mounted))
            .collect()
    });
    for mounted in gone {
        mounted.borrow_mut().destroy();
    }
}

/// Reads a mounted element's attributes again after one changed (a custom element's attribute set by a
/// framework's re-render); renders only when its options changed. An element holding no widget is left alone.
pub fn refresh(element: &Element, defaults: &JsValue) {
    let Some(mounted) = registered(element) else {
        return;
    };
    let given = given_from_element(element, &given_from_js(defaults));
    let mut mounted = mounted.borrow_mut();
    if mounted.given != given {
        mounted.set_options(given);
    }
}

/// The attribute names the custom element takes: every option's plain name.
pub fn widget_attributes() -> js_sys::Array {
    OPTION_KEYS
        .into_iter()
        .map(|key| if key == "role" { ELEMENT_ROLE } else { key })
        .map(JsValue::from_str)
        .collect()
}
