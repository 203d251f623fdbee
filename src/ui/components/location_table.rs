//! The chosen grade's band at every location: sortable, filtered as you type, paged so 10,000 rows stay smooth.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use yew::prelude::*;

use crate::band::CurrencyChoice;
use crate::figures_text::fixed;
use crate::model::{Dataset, Date, Location};
use crate::table::{ad_label, filtered, rows_for, sorted, to_csv, Column, Sort, TableRow};
use crate::transparency::Verdict;
use crate::ui::browser::download;
use crate::ui::format::{count, money};
use crate::ui::markup::{cell, checkbox, column_heading};
use crate::ui::state::Shared;
use crate::view::{own_midpoint_at, report_link};

/// Rows on one page: enough to scan, few enough that each keystroke renders at once.
pub const PAGE_SIZE: usize = 50;

#[derive(Properties, PartialEq)]
pub struct LocationTableProps {
    pub dataset: Shared<Dataset>,
    /// The role on screen (its id), whose own midpoint the rows follow where it applies.
    #[prop_or_default]
    pub role: Option<AttrValue>,
    pub grade: u8,
    pub currency: CurrencyChoice,
    pub today: Option<Date>,
    /// The date the ads would go out, for the laws column.
    #[prop_or_default]
    pub posted: Option<Date>,
    pub sort: Sort,
    pub filter: AttrValue,
    pub hiring_only: bool,
    pub page: usize,
    pub on_sort: Callback<Sort>,
    pub on_filter: Callback<String>,
    pub on_hiring_only: Callback<bool>,
    pub on_page: Callback<usize>,
}

