//! Assembling a dataset from fetched files, and the cross-file checks no single parser can do.

use crate::model::{DataError, Dataset, Manifest, Role, RoleIndex};

use super::{
    parse_currencies, parse_grades, parse_index, parse_locations, parse_manifest, parse_role,
    resolve_data_path,
};

/// Fetched files by resolved path: the bytes, or why they could not be fetched.
pub type FetchedFiles = crate::names::Names<Result<Vec<u8>, String>>;

impl Dataset {
    /// Parses every table and role the manifest names from `files` (keys as returned by
    /// `Manifest::files`) and cross-validates them. Always returns a dataset: what could not be
    /// read is missing from it and explained in the errors (bad paths are reported by
    /// `Manifest::files`, not again here).
    pub fn assemble(manifest: Manifest, files: &FetchedFiles) -> (Dataset, Vec<DataError>) {
        let mut errors = Vec::new();
        let mut bytes_of = |path: &str| -> Option<(String, &[u8])> {
            // A bad path was already reported by `Manifest::files`.
            let resolved = resolve_data_path(&manifest.file, path).ok()?;
            match files.get(&resolved) {
                Some(Ok(bytes)) => Some((resolved, bytes.as_slice())),
                Some(Err(reason)) => {
                    errors.push(DataError::file(&resolved, reason.clone()));
                    None
                }
                None => {
                    errors.push(DataError::file(
                        &resolved,
                        "is named in the manifest but was not loaded",
                    ));
                    None
                }
            }
        };
        let grades_file = bytes_of(&manifest.tables.grades);
        let locations_file = bytes_of(&manifest.tables.locations);
        let currencies_file = bytes_of(&manifest.tables.currencies);
        let pay_rules_file = manifest.tables.pay_rules.as_deref().and_then(&mut bytes_of);
        let equity_file = manifest.tables.equity.as_deref().and_then(&mut bytes_of);
        let benefits_file = manifest.tables.benefits.as_deref().and_then(&mut bytes_of);
        let hiring_file = manifest.tables.hiring.as_deref().and_then(&mut bytes_of);
        let payments_file = manifest.tables.payments.as_deref().and_then(&mut bytes_of);
        let index_file = manifest.index.clone().and_then(|path| bytes_of(&path));
        // Pages named one by one must be there unless an index lists them (then the page fetches each
        // when it is opened); pages inside a named folder are whatever the caller read from it.
        let with_index = manifest.index.is_some();
        let mut role_files: Vec<(String, &[u8])> = manifest
            .roles
            .iter()
            .filter(|path| !path.ends_with('/'))
            .filter(|path| {
                !with_index
                    || resolve_data_path(&manifest.file, path)
                        .is_ok_and(|resolved| files.contains_key(&resolved))
            })
            .filter_map(|path| bytes_of(path))
            .collect();
        let pages = manifest.role_pages();
        for (path, fetched) in files {
            // Named pages were taken above, in manifest order.
            if let (Ok(bytes), false) = (fetched, pages.is_named(path)) {
                if pages.contains(path) {
                    role_files.push((path.clone(), bytes.as_slice()));
                }
            }
        }

        let (_, grades) = parse_table(grades_file, parse_grades, &mut errors);
        let (locations_name, locations) = parse_table(locations_file, parse_locations, &mut errors);
        let (_, currencies) = parse_table(currencies_file, parse_currencies, &mut errors);
        let (_, pay_rules) = parse_table(pay_rules_file, super::parse_pay_rules, &mut errors);
        let (_, equity) = parse_table(equity_file, super::parse_equity, &mut errors);
        let (_, benefits) = parse_table(benefits_file, super::parse_benefits, &mut errors);
        let (_, hiring) = parse_table(hiring_file, super::parse_hiring, &mut errors);
        let (_, payments) = parse_table(payments_file, super::parse_payments, &mut errors);

        // Every page parsed into `roles` (sized once), what each page reported beside it.
        let mut roles: Vec<crate::model::Role> = Vec::with_capacity(role_files.len());
        let mut pages: Vec<(String, Vec<DataError>, Option<usize>)> = Vec::new();
        for (name, bytes) in role_files {
            match parse_role(&name, bytes) {
                Ok((role, warnings)) => {
                    pages.push((name, warnings, Some(roles.len())));
                    roles.push(role);
                }
                Err(problems) => pages.push((name, problems, None)),
            }
        }
        // Of pages with one id, the first read is kept: found with the one sort, not a map by id.
        let first = crate::order::first_equal(roles.len(), &|a, b| {
            let id = |at: usize| roles.get(at).map(|role| role.id.as_str());
            id(a).cmp(&id(b))
        });
        for (name, problems, role_at) in pages {
            errors.extend(problems);
            let Some(at) = role_at else { continue };
            let first_at = first.get(at).copied().unwrap_or(at);
            if let (true, Some(role), Some(kept)) =
                (first_at != at, roles.get(at), roles.get(first_at))
            {
                errors.push(DataError::field(
                    &name,
                    None,
                    "id",
                    format!(
                        "its id \"{}\" (from its path) is already used by {}; page skipped",
                        role.id, kept.file
                    ),
                ));
            }
        }
        let mut at = 0;
        roles.retain(|_| {
            let keep = first.get(at).is_none_or(|&first_at| first_at == at);
            at += 1;
            keep
        });
        if manifest.index.is_none() {
            errors.extend(unlisted_folders(&manifest, &roles));
        }

        let index = match index_file {
            Some((name, bytes)) => match parse_index(&name, bytes) {
                Ok(index) => {
                    let made = RoleIndex::from_roles(&roles);
                    // Only a caller that read every page too (the CLI, a reader's whole folder) can tell.
                    if read_every_page(&manifest, &roles, files) && index != made {
                        errors.push(DataError::file(
                            &name,
                            "is out of date: it does not list the pages as they are; run `paygrade index` on the data folder",
                        ));
                    }
                    with_pages(index, made)
                }
                Err(problems) => {
                    errors.extend(problems);
                    RoleIndex::from_roles(&roles)
                }
            },
            None => RoleIndex::from_roles(&roles),
        };

        // A leaf with no hiring process, career ladder or indicators of its own shows its family overview's.
        let overviews: crate::names::Names<crate::model::Role> = roles
            .iter()
            .filter(|role| role.is_overview_page())
            .map(|role| (role.id.clone(), role.clone()))
            .collect();
        for role in &mut roles {
            let family = role
                .id
                .rsplit_once('/')
                .map(|(folder, _)| folder.to_string());
            if let Some(overview) = family.as_deref().and_then(|family| overviews.get(family)) {
                role.inherit_from(overview);
            }
        }
        let dataset = Dataset {
            manifest,
            grades,
            locations,
            currencies,
            roles,
            index,
            pay_rules,
            equity,
            benefits,
            hiring,
            payments,
        };
        errors.extend(cross_check(&dataset, &locations_name));
        (dataset, errors)
    }
}

