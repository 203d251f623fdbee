//! Rendering the site: every page (the directory and each role and level) rendered by the same components
//! the wasm renders, from the same `State` the wasm reaches once its data has arrived, and the band figures
//! the pages and widgets share.

use std::path::Path;
use std::rc::Rc;

use yew::prelude::*;
use yew::LocalServerRenderer;

use paygrade::model::{Dataset, Date, IndexEntry};
use paygrade::parse::{parse_manifest, Sources, MANIFEST};
use paygrade::ui::actions::Actions;
use paygrade::ui::components::job_ad::{ad_for, JobAdProps};
use paygrade::ui::explorer::{explorer_linked, OwnDataCallbacks, SiteLinks};
use paygrade::ui::load::{resolve, Outcome, Published, RolePage};
use paygrade::ui::state::{Action, Shared, State, Surface};
use paygrade::ui::url::ViewQuery;
use paygrade::view::{job_title, pages, Detail, RoleView};

use crate::directory::{LevelLinks, LevelLinksProps};
use crate::{figures, shell, PagesWritten, SiteError};

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

/// Every file of the site for `sources`: its pages and the band figures they share (see [`render_share`]),
/// collected in memory (tests, small sites). `read` gives the role pages an index names.
pub async fn render_site(
    sources: Sources,
    today: Option<Date>,
    read: ReadFile<'_>,
) -> Vec<SiteFile> {
    render_outcome(outcome_of(sources), today, read).await
}

/// [`render_share`] for a data folder's sources, as read from disk.
pub async fn render_sources(
    sources: Sources,
    today: Option<Date>,
    read: ReadFile<'_>,
    share: Share,
    sink: Sink<'_>,
) -> Result<PagesWritten, SiteError> {
    render_share(outcome_of(sources), today, read, share, sink).await
}

/// The sources assembled into the load the wasm resolves once its data is in.
fn outcome_of(sources: Sources) -> Outcome {
    let (dataset, problems) = sources.assemble();
    let published = Rc::new(Published {
        sources: Rc::new(sources),
        dataset: Rc::new(dataset),
        problems,
    });
    resolve(Ok(published), None)
}

/// [`render_site`] for a load already resolved (a test may shape its dataset, e.g. add levels).
pub async fn render_outcome(
    outcome: Outcome,
    today: Option<Date>,
    read: ReadFile<'_>,
) -> Vec<SiteFile> {
    let mut files = Vec::new();
    let mut keep = |file: SiteFile| -> Result<(), SiteError> {
        files.push(file);
        Ok(())
    };
    // Collecting cannot fail.
    let _ = render_share(outcome, today, read, Share::ALL, &mut keep).await;
    files
}

/// Where each rendered file goes as soon as it is made (to disk, for a site of thousands of pages).
pub type Sink<'a> = &'a mut dyn FnMut(SiteFile) -> Result<(), SiteError>;

/// One worker's part of the site, so workers share the work without sharing state: the `part`-th of
/// `parts` runs of the pages (in their fixed order, grouped by band), and of the other files those whose
/// position is `part` modulo `parts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub part: usize,
    pub parts: usize,
}

impl Share {
    /// Every file, for one worker.
    pub const ALL: Share = Share { part: 0, parts: 1 };

    fn takes(self, position: usize) -> bool {
        position % self.parts.max(1) == self.part
    }

    /// This share's run of `len` items: contiguous, so pages at one grade stay together.
    fn run(self, len: usize) -> std::ops::Range<usize> {
        let parts = self.parts.max(1);
        (len * self.part / parts)..(len * (self.part + 1) / parts)
    }
}

/// Renders this share of the site for a resolved load and hands each file to `sink`: the pages (the
/// directory, each role, each level of a role with several), the band figures (`figures`: one file per
/// grade and per role with its own midpoint, not one per page) and the figures index widgets read.
/// Returns the pages and files it made.
pub async fn render_share(
    outcome: Outcome,
    today: Option<Date>,
    read: ReadFile<'_>,
    share: Share,
    sink: Sink<'_>,
) -> Result<PagesWritten, SiteError> {
    let base =
        Rc::new(State::from_query(&ViewQuery::default(), Surface::Page)).reduce(Action::Loaded {
            outcome: Box::new(outcome),
            today,
        });
    let mut written = PagesWritten { pages: 0, files: 0 };
    let Some(dataset) = base.dataset.clone() else {
        return Ok(written);
    };
    let plans = page_plans(&dataset);
    for plan in plans.get(share.run(plans.len())).unwrap_or_default() {
        let mut state = base
            .clone()
            .reduce(Action::FromQuery(Box::new(plan.query.clone())));
        // The role's page, then its family overview's when it has one (each asked for once, so this ends).
        while let Some((id, file)) = state.wanted_page() {
            let page = RolePage::read(&file, read(&file), &dataset);
            state = state.reduce(Action::PageLoaded(id, Rc::new(page)));
        }
        sink(render_page(&state, &dataset, plan).await)?;
        written.pages += 1;
        written.files += 1;
    }
    let figures = figures::plans(&dataset);
    for (position, plan) in figures.iter().enumerate() {
        if share.takes(position) {
            sink(SiteFile {
                path: format!("{DATA_FOLDER}{}", plan.file),
                contents: figures::contents(&dataset, plan, base.today),
            })?;
            written.files += 1;
        }
    }
    if share.takes(figures.len()) {
        sink(SiteFile {
            path: format!("{DATA_FOLDER}{}", pages::FIGURES_INDEX),
            contents: widget_index(&base, &dataset),
        })?;
        written.files += 1;
    }
    Ok(written)
}

