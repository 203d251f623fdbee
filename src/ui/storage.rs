//! Keeps the reader's own files in this browser's storage, so their choice survives a reload. Never uploaded.

use crate::ui::load::LocalFiles;

const INDEX_KEY: &str = "paygrade.local.files";
const FILE_PREFIX: &str = "paygrade.local.file:";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The files kept from an earlier visit, if any.
pub fn load() -> Option<LocalFiles> {
    let storage = storage()?;
    let index = storage.get_item(INDEX_KEY).ok()??;
    let files: LocalFiles = index
        .lines()
        .filter_map(|name| {
            let text = storage.get_item(&format!("{FILE_PREFIX}{name}")).ok()??;
            Some((name.to_string(), text.into_bytes()))
        })
        .collect();
    (!files.is_empty()).then_some(files)
}

/// Keeps `files` (as text: a file that is not UTF-8 is kept with its bad bytes replaced); replaces what was kept.
pub fn save(files: &LocalFiles) -> Result<(), String> {
    let storage = storage().ok_or("this browser offers no storage")?;
    forget();
    for (name, bytes) in files {
        storage
            .set_item(
                &format!("{FILE_PREFIX}{name}"),
                &String::from_utf8_lossy(bytes),
            )
            .map_err(|_| {
                forget();
                "the browser's storage is full".to_string()
            })?;
    }
    let index: Vec<&str> = files.keys().map(String::as_str).collect();
    storage
        .set_item(INDEX_KEY, &index.join("\n"))
        .map_err(|_| "the browser's storage is full".to_string())
}

/// Removes every kept file.
pub fn forget() {
    let Some(storage) = storage() else {
        return;
    };
    if let Ok(Some(index)) = storage.get_item(INDEX_KEY) {
        for name in index.lines() {
            let _ = storage.remove_item(&format!("{FILE_PREFIX}{name}"));
        }
    }
    let _ = storage.remove_item(INDEX_KEY);
}
