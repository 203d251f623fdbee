//! `cargo xtask bench [--check]`: what a first load costs, how fast the page is against its lower bound,
//! and the native core's timings; `--check` fails when a budget is missed.

use std::process::{Command, Stdio};

use serde_json::{json, Value};

use crate::build::{self, dist_dir};
use crate::serve::Background;
use crate::tools::{self, run};
use crate::{root, target_dir};

/// Rows in the synthetic locations table the large-data timings use.
const SYNTHETIC_ROWS: &str = "10000";

/// The budgets `--check` enforces. Timings are budgeted as ratios to an anchor measured in the same run (a
/// static copy of the page, plain JavaScript in the same page, the `csv` crate on the same file), so a slow
/// or busy machine slows both sides; the absolute figures stay in the report and bench.json. The first-load
/// byte budget (150 KB gzip) is gone: the pre-rendered page shows the band before any code arrives, so what
/// counts is how soon the band shows against a static copy.
const ROLE_PAGE_RATIO_MAX: f64 = 1.3;
const DEEP_LINK_RATIO_MAX: f64 = 2.0;
/// A link only the wasm can answer (its band waits for the code and the data), on the mobile profile,
/// against its static copy, medians of paired loads: 4.20 in the README's last round, 2.93 on this busy
/// machine (7 pairs) before the code and everything it reads were preloaded at once (issue 22). The limit is
/// the goal; the figures after the change are in the README.
const WASM_ONLY_RATIO_MAX: f64 = 3.5;
/// Keystroke to filtered list over 10,000 locations, p95, against the plain-JavaScript anchor filtering the
/// same file and rendering the same 50 rows in the same page, key for key. Five runs on this 2-core machine,
/// shared with two other builds, measured 3.3 to 7.0 (app p95 26 to 37 ms, anchor 5 to 11 ms); the limit is
/// about 1.7 times the worst: the noise of a busy machine does not fail it, a keystroke that costs a few
/// times today's does.
const KEYSTROKE_P95_RATIO_MAX: f64 = 12.0;
/// Location change to band updated, p95, against the anchor choosing the same place among the same
/// locations and rendering a 50-row table page, change for change. Five runs measured 4.6 to 14.6 (app p95
/// 21 to 26 ms, anchor 1.8 to 4.8 ms: the anchor is small, so its p95 moves most); the limit is about 1.7
/// times the worst.
const LOCATION_CHANGE_P95_RATIO_MAX: f64 = 25.0;
/// Native parse and validation of 10,000 location rows, median, against the `csv` crate reading the same
/// bytes into records (no validation), run for run. Three runs measured 8.8 to 10.4 (10.9 to 16.7 ms against
/// 1.2 to 1.6 ms); the limit is about 1.5 times the worst.
const NATIVE_PARSE_10K_RATIO_MAX: f64 = 15.0;
const MEMORY_10K_MAX_BYTES: f64 = 32.0 * 1024.0 * 1024.0;
/// The wasm as brotli: a ratchet, set about 2 KB above the last measured size (228,403 B) and lowered
/// whenever the wasm shrinks by a few KB, so growth shows in review instead of creeping in. Issue 22's
/// budget is 240,000.
const WASM_BROTLI_MAX_BYTES: f64 = 230_500.0;

