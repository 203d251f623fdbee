//! `paygrade site DATA --app DIR --out DIR`: the whole static site for a data folder, as a handbook's CI
//! deploys it. The app's built files come from `--app` (a `dist/` that `cargo xtask build` wrote: the wasm
//! needs wasm-pack, which this command does not run); the data folder is checked as `check` does, copied,
//! indexed as `index` does, and rendered by the site crate, which `cargo xtask build` runs through this
//! same command.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use paygrade_site::files::{self, AppFiles};
use paygrade_site::{compress, write_pages, SiteError};

use crate::check::exit_for;
use crate::index::{index_for, read_for_index};
use crate::report::{count, grouped};
use crate::CliError;

/// Where the app's files are looked for when `--app` is not given: a `dist/` in the current directory.
pub const DEFAULT_APP: &str = "dist";

/// Writes the site; exit 1 when the data has errors (the site is written all the same, as the page
/// would show it), 2 when it cannot be written.
pub fn run(dir: &Path, app: Option<&Path>, out: &Path) -> Result<ExitCode, CliError> {
    let started = Instant::now();
    let app_dir = app.map_or_else(|| PathBuf::from(DEFAULT_APP), Path::to_path_buf);
    let app = AppFiles::find(&app_dir).map_err(|error| CliError::App {
        error,
        defaulted: app.is_none(),
    })?;
    // The site's data gets a fresh index, so the old one's problems are not the site's.
    let (folder, index_file, problems) = read_for_index(dir)?;
    let Some(dataset) = folder.dataset else {
        eprintln!(
            "paygrade: cannot build a site for {}: its manifest has errors",
            dir.display()
        );
        return Ok(ExitCode::FAILURE);
    };

    files::prepare_out(out, dir, app.dir())?;
    app.copy_into(out)?;
    let data = out.join("data");
    files::copy_data(dir, &data, out)?;
    let (_, index) = index_for(&dataset)?;
    files::write(&data.join(&index_file), index.as_bytes())?;
    let rendering = Instant::now();
    let written = write_pages(&data, out)?;
    let rendered = rendering.elapsed();
    compress::precompress(out)?;

    let all = files::files_under(out);
    let (compressed, plain): (Vec<PathBuf>, Vec<PathBuf>) = all.into_iter().partition(|file| {
        file.extension()
            .is_some_and(|ending| ending == "br" || ending == "gz")
    });
    let brotli: Vec<PathBuf> = compressed
        .into_iter()
        .filter(|file| file.extension().is_some_and(|ending| ending == "br"))
        .collect();
    eprintln!(
        "wrote {}: {}, {}, {} bytes ({} as brotli) in {:.1} s ({:.1} s of it on the pages)",
        out.display(),
        count(written.pages, "page", "pages"),
        count(plain.len(), "file", "files"),
        grouped_bytes(files::total_bytes(&plain)),
        grouped_bytes(files::total_bytes(&brotli)),
        started.elapsed().as_secs_f64(),
        rendered.as_secs_f64()
    );
    Ok(exit_for(&problems))
}

fn grouped_bytes(bytes: u64) -> String {
    grouped(usize::try_from(bytes).unwrap_or(usize::MAX))
}

impl From<SiteError> for CliError {
    fn from(error: SiteError) -> CliError {
        CliError::Site(error)
    }
}
