//! `cargo xtask test`: every check and suite in order, then one `N passed, N failed` line over all of them.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::serve::Background;
use crate::tools::{self, run};
use crate::{build, root};

/// Counts over all suites; a check that fails without counting tests (fmt, clippy, a build) adds one failure.
#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    problems: Vec<String>,
}

impl Tally {
    fn check(&mut self, name: &str, result: Result<(), String>) {
        match result {
            Ok(()) => self.passed += 1,
            Err(e) => {
                self.failed += 1;
                self.problems.push(format!("{name}: {e}"));
            }
        }
    }

    fn suite(&mut self, name: &str, result: Result<Counts, String>) {
        match result {
            Ok(counts) => {
                self.passed += counts.passed;
                self.failed += counts.failed;
                if counts.failed > 0 {
                    self.problems
                        .push(format!("{name}: {} failed", counts.failed));
                }
                if counts.passed + counts.failed == 0 {
                    self.failed += 1;
                    self.problems.push(format!("{name}: ran no test"));
                }
            }
            Err(e) => {
                self.failed += 1;
                self.problems.push(format!("{name}: {e}"));
            }
        }
    }
}

#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
}

pub fn run_all() -> Result<(), String> {
    let mut tally = Tally::default();
    let cargo = || Command::new(env!("CARGO"));
    eprintln!("== cargo fmt --check");
    tally.check("fmt", run(cargo().args(["fmt", "--all", "--", "--check"])));
    eprintln!("== cargo clippy");
    tally.check(
        "clippy",
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])),
    );
    // The xtask's own tests build the Hugo shortcode's test site.
    if let Err(e) = tools::ensure_hugo() {
        tally.check("hugo", Err(e));
    }
    eprintln!("== native tests");
    tally.suite(
        "native tests",
        cargo_tests(cargo().args(["test", "--workspace"])),
    );

    eprintln!("== browser tests (wasm-bindgen-test in headless Chromium)");
    let browser_ready = tools::ensure_build_tools().and_then(|()| tools::ensure_browser());
    match browser_ready {
        Ok(()) => tally.suite(
            "browser tests",
            cargo_tests(
                cargo()
                    .args([
                        "test",
                        "--target",
                        "wasm32-unknown-unknown",
                        "--test",
                        "browser",
                    ])
                    .env("CHROMEDRIVER", tools::CHROMEDRIVER),
            ),
        ),
        Err(e) => tally.check("browser tests", Err(e)),
    }

    eprintln!("== end-to-end tests (Playwright on a fresh dist/)");
    tally.suite("end-to-end tests", end_to_end());

    for problem in &tally.problems {
        eprintln!("failed: {problem}");
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 {
        Ok(())
    } else {
        Err(format!("{} failed", tally.failed))
    }
}

/// Runs a cargo test command, echoing its output and adding up its `test result:` lines.
fn cargo_tests(cmd: &mut Command) -> Result<Counts, String> {
    let mut child = cmd
        .current_dir(root())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start cargo: {e}"))?;
    let mut counts = Counts::default();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(rest) = line.trim().strip_prefix("test result: ") {
                counts.passed += number_before(rest, " passed");
                counts.failed += number_before(rest, " failed");
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() && counts.failed == 0 {
        return Err(format!("cargo exited with {status} (a build error?)"));
    }
    Ok(counts)
}

/// In `ok. 12 passed; 0 failed; …`, the number in front of `label`.
fn number_before(text: &str, label: &str) -> u64 {
    text.split(';')
        .find_map(|part| {
            let part = part
                .trim()
                .trim_start_matches("ok.")
                .trim_start_matches("FAILED.");
            part.trim().strip_suffix(label)?.trim().parse().ok()
        })
        .unwrap_or(0)
}

/// `cargo xtask e2e [PLAYWRIGHT ARGS…]`: builds dist/ and runs only the end-to-end tests, e.g. one spec file
/// or `-g "directory"`, for working on one part of the page.
pub fn run_end_to_end(args: &[String]) -> Result<(), String> {
    let counts = end_to_end_with(args)?;
    println!("{} passed, {} failed", counts.passed, counts.failed);
    if counts.failed == 0 && counts.passed > 0 {
        Ok(())
    } else {
        Err(format!("{} failed", counts.failed.max(1)))
    }
}

fn end_to_end() -> Result<Counts, String> {
    end_to_end_with(&[])
}

fn end_to_end_with(args: &[String]) -> Result<Counts, String> {
    tools::ensure_browser()?;
    build::bundle()?.print();
    // The Hugo handbook that uses the shortcode, served beside paygrade's files (hugo.spec.mjs).
    crate::hugo::build_into_dist(&build::dist_dir())?;
    let server = Background::start()?;
    let report = crate::target_dir().join("playwright-report.json");
    let _ = std::fs::remove_file(&report);
    let status = Command::new(root().join("node_modules/.bin/playwright"))
        .args(["test", "--config", "tests/e2e/playwright.config.mjs"])
        .args(args)
        .env("PAYGRADE_URL", format!("http://{}/", server.addr))
        .env("PLAYWRIGHT_JSON_OUTPUT_FILE", &report)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .current_dir(root())
        .status()
        .map_err(|e| format!("could not start Playwright: {e}"))?;
    drop(server);
    let text = std::fs::read_to_string(&report)
        .map_err(|e| format!("Playwright wrote no report ({status}): {e}"))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("unreadable Playwright report: {e}"))?;
    let stat = |key: &str| json["stats"][key].as_u64().unwrap_or(0);
    let counts = Counts {
        passed: stat("expected") + stat("flaky"),
        failed: stat("unexpected"),
    };
    if !status.success() && counts.failed == 0 {
        return Err(format!("Playwright exited with {status}"));
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::number_before;

    #[test]
    fn reads_cargo_result_lines() {
        let line =
            "ok. 12 passed; 3 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(number_before(line, " passed"), 12);
        assert_eq!(number_before(line, " failed"), 3);
        assert_eq!(number_before("FAILED. 1 passed; 2 failed;", " failed"), 2);
    }
}