pub fn run_bench(check: bool) -> Result<(), String> {
    let sizes = build::bundle()?;
    tools::ensure_browser()?;
    make_synthetic_data()?;

    eprintln!("== native timings (release)");
    let native = native_timings()?;
    eprintln!(
        "== browser timings (headless Chromium, cache disabled; cold loads on the mobile profile)"
    );
    let browser = browser_timings()?;
    eprintln!("== whole handbooks and widgets at scale");
    let handbook = crate::bench_handbook::run_handbook_bench()?;

    let part = |name: &str| sizes.rows.iter().find(|p| p.name == name);
    // What the page needs before it responds to the reader: the wasm, its glue and the page's scripts.
    let interactive: Vec<&build::Part> = ["wasm", "js glue", "page js"]
        .iter()
        .filter_map(|name| part(name))
        .collect();
    let code = json!({
        "raw": interactive.iter().map(|p| p.raw).sum::<u64>(),
        "gzip": interactive.iter().map(|p| p.gzip).sum::<u64>(),
        "brotli": interactive.iter().map(|p| p.brotli).sum::<u64>(),
    });
    let role_page = &browser["mobile_role_page"];
    let deep_link = &browser["mobile_deep_link"];
    let wasm_only = &browser["mobile_deep_link_wasm_only"];
    let report = json!({
        "machine": machine(),
        "parts": sizes.rows.iter().map(|p| json!({"part": p.name, "raw": p.raw, "gzip": p.gzip, "brotli": p.brotli})).collect::<Vec<_>>(),
        "code_for_interaction": code,
        "mobile_role_page": role_page,
        "mobile_deep_link": deep_link,
        "mobile_deep_link_wasm_only": wasm_only,
        "mobile_picker_responds_role_page_ms": browser["mobile_picker_responds_role_page_ms"],
        "mobile_picker_responds_wasm_only_ms": browser["mobile_picker_responds_wasm_only_ms"],
        "location_change": browser["location_change"],
        "keystroke_filter_10k": browser["keystroke_filter_10k"],
        "load_validate_10k_ms": browser["load_validate_10k_ms"],
        "memory_shipped_bytes": browser["memory_shipped_bytes"],
        "memory_10k_bytes": browser["memory_10k_bytes"],
        "native": native,
        "handbook": handbook,
    });
    let path = target_dir().join("bench.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&report).unwrap_or_default(),
    )
    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;

    println!();
    sizes.print();
    println!(
        "code for interaction (wasm, glue, page js): {} raw, {} gzip, {} brotli",
        code["raw"], code["gzip"], code["brotli"]
    );
    println!();
    println!(
        "{:<48} {:>9} {:>9} {:>9} {:>9}",
        "timing (ms)", "median", "p95", "min", "max"
    );
    for (label, value) in [
        ("mobile: role page, first band (app)", &role_page["app_ms"]),
        ("mobile: role page, static copy", &role_page["static_ms"]),
        ("mobile: deep link, first band (app)", &deep_link["app_ms"]),
        ("mobile: deep link, static copy", &deep_link["static_ms"]),
        (
            "mobile: link boot.js cannot fill (wasm's band)",
            &wasm_only["app_ms"],
        ),
        ("mobile: the same, static copy", &wasm_only["static_ms"]),
        (
            "mobile: role page, picker responds",
            &browser["mobile_picker_responds_role_page_ms"],
        ),
        (
            "mobile: link for the wasm, picker responds",
            &browser["mobile_picker_responds_wasm_only_ms"],
        ),
        (
            "location change to band updated",
            &browser["location_change"]["app"],
        ),
        (
            "  anchor: plain JS, same change",
            &browser["location_change"]["anchor"],
        ),
        (
            "keystroke to filtered list (10k rows)",
            &browser["keystroke_filter_10k"]["app"],
        ),
        (
            "  anchor: plain JS, same keystroke",
            &browser["keystroke_filter_10k"]["anchor"],
        ),
        (
            "load, validate, first band (10k rows)",
            &browser["load_validate_10k_ms"],
        ),
        (
            "native: parse and validate 10k rows",
            &native["parse_validate_10k_ms"],
        ),
        (
            "  anchor: csv crate reads the same rows",
            &native["csv_crate_10k_ms"],
        ),
        (
            "native: every grade at every location",
            &native["every_band_ms"],
        ),
    ] {
        println!(
            "{label:<48} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
            number(&value["median"]),
            number(&value["p95"]),
            number(&value["min"]),
            number(&value["max"])
        );
    }
    for (label, value) in [
        ("role page", role_page),
        ("deep link", deep_link),
        ("link for the wasm", wasm_only),
    ] {
        println!(
            "mobile {label}: ratio app / static {:.2}; bytes on the wire before the first band: app {:.0}, static {:.0} (medians); wasm sent compressed, once: {}",
            number(&value["ratio"]),
            number(&value["app_bytes_before_band"]["median"]),
            number(&value["static_bytes_before_band"]["median"]),
            value["wasm_compressed"]
        );
    }
    for (label, value) in [
        ("location change", &browser["location_change"]["ratio_p95"]),
        (
            "keystroke (10k rows)",
            &browser["keystroke_filter_10k"]["ratio_p95"],
        ),
    ] {
        println!(
            "{label}: p95 app / p95 plain-JS anchor {:.2}",
            number(value)
        );
    }
    println!(
        "native parse and validate / csv crate (medians): {:.2}",
        number(&native["parse_validate_10k_ms"]["median"])
            / number(&native["csv_crate_10k_ms"]["median"])
    );
    println!(
        "wasm memory after load: {:.1} MB shipped data, {:.1} MB with 10k rows",
        number(&browser["memory_shipped_bytes"]) / 1048576.0,
        number(&browser["memory_10k_bytes"]) / 1048576.0
    );
    print_handbook(&handbook);
    println!("written to {}", path.display());

    let mut budgets = vec![
        (
            "mobile role page ratio",
            number(&role_page["ratio"]),
            ROLE_PAGE_RATIO_MAX,
        ),
        (
            "mobile deep link ratio",
            number(&deep_link["ratio"]),
            DEEP_LINK_RATIO_MAX,
        ),
        (
            "mobile link for the wasm ratio",
            number(&wasm_only["ratio"]),
            WASM_ONLY_RATIO_MAX,
        ),
        (
            "location change p95 / anchor",
            number(&browser["location_change"]["ratio_p95"]),
            LOCATION_CHANGE_P95_RATIO_MAX,
        ),
        (
            "keystroke p95 / anchor",
            number(&browser["keystroke_filter_10k"]["ratio_p95"]),
            KEYSTROKE_P95_RATIO_MAX,
        ),
        (
            "native parse 10k median / csv",
            number(&native["parse_validate_10k_ms"]["median"])
                / number(&native["csv_crate_10k_ms"]["median"]),
            NATIVE_PARSE_10K_RATIO_MAX,
        ),
        (
            "memory with 10k rows (bytes)",
            number(&browser["memory_10k_bytes"]),
            MEMORY_10K_MAX_BYTES,
        ),
        (
            "wasm brotli (bytes)",
            part("wasm").map_or(f64::INFINITY, |p| p.brotli as f64),
            WASM_BROTLI_MAX_BYTES,
        ),
    ];
    budgets.extend(crate::bench_handbook::budgets(&handbook));
    println!();
    let mut missed = 0;
    for (name, value, max) in budgets {
        // NaN (a measurement that did not happen) is a miss, not a pass.
        let ok = value <= max;
        missed += usize::from(!ok);
        println!(
            "budget {name:<32} {value:>14.2} <= {max:<14.2} {}",
            if ok { "ok" } else { "MISSED" }
        );
    }
    if [role_page, deep_link, wasm_only]
        .iter()
        .any(|load| load["wasm_compressed"] != json!(true))
    {
        println!("the bench server did not send the wasm compressed, or the page fetched it twice");
        missed += 1;
    }
    if check && missed > 0 {
        return Err(format!("{missed} budget(s) missed"));
    }
    Ok(())
}

