//! Fetches a data folder once per document and shares it, parsed, with every view that shows it; fetches a
//! role's page when it is opened; decides what the page shows: published data, or the reader's own files
//! laid over it.
//!
//! Twenty widgets over one folder cost one fetch of each file and one parsed dataset: the first view to ask
//! starts the load, the others wait for the same result, and the dataset lives as long as some view holds
//! it (the cache keeps only a weak reference, so destroying the last widget frees it).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::{DataError, Dataset, Role};
use crate::parse::{
    overlay, parse_manifest, parse_role, FetchedFiles, LocalReport, Sources, MAINTAINED_RULES,
    MANIFEST,
};
use crate::ui::handoff;
use paygrade_core::names::Names;

/// The reader's own files: path (relative to the folder they opened) → bytes. Never sent anywhere.
pub type LocalFiles = Names<Vec<u8>>;

/// Whose data is on screen, for the banner that says so.
#[derive(Clone, Debug, PartialEq)]
pub enum DataSource {
    Published,
    Local(LocalReport),
}

/// A published data folder as fetched and parsed once for the whole document.
#[derive(Debug)]
pub struct Published {
    pub sources: Rc<Sources>,
    pub dataset: Rc<Dataset>,
    pub problems: Vec<DataError>,
}

/// A role's page as fetched and parsed on its own, with what is wrong with it.
#[derive(Debug, PartialEq)]
pub struct RolePage {
    pub role: Option<Rc<Role>>,
    pub problems: Vec<DataError>,
}

impl RolePage {
    /// A role's page parsed and checked against the dataset: the one way a page is read, in the browser
    /// (fetched when opened) and by the pre-renderer (read from disk).
    pub fn read(file: &str, bytes: Result<Vec<u8>, String>, dataset: &Dataset) -> RolePage {
        match bytes.map(|bytes| parse_role(file, &bytes)) {
            Err(reason) => RolePage {
                role: None,
                problems: vec![DataError::file(file, reason)],
            },
            Ok(Ok((role, mut problems))) => {
                problems.extend(dataset.role_problems(&role));
                RolePage {
                    role: Some(Rc::new(role)),
                    problems,
                }
            }
            Ok(Err(problems)) => RolePage {
                role: None,
                problems,
            },
        }
    }
}

/// Everything a load produced.
pub struct Outcome {
    pub dataset: Option<Rc<Dataset>>,
    pub problems: Vec<DataError>,
    pub source: DataSource,
    /// Kept so the reader's files can be laid over it again, and forgotten again.
    pub published: Option<Rc<Published>>,
}

type Loaded<T> = Result<Rc<T>, Rc<Vec<DataError>>>;

/// One shared load: waiting views, or the result while some view still holds it.
enum Slot<T> {
    Loading(Vec<handoff::Sender<Loaded<T>>>),
    Ready(Weak<T>),
}

thread_local! {
    static FOLDERS: RefCell<Names<Slot<Published>>> = const { RefCell::new(Names::new()) };
    static PAGES: RefCell<Names<Slot<RolePage>>> = const { RefCell::new(Names::new()) };
    static RULES: RefCell<Names<Slot<Vec<u8>>>> = const { RefCell::new(Names::new()) };
    /// The maintained rules, kept for the document's life once fetched: every folder shares one copy.
    static RULES_KEPT: RefCell<Option<Rc<Vec<u8>>>> = const { RefCell::new(None) };
    static FETCHES: RefCell<u32> = const { RefCell::new(0) };
}

/// How many files this document has fetched for paygrade, read by the bench and the tests.
pub fn fetch_count() -> u32 {
    FETCHES.with(|count| *count.borrow())
}

/// Whether a folder's dataset is alive in the cache: some view still holds it (for `destroy()` tests).
pub fn folder_is_cached(base: &str) -> bool {
    FOLDERS.with(|folders| {
        matches!(folders.borrow().get(base), Some(Slot::Ready(weak)) if weak.strong_count() > 0)
    })
}

/// The published folder at `base`, fetched and parsed by the first view that asks, shared with the rest.
pub async fn published(base: &str) -> Loaded<Published> {
    shared(&FOLDERS, base.to_string(), || {
        let base = base.to_string();
        async move {
            let sources = fetch_published(&base).await.map_err(Rc::new)?;
            let (dataset, problems) = sources.assemble();
            Ok(Rc::new(Published {
                sources: Rc::new(sources),
                dataset: Rc::new(dataset),
                problems,
            }))
        }
    })
    .await
}