/// Whether every page the manifest names was read: each named page, and at least one page per folder.
fn read_every_page(manifest: &Manifest, roles: &[Role], files: &FetchedFiles) -> bool {
    manifest.roles.iter().all(|entry| {
        let Ok(resolved) = resolve_data_path(&manifest.file, entry) else {
            return true;
        };
        if entry.ends_with('/') {
            let folder = format!("{resolved}/");
            roles.iter().any(|role| role.file.starts_with(&folder))
        } else {
            matches!(files.get(&resolved), Some(Ok(_)))
        }
    })
}

/// The index file's entries, plus the pages it does not list (a reader's own page added to the published
/// data), sorted by id.
fn with_pages(mut index: RoleIndex, made: RoleIndex) -> RoleIndex {
    let mut listed: Vec<&str> = index.roles.iter().map(|entry| entry.id.as_str()).collect();
    crate::order::sort_by(&mut listed, |a, b| a.cmp(b));
    let unlisted: Vec<_> = made
        .roles
        .into_iter()
        .filter(|entry| listed.binary_search(&entry.id.as_str()).is_err())
        .collect();
    index.roles.extend(unlisted);
    crate::order::sort_by(&mut index.roles, |a, b| a.id.cmp(&b.id));
    index
}

/// A folder of pages with no index and no page read from it: a static host cannot list a folder.
fn unlisted_folders(manifest: &Manifest, roles: &[Role]) -> Vec<DataError> {
    manifest
        .roles
        .iter()
        .filter(|entry| entry.ends_with('/'))
        .filter(|entry| {
            let folder = entry.trim_end_matches('/').trim_start_matches("./");
            !roles.iter().any(|role| role.file.starts_with(&format!("{folder}/")))
        })
        .map(|entry| {
            DataError::field(
                &manifest.file,
                None,
                "roles",
                format!(
                    "names the folder \"{entry}\", but no page was read from it; a web page cannot list a folder, \
                     so run `paygrade index` on the data folder and name the index in \"index\""
                ),
            )
        })
        .collect()
}

