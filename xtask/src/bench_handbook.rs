//! The whole-handbook and widget-scale part of `cargo xtask bench`: a generated handbook of 400 job families
//! (and one of a single family) with 10,000 locations, `paygrade check` over it, and the browser timings in
//! `tests/bench/handbook.mjs`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use serde_json::{json, Value};

use crate::bench::{last_json_line, number};
use crate::build::dist_dir;
use crate::root;
use crate::serve::Background;
use crate::tools::run;

/// `paygrade check` runs timed over the 400-family folder.
const CHECK_RUNS: usize = 15;

/// Budgets: the first band among 400 job families within this factor of among one; 20 widgets no more
/// requests than one and at most this factor of one widget's memory; `paygrade check` within this factor of
/// its anchor, `sha256sum` over the same files (a process started, the same bytes read and hashed), run for
/// run. Three sets of 15 runs on this busy 2-core machine measured 6.5 to 7.2 (136 to 173 ms against 19 to
/// 27 ms); the limit is about 1.7 times the worst. (The old budget was 500 ms, whatever the machine.)
pub const FIRST_BAND_400_RATIO_MAX: f64 = 1.5;
pub const WIDGETS_20_MEMORY_RATIO_MAX: f64 = 1.5;
pub const CHECK_400_RATIO_MAX: f64 = 12.0;

/// `paygrade site` on the 400-family, 10,000-location handbook (issue 22): its time as a multiple of an
/// anchor measured in the same run (`paygrade check` on the same folder plus writing as many bytes as the
/// site has to disk), so a slower machine moves both; its peak memory and its output, copies included, as
/// they are. Measured here: 163 (21.8 s against 0.13 s) on a quiet machine; the limit leaves room for the
/// anchor's noise (a tenth of a second) and stands for the target of about a minute (300 × 0.13 s).
pub const SITE_400_RATIO_MAX: f64 = 300.0;
pub const SITE_400_PEAK_MEMORY_MAX_BYTES: f64 = 500.0 * 1024.0 * 1024.0;
pub const SITE_400_BYTES_MAX: f64 = 300.0 * 1024.0 * 1024.0;

/// A widget's first band on the mobile profile (from the build's figures, before the wasm) within this
/// factor of the same level's pre-rendered page, measured in turns in the same run.
pub const WIDGET_FIRST_BAND_RATIO_MAX: f64 = 2.0;

/// Generates the folders, times `paygrade check`, runs the browser half; one JSON object of figures.
pub fn run_handbook_bench() -> Result<Value, String> {
    let many = dist_dir().join("bench-handbook");
    let one = dist_dir().join("bench-handbook-one");
    generate(&many, 400)?;
    generate(&one, 1)?;
    let check = time_check(&many)?;
    let site = time_site(&many, number(&check.0["median"]))?;
    let server = Background::start()?;
    let output = Command::new("node")
        .arg("tests/bench/handbook.mjs")
        .env("PAYGRADE_URL", format!("http://{}/", server.addr))
        .env("PAYGRADE_DIST", dist_dir())
        .env("PAYGRADE_BENCH_ROLE", middle_role(&many)?)
        .env("PAYGRADE_BENCH_ONE_ROLE", middle_role(&one)?)
        .current_dir(root())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not run the handbook bench: {e}"))?;
    drop(server);
    let mut browser = last_json_line(&output.stdout, "handbook bench")?;
    browser["paygrade_check_400_ms"] = check.0;
    browser["sha256sum_400_ms"] = check.1;
    browser["paygrade_site_400"] = site;
    Ok(browser)
}

/// The budgets this part adds, as (name, value, max).
pub fn budgets(figures: &Value) -> Vec<(&'static str, f64, f64)> {
    let widgets_1 = &figures["widgets_1"];
    let widgets_20 = &figures["widgets_20"];
    vec![
        (
            "first band, 400 families / 1",
            number(&figures["first_band_400_vs_1_ratio"]),
            FIRST_BAND_400_RATIO_MAX,
        ),
        (
            "20 widgets: data requests",
            number(&widgets_20["data_requests"]),
            number(&widgets_1["data_requests"]),
        ),
        (
            "20 widgets: a file fetched twice",
            number(&widgets_20["repeated_requests"]),
            0.0,
        ),
        (
            "20 widgets: memory / 1 widget",
            number(&widgets_20["memory_bytes"]) / number(&widgets_1["memory_bytes"]).max(1.0),
            WIDGETS_20_MEMORY_RATIO_MAX,
        ),
        (
            "paygrade check, 400 pages / hash",
            number(&figures["paygrade_check_400_ms"]["median"])
                / number(&figures["sha256sum_400_ms"]["median"]),
            CHECK_400_RATIO_MAX,
        ),
        (
            "mobile widget first band / its page",
            number(&figures["mobile_widget_vs_standalone_ratio"]),
            WIDGET_FIRST_BAND_RATIO_MAX,
        ),
        (
            "paygrade site, 400 x 10k: time / anchor",
            number(&figures["paygrade_site_400"]["ratio"]),
            SITE_400_RATIO_MAX,
        ),
        (
            "paygrade site, 400 x 10k: peak memory (bytes)",
            number(&figures["paygrade_site_400"]["peak_memory_bytes"]),
            SITE_400_PEAK_MEMORY_MAX_BYTES,
        ),
        (
            "paygrade site, 400 x 10k: bytes written",
            number(&figures["paygrade_site_400"]["bytes"]),
            SITE_400_BYTES_MAX,
        ),
    ]
}

