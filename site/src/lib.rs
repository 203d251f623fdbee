//! The static site for a data folder, shared by the `paygrade site` command and `cargo xtask build`: the
//! app's files, the data folder, a page per role and level pre-rendered by the app's own components (Yew's
//! server renderer), and `.br`/`.gz` copies. Its own crate, so server rendering never reaches the wasm:
//! the app does not depend on it, and Cargo.toml, not a check by hand, keeps it that way.

// As in the core and the app: a data folder can make this fail, never panic. Tests may unwrap.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod compress;
mod directory;
mod error;
pub mod files;
mod render;
mod shell;

use std::path::Path;

pub use directory::{LevelLinks, LevelLinksProps};
pub use error::SiteError;
pub use render::{
    read_folder, render_outcome, render_site, Prerendered, PrerenderedProps, ReadFile, SiteFile,
};
pub use shell::escape_html;

/// What [`write_pages`] wrote: the pages (one `index.html` each) and every file, `bands.json` included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PagesWritten {
    /// Pre-rendered HTML pages: the directory, each role and each level.
    pub pages: usize,
    /// Every file written, the pages included.
    pub files: usize,
}

/// Pre-renders the site of the data folder `data` (which holds the index the pages list roles from) into
/// `out`: the directory at `out/index.html`, each role and level under `out/roles/`, a `bands.json` beside
/// each role page. Today's date decides which laws the JSON-LD's job ad meets, as in the reader's browser.
pub fn write_pages(data: &Path, out: &Path) -> Result<PagesWritten, SiteError> {
    let sources = read_folder(data).map_err(|why| SiteError::Data {
        folder: data.to_path_buf(),
        why,
    })?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|source| SiteError::Runtime { source })?;
    let read = |path: &str| std::fs::read(data.join(path)).map_err(|e| e.to_string());
    let files = runtime.block_on(render_site(sources, paygrade::ui::clock::today(), &read));
    if files.is_empty() {
        return Err(SiteError::Data {
            folder: data.to_path_buf(),
            why: "it gave no dataset to render".to_string(),
        });
    }
    let mut pages = 0;
    for file in &files {
        files::write(&out.join(&file.path), file.contents.as_bytes())?;
        if file.path.ends_with("index.html") {
            pages += 1;
        }
    }
    Ok(PagesWritten {
        pages,
        files: files.len(),
    })
}
