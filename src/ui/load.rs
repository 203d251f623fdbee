//! Fetches the published data folder, and decides what the page shows: published data, or the reader's
//! own files laid over it.

use std::collections::BTreeMap;
use std::rc::Rc;

use futures::future::join_all;
use gloo_net::http::Request;

use crate::model::{DataError, Dataset};
use crate::parse::{overlay, parse_manifest, FetchedFiles, LocalReport, Sources, MANIFEST};

/// The reader's own files: path (relative to the folder they opened) → bytes. Never sent anywhere.
pub type LocalFiles = BTreeMap<String, Vec<u8>>;

/// Whose data is on screen, for the banner that says so.
#[derive(Clone, Debug, PartialEq)]
pub enum DataSource {
    Published,
    Local(LocalReport),
}

/// Everything a load produced.
pub struct Outcome {
    pub dataset: Option<Dataset>,
    pub problems: Vec<DataError>,
    pub source: DataSource,
    /// Kept so the reader's files can be laid over it again, and forgotten again.
    pub published: Option<Rc<Sources>>,
}

/// The manifest at `base` and every file it names, fetched at once.
pub async fn fetch_published(base: &str) -> Result<Sources, Vec<DataError>> {
    let manifest_bytes = fetch(&format!("{base}{MANIFEST}"))
        .await
        .map_err(|reason| vec![DataError::file(MANIFEST, reason)])?;
    let manifest = parse_manifest(MANIFEST, &manifest_bytes)?;
    let (paths, _) = manifest.files();
    let fetched = join_all(
        paths
            .iter()
            .map(|path| format!("{base}{path}"))
            .map(|url| async move { fetch(&url).await }),
    )
    .await;
    let files: FetchedFiles = paths.into_iter().zip(fetched).collect();
    Ok(Sources { manifest, files })
}

/// What to show: the published data, or `local` over it; problems from both are kept.
pub fn resolve(
    published: Result<Rc<Sources>, Vec<DataError>>,
    local: Option<&LocalFiles>,
) -> Outcome {
    let (published, mut problems) = match published {
        Ok(sources) => (Some(sources), Vec::new()),
        Err(problems) => (None, problems),
    };
    let chosen = match local.filter(|files| !files.is_empty()) {
        None => published
            .clone()
            .map(|s| ((*s).clone(), DataSource::Published)),
        Some(files) => match overlay(published.as_deref(), files) {
            Ok((sources, report)) => {
                // Problems of published files the reader replaced no longer apply.
                if report.whole_folder {
                    problems.clear();
                }
                Some((sources, DataSource::Local(report)))
            }
            Err(errors) => {
                problems.extend(errors);
                published
                    .clone()
                    .map(|s| ((*s).clone(), DataSource::Published))
            }
        },
    };
    match chosen {
        Some((sources, source)) => {
            let (dataset, more) = sources.assemble();
            problems.extend(more);
            Outcome {
                dataset: Some(dataset),
                problems,
                source,
                published,
            }
        }
        None => Outcome {
            dataset: None,
            problems,
            source: DataSource::Published,
            published,
        },
    }
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
