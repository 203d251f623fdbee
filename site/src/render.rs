//! Rendering the pages: every page of the site (the directory and each role and level) rendered by the
//! same components the wasm renders, from the same `State` the wasm reaches once its data has arrived.

use std::path::Path;
use std::rc::Rc;

use serde_json::{json, Map, Value};
use yew::prelude::*;
use yew::LocalServerRenderer;

use paygrade::band::CurrencyChoice;
use paygrade::model::{Dataset, Date, IndexEntry};
use paygrade::parse::{parse_manifest, Sources, MANIFEST};
use paygrade::ui::actions::Actions;
use paygrade::ui::components::job_ad::{ad_for, JobAdProps};
use paygrade::ui::explorer::{explorer_linked, OwnDataCallbacks, SiteLinks};
use paygrade::ui::load::{resolve, Outcome, Published, RolePage};
use paygrade::ui::state::{Action, Shared, State, Surface};
use paygrade::ui::url::ViewQuery;
use paygrade::view::{contract, pages, role_bands_everywhere, Detail, RoleView};

use crate::directory::{LevelLinks, LevelLinksProps};
use crate::shell;

/// One file the pre-renderer writes, by its path under dist/.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteFile {
    pub path: String,
    pub contents: String,
}

/// A data folder read from disk: its manifest and every file it names (a missing file is a located
/// problem, as when the browser fetches it). Role pages behind an index are read when a page needs them.
pub fn read_folder(dir: &Path) -> Result<Sources, String> {
    let manifest_bytes = std::fs::read(dir.join(MANIFEST))
        .map_err(|e| format!("cannot read {}: {e}", dir.join(MANIFEST).display()))?;
    let manifest = parse_manifest(MANIFEST, &manifest_bytes).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let (paths, _) = manifest.files();
    let files = paths
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(dir.join(&path)).map_err(|e| e.to_string());
            (path, bytes)
        })
        .collect();
    Ok(Sources::with_built_in_rules(manifest, files))
}

/// Reads a file of the data folder by its path relative to it (a role's page, fetched lazily in the browser).
pub type ReadFile<'a> = &'a dyn Fn(&str) -> Result<Vec<u8>, String>;

/// A page the site has: which view it shows and where it lives.
struct PagePlan {
    /// The folder under dist/, `""` for the root, else `roles/<id>/` or `roles/<id>/<level>/`.
    folder: String,
    query: ViewQuery,
}

/// Every page of the site for `sources`, plus a `bands.json` beside each role page: the page's band at
/// every location, in local and reference currency, computed here by the core, for the boot script to show
/// a deep link's band before the wasm arrives. `read` gives the role pages an index names.
pub async fn render_site(
    sources: Sources,
    today: Option<Date>,
    read: ReadFile<'_>,
) -> Vec<SiteFile> {
    let (dataset, problems) = sources.assemble();
    let published = Rc::new(Published {
        sources: Rc::new(sources),
        dataset: Rc::new(dataset),
        problems,
    });
    render_outcome(resolve(Ok(published), None), today, read).await
}

/// [`render_site`] for a load already resolved (a test may shape its dataset, e.g. add levels).
pub async fn render_outcome(
    outcome: Outcome,
    today: Option<Date>,
    read: ReadFile<'_>,
) -> Vec<SiteFile> {
    let base =
        Rc::new(State::from_query(&ViewQuery::default(), Surface::Page)).reduce(Action::Loaded {
            outcome: Box::new(outcome),
            today,
        });
    let Some(dataset) = base.dataset.clone() else {
        return Vec::new();
    };
    let mut plans = vec![PagePlan {
        folder: String::new(),
        query: ViewQuery::default(),
    }];
    for entry in &dataset.index.roles {
        let folder = pages::role_page(&entry.id);
        plans.push(PagePlan {
            folder: folder.clone(),
            query: role_query(&entry.id, None),
        });
        if entry.levels.len() > 1 {
            for level in &entry.levels {
                plans.push(PagePlan {
                    folder: pages::level_page(&entry.id, &level.slug),
                    query: role_query(&entry.id, Some(&level.slug)),
                });
            }
        }
    }
    let mut files = Vec::new();
    for plan in plans {
        let mut state = base
            .clone()
            .reduce(Action::FromQuery(Box::new(plan.query.clone())));
        // The role's page, then its family overview's when it has one (each asked for once, so this ends).
        while let Some((id, file)) = state.wanted_page() {
            let page = RolePage::read(&file, read(&file), &dataset);
            state = state.reduce(Action::PageLoaded(id, Rc::new(page)));
        }
        files.extend(render_page(&state, &dataset, &plan).await);
    }
    files
}

