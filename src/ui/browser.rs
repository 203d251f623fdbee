//! The few browser services the UI uses beyond the DOM: downloads and the clipboard. No network.

use wasm_bindgen::JsCast;

/// Saves `text` as a file the browser downloads; it is made here, nothing is sent anywhere.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let _ = try_download(file_name, mime, text);
}

fn try_download(file_name: &str, mime: &str, text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok()
}

/// Puts `text` on the clipboard; false when the browser refuses (no permission, insecure page).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Reads files the reader picked or dropped. A folder's files keep their path inside it
/// (`roles/a.md`), without the folder's own name.
pub async fn read_files(picked: Vec<web_sys::File>) -> crate::ui::load::LocalFiles {
    // Gathered, then sorted once by `collect`: a folder can hold thousands of files, and inserting
    // each into the sorted map would move the later ones along every time.
    let mut files = Vec::with_capacity(picked.len());
    for file in picked {
        let relative = js_sys::Reflect::get(
            &file,
            &wasm_bindgen::JsValue::from_str("webkitRelativePath"),
        )
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
        let path = match relative.split_once('/') {
            Some((_folder, inside)) if !inside.is_empty() => inside.to_string(),
            _ => file.name(),
        };
        // A folder's dotted entries (.git, .DS_Store) are never data: not read, not kept.
        if path.split('/').any(|segment| segment.starts_with('.')) {
            continue;
        }
        let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
            continue;
        };
        files.push((path, js_sys::Uint8Array::new(&buffer).to_vec()));
    }
    files.into_iter().collect()
}
