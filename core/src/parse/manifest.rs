//! `paygrade.json`: strict JSON (unknown or duplicate fields are errors), then policy checks.

use crate::model::{
    is_currency_code, CompaGroup, DataError, Date, JobAds, Manifest, Policy, Reference, Tables,
    DEFAULT_MAX_AGE_DAYS,
};
use crate::names::Names;

use super::json::{self, At, Fields, FirstError};
use super::{resolve_data_path, MANIFEST};

/// Reads the manifest; every problem is returned with its line and field path.
pub fn parse_manifest(file: &str, bytes: &[u8]) -> Result<Manifest, Vec<DataError>> {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(vec![DataError::file(file, "is empty")]);
    }
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(vec![DataError::file(
            file,
            "must be a JSON object: { \"organisation\": …, \"tables\": …, … }",
        )]);
    }
    let manifest = json::parse(file, bytes)
        .and_then(|value| {
            let first = FirstError::default();
            let manifest = read_manifest(&At::root(file, &value), &first);
            first.finish(manifest)
        })
        .map_err(|error| vec![error])?;
    let errors = check_policy(&manifest);
    if errors.is_empty() {
        Ok(manifest)
    } else {
        Err(errors)
    }
}

/// The manifest's fields as the file names them, with the defaults of those it may leave out; the first
/// problem is kept in `first` and the rest read on with defaults (see `FirstError`).
fn read_manifest(root: &At, first: &FirstError) -> Manifest {
    let fields = first.keep(root.fields(&[
        "organisation",
        "as_of",
        "reference",
        "tables",
        "roles",
        "index",
        "policy",
        "notice",
        "feedback_url",
        "job_ads",
    ]));
    let as_of = fields.required("as_of").and_then(|at| at.date());
    Manifest {
        organisation: first.keep(fields.string("organisation")),
        as_of: as_of.unwrap_or_else(|error| {
            first.keep::<()>(Err(error));
            Date {
                year: 0,
                month: 1,
                day: 1,
            }
        }),
        reference: read_reference(&fields, first),
        tables: read_tables(&fields, first),
        roles: fields
            .get("roles")
            .map_or(Vec::new(), |roles| first.keep(roles.strings())),
        index: first.keep(fields.optional_string("index")),
        policy: read_policy(&fields, first),
        notice: first.keep(fields.optional_string("notice")),
        feedback_url: first.keep(fields.optional_string("feedback_url")),
        job_ads: fields
            .get("job_ads")
            .map_or_else(JobAds::default, |job_ads| read_job_ads(&job_ads, first)),
        file: root.file().to_string(),
    }
}

/// The fields of the object `name` in `parent`, which must be given.
fn object<'v, 'a>(
    parent: &Fields<'v, 'a>,
    name: &str,
    known: &[&str],
    first: &FirstError,
) -> Fields<'v, 'a> {
    first.keep(parent.required(name).and_then(|at| at.fields(known)))
}

fn read_reference(manifest: &Fields, first: &FirstError) -> Reference {
    let reference = object(manifest, "reference", &["market", "currency"], first);
    Reference {
        market: first.keep(reference.string("market")),
        currency: first.keep(reference.string("currency")),
    }
}

fn read_tables(manifest: &Fields, first: &FirstError) -> Tables {
    let tables = object(
        manifest,
        "tables",
        &[
            "grades",
            "locations",
            "currencies",
            "pay_rules",
            "equity",
            "benefits",
            "hiring",
            "payments",
        ],
        first,
    );
    let optional = |name| first.keep(tables.optional_string(name));
    Tables {
        grades: first.keep(tables.string("grades")),
        locations: first.keep(tables.string("locations")),
        currencies: first.keep(tables.string("currencies")),
        pay_rules: optional("pay_rules"),
        equity: optional("equity"),
        benefits: optional("benefits"),
        hiring: optional("hiring"),
        payments: optional("payments"),
    }
}

fn read_policy(manifest: &Fields, first: &FirstError) -> Policy {
    let policy = object(
        manifest,
        "policy",
        &[
            "rounding",
            "location_floor",
            "rate_max_age_days",
            "compa_groups",
            "move",
            "max_overlap",
            "require_grade",
        ],
        first,
    );
    Policy {
        rounding: first.keep(policy.number_or_zero("rounding")),
        location_floor: first.keep(policy.number_or_zero("location_floor")),
        rate_max_age_days: max_age_days(&policy, "rate_max_age_days", first),
        compa_groups: match policy.get("compa_groups") {
            Some(groups) => first
                .keep(groups.items())
                .iter()
                .map(|group| read_compa_group(group, first))
                .collect(),
            None => Vec::new(),
        },
        move_policy: first.keep(policy.optional_string("move")),
        max_overlap: first.keep(policy.optional_number("max_overlap")),
        require_grade: first.keep(policy.flag("require_grade")),
    }
}

fn read_compa_group(at: &At, first: &FirstError) -> CompaGroup {
    let group = first.keep(at.fields(&["name", "from", "to"]));
    let number = |name| first.keep(group.required(name).and_then(|at| at.number()));
    CompaGroup {
        name: first.keep(group.string("name")),
        from: number("from"),
        to: number("to"),
    }
}