/// The site's data folder, under its root.
const DATA_FOLDER: &str = "data/";

/// Every page of the site, in a fixed order: the directory, then each role and, for a role with several
/// levels, each level, grouped by the band they show (their figures file), so a worker draws pages with the
/// same every-location table one after another and the table's rows are made once for them.
fn page_plans(dataset: &Dataset) -> Vec<PagePlan> {
    let mut plans = vec![(
        String::new(),
        PagePlan {
            folder: String::new(),
            query: ViewQuery::default(),
        },
    )];
    for entry in &dataset.index.roles {
        let band = |grade: Option<u8>| {
            grade.map_or_else(String::new, |grade| pages::figures_file(Some(entry), grade))
        };
        plans.push((
            band(entry.own_grade()),
            PagePlan {
                folder: pages::role_page(&entry.id),
                query: role_query(&entry.id, None),
            },
        ));
        if entry.levels.len() > 1 {
            for level in &entry.levels {
                plans.push((
                    band(level.grade),
                    PagePlan {
                        folder: pages::level_page(&entry.id, &level.slug),
                        query: role_query(&entry.id, Some(&level.slug)),
                    },
                ));
            }
        }
    }
    plans.sort_by(|(a, _), (b, _)| a.cmp(b));
    plans.into_iter().map(|(_, plan)| plan).collect()
}

/// The figures index: what the view model shows for each role and level a widget can name, before any
/// role page is fetched (as a widget's first band is).
fn widget_index(base: &Rc<State>, dataset: &Dataset) -> String {
    let mut entries = Vec::new();
    for entry in &dataset.index.roles {
        for key in figures::widget_keys(entry) {
            let state = base.clone().reduce(Action::FromQuery(Box::new(role_query(
                &entry.id,
                key.as_deref(),
            ))));
            // The grade and title the view shows; no band is worked out for them.
            if let (Some(grade), Some(shown)) = (state.current_grade(), state.current_entry()) {
                let level = state.current_level().map(|(_, level)| level);
                entries.push(figures::WidgetEntry {
                    role: entry.id.clone(),
                    title: job_title(Some(shown), level, grade),
                    file: pages::figures_file(Some(shown), grade),
                    level: key,
                    grade,
                });
            }
        }
    }
    let default_location = base.current_location().map(|location| location.id.as_str());
    figures::index(default_location, &entries)
}

fn role_query(id: &str, level: Option<&str>) -> ViewQuery {
    ViewQuery {
        role: Some(id.to_string()),
        level: level.map(str::to_string),
        ..ViewQuery::default()
    }
}

async fn render_page(state: &Rc<State>, dataset: &Shared<Dataset>, plan: &PagePlan) -> SiteFile {
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
    // A role page's band at every location, in the file it shares with every page at its grade.
    let figures = entry.zip(grade).map(|(entry, grade)| shell::Figures {
        file: format!(
            "{prefix}{DATA_FOLDER}{}",
            pages::figures_file(Some(entry), grade)
        ),
        role: &entry.id,
        level: state.selection.level.as_deref(),
        grade,
        default_location: state.current_location().map(|l| l.id.as_str()),
    });
    let page = shell::Page {
        title: &title,
        description: entry.map(|e| e.description.as_str()).unwrap_or(""),
        prefix: &prefix,
        role: entry.map(|e| e.id.as_str()),
        level: plan.query.level.as_deref(),
        data_files: &dataset_files(dataset, entry),
        json_ld: json_ld.as_deref(),
        figures,
        directory: &levels,
        body: &body,
    };
    SiteFile {
        path: format!("{}index.html", plan.folder),
        contents: shell::html(&page),
    }
}

/// The data files the app fetches first, and the role's own page, preloaded so they do not wait for the code.
fn dataset_files(dataset: &Dataset, entry: Option<&IndexEntry>) -> Vec<String> {
    let (mut files, _) = dataset.manifest.files();
    files.insert(0, MANIFEST.to_string());
    files.extend(entry.map(|entry| entry.file.clone()));
    files
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
