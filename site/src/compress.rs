//! Precompressed copies of a site: `.br` (brotli) and `.gz` (gzip -9) beside every text and wasm file, so a
//! static host that serves them (GitLab Pages, Caddy, nginx, `cargo xtask serve`) sends the smallest bytes
//! without compressing on every request.
//!
//! Brotli's quality is chosen per kind of file, by what it buys (measured on a 66 KB role page and a 1.7 MB
//! grade of 10,000 locations): the app's code, styles and the copied data at 11, a few files every reader
//! fetches; the pre-rendered pages at 5, about 1.2 KB (14%) larger than at 11 for a twentieth of the time,
//! over thousands of pages; the build's band figures at 9, about 14% larger than at 11 and forty times as
//! fast, over megabytes per grade.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::error::SiteError;
use crate::files::{beside, files_under, write};

/// File endings worth compressing: text and wasm. Images and fonts are compressed already.
const COMPRESSIBLE: &[&str] = &[
    "html", "js", "mjs", "css", "json", "csv", "md", "svg", "txt", "wasm", "xml", "map",
];

/// Whether `path` gets `.br` and `.gz` copies.
pub fn compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| COMPRESSIBLE.contains(&ext))
}

/// Brotli's quality for a file of the site, by its kind (see the module's comment).
pub fn brotli_quality(path: &Path) -> u32 {
    let under = |folder: &str| path.components().any(|part| part.as_os_str() == folder);
    let ending = path.extension().and_then(|ext| ext.to_str());
    if under("figures") && ending == Some("json") {
        9
    } else if ending == Some("html") {
        5
    } else {
        11
    }
}

/// Writes `path` and, when it is worth compressing, its `.br` and `.gz` copies: a file made by the build is
/// compressed as it is written, by the worker that made it.
pub fn write_with_copies(path: &Path, bytes: &[u8]) -> Result<(), SiteError> {
    write(path, bytes)?;
    if compressible(path) {
        write_copies(path, bytes)?;
    }
    Ok(())
}

fn write_copies(file: &Path, bytes: &[u8]) -> Result<(), SiteError> {
    let failed = |source| SiteError::Io {
        action: "compress",
        path: file.to_path_buf(),
        source,
    };
    write(
        &beside(file, "br"),
        &brotli_bytes(bytes, brotli_quality(file)).map_err(failed)?,
    )?;
    write(&beside(file, "gz"), &gzip_bytes(bytes).map_err(failed)?)
}

/// Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir` that has none yet (the
/// build's own files got theirs as they were written), one worker per core; returns how many files.
pub fn precompress(dir: &Path) -> Result<usize, SiteError> {
    let files: Vec<_> = files_under(dir)
        .into_iter()
        .filter(|f| compressible(f) && !beside(f, "br").exists())
        .collect();
    let parts = std::thread::available_parallelism().map_or(1, |n| n.get());
    let compress_share = |part: usize| -> Result<(), SiteError> {
        for file in files.iter().skip(part).step_by(parts) {
            let bytes = fs::read(file).map_err(|source| SiteError::Io {
                action: "read",
                path: file.clone(),
                source,
            })?;
            write_copies(file, &bytes)?;
        }
        Ok(())
    };
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..parts)
            .map(|part| scope.spawn(move || compress_share(part)))
            .collect();
        workers.into_iter().try_for_each(|worker| {
            worker.join().unwrap_or_else(|_| {
                Err(SiteError::Io {
                    action: "compress",
                    path: dir.to_path_buf(),
                    source: io::Error::other("a compressing worker stopped"),
                })
            })
        })
    })?;
    Ok(files.len())
}

/// Brotli at `quality` with a 4 MiB window, paid once at build time.
pub fn brotli_bytes(bytes: &[u8], quality: u32) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, quality, 22);
        writer.write_all(bytes)?;
    }
    Ok(out)
}

/// Gzip at level 9, for clients without brotli.
pub fn gzip_bytes(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn brotli_and_gzip_round_trip() {
        let text = b"paygrade ".repeat(500);
        let br = brotli_bytes(&text, 11).unwrap_or_default();
        let mut back = Vec::new();
        let read = brotli::Decompressor::new(&br[..], 4096).read_to_end(&mut back);
        assert!(read.is_ok());
        assert_eq!(back, text);
        assert!(br.len() < text.len() / 10);
        let gz = gzip_bytes(&text).unwrap_or_default();
        let mut back = Vec::new();
        let read = flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut back);
        assert!(read.is_ok());
        assert_eq!(back, text);
    }

    #[test]
    fn only_text_and_wasm_are_compressed() {
        assert!(compressible(Path::new("dist/pkg/paygrade_bg.wasm")));
        assert!(compressible(Path::new("dist/roles/a/index.html")));
        assert!(!compressible(Path::new("dist/docs/screenshot.png")));
        assert!(!compressible(Path::new("dist/index.html.br")));
    }

    #[test]
    fn figures_and_pages_trade_a_little_size_for_speed_and_code_does_not() {
        assert_eq!(brotli_quality(Path::new("dist/pkg/paygrade_bg.wasm")), 11);
        assert_eq!(brotli_quality(Path::new("dist/data/locations.csv")), 11);
        assert_eq!(brotli_quality(Path::new("dist/roles/a/index.html")), 5);
        assert_eq!(
            brotli_quality(Path::new("dist/data/figures/grade-7.json")),
            9
        );
    }
}