/// A role's page (`file`, relative to `base`), fetched once per document and checked against `dataset`.
pub async fn role_page(base: &str, file: &str, dataset: Rc<Dataset>) -> Rc<RolePage> {
    let key = format!("{base}{file}");
    let file = file.to_string();
    let url = key.clone();
    let loaded = shared(&PAGES, key, move || async move {
        let page = RolePage::read(&file, fetch(&url).await, &dataset);
        Ok(Rc::new(page))
    })
    .await;
    loaded.unwrap_or_else(|problems| {
        Rc::new(RolePage {
            role: None,
            problems: (*problems).clone(),
        })
    })
}

/// The value under `key` in `cache`: alive already, being loaded (wait for it), or loaded now by `start`.
async fn shared<T, F, Fut>(
    cache: &'static std::thread::LocalKey<RefCell<Names<Slot<T>>>>,
    key: String,
    start: F,
) -> Loaded<T>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Loaded<T>>,
{
    enum Next<T> {
        Have(Rc<T>),
        Wait(handoff::Receiver<Loaded<T>>),
        Load,
    }
    let next = cache.with(|cache| {
        let mut cache = cache.borrow_mut();
        match cache.get_mut(&key) {
            Some(Slot::Ready(weak)) => match weak.upgrade() {
                Some(value) => Next::Have(value),
                None => {
                    cache.insert(key.clone(), Slot::Loading(Vec::new()));
                    Next::Load
                }
            },
            Some(Slot::Loading(waiting)) => {
                let (sender, receiver) = handoff::handoff();
                waiting.push(sender);
                Next::Wait(receiver)
            }
            None => {
                cache.insert(key.clone(), Slot::Loading(Vec::new()));
                Next::Load
            }
        }
    });
    match next {
        Next::Have(value) => Ok(value),
        Next::Wait(receiver) => receiver.await.unwrap_or_else(|| {
            Err(Rc::new(vec![DataError::file(
                &key,
                "could not be loaded (the load was dropped)",
            )]))
        }),
        Next::Load => {
            let result = start().await;
            let waiting = cache.with(|cache| {
                let mut cache = cache.borrow_mut();
                let waiting = match cache.remove(&key) {
                    Some(Slot::Loading(waiting)) => waiting,
                    _ => Vec::new(),
                };
                // A failure is not kept: the next view to ask tries again.
                if let Ok(value) = &result {
                    cache.insert(key.clone(), Slot::Ready(Rc::downgrade(value)));
                }
                waiting
            });
            for sender in waiting {
                sender.send(result.clone());
            }
            result
        }
    }
}

/// The manifest at `base` and every file the page needs up front (the tables and the index, or every page
/// when there is no index), fetched at once.
async fn fetch_published(base: &str) -> Result<Sources, Vec<DataError>> {
    let manifest_bytes = fetch(&format!("{base}{MANIFEST}"))
        .await
        .map_err(|reason| vec![DataError::file(MANIFEST, reason)])?;
    let manifest = parse_manifest(MANIFEST, &manifest_bytes)?;
    let (paths, _) = manifest.files();
    let pending = start_each(base, &paths);
    let maintained_rules = maintained_rules(&maintained_rules_url()).await;
    let mut files: FetchedFiles = paths.into_iter().zip(in_turn(pending).await).collect();
    // An index that could not be had is reported by name; the pages the manifest names one by one still
    // open, fetched now as they would be without an index.
    let index_failed = manifest
        .index
        .as_deref()
        .and_then(|index| crate::parse::resolve_data_path(MANIFEST, index).ok())
        .is_some_and(|index| !matches!(files.get(&index), Some(Ok(_))));
    if index_failed {
        let named: Vec<String> = manifest
            .named_pages()
            .into_iter()
            .filter(|page| !files.contains_key(page))
            .collect();
        let pages = in_turn(start_each(base, &named)).await;
        files.extend(named.into_iter().zip(pages));
    }
    Ok(Sources {
        manifest,
        files,
        maintained_rules: Some(maintained_rules),
    })
}

/// A request for each of `paths` under `base`, every one started now: requests started together download
/// together, so the caller can wait for them one after another.
fn start_each(
    base: &str,
    paths: &[String],
) -> Vec<impl std::future::Future<Output = Result<Vec<u8>, String>>> {
    paths
        .iter()
        .map(|path| fetch(&format!("{base}{path}")))
        .collect()
}

/// The results of started requests, in their order.
async fn in_turn<F: std::future::Future>(pending: Vec<F>) -> Vec<F::Output> {
    let mut results = Vec::with_capacity(pending.len());
    for request in pending {
        results.push(request.await);
    }
    results
}