pub(crate) fn number(value: &Value) -> f64 {
    value.as_f64().unwrap_or(f64::NAN)
}

/// The whole-handbook and widget figures, in the same table shape as the rest.
fn print_handbook(figures: &Value) {
    println!();
    for (label, value) in [
        (
            "first band, role among 400 families",
            &figures["first_band_400_families_ms"],
        ),
        (
            "first band, role among 1 family",
            &figures["first_band_1_family_ms"],
        ),
        (
            "directory keystroke, 400 families",
            &figures["directory_keystroke_400_ms"],
        ),
        (
            "1 widget: every band",
            &figures["widgets_1"]["all_bands_ms"],
        ),
        (
            "20 widgets: every band",
            &figures["widgets_20"]["all_bands_ms"],
        ),
        (
            "native: paygrade check, 400 pages",
            &figures["paygrade_check_400_ms"],
        ),
        (
            "  anchor: sha256sum, the same files",
            &figures["sha256sum_400_ms"],
        ),
        (
            "mobile: widget's first band (build's figures)",
            &figures["mobile_widget_first_band_ms"],
        ),
        (
            "mobile: the level's own page, first band",
            &figures["mobile_standalone_first_band_ms"],
        ),
        (
            "mobile: widget's band from the wasm",
            &figures["mobile_widget_live_band_ms"],
        ),
    ] {
        println!(
            "{label:<44} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
            number(&value["median"]),
            number(&value["p95"]),
            number(&value["min"]),
            number(&value["max"])
        );
    }
    println!(
        "first band 400 / 1 families: {:.2}; data requests {} / {}",
        number(&figures["first_band_400_vs_1_ratio"]),
        figures["data_requests_400_families"],
        figures["data_requests_1_family"]
    );
    let site = &figures["paygrade_site_400"];
    println!(
        "paygrade site, 400 families x 10,000 locations: {:.1} s, peak memory {:.0} MB, {} pages, {} files, {:.0} MB written (compressed copies included); anchor {:.2} s (paygrade check + writing as many bytes), ratio {:.1}",
        number(&site["ms"]) / 1000.0,
        number(&site["peak_memory_bytes"]) / 1048576.0,
        site["pages"],
        site["files"],
        number(&site["bytes"]) / 1048576.0,
        number(&site["anchor_ms"]) / 1000.0,
        number(&site["ratio"])
    );
    println!(
        "widgets 1 / 20: {} / {} data requests, {} / {} figures files, {} repeated; {:.1} / {:.1} MB wasm memory",
        figures["widgets_1"]["data_requests"],
        figures["widgets_20"]["data_requests"],
        figures["widgets_1"]["figures_requests"],
        figures["widgets_20"]["figures_requests"],
        figures["widgets_20"]["repeated_requests"],
        number(&figures["widgets_1"]["memory_bytes"]) / 1048576.0,
        number(&figures["widgets_20"]["memory_bytes"]) / 1048576.0
    );
}