/// "no rule" → "No rule": the core's label as a table cell starts a sentence.
fn first_upper(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// The place a row stands for, as a report link names it (no lookup among 10,000 locations per row).
fn row_place(row: &TableRow) -> Location {
    Location {
        id: row.id.clone(),
        country: row.country.clone(),
        area: row.area.clone(),
        factor: row.factor,
        currency: None,
        zone: None,
        hiring: row.hiring,
        line: row.line,
    }
}

/// What a table's rows depend on: the data (by identity), the role only where its own midpoint applies at
/// this grade (any other role's rows are the grade's), the grade, currency, today and posting date.
#[derive(Clone, PartialEq)]
struct RowsKey {
    data: usize,
    own: Option<String>,
    grade: u8,
    currency: CurrencyChoice,
    today: Option<Date>,
    posted: Option<Date>,
}

/// The last rows and sorted order made on this thread.
struct LastRows {
    key: RowsKey,
    data: Weak<Dataset>,
    rows: Rc<Vec<TableRow>>,
    sort: Sort,
    order: Rc<Vec<usize>>,
}

thread_local! {
    /// Shared by every table on the thread, one entry, so memory holds one table as a per-table memo did:
    /// the pre-renderer draws the same grade's table on many pages in a row (it renders pages grouped by
    /// grade), and a table remounted with the same view does not compute again. The data is held weakly, so
    /// a freed dataset's address cannot match a new one.
    static LAST_ROWS: RefCell<Option<LastRows>> = const { RefCell::new(None) };
}

/// The table's rows and their order for `props`, from the last ones made when the view is the same.
fn shared_rows(props: &LocationTableProps) -> (Rc<Vec<TableRow>>, Rc<Vec<usize>>) {
    let dataset = &props.dataset.0;
    let entry = props.role.as_deref().and_then(|id| dataset.index.find(id));
    let key = RowsKey {
        data: Rc::as_ptr(dataset) as usize,
        own: entry
            .filter(|entry| own_midpoint_at(entry, props.grade).is_some())
            .map(|entry| entry.id.clone()),
        grade: props.grade,
        currency: props.currency.clone(),
        today: props.today,
        posted: props.posted,
    };
    LAST_ROWS.with(|last| {
        let mut last = last.borrow_mut();
        let same_data = |held: &LastRows| {
            held.key == key
                && held
                    .data
                    .upgrade()
                    .is_some_and(|held| Rc::ptr_eq(&held, dataset))
        };
        match last.as_mut() {
            Some(held) if same_data(held) => {
                if held.sort != props.sort {
                    held.order = Rc::new(sorted(&held.rows, props.sort));
                    held.sort = props.sort;
                }
                (held.rows.clone(), held.order.clone())
            }
            _ => {
                let rows = Rc::new(rows_for(
                    dataset,
                    entry,
                    props.grade,
                    &props.currency,
                    props.today,
                    props.posted,
                ));
                let order = Rc::new(sorted(&rows, props.sort));
                *last = Some(LastRows {
                    key,
                    data: Rc::downgrade(dataset),
                    rows: rows.clone(),
                    sort: props.sort,
                    order: order.clone(),
                });
                (rows, order)
            }
        }
    })
}

#[function_component]
pub fn LocationTable(props: &LocationTableProps) -> Html {
    // Bands are computed once per data, grade and currency; sorting once per sort; a keystroke only filters.
    let (rows, order) = shared_rows(props);
    let shown = filtered(&rows, &order, &props.filter, props.hiring_only);
    let pages = shown.len().div_ceil(PAGE_SIZE).max(1);
    let page = props.page.min(pages - 1);
    let start = page * PAGE_SIZE;
    let visible = shown
        .iter()
        .skip(start)
        .take(PAGE_SIZE)
        .filter_map(|&i| rows.get(i));

    let header = Column::ALL.into_iter().map(|column| {
        let active = props.sort.column == column;
        let next = Sort {
            column,
            descending: active && !props.sort.descending,
        };
        let aria_sort = match (active, props.sort.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        let on_sort = props.on_sort.clone();
        html! {
            <th scope="col" aria-sort={aria_sort}>
                <button type="button" class="pg-sort" onclick={move |_| on_sort.emit(next)}>
                    { column.heading() }
                    <span aria-hidden="true">{ match aria_sort { "ascending" => " ▲", "descending" => " ▼", _ => "" } }</span>
                </button>
            </th>
        }
    });
    // Only visible rows look their place up for a report link, so a keystroke stays cheap.
    let reports = props.dataset.manifest.feedback_url.is_some();
    let body = visible.map(|row| {
        let figures = match &row.band {
            Ok(f) => html! {
                <>
                    { cell(money(f.min, f.currency())) }
                    { cell(money(f.mid, f.currency())) }
                    { cell(money(f.max, f.currency())) }
                </>
            },
            Err(why) => html! { <td colspan="3">{ why.clone() }</td> },
        };
        html! {
            <tr key={row.id.clone()}>
                { cell(row.country.clone()) }
                { cell(row.area.clone()) }
                { figures }
                { cell(fixed(row.factor, 2)) }
                { cell(row.zone.clone()) }
                { cell(if row.hiring { "Yes" } else { "No" }) }
                <td class={classes!("pg-ad-cell", match row.ad.verdict {
                    Some(Verdict::Breaks) => Some("pg-breaks"),
                    Some(Verdict::CannotTell) => Some("pg-cannot-tell"),
                    _ => None,
                })}>
                    { first_upper(ad_label(&row.ad)) }
                    if !row.ad.rule_names.is_empty() {
                        <span class="pg-ad-note">{ format!(" ({}) {}", row.ad.rule_names.join("; "),
                            if row.ad.problem.is_empty() { format!("Needs {}.", row.ad.needs) } else { row.ad.problem.clone() }) }</span>
                    }
                </td>
                if reports {
                    <td>
                        if let Some(link) = report_link(&props.dataset, &row_place(row), Some(props.grade)) {
                            <a href={link} rel="noopener noreferrer" aria-label={format!("Report the figures for {}", row.area)}>{ "Report" }</a>
                        }
                    </td>
                }
            </tr>
        }
    });

    let oninput = {
        let on_filter = props.on_filter.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            on_filter.emit(input.value());
        })
    };
    let export = {
        let (rows, shown, grade) = (rows.clone(), shown.clone(), props.grade);
        Callback::from(move |_| {
            download(
                &format!("paygrade-grade-{grade}.csv"),
                "text/csv;charset=utf-8",
                &to_csv(&rows, &shown),
            )
        })
    };
    let pager = |label: &str, target: Option<usize>| {
        let on_page = props.on_page.clone();
        html! {
            <button type="button" class="pg-button" disabled={target.is_none()}
                onclick={move |_| if let Some(p) = target { on_page.emit(p) }}>{ label.to_string() }</button>
        }
    };
    let first_shown = if shown.is_empty() { 0 } else { start + 1 };
    let last_shown = (start + PAGE_SIZE).min(shown.len());
    html! {
        <div class="pg-locations">
            <div class="pg-table-tools">
                <div class="pg-filter">
                    <label class="pg-label" for="pg-table-filter">{ "Filter by country, area or zone" }</label>
                    <input id="pg-table-filter" class="pg-input" type="search" autocomplete="off"
                        value={props.filter.clone()} {oninput} />
                </div>
                { checkbox(" Hiring locations only", props.hiring_only, &props.on_hiring_only) }
                <button type="button" class="pg-button" onclick={export}>{ "Download CSV" }</button>
            </div>
            <p class="pg-row-count" role="status">
                { format!("{} of {} locations", count(shown.len()), count(rows.len())) }
                if pages > 1 { { format!(" · showing {}–{}", count(first_shown), count(last_shown)) } }
            </p>
            <div class="pg-table-scroll">
                <table class="pg-table">
                    <caption class="pg-visually-hidden">{ format!("Grade {} at every location", props.grade) }</caption>
                    <thead><tr>{ for header }
                        if reports { { column_heading("Report a figure") } }
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            if pages > 1 {
                <nav class="pg-pager" aria-label="Table pages">
                    { pager("Previous", page.checked_sub(1)) }
                    <span>{ format!("Page {} of {}", page + 1, pages) }</span>
                    { pager("Next", (page + 1 < pages).then_some(page + 1)) }
                </nav>
            }
        </div>
    }
}