fn read_job_ads(at: &At, first: &FirstError) -> JobAds {
    let ads = first.keep(at.fields(&[
        "benefits",
        "benefits_url",
        "hours_per_year",
        "rules_max_age_days",
        "rules_notice",
        "employees",
        "employees_in",
        "state_equity",
        "statements",
    ]));
    let employees_in = match ads.get("employees_in") {
        Some(counts) => first
            .keep(counts.entries())
            .into_iter()
            .map(|(place, count)| (place.to_string(), first.keep(count.whole(u32::MAX))))
            .collect(),
        None => Names::default(),
    };
    let statements = match ads.get("statements") {
        Some(texts) => first
            .keep(texts.entries())
            .into_iter()
            .map(|(word, text)| (word.to_string(), first.keep(text.string())))
            .collect(),
        None => Names::default(),
    };
    let optional = |name| first.keep(ads.optional_string(name));
    JobAds {
        benefits: optional("benefits"),
        benefits_url: optional("benefits_url"),
        hours_per_year: first.keep(ads.optional_number("hours_per_year")),
        rules_max_age_days: max_age_days(&ads, "rules_max_age_days", first),
        rules_notice: optional("rules_notice"),
        employees: first.keep(
            ads.optional("employees")
                .map(|count| count.whole(u32::MAX))
                .transpose(),
        ),
        employees_in,
        state_equity: first.keep(ads.flag("state_equity")),
        statements,
    }
}

fn max_age_days(fields: &Fields, name: &str, first: &FirstError) -> u32 {
    fields.get(name).map_or(DEFAULT_MAX_AGE_DAYS, |days| {
        first.keep(days.whole(u32::MAX))
    })
}

fn check_policy(manifest: &Manifest) -> Vec<DataError> {
    let file = manifest.file.as_str();
    let mut errors = Vec::new();
    let mut bad =
        |field: &str, message: String| errors.push(DataError::field(file, None, field, message));
    if !is_currency_code(&manifest.reference.currency) {
        bad(
            "reference.currency",
            format!(
                "\"{}\" is not a currency code (three upper-case letters)",
                manifest.reference.currency
            ),
        );
    }
    let policy = &manifest.policy;
    if !policy.rounding.is_finite() || policy.rounding < 0.0 {
        bad(
            "policy.rounding",
            format!(
                "{} must be zero (no rounding) or a positive number",
                crate::format::in_message(policy.rounding)
            ),
        );
    }
    if !policy.location_floor.is_finite() || policy.location_floor < 0.0 {
        bad(
            "policy.location_floor",
            format!(
                "{} must not be negative",
                crate::format::in_message(policy.location_floor)
            ),
        );
    }
    for (index, group) in policy.compa_groups.iter().enumerate() {
        let field = format!("policy.compa_groups[{index}]");
        if !(group.from.is_finite()
            && group.to.is_finite()
            && group.from >= 0.0
            && group.from < group.to)
        {
            bad(
                &field,
                format!(
                    "\"{}\" must have 0 ≤ from < to (got {} to {})",
                    group.name,
                    crate::format::in_message(group.from),
                    crate::format::in_message(group.to)
                ),
            );
        }
    }
    errors.extend(check_job_ads(manifest));
    errors.extend(check_rewards_policy(manifest));
    if let Some(url) = &manifest.feedback_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            errors.push(DataError::field(
                &manifest.file,
                None,
                "feedback_url",
                format!("\"{url}\" must be an http or https address"),
            ));
        }
    }
    errors
}

/// The move policy must be a known word; the overlap limit a fraction.
fn check_rewards_policy(manifest: &Manifest) -> Vec<DataError> {
    let policy = &manifest.policy;
    let mut errors = Vec::new();
    if let Some(word) = policy.move_policy.as_deref() {
        if crate::model::MovePolicy::from_word(word).is_none() {
            errors.push(DataError::field(
                &manifest.file,
                None,
                "policy.move",
                format!("\"{word}\" must be one of keep-position, never-lower, clamp-to-band"),
            ));
        }
    }
    if let Some(limit) = policy.max_overlap {
        if !(0.0..=1.0).contains(&limit) {
            errors.push(DataError::field(
                &manifest.file,
                None,
                "policy.max_overlap",
                format!(
                    "{} must be a fraction from 0 to 1 of the lower band's width",
                    crate::format::in_message(limit)
                ),
            ));
        }
    }
    errors
}