/// dist/bench-data: the shipped data with a synthetic 10,000-row locations table (generated, never committed).
fn make_synthetic_data() -> Result<(), String> {
    let folder = dist_dir().join("bench-data");
    let _ = std::fs::remove_dir_all(&folder);
    for file in build::files_under(&root().join("data")) {
        let relative = file
            .strip_prefix(root().join("data"))
            .map_err(|e| e.to_string())?;
        let target = folder.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::copy(&file, &target).map_err(|e| e.to_string())?;
    }
    run(Command::new("python3")
        .arg("scripts/gen_locations.py")
        .arg(folder.join("locations.csv"))
        .args(["--rows", SYNTHETIC_ROWS]))
}

fn native_timings() -> Result<Value, String> {
    let output = Command::new(env!("CARGO"))
        .args([
            "bench",
            "--quiet",
            "--package",
            "paygrade-core",
            "--bench",
            "core",
        ])
        .env("PAYGRADE_BENCH_DATA", dist_dir().join("bench-data"))
        .current_dir(root())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not run the native bench: {e}"))?;
    last_json_line(&output.stdout, "native bench")
}

fn browser_timings() -> Result<Value, String> {
    let server = Background::start()?;
    let output = Command::new("node")
        .arg("tests/bench/browser.mjs")
        .env("PAYGRADE_URL", format!("http://{}/", server.addr))
        .env("PAYGRADE_DIST", dist_dir())
        .current_dir(root())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not run the browser bench: {e}"))?;
    drop(server);
    last_json_line(&output.stdout, "browser bench")
}

pub(crate) fn last_json_line(stdout: &[u8], what: &str) -> Result<Value, String> {
    let text = String::from_utf8_lossy(stdout);
    let line = text
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with('{'))
        .ok_or_else(|| format!("the {what} printed no result:\n{text}"))?;
    serde_json::from_str(line).map_err(|e| format!("the {what} printed bad JSON ({e}): {line}"))
}

/// Where the figures came from: cores, memory and CPU model, read from /proc.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory_kb: u64 = std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    format!("{cores} cores, {} GiB, {model}", memory_kb / 1024 / 1024)
}
