//! Every grade's titles and band at one location: an SVG chart for the eye, a table for screen readers.

use yew::prelude::*;

use crate::band::Band;
use crate::figures_text::fixed;
use crate::ui::format::money;
use crate::ui::markup::{cell, column_heading};
use crate::view::Overlap;

/// One grade's row: its titles and, when it could be computed, its band.
#[derive(Clone, PartialEq)]
pub struct LadderRow {
    pub grade: u8,
    pub manager_titles: Vec<String>,
    pub ic_titles: Vec<String>,
    pub band: Option<Band>,
    /// How far this band overlaps the next grade's, from the core (`view::overlaps`).
    pub overlap: Option<Overlap>,
}

#[derive(Properties, PartialEq)]
pub struct GradeLadderProps {
    pub rows: Vec<LadderRow>,
    pub highlight: Option<u8>,
    pub place: AttrValue,
    pub on_select: Callback<u8>,
}

/// The table's column headings.
const COLUMNS: [&str; 7] = [
    "Grade",
    "Manager titles",
    "Individual contributor titles",
    "Minimum",
    "Midpoint",
    "Maximum",
    "Overlap with the next grade",
];

const ROW_HEIGHT: f64 = 26.0;
const LABEL_WIDTH: f64 = 70.0;
const CHART_WIDTH: f64 = 640.0;

#[function_component]
pub fn GradeLadder(props: &GradeLadderProps) -> Html {
    let top = props
        .rows
        .iter()
        .filter_map(|row| row.band.as_ref().map(|band| band.max))
        .fold(0.0_f64, f64::max);
    let scale = |amount: f64| {
        if top > 0.0 {
            LABEL_WIDTH + amount / top * (CHART_WIDTH - LABEL_WIDTH - 8.0)
        } else {
            LABEL_WIDTH
        }
    };
    let height = ROW_HEIGHT * props.rows.len() as f64 + 4.0;
    let bars = props.rows.iter().enumerate().map(|(index, row)| {
        let y = index as f64 * ROW_HEIGHT + 4.0;
        let highlighted = props.highlight == Some(row.grade);
        let class = classes!("pg-ladder-bar", highlighted.then_some("pg-ladder-current"));
        let bar = row.band.as_ref().map(|band| {
            let (x0, x1, xm) = (scale(band.min), scale(band.max), scale(band.mid));
            html! {
                <>
                    <rect x={fixed(x0, 1)} y={fixed(y + 3.0, 1)} width={fixed((x1 - x0).max(1.0), 1)}
                        height={fixed(ROW_HEIGHT - 10.0, 1)} rx="3" />
                    <line class="pg-ladder-mid" x1={fixed(xm, 1)} x2={fixed(xm, 1)}
                        y1={fixed(y + 1.0, 1)} y2={fixed(y + ROW_HEIGHT - 5.0, 1)} />
                </>
            }
        });
        html! {
            <g {class}>
                <text x="4" y={fixed(y + ROW_HEIGHT / 2.0 + 1.0, 1)}>{ format!("Grade {}", row.grade) }</text>
                { for bar }
            </g>
        }
    });
    let table_rows = props.rows.iter().map(|row| {
        let highlighted = props.highlight == Some(row.grade);
        let on_select = props.on_select.clone();
        let grade = row.grade;
        let band_cells = match &row.band {
            Some(band) => html! {
                <>
                    { cell(money(band.min, &band.currency)) }
                    { cell(money(band.mid, &band.currency)) }
                    { cell(money(band.max, &band.currency)) }
                </>
            },
            None => html! { <td colspan="3">{ "No band" }</td> },
        };
        html! {
            <tr class={classes!(highlighted.then_some("pg-ladder-current"))} aria-current={highlighted.then_some("true")}>
                <th scope="row">
                    <button type="button" class="pg-link-button" aria-pressed={highlighted.to_string()}
                        onclick={move |_| on_select.emit(grade)}>{ format!("Grade {grade}") }</button>
                </th>
                { cell(join_or_dash(&row.manager_titles)) }
                { cell(join_or_dash(&row.ic_titles)) }
                { band_cells }
                <td class="pg-overlap" data-overlap={row.overlap.as_ref().map(|o| fixed(o.fraction, 4))}>
                    { match (&row.overlap, &row.band) {
                        (Some(overlap), Some(band)) => format!("{} into grade {} ({}% of this band)",
                            money(overlap.amount, &band.currency), overlap.upper, fixed(overlap.fraction * 100.0, 0)),
                        _ => "—".to_string(),
                    } }
                </td>
            </tr>
        }
    });
    html! {
        <div class="pg-ladder">
            <svg class="pg-ladder-chart" viewBox={format!("0 0 {} {}", fixed(CHART_WIDTH, 0), fixed(height, 0))} role="img"
                aria-label={format!("Bands of every grade in {}; the table below has the same figures.", props.place)}>
                { for bars }
            </svg>
            <div class="pg-table-scroll">
                <table class="pg-table">
                    <caption>{ format!("Every grade in {}", props.place) }</caption>
                    <thead>
                        <tr>{ for COLUMNS.into_iter().map(column_heading) }</tr>
                    </thead>
                    <tbody>{ for table_rows }</tbody>
                </table>
            </div>
        </div>
    }
}

fn join_or_dash(titles: &[String]) -> String {
    if titles.is_empty() {
        "—".to_string()
    } else {
        titles.join(", ")
    }
}