/// A table parser such as `parse_grades`.
type TableParser<T> = fn(&str, &[u8]) -> (Vec<T>, Vec<DataError>);

/// Parses one table if it was fetched; its problems join `errors`.
fn parse_table<T>(
    file: Option<(String, &[u8])>,
    parse: TableParser<T>,
    errors: &mut Vec<DataError>,
) -> (String, Vec<T>) {
    match file {
        Some((name, bytes)) => {
            let (rows, problems) = parse(&name, bytes);
            errors.extend(problems);
            (name, rows)
        }
        None => (String::new(), Vec::new()),
    }
}

/// Checks across files: every currency has a rate, every role a known grade.
fn cross_check(data: &Dataset, locations_file: &str) -> Vec<DataError> {
    let mut errors = Vec::new();
    let reference = &data.manifest.reference.currency;
    let rates_loaded = !data.currencies.is_empty();
    if rates_loaded && data.rate(reference).is_none() {
        errors.push(DataError::field(
            &data.manifest.file,
            None,
            "reference.currency",
            format!(
                "{reference} has no rate in {}",
                data.manifest.tables.currencies
            ),
        ));
    }
    if rates_loaded {
        for location in &data.locations {
            if let Some(code) = &location.currency {
                if data.rate(code).is_none() {
                    errors.push(DataError::field(
                        locations_file,
                        Some(location.line),
                        "currency",
                        format!(
                            "{code} has no rate in {}; bands here can only be shown in {reference}",
                            data.manifest.tables.currencies
                        ),
                    ));
                }
            }
        }
    }
    for role in &data.roles {
        errors.extend(data.role_problems(role));
    }
    errors.extend(ladder_problems(data));
    errors
}

/// A promotion must never pay less: each grade's midpoint above the next lower grade's (an error naming
/// both lines), and adjacent bands overlapping no more than `policy.max_overlap` of the lower band's width
/// (a warning), both at the reference market where the table's figures are.
fn ladder_problems(data: &Dataset) -> Vec<DataError> {
    let file = &data.manifest.tables.grades;
    let mut grades: Vec<&crate::model::Grade> = data.grades.iter().collect();
    crate::order::sort_by_key(&mut grades, |grade| grade.grade);
    let mut problems = Vec::new();
    for pair in grades.windows(2) {
        let [lower, upper] = pair else { continue };
        if upper.midpoint <= lower.midpoint {
            problems.push(DataError::field(
                file,
                Some(upper.line),
                "midpoint",
                format!(
                    "grade {}'s midpoint {} is not above grade {}'s {} (line {}): a promotion would not pay more",
                    upper.grade,
                    crate::format::amount(upper.midpoint),
                    lower.grade,
                    crate::format::amount(lower.midpoint),
                    lower.line
                ),
            ));
            continue;
        }
        let lower_max = lower.midpoint * (1.0 + lower.spread / 2.0);
        let lower_min = lower.midpoint * (1.0 - lower.spread / 2.0);
        let upper_min = upper.midpoint * (1.0 - upper.spread / 2.0);
        let width = lower_max - lower_min;
        if let (Some(limit), true) = (data.manifest.policy.max_overlap, width > 0.0) {
            let fraction = (lower_max - upper_min) / width;
            if fraction > limit + 1e-9 {
                problems.push(
                    DataError::field(
                        file,
                        Some(upper.line),
                        "midpoint",
                        format!(
                            "grade {}'s band overlaps grade {}'s by {}% of its width, more than policy.max_overlap ({}%)",
                            upper.grade,
                            lower.grade,
                            crate::format::amount((fraction * 1000.0).round() / 10.0),
                            crate::format::amount(limit * 100.0)
                        ),
                    )
                    .warning(),
                );
            }
        }
    }
    problems
}