fn role_query(id: &str, level: Option<&str>) -> ViewQuery {
    ViewQuery {
        role: Some(id.to_string()),
        level: level.map(str::to_string),
        ..ViewQuery::default()
    }
}

async fn render_page(
    state: &Rc<State>,
    dataset: &Shared<Dataset>,
    plan: &PagePlan,
) -> Vec<SiteFile> {
    let depth = plan.folder.matches('/').count();
    let prefix = "../".repeat(depth);
    let links = SiteLinks {
        home: if prefix.is_empty() {
            "./".to_string()
        } else {
            prefix.clone()
        },
        role_prefix: format!("{prefix}roles/"),
    };
    let body = LocalServerRenderer::<Prerendered>::with_props(PrerenderedProps {
        state: state.clone(),
        links: links.clone(),
    })
    .hydratable(false)
    .render()
    .await;
    let on_role_page = !plan.folder.is_empty();
    let entry = state.current_entry().filter(|_| on_role_page);
    // Level pages are reached from the role's page: the level picker needs script, these links do not.
    let levels = match entry {
        Some(entry) if entry.levels.len() > 1 => {
            LocalServerRenderer::<LevelLinks>::with_props(LevelLinksProps {
                title: entry.title.clone().into(),
                levels: entry
                    .levels
                    .iter()
                    .map(|l| {
                        (
                            format!("{prefix}{}", pages::level_page(&entry.id, &l.slug)),
                            l.title.clone(),
                            l.grade,
                        )
                    })
                    .collect(),
                current: plan
                    .query
                    .level
                    .as_ref()
                    .map(|l| format!("{prefix}{}", pages::level_page(&entry.id, l)).into()),
            })
            .hydratable(false)
            .render()
            .await
        }
        _ => String::new(),
    };
    let grade = state.current_grade();
    let view = state.role_view(Detail::Figures);
    let job_title = view
        .as_ref()
        .filter(|_| entry.is_some())
        .map(|view| view.job_title.clone())
        .unwrap_or_default();
    // The JobPosting the page's job-ad section shows, from the same function.
    let json_ld = match &view {
        Some(view @ RoleView { band: Ok(band), .. }) if entry.is_some() => Some(
            ad_for(&JobAdProps {
                band: band.clone(),
                title: view.job_title.clone().into(),
                organisation: dataset.manifest.organisation.clone().into(),
                locality: view.location.locality().to_string().into(),
                country: view.location.country.clone().into(),
                dataset: dataset.clone(),
                location: view.location.id.clone().into(),
                also: state.selection.ad_places.clone(),
                remote: state.selection.remote,
                today: state.today,
                posted: state.selection.posted,
                on_posted: Callback::noop(),
                on_remote: Callback::noop(),
                on_add: Callback::noop(),
                on_remove: Callback::noop(),
            })
            .json,
        ),
        _ => None,
    };
    let title = match entry {
        Some(_) => match grade {
            Some(grade) => format!("{job_title} (grade {grade})"),
            None => job_title.clone(),
        },
        None => format!(
            "{}: job grades and pay bands",
            dataset.manifest.organisation
        ),
    };
    let page = shell::Page {
        title: &title,
        description: entry.map(|e| e.description.as_str()).unwrap_or(""),
        prefix: &prefix,
        role: entry.map(|e| e.id.as_str()),
        level: plan.query.level.as_deref(),
        data_files: &dataset_files(dataset, entry),
        json_ld: json_ld.as_deref(),
        bands: entry.is_some() && grade.is_some(),
        directory: &levels,
        body: &body,
    };
    let mut files = vec![SiteFile {
        path: format!("{}index.html", plan.folder),
        contents: shell::html(&page),
    }];
    if let (Some(entry), Some(grade)) = (entry, grade) {
        files.push(SiteFile {
            path: format!("{}bands.json", plan.folder),
            contents: bands_json(state, dataset, entry, grade).to_string(),
        });
    }
    files
}