/// `paygrade site` over the folder with the built app, as a handbook's CI runs it: wall time, peak memory
/// (the child's own, by `wait4`), pages and bytes written with their compressed copies, and the anchor.
fn time_site(folder: &Path, check_ms: f64) -> Result<Value, String> {
    let binary = crate::cargo_target_dir().join("release/paygrade");
    let out = crate::target_dir().join("bench-site");
    let _ = std::fs::remove_dir_all(&out);
    let start = Instant::now();
    let child = Command::new(&binary)
        .arg("site")
        .arg(folder)
        .arg("--app")
        .arg(dist_dir())
        .arg("--out")
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("could not run {}: {e}", binary.display()))?;
    let (code, peak_kb) = wait_with_peak_memory(&child)?;
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    if code != 0 {
        return Err(format!(
            "paygrade site failed on the generated handbook (exit {code})"
        ));
    }
    let files = crate::build::files_under(&out);
    let bytes: u64 = files
        .iter()
        .filter_map(|file| std::fs::metadata(file).ok())
        .map(|meta| meta.len())
        .sum();
    let pages = files.iter().filter(|f| f.ends_with("index.html")).count();
    let write_ms = time_writing(bytes)?;
    let anchor = check_ms + write_ms;
    let _ = std::fs::remove_dir_all(&out);
    Ok(json!({
        "ms": ms,
        "peak_memory_bytes": peak_kb * 1024,
        "bytes": bytes,
        "files": files.len(),
        "pages": pages,
        "anchor_ms": anchor,
        "anchor_write_ms": write_ms,
        "ratio": ms / anchor,
    }))
}

/// Waits for `child` and returns its exit code and its peak resident memory in KiB.
fn wait_with_peak_memory(child: &std::process::Child) -> Result<(i32, u64), String> {
    let pid = libc::pid_t::try_from(child.id()).map_err(|e| e.to_string())?;
    let mut status = 0;
    // SAFETY: `rusage` is plain data that wait4 fills; `pid` is our own child, not yet waited for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if waited != pid {
        return Err(format!(
            "could not wait for paygrade site: {}",
            std::io::Error::last_os_error()
        ));
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    Ok((code, u64::try_from(usage.ru_maxrss).unwrap_or(0)))
}

/// Milliseconds to write `bytes` to a file (as the site writes: no sync), then remove it.
fn time_writing(bytes: u64) -> Result<f64, String> {
    use std::io::Write;
    let path = crate::target_dir().join("bench-anchor.bin");
    let block = vec![0x5au8; 1 << 20];
    let start = Instant::now();
    let mut file = std::fs::File::create(&path).map_err(|e| e.to_string())?;
    let mut left = bytes;
    while left > 0 {
        let n = usize::try_from(left.min(block.len() as u64)).unwrap_or(block.len());
        file.write_all(&block[..n]).map_err(|e| e.to_string())?;
        left -= n as u64;
    }
    drop(file);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let _ = std::fs::remove_file(&path);
    Ok(ms)
}

/// A handbook folder of `families` job families and 10,000 locations, with its index.
fn generate(folder: &Path, families: usize) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(folder);
    run(Command::new("python3")
        .arg("scripts/gen_handbook.py")
        .arg(folder)
        .args(["--families", &families.to_string()])
        .current_dir(root()))?;
    run(paygrade(&["index"]).arg(folder))
}

/// The `paygrade` command as a handbook's CI would install it: a release build.
fn paygrade(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO"));
    command
        .args([
            "run",
            "--quiet",
            "--release",
            "--package",
            "paygrade-cli",
            "--bin",
            "paygrade",
            "--",
        ])
        .args(args)
        .current_dir(root());
    command
}

/// Median, min and max of `paygrade check` over the folder, from process start to exit, and of its anchor
/// (`sha256sum` over every file in the folder) timed the same way, just before each run of it.
fn time_check(folder: &Path) -> Result<(Value, Value), String> {
    // The first run builds the command; it is not timed.
    run(paygrade(&["check"]).arg(folder).stdout(Stdio::null()))?;
    let binary = crate::cargo_target_dir().join("release/paygrade");
    let files = crate::build::files_under(folder);
    let mut times = Vec::new();
    let mut anchor = Vec::new();
    for _ in 0..CHECK_RUNS {
        let start = Instant::now();
        let hashed = Command::new("sha256sum")
            .args(&files)
            .stdout(Stdio::null())
            .status()
            .map_err(|e| format!("could not run sha256sum: {e}"))?;
        if !hashed.success() {
            return Err(format!(
                "sha256sum could not read the generated handbook ({hashed})"
            ));
        }
        anchor.push(start.elapsed().as_secs_f64() * 1000.0);
        let start = Instant::now();
        let status = Command::new(&binary)
            .arg("check")
            .arg(folder)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| format!("could not run {}: {e}", binary.display()))?;
        if !status.success() {
            return Err(format!(
                "paygrade check found errors in the generated handbook ({status})"
            ));
        }
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    Ok((summary(times), summary(anchor)))
}

fn summary(mut times: Vec<f64>) -> Value {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| {
        times
            .get(((times.len() as f64 * q) as usize).min(times.len() - 1))
            .copied()
    };
    json!({ "median": at(0.5), "p95": at(0.95), "min": at(0.0), "max": at(1.0), "runs": times.len() })
}

/// A role from the middle of the folder's index, so the bench opens neither the first nor the last.
fn middle_role(folder: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(folder.join("index.json"))
        .map_err(|e| format!("cannot read the generated index: {e}"))?;
    let index: Value =
        serde_json::from_str(&text).map_err(|e| format!("bad generated index: {e}"))?;
    let roles = index["roles"].as_array().cloned().unwrap_or_default();
    roles
        .get(roles.len() / 2)
        .and_then(|role| role["id"].as_str())
        .map(str::to_string)
        .ok_or_else(|| "the generated index lists no role".to_string())
}
