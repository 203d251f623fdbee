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

/// The budgets `--check` enforces. The first-load byte budget (150 KB gzip) is gone: the pre-rendered page
/// shows the band before any code arrives, so what counts is how soon the band shows against a static copy.
const ROLE_PAGE_RATIO_MAX: f64 = 1.3;
const DEEP_LINK_RATIO_MAX: f64 = 2.0;
const INTERACTION_P95_MAX_MS: f64 = 16.0;
const NATIVE_PARSE_10K_MAX_MS: f64 = 10.0;
const MEMORY_10K_MAX_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

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
        "location_change_ms": browser["location_change_ms"],
        "keystroke_filter_10k_ms": browser["keystroke_filter_10k_ms"],
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
            "location change to band updated",
            &browser["location_change_ms"],
        ),
        (
            "keystroke to filtered list (10k rows)",
            &browser["keystroke_filter_10k_ms"],
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
            "mobile {label}: ratio app / static {:.2}; bytes on the wire before the first band: app {:.0}, static {:.0} (medians); wasm sent compressed: {}",
            number(&value["ratio"]),
            number(&value["app_bytes_before_band"]["median"]),
            number(&value["static_bytes_before_band"]["median"]),
            value["wasm_compressed"]
        );
    }
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
            "location change p95 (ms)",
            number(&browser["location_change_ms"]["p95"]),
            INTERACTION_P95_MAX_MS,
        ),
        (
            "keystroke p95 (ms)",
            number(&browser["keystroke_filter_10k_ms"]["p95"]),
            INTERACTION_P95_MAX_MS,
        ),
        (
            "native parse 10k median (ms)",
            number(&native["parse_validate_10k_ms"]["median"]),
            NATIVE_PARSE_10K_MAX_MS,
        ),
        (
            "memory with 10k rows (bytes)",
            number(&browser["memory_10k_bytes"]),
            MEMORY_10K_MAX_BYTES,
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
    if role_page["wasm_compressed"] != json!(true) || deep_link["wasm_compressed"] != json!(true) {
        println!("the bench server did not send the wasm compressed");
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
        "widgets 1 / 20: {} / {} data requests, {:.1} / {:.1} MB wasm memory",
        figures["widgets_1"]["data_requests"],
        figures["widgets_20"]["data_requests"],
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
