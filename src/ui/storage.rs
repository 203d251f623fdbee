//! Keeps the reader's own files in this browser's IndexedDB, so their choice survives a reload. Never uploaded.
//!
//! IndexedDB, not localStorage: a whole handbook folder is several MB (localStorage holds about 5 MB, as
//! text), and files are kept as the bytes they were, so a file that is not UTF-8 is reported by the parser
//! on every visit instead of being silently changed.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

use crate::ui::load::LocalFiles;

const DATABASE: &str = "paygrade";
const STORE: &str = "files";
/// The one record: an array of `[name, bytes]` pairs, written and read whole.
const KEY: &str = "local-folder";

/// The files kept from an earlier visit, if any. When the marker says none were kept, the database is not
/// opened: opening (and, in a fresh profile, creating) it took 100 to 300 ms on the mobile profile, on every
/// page, before the first band. Where localStorage cannot be read, the database is asked anyway.
pub async fn load() -> Option<LocalFiles> {
    if marked_kept() == Some(false) {
        return None;
    }
    let db = open().await.ok()?;
    let store = db
        .transaction_with_str(STORE)
        .ok()?
        .object_store(STORE)
        .ok()?;
    let value = request(store.get(&JsValue::from_str(KEY)).ok()?)
        .await
        .ok()?;
    let pairs: Array = value.dyn_into().ok()?;
    let files: LocalFiles = pairs
        .iter()
        .filter_map(|pair| {
            let pair: Array = pair.dyn_into().ok()?;
            let name = pair.get(0).as_string()?;
            let bytes: Uint8Array = pair.get(1).dyn_into().ok()?;
            Some((name, bytes.to_vec()))
        })
        .collect();
    (!files.is_empty()).then_some(files)
}

/// Keeps `files` byte for byte; replaces what was kept.
pub async fn save(files: &LocalFiles) -> Result<(), String> {
    let pairs = Array::new();
    for (name, bytes) in files {
        pairs.push(&Array::of2(
            &JsValue::from_str(name),
            &Uint8Array::from(bytes.as_slice()),
        ));
    }
    let db = open().await?;
    let store = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .and_then(|transaction| transaction.object_store(STORE))
        .map_err(|_| "the browser's storage could not be opened".to_string())?;
    let put = store
        .put_with_key(&pairs, &JsValue::from_str(KEY))
        .map_err(|_| "the browser's storage refused the files".to_string())?;
    request(put)
        .await
        .map(drop)
        .map_err(|_| "the browser's storage is full".to_string())?;
    mark_kept(true);
    Ok(())
}

/// The key `boot.js` reads synchronously, before the body paints, to know the page will show the reader's
/// own files (IndexedDB cannot be read that early), so a pre-rendered page hides the published figures.
const KEPT_MARKER: &str = "paygrade.local.files";

/// What the marker says: `None` when localStorage cannot be read.
fn marked_kept() -> Option<bool> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    Some(storage.get_item(KEPT_MARKER).ok().flatten().is_some())
}

fn mark_kept(kept: bool) {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let _ = if kept {
        storage.set_item(KEPT_MARKER, "1")
    } else {
        storage.remove_item(KEPT_MARKER)
    };
}

/// Removes every kept file.
pub async fn forget() {
    mark_kept(false);
    let Ok(db) = open().await else {
        return;
    };
    let removed = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .and_then(|transaction| transaction.object_store(STORE))
        .and_then(|store| store.delete(&JsValue::from_str(KEY)));
    if let Ok(removed) = removed {
        let _ = request(removed).await;
    }
}

/// Opens (creating on first use) the database with its one object store.
async fn open() -> Result<IdbDatabase, String> {
    let unavailable = || "this browser offers no storage".to_string();
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or_else(unavailable)?;
    let opening: IdbOpenDbRequest = factory
        .open_with_u32(DATABASE, 1)
        .map_err(|_| unavailable())?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let db = event
            .target()
            .and_then(|target| target.dyn_into::<IdbRequest>().ok())
            .and_then(|request| request.result().ok())
            .and_then(|result| result.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    opening.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = request(opening.into()).await;
    drop(upgrade);
    result
        .and_then(|db| db.dyn_into::<IdbDatabase>().map_err(|_| JsValue::NULL))
        .map_err(|_| unavailable())
}

/// An IndexedDB request as a future: its result, or its error.
async fn request(request: IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let on_error = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}
