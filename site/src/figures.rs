//! The build's band figures, written once for the whole site: one file per grade (and per role whose own
//! midpoint applies at a grade) with that band at every location, in local and reference currency, and an
//! index from role and level to job title, grade and file. `boot.js` (a deep link on a pre-rendered page)
//! and `widget.js` (a widget before the wasm) read them; every figure is the core's.

use serde_json::{json, Map, Value};

use paygrade::band::{Band, CurrencyChoice};
use paygrade::model::{Dataset, Date, IndexEntry};
use paygrade::view::{contract, own_midpoint_at, pages, role_bands_everywhere};

/// One figures file: a grade's band everywhere, or a role's where its own midpoint applies.
#[derive(Debug, Clone, PartialEq)]
pub struct FiguresPlan {
    /// Relative to the data folder (`figures/grade-12.json`), from `view::pages::figures_file`.
    pub file: String,
    /// The role whose own midpoint the figures use; `None` for a grade's own.
    pub role: Option<String>,
    pub grade: u8,
}

/// Every distinct figures file of a dataset, in a stable order: each grade of `grades.csv`, then each role's
/// own at the grade its midpoint is set for.
pub fn plans(dataset: &Dataset) -> Vec<FiguresPlan> {
    let grades = dataset.grades.iter().map(|grade| FiguresPlan {
        file: pages::figures_file(None, grade.grade),
        role: None,
        grade: grade.grade,
    });
    let own = dataset.index.roles.iter().filter_map(|entry| {
        let grade = entry.own_grade()?;
        own_midpoint_at(entry, grade)?;
        Some(FiguresPlan {
            file: pages::figures_file(Some(entry), grade),
            role: Some(entry.id.clone()),
            grade,
        })
    });
    grades.chain(own).collect()
}

/// `{ grade, fields, title, sentence, no_variable, selectors, locations: { id: { name, local: [min, mid, max,
/// currency, variable, total], reference: [...] } } }`: the band at every location (`reference` left out where
/// the local currency is the reference one), with the strings the scripts fill them into (`view::contract`),
/// so a band reads the same before and after the wasm.
pub fn contents(dataset: &Dataset, plan: &FiguresPlan, today: Option<Date>) -> String {
    let entry = plan.role.as_deref().and_then(|id| dataset.index.find(id));
    let everywhere = |currency| role_bands_everywhere(dataset, entry, plan.grade, &currency, today);
    let local = everywhere(CurrencyChoice::Local);
    let reference = everywhere(CurrencyChoice::Reference);
    let mut locations = Map::new();
    for ((location, (_, local)), (_, reference)) in
        dataset.locations.iter().zip(local).zip(reference)
    {
        if let (Ok(local), Ok(reference)) = (local, reference) {
            let mut figures = Map::new();
            figures.insert("name".into(), json!(location.name()));
            figures.insert("local".into(), row(&local));
            if local.currency != reference.currency {
                figures.insert("reference".into(), row(&reference));
            }
            locations.insert(location.id.clone(), Value::Object(figures));
        }
    }
    json!({
        "grade": plan.grade,
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
    .to_string()
}

/// What a widget for a role (and level) shows before the wasm: the level's job title, its grade and its
/// figures file, as the view model decides them for that role and level.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetEntry {
    pub role: String,
    /// The level's slug, `None` for the role without one (the view's default level).
    pub level: Option<String>,
    pub title: String,
    pub grade: u8,
    /// Its figures file, from `view::pages::figures_file`.
    pub file: String,
}

/// `{ default_location, widget, roles: { id: { "": { title, grade, file }, "<level slug>": {...} } } }`, paths
/// relative to the data folder; `widget` holds the names `widget.js` needs to read a widget's options and
/// lay out its stand-in, from the constants the wasm and the components use.
pub fn index(default_location: Option<&str>, entries: &[WidgetEntry]) -> String {
    let mut roles = Map::new();
    for entry in entries {
        let levels = roles
            .entry(entry.role.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(levels) = levels {
            levels.insert(
                entry.level.clone().unwrap_or_default(),
                json!({
                    "title": entry.title,
                    "grade": entry.grade,
                    "file": entry.file,
                }),
            );
        }
    }
    json!({ "default_location": default_location, "widget": widget_contract(), "roles": roles })
        .to_string()
}

/// What `widget.js` reads a widget's options by and lays its stand-in out with.
fn widget_contract() -> Value {
    use paygrade::ui::mount;
    json!({
        "selector": mount::WIDGET_SELECTOR,
        "element": mount::WIDGET_ELEMENT,
        "element_role": mount::ELEMENT_ROLE,
        "attribute_prefix": mount::ATTRIBUTE_PREFIX,
        "standin": contract::STANDIN_ATTRIBUTE,
        "classes": {
            "root": contract::WIDGET_ROOT_CLASS,
            "compact": contract::COMPACT_CLASSES,
            "title": contract::COMPACT_TITLE_CLASS,
            "picker": contract::PICKER_CLASS,
            "label": contract::LABEL_CLASS,
            "input": contract::INPUT_CLASS,
            "band": contract::BAND_CLASS,
            "min": contract::FIGURE_MIN_CLASS,
            "mid": contract::FIGURE_MID_CLASS,
            "max": contract::FIGURE_MAX_CLASS,
            "variable": contract::VARIABLE_CLASS,
            "total": contract::TOTAL_CASH_CLASS,
            "announcement": contract::ANNOUNCEMENT_CLASS,
            "figures": contract::FIGURES_CLASS,
            "figure": contract::FIGURE_CLASS,
            "extras": contract::EXTRAS_CLASS,
            "extra": contract::EXTRA_CLASS,
            "visually_hidden": contract::VISUALLY_HIDDEN_CLASS,
        },
        "labels": {
            "figures": contract::FIGURE_LABELS,
            "variable": contract::VARIABLE_LABEL,
            "total": contract::TOTAL_CASH_LABEL,
            "location": contract::LOCATION_LABEL,
            "grade": contract::COMPACT_GRADE,
        },
    })
}

/// The roles and levels a widget can name: each role without a level, and each of its levels by slug and
/// by position from 1 (`level="2"`), the keys `IndexEntry::level_by_key` takes.
pub fn widget_keys(entry: &IndexEntry) -> Vec<Option<String>> {
    let levels = entry
        .levels
        .iter()
        .enumerate()
        .flat_map(|(position, level)| [Some(level.slug.clone()), Some((position + 1).to_string())]);
    std::iter::once(None).chain(levels).collect()
}

/// A band's figures in `contract::BAND_FIELDS` order.
fn row(band: &Band) -> Value {
    json!([
        figure(band.min),
        figure(band.mid),
        figure(band.max),
        band.currency,
        band.variable.map(figure),
        figure(band.total_target_cash)
    ])
}

/// A figure as JSON: whole amounts (all of them, after rounding) without a `.0`, so the files stay small and
/// the scripts write the same `data-min` text as Rust's `f64` display does.
fn figure(amount: f64) -> Value {
    if amount.fract() == 0.0 && amount.abs() < 9.0e15 {
        json!(amount as i64)
    } else {
        json!(amount)
    }
}