/// The data files the app fetches first, and the role's own page, preloaded so they do not wait for the code.
fn dataset_files(dataset: &Dataset, entry: Option<&IndexEntry>) -> Vec<String> {
    let (mut files, _) = dataset.manifest.files();
    files.insert(0, MANIFEST.to_string());
    files.extend(entry.map(|entry| entry.file.clone()));
    files
}

/// `{ grade, role, level, default, fields, title, sentence, no_variable, locations: { id: { name, local:
/// [min, mid, max, currency, variable, total], reference: [...] } } }`: the page's grade at every location,
/// figures by the core (the role's own midpoint where it applies, as on the page), and the strings the boot
/// script fills them into (`view::contract`), so the band reads the same before and after the wasm.
fn bands_json(state: &State, dataset: &Dataset, entry: &IndexEntry, grade: u8) -> Value {
    let figures = |band: &paygrade::band::Band| {
        json!([
            figure(band.min),
            figure(band.mid),
            figure(band.max),
            band.currency,
            band.variable.map(figure),
            figure(band.total_target_cash)
        ])
    };
    let local = role_bands_everywhere(
        dataset,
        Some(entry),
        grade,
        &CurrencyChoice::Local,
        state.today,
    );
    let reference = role_bands_everywhere(
        dataset,
        Some(entry),
        grade,
        &CurrencyChoice::Reference,
        state.today,
    );
    let mut locations = Map::new();
    for ((location, (_, local)), (_, reference)) in
        dataset.locations.iter().zip(local).zip(reference)
    {
        // Where the local currency is the reference one, `reference` is left out: the same figures.
        if let (Ok(local), Ok(reference)) = (local, reference) {
            let mut entry = Map::new();
            entry.insert("name".into(), json!(location.name()));
            entry.insert("local".into(), figures(&local));
            if local.currency != reference.currency {
                entry.insert("reference".into(), figures(&reference));
            }
            locations.insert(location.id.clone(), Value::Object(entry));
        }
    }
    json!({
        "grade": grade,
        "role": entry.id,
        "level": state.selection.level,
        "default": state.current_location().map(|l| l.id.clone()),
        "fields": contract::BAND_FIELDS,
        "title": contract::PAY_TITLE,
        "sentence": contract::BAND_SENTENCE,
        "no_variable": contract::NO_VARIABLE,
        "selectors": contract::selectors()
            .into_iter()
            .map(|(name, selector)| (name.to_string(), Value::from(selector)))
            .collect::<Map<String, Value>>(),
        "locations": locations,
    })
}

/// A figure as JSON: whole amounts (all of them, after rounding) without a `.0`, so the file stays small and
/// boot.js writes the same `data-min` text as Rust's `f64` display does.
fn figure(amount: f64) -> Value {
    if amount.fract() == 0.0 && amount.abs() < 9.0e15 {
        json!(amount as i64)
    } else {
        json!(amount)
    }
}

/// Props for [`Prerendered`]: a state already holding the data, as the wasm's is once loaded.
#[derive(Properties, PartialEq)]
pub struct PrerenderedProps {
    pub state: Rc<State>,
    pub links: SiteLinks,
}

/// The standalone explorer exactly as the wasm renders it once its data has arrived, so the takeover swaps
/// in the same layout.
#[function_component]
pub fn Prerendered(props: &PrerenderedProps) -> Html {
    let initial = props.state.clone();
    let state = use_reducer(move || (*initial).clone());
    let actions = {
        let dispatcher = state.dispatcher();
        use_memo((), move |()| Actions::new(&dispatcher, None))
    };
    let own_data = OwnDataCallbacks {
        on_files: Callback::noop(),
        on_forget: Callback::noop(),
    };
    explorer_linked(&state, &actions, None, Some(own_data), Some(&props.links))
}