/// The job-ad facts: the benefits link must be a web address, statements must name content words.
fn check_job_ads(manifest: &Manifest) -> Vec<DataError> {
    let file = manifest.file.as_str();
    let ads = &manifest.job_ads;
    let mut errors = Vec::new();
    if ads.hours_per_year.is_some() {
        errors.push(
            DataError::field(
                file,
                None,
                "job_ads.hours_per_year",
                "is no longer used: no law in paygrade's rules asks for an hourly figure beside the annual one (the EU Directive's does not bind employers); remove it",
            )
            .warning(),
        );
    }
    if let Some(url) = &ads.benefits_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            errors.push(DataError::field(
                file,
                None,
                "job_ads.benefits_url",
                format!("\"{url}\" must be an http or https address"),
            ));
        }
    }
    for key in ads.statements.keys() {
        if crate::model::Content::from_word(key).is_none() {
            let words: Vec<&str> = crate::model::Content::ALL
                .iter()
                .map(|c| c.word())
                .collect();
            errors.push(DataError::field(
                file,
                None,
                &format!("job_ads.statements.{key}"),
                format!(
                    "\"{key}\" is not a content word; use one of {}",
                    words.join(", ")
                ),
            ));
        }
    }
    if ads
        .benefits
        .as_deref()
        .is_some_and(|text| text.trim().is_empty())
    {
        errors.push(DataError::field(
            file,
            None,
            "job_ads.benefits",
            "is empty; leave it out instead",
        ));
    }
    errors
}

impl crate::model::Tables {
    /// Every table the manifest names, as written: the three required ones, then the optional ones it
    /// gives (the folder's own rules, equity, benefits, ways to hire, payments).
    pub fn paths(&self) -> Vec<&String> {
        [&self.grades, &self.locations, &self.currencies]
            .into_iter()
            .chain(
                [
                    &self.pay_rules,
                    &self.equity,
                    &self.benefits,
                    &self.hiring,
                    &self.payments,
                ]
                .into_iter()
                .flatten(),
            )
            .collect()
    }
}

impl Manifest {
    /// Every file the page fetches up front, resolved: the three tables, then the index when there is one,
    /// else every role page named one by one (folders of pages are found only through the index), no
    /// duplicates. The UI fetches these, then calls `Dataset::assemble`.
    pub fn files(&self) -> (Vec<String>, Vec<DataError>) {
        let mut resolved = Vec::new();
        let mut errors = Vec::new();
        let pages = self
            .roles
            .iter()
            .filter(|path| self.index.is_none() && !path.ends_with('/'));
        for path in self
            .tables
            .paths()
            .into_iter()
            .chain(self.index.iter())
            .chain(pages)
        {
            match resolve_data_path(&self.file, path) {
                Ok(file) => resolved.push(file),
                Err(error) => errors.push(error),
            }
        }
        // The first of equal paths is kept: found with the one sort, so a manifest naming thousands of
        // pages is not searched once per page.
        let first = crate::order::first_equal(resolved.len(), &|a, b| {
            resolved.get(a).cmp(&resolved.get(b))
        });
        let files = resolved
            .into_iter()
            .enumerate()
            .filter(|(at, _)| first.get(*at) == Some(at))
            .map(|(_, file)| file)
            .collect();
        (files, errors)
    }

    /// The pages `roles` names one by one, resolved (folders are left out: only a native caller can list
    /// them). A native caller reads these with `files()` to have every page at once.
    pub fn named_pages(&self) -> Vec<String> {
        self.roles
            .iter()
            .filter(|path| !path.ends_with('/'))
            .filter_map(|path| resolve_data_path(&self.file, path).ok())
            .collect()
    }

    /// Which resolved paths are job-family pages, with every manifest path resolved once: asked for each
    /// of a handbook's files, so it must not resolve the manifest's paths again per file.
    pub fn role_pages(&self) -> RolePages {
        let (others, _) = self.files();
        let mut named = Vec::new();
        let mut folders = Vec::new();
        for entry in &self.roles {
            if let Ok(resolved) = resolve_data_path(&self.file, entry) {
                if entry.ends_with('/') {
                    folders.push(resolved + "/");
                } else {
                    named.push((resolved, ()));
                }
            }
        }
        let named: Names<()> = named.into_iter().collect();
        // Tables, the index and the manifest are never pages, even inside a folder of pages.
        let not_pages: Names<()> = others
            .into_iter()
            .filter(|path| !named.contains_key(path))
            .chain([MANIFEST.to_string()])
            .map(|path| (path, ()))
            .collect();
        RolePages {
            named,
            folders,
            not_pages,
        }
    }
}

/// The job-family pages of a manifest, resolved: see `Manifest::role_pages`.
#[derive(Debug, Clone, Default)]
pub struct RolePages {
    named: Names<()>,
    /// Folder entries of `roles`, each ending in `/`.
    folders: Vec<String>,
    not_pages: Names<()>,
}

impl RolePages {
    /// Whether `path` (resolved) is named in `roles`, or lies inside a folder it names and is neither a
    /// table, the index, the manifest nor a dotted file or folder (`.DS_Store`, `.git/…`).
    pub fn contains(&self, path: &str) -> bool {
        self.named.contains_key(path)
            || (self
                .folders
                .iter()
                .any(|folder| path.starts_with(folder.as_str()))
                && !self.not_pages.contains_key(path)
                && !path.split('/').any(|segment| segment.starts_with('.')))
    }

    /// Whether `path` is named in `roles` one by one.
    pub fn is_named(&self, path: &str) -> bool {
        self.named.contains_key(path)
    }
}