impl Dataset {
    /// What is wrong with a role against the tables: no grade, or a level's grade the grade table lacks.
    /// Called for every page parsed with the data, and for a page the UI fetches on its own.
    pub fn role_problems(&self, role: &Role) -> Vec<DataError> {
        let grades_file = &self.manifest.tables.grades;
        // A family's overview states no grade of its own: its leaves do.
        if role.is_overview_page() && self.index.is_overview(&role.id) {
            return Vec::new();
        }
        if role.levels.is_empty() && role.grade.is_none() {
            // Executive pages often publish no grade, and no one can "fix" that: a warning, listed as
            // "no published grade", unless the manifest asks for every page to have one.
            let problem = DataError::field(
                &role.file,
                None,
                "grade",
                "the page gives no job grade (front matter \"grade\", a Job Grade section saying \"grade N\", or a level with its grade); it is listed with no published grade",
            );
            return vec![if self.manifest.policy.require_grade {
                problem
            } else {
                problem.warning()
            }];
        }
        let mut grades: Vec<(Option<usize>, u8)> = role
            .levels
            .iter()
            .filter_map(|level| {
                level
                    .grade
                    .map(|grade| ((level.line > 0).then_some(level.line), grade))
            })
            .collect();
        if grades.is_empty() {
            grades.extend(role.grade.map(|grade| (None, grade)));
        }
        if self.grades.is_empty() {
            return Vec::new();
        }
        grades
            .into_iter()
            .filter(|(_, grade)| self.grade(*grade).is_none())
            .map(|(line, grade)| {
                DataError::field(
                    &role.file,
                    line,
                    "grade",
                    format!("grade {grade} is not in {grades_file}"),
                )
            })
            .collect()
    }
}

/// One-call loading for native tests and benches: parse the manifest, fetch each file it names (every
/// named page too, even with an index) with `fetch` (a path relative to the data folder), assemble.
/// The shipped sample data (`data/` at the repository root) with the maintained rules, read from disk and
/// checked: the one loader every test, bench and example shares. Panics with the problems when the shipped data has any, which is
/// what a test of it wants.
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::panic)]
pub fn shipped_dataset() -> Dataset {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/");
    let manifest = std::fs::read(format!("{root}paygrade.json")).unwrap_or_default();
    let (dataset, problems) = load_dataset("paygrade.json", &manifest, &|path| {
        std::fs::read(format!("{root}{path}")).map_err(|e| e.to_string())
    });
    let mut problems = problems;
    let mut dataset = dataset;
    if let Some(dataset) = dataset.as_mut() {
        problems.extend(super::with_maintained_rules(
            dataset,
            Ok(super::MAINTAINED_RULES_CSV.as_bytes()),
        ));
    }
    match dataset {
        Some(dataset) if problems.is_empty() => dataset,
        _ => panic!("the shipped data in {root} has problems: {problems:?}"),
    }
}

pub fn load_dataset(
    manifest_file: &str,
    manifest_bytes: &[u8],
    fetch: &dyn Fn(&str) -> Result<Vec<u8>, String>,
) -> (Option<Dataset>, Vec<DataError>) {
    let manifest = match parse_manifest(manifest_file, manifest_bytes) {
        Ok(manifest) => manifest,
        Err(errors) => return (None, errors),
    };
    let (mut paths, mut errors) = manifest.files();
    for page in manifest.named_pages() {
        if !paths.contains(&page) {
            paths.push(page);
        }
    }
    let files: FetchedFiles = paths
        .into_iter()
        .map(|path| {
            let fetched = fetch(&path);
            (path, fetched)
        })
        .collect();
    let (dataset, more) = Dataset::assemble(manifest, &files);
    errors.extend(more);
    (Some(dataset), errors)
}
