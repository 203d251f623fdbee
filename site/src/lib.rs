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
mod figures;
pub mod files;
mod render;
mod shell;

use std::path::Path;

pub use directory::{LevelLinks, LevelLinksProps};
pub use error::SiteError;
pub use render::{
    read_folder, render_outcome, render_share, render_site, render_sources, Prerendered,
    PrerenderedProps, ReadFile, Share, Sink, SiteFile,
};
pub use shell::escape_html;

/// What [`write_pages`] wrote: the pages (one `index.html` each) and every file, the figures included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PagesWritten {
    /// Pre-rendered HTML pages: the directory, each role and each level.
    pub pages: usize,
    /// Every file written, the pages included.
    pub files: usize,
}

/// Pre-renders the site of the data folder `data` (which holds the index the pages list roles from) into
/// `out`: the directory at `out/index.html`, each role and level under `out/roles/`, the band figures
/// under `out/data/figures/`, each with its `.br` and `.gz` copies. One worker per core renders its share
/// (each with its own copy of the data, read from disk: the renderer's state is single-threaded) and
/// writes each file as soon as it is made, so memory holds one page per worker, not the site. Today's date
/// decides which laws the JSON-LD's job ad meets, as in the reader's browser.
pub fn write_pages(data: &Path, out: &Path) -> Result<PagesWritten, SiteError> {
    let today = paygrade::ui::clock::today();
    let parts = std::thread::available_parallelism().map_or(1, |n| n.get());
    let shares = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..parts)
            .map(|part| scope.spawn(move || write_share(data, out, today, Share { part, parts })))
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker.join().unwrap_or_else(|_| {
                    Err(SiteError::Data {
                        folder: data.to_path_buf(),
                        why: "a rendering worker stopped".to_string(),
                    })
                })
            })
            .collect::<Vec<_>>()
    });
    let mut written = PagesWritten { pages: 0, files: 0 };
    for share in shares {
        let share = share?;
        written.pages += share.pages;
        written.files += share.files;
    }
    if written.pages == 0 {
        return Err(SiteError::Data {
            folder: data.to_path_buf(),
            why: "it gave no dataset to render".to_string(),
        });
    }
    Ok(written)
}

/// One worker's share of [`write_pages`].
fn write_share(
    data: &Path,
    out: &Path,
    today: Option<paygrade::model::Date>,
    share: Share,
) -> Result<PagesWritten, SiteError> {
    let sources = read_folder(data).map_err(|why| SiteError::Data {
        folder: data.to_path_buf(),
        why,
    })?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|source| SiteError::Runtime { source })?;
    let read = |path: &str| std::fs::read(data.join(path)).map_err(|e| e.to_string());
    let mut sink = |file: SiteFile| {
        compress::write_with_copies(&out.join(&file.path), file.contents.as_bytes())
    };
    runtime.block_on(render_sources(sources, today, &read, share, &mut sink))
}
