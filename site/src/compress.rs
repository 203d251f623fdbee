//! Precompressed copies of a site: `.br` (brotli 11) and `.gz` (gzip -9) beside every text and wasm file,
//! so a static host that serves them (GitLab Pages, Caddy, nginx, `cargo xtask serve`) sends the smallest
//! bytes without compressing on every request.

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

/// Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir`; returns how many files.
pub fn precompress(dir: &Path) -> Result<usize, SiteError> {
    let mut count = 0;
    for file in files_under(dir).into_iter().filter(|f| compressible(f)) {
        let failed = |action, source| SiteError::Io {
            action,
            path: file.clone(),
            source,
        };
        let bytes = fs::read(&file).map_err(|source| failed("read", source))?;
        let brotli = brotli_bytes(&bytes).map_err(|source| failed("compress", source))?;
        let gzip = gzip_bytes(&bytes).map_err(|source| failed("compress", source))?;
        write(&beside(&file, "br"), &brotli)?;
        write(&beside(&file, "gz"), &gzip)?;
        count += 1;
    }
    Ok(count)
}

/// Brotli at quality 11 with a 4 MiB window: the smallest output, paid once at build time.
pub fn brotli_bytes(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
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
        let br = brotli_bytes(&text).unwrap_or_default();
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
}
