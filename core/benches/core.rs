//! Native timings for `cargo xtask bench`: parsing and validating a large locations table, and computing
//! every grade's band at every location. Prints one JSON object; the xtask reads it.

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
    let parse = time(runs, || {
        let (rows, errors) = parse_locations("locations.csv", &table);
        assert!(errors.is_empty(), "{errors:?}");
        rows.len()
    });

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
        "{{\"rows\": {}, \"grades\": {}, \"parse_validate_10k_ms\": {}, \"every_band_ms\": {}}}",
        dataset.locations.len(),
        dataset.grades.len(),
        parse,
        every_band
    );
}

/// Median, min and max of `runs` timings in milliseconds, as a JSON object.
fn time(runs: usize, mut work: impl FnMut() -> usize) -> String {
    let mut samples: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(work());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    let median = samples[samples.len() / 2];
    format!(
        "{{\"median\": {median:.3}, \"min\": {:.3}, \"max\": {:.3}, \"runs\": {}}}",
        samples[0],
        samples[samples.len() - 1],
        samples.len()
    )
}
