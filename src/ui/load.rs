//! Fetches the data folder: the manifest first, then every table and role page it names, all at once.

use std::collections::BTreeMap;

use futures::future::join_all;
use gloo_net::http::Request;

use crate::model::{DataError, Dataset};
use crate::parse::parse_manifest;

/// The manifest's fixed name inside every data folder.
pub const MANIFEST: &str = "paygrade.json";

/// Everything the data folder at `base` holds, with every problem found on the way; never fails outright.
pub async fn load(base: &str) -> (Option<Dataset>, Vec<DataError>) {
    let manifest_bytes = match fetch(&format!("{base}{MANIFEST}")).await {
        Ok(bytes) => bytes,
        Err(reason) => return (None, vec![DataError::file(MANIFEST, reason)]),
    };
    let manifest = match parse_manifest(MANIFEST, &manifest_bytes) {
        Ok(manifest) => manifest,
        Err(problems) => return (None, problems),
    };
    let (paths, mut problems) = manifest.files();
    let fetched = join_all(
        paths
            .iter()
            .map(|path| fetch_owned(format!("{base}{path}"))),
    )
    .await;
    let files: BTreeMap<String, Result<Vec<u8>, String>> = paths.into_iter().zip(fetched).collect();
    let (dataset, more) = Dataset::assemble(manifest, &files);
    problems.extend(more);
    (Some(dataset), problems)
}

async fn fetch_owned(url: String) -> Result<Vec<u8>, String> {
    fetch(&url).await
}

/// One file's bytes, or a sentence saying why it could not be had.
async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| format!("could not be fetched ({e})"))?;
    if !response.ok() {
        return Err(format!(
            "could not be fetched (the server answered {} {})",
            response.status(),
            response.status_text()
        ));
    }
    response
        .binary()
        .await
        .map_err(|e| format!("could not be read ({e})"))
}