/// The maintained rules, fetched once per document whichever folders its views show.
async fn maintained_rules(url: &str) -> Result<Vec<u8>, String> {
    let loaded = shared(&RULES, url.to_string(), || {
        let url = url.to_string();
        async move {
            let bytes = fetch(&url)
                .await
                .map_err(|reason| Rc::new(vec![DataError::file(MAINTAINED_RULES, reason)]))?;
            let bytes = Rc::new(bytes);
            RULES_KEPT.with(|kept| *kept.borrow_mut() = Some(Rc::clone(&bytes)));
            Ok(bytes)
        }
    })
    .await;
    match loaded {
        Ok(bytes) => Ok((*bytes).clone()),
        Err(problems) => Err(problems
            .first()
            .map_or_else(|| "could not be fetched".to_string(), |p| p.message.clone())),
    }
}

/// Where the maintained pay-transparency rules are served: `rules/pay-rules.csv` at the root of the site
/// that serves this wasm (its glue's snippet lives at `pkg/snippets/<crate>/`), whichever page loaded it.
#[cfg(target_arch = "wasm32")]
fn maintained_rules_url() -> String {
    #[wasm_bindgen::prelude::wasm_bindgen(
        inline_js = "export function maintained_rules_url() { return new URL('../../../rules/pay-rules.csv', import.meta.url).href; }"
    )]
    extern "C" {
        fn maintained_rules_url() -> String;
    }
    maintained_rules_url()
}

/// Natively (tests) there is no site: the path relative to the page.
#[cfg(not(target_arch = "wasm32"))]
fn maintained_rules_url() -> String {
    crate::parse::MAINTAINED_RULES.to_string()
}

/// What to show: the published data, or `local` over it; problems from both are kept.
pub fn resolve(
    published: Result<Rc<Published>, Vec<DataError>>,
    local: Option<&LocalFiles>,
) -> Outcome {
    let (published, mut problems) = match published {
        Ok(published) => (Some(published), Vec::new()),
        Err(problems) => (None, problems),
    };
    let published_outcome = |problems: Vec<DataError>| match &published {
        Some(p) => Outcome {
            dataset: Some(Rc::clone(&p.dataset)),
            problems: problems
                .into_iter()
                .chain(p.problems.iter().cloned())
                .collect(),
            source: DataSource::Published,
            published: Some(Rc::clone(p)),
        },
        None => Outcome {
            dataset: None,
            problems,
            source: DataSource::Published,
            published: None,
        },
    };
    let Some(files) = local.filter(|files| !files.is_empty()) else {
        return published_outcome(problems);
    };
    match overlay(published.as_deref().map(|p| p.sources.as_ref()), files) {
        Ok((overlaid, report)) => {
            // Problems of published files the reader replaced no longer apply.
            if report.whole_folder {
                problems.clear();
            }
            let (dataset, more) = overlaid.assemble();
            problems.extend(more);
            Outcome {
                dataset: Some(Rc::new(dataset)),
                problems,
                source: DataSource::Local(report),
                published,
            }
        }
        Err(errors) => {
            problems.extend(errors);
            published_outcome(problems)
        }
    }
}

/// One file's bytes, or a sentence saying why it could not be had.
fn fetch(url: &str) -> impl std::future::Future<Output = Result<Vec<u8>, String>> {
    FETCHES.with(|count| *count.borrow_mut() += 1);
    // Asked for now, not when first polled: requests started together download together, so a list of
    // files needs no future combinator, only one wait after another.
    let request = web_sys::window()
        .map(|window| JsFuture::from(window.fetch_with_str(url)))
        .ok_or("could not be fetched (the page has no window)");
    async move { read_response(request?).await }
}

/// The bytes of a started request, or why there are none.
async fn read_response(request: JsFuture) -> Result<Vec<u8>, String> {
    let response: web_sys::Response = request
        .await
        .map_err(|e| format!("could not be fetched ({})", browser_error(&e)))?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "could not be fetched (the server answered {} {})",
            response.status(),
            response.status_text()
        ));
    }
    let body = response
        .array_buffer()
        .map_err(|e| format!("could not be read ({})", browser_error(&e)))?;
    let buffer = JsFuture::from(body)
        .await
        .map_err(|e| format!("could not be read ({})", browser_error(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A failed request in the browser's words: "TypeError: Failed to fetch".
fn browser_error(error: &wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!(
            "{}: {}",
            String::from(error.name()),
            String::from(error.message())
        ),
        None => error
            .as_string()
            .unwrap_or_else(|| "an unexpected error".to_string()),
    }
}
