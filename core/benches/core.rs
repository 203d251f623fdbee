//! Native timings for `cargo xtask bench`: parsing and validating a large locations table (against the `csv`
//! crate reading the same bytes, the anchor its budget is a ratio to), and computing every grade's band at
//! every location. Prints one JSON object; the xtask reads it.

use std::path::Path;
use std::time::Instant;

use paygrade_core::band::{bands_for_grade_everywhere, CurrencyChoice};
use paygrade_core::parse::{load_dataset, parse_locations};

fn main() {
    let runs: usize = std::env::var("PAYGRADE_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    let folder = std::env::var("PAYGRADE_BENCH_DATA").unwrap_or_else(|_| "dist/bench-data".into());
    let folder = Path::new(&folder);
    let read = |name: &str| {
        std::fs::read(folder.join(name))
            .unwrap_or_else(|e| panic!("{}: {e}", folder.join(name).display()))
    };

    let table = read("locations.csv");
    // Paired with the anchor, run for run, so both see the same moment of a shared machine.
    let (parse, csv_records) = time_paired(
        runs,
        || {
            let (rows, errors) = parse_locations("locations.csv", &table);
            assert!(errors.is_empty(), "{errors:?}");
            rows.len()
        },
        || {
            // The anchor: the `csv` crate reading the same bytes into records, no validation.
            csv::Reader::from_reader(table.as_slice())
                .records()
                .map(|record| record.expect("the bench table is CSV").len())
                .sum::<usize>()
        },
    );

    let manifest = read("paygrade.json");
    let (dataset, errors) = load_dataset("paygrade.json", &manifest, &|path| Ok(read(path)));
    assert!(errors.is_empty(), "{errors:?}");
    let dataset = dataset.expect("the bench data loads");
    let every_band = time(runs, || {
        dataset
            .grades
            .iter()
            .map(|grade| {
                bands_for_grade_everywhere(
                    &dataset,
                    grade.grade,
                    None,
                    &CurrencyChoice::Local,
                    None,
                )
                .len()
            })
            .sum::<usize>()
    });

    println!(
        "{{\"rows\": {}, \"grades\": {}, \"parse_validate_10k_ms\": {}, \"csv_crate_10k_ms\": {}, \"every_band_ms\": {}}}",
        dataset.locations.len(),
        dataset.grades.len(),
        summary(parse),
        summary(csv_records),
        summary(every_band)
    );
}

/// `runs` timings of `work` in milliseconds.
fn time(runs: usize, mut work: impl FnMut() -> usize) -> Vec<f64> {
    (0..runs.max(1)).map(|_| once(&mut work)).collect()
}

/// `runs` timings of `work` and of `anchor`, alternating which goes first.
fn time_paired(
    runs: usize,
    mut work: impl FnMut() -> usize,
    mut anchor: impl FnMut() -> usize,
) -> (Vec<f64>, Vec<f64>) {
    (0..runs.max(1))
        .map(|run| {
            if run % 2 == 0 {
                let first = once(&mut work);
                (first, once(&mut anchor))
            } else {
                let first = once(&mut anchor);
                (once(&mut work), first)
            }
        })
        .unzip()
}

fn once(work: &mut impl FnMut() -> usize) -> f64 {
    let start = Instant::now();
    std::hint::black_box(work());
    start.elapsed().as_secs_f64() * 1000.0
}

/// Median, min and max of timings in milliseconds, as a JSON object.
fn summary(mut samples: Vec<f64>) -> String {
    samples.sort_by(f64::total_cmp);
    let median = samples[samples.len() / 2];
    format!(
        "{{\"median\": {median:.3}, \"min\": {:.3}, \"max\": {:.3}, \"runs\": {}}}",
        samples[0],
        samples[samples.len() - 1],
        samples.len()
    )
}
