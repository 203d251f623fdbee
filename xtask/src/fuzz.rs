//! `cargo xtask fuzz [--seconds N] [TARGET...]`: runs every cargo-fuzz target in `fuzz/` (or the
//! ones named) for N seconds each, one after another, and reports executions and findings. Not
//! part of `cargo xtask test`.
//!
//! cargo-fuzz needs a nightly compiler for its sanitizer flags. We use rustup's `nightly` when it
//! is installed or can be installed; otherwise the stable compiler with `RUSTC_BOOTSTRAP=1` (for
//! this build only), which accepts the same `-Z` flags.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::root;
use crate::tools::run;

/// The targets in `fuzz/fuzz_targets/`, each with the corpus folders that seed it.
const TARGETS: &[(&str, &[&str])] = &[
    (
        "csv_tables",
        &[
            "tests/corpus/grades",
            "tests/corpus/locations",
            "tests/corpus/currencies",
            "tests/fixtures/pay-rules",
            "data",
        ],
    ),
    (
        "manifest",
        &["tests/corpus/manifest", "tests/corpus/dataset", "data"],
    ),
    ("role_markdown", &["tests/corpus/role", "data/roles"]),
    ("url_state", &[]),
];

/// Release build with overflow checks and debug assertions on, and no sanitizer: the crate has no
/// `unsafe`, so AddressSanitizer would find nothing safe Rust does not already check, at about a
/// tenth of the speed. `build` and `run` take the same flags so `run` reuses the build.
const BUILD_FLAGS: &[&str] = &["-O", "--debug-assertions", "--sanitizer", "none"];

/// Queries a link may carry, as seeds for `url_state`.
const URL_SEEDS: &[&str] = &[
    "?role=vp-strategy-developer-relations&grade=12&location=united-kingdom/london-england",
    "?currency=reference&compare=germany/berlin,japan/tokyo&offer=250000&data=team%20data/",
    "?sort=max-desc&filter=united&hiring=yes&page=2&role=a+b&offer=%zz&grade=%E2%82%AC",
    "data=//evil.example/&data=javascript:alert(1)&data=..%2F..%2F",
];

/// How the sanitizer build gets its nightly features.
enum Toolchain {
    Nightly,
    Bootstrap,
}

impl Toolchain {
    fn cargo(&self) -> Command {
        let mut cmd = Command::new("cargo");
        match self {
            Toolchain::Nightly => {
                cmd.arg("+nightly");
            }
            Toolchain::Bootstrap => {
                cmd.env("RUSTC_BOOTSTRAP", "1");
            }
        }
        cmd.current_dir(root());
        cmd
    }
}

/// What one target did.
struct Report {
    target: &'static str,
    executions: Option<u64>,
    findings: Vec<PathBuf>,
    status: String,
}

pub fn run_fuzz(args: &[String]) -> Result<(), String> {
    let (seconds, named) = match args {
        [flag, value, named @ ..] if flag == "--seconds" => (
            value
                .parse::<u64>()
                .map_err(|_| format!("--seconds takes a whole number, not {value:?}"))?,
            named,
        ),
        named => (60, named),
    };
    if let Some(unknown) = named
        .iter()
        .find(|name| !TARGETS.iter().any(|(target, _)| target == name))
    {
        return Err(format!(
            "no fuzz target {unknown:?}; usage: cargo xtask fuzz [--seconds N] [TARGET...]"
        ));
    }
    let toolchain = ensure_toolchain()?;
    ensure_cargo_fuzz(&toolchain)?;
    eprintln!(
        "xtask: building the fuzz targets (cargo fuzz build {})",
        BUILD_FLAGS.join(" ")
    );
    run(toolchain.cargo().args(["fuzz", "build"]).args(BUILD_FLAGS))?;

    let logs = crate::target_dir().join("fuzz");
    std::fs::create_dir_all(&logs).map_err(|e| format!("cannot create {}: {e}", logs.display()))?;
    let mut reports = Vec::new();
    let chosen = TARGETS
        .iter()
        .filter(|(target, _)| named.is_empty() || named.iter().any(|name| name == target));
    for (target, seeds) in chosen {
        let corpus = root().join("fuzz/corpus").join(target);
        seed_corpus(target, seeds, &corpus)?;
        let artifacts = root().join("fuzz/artifacts").join(target);
        std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
        let before = crash_files(&artifacts);
        eprintln!("xtask: fuzzing {target} for {seconds} s");
        let log_path = logs.join(format!("{target}.log"));
        let log = std::fs::File::create(&log_path).map_err(|e| e.to_string())?;
        let status = toolchain
            .cargo()
            .args(["fuzz", "run"])
            .args(BUILD_FLAGS)
            .args([target, "--"])
            .arg(format!("-max_total_time={seconds}"))
            // Inputs up to 4 KB; one that takes 10 s is a finding (a quadratic parser), as is 2 GB.
            .args([
                "-max_len=4096",
                "-timeout=10",
                "-rss_limit_mb=2048",
                "-print_final_stats=1",
            ])
            .stdout(Stdio::null())
            .stderr(log)
            .status()
            .map_err(|e| format!("could not start cargo fuzz: {e}"))?;
        let text = std::fs::read_to_string(&log_path).unwrap_or_default();
        let findings = crash_files(&artifacts)
            .into_iter()
            .filter(|file| !before.contains(file))
            .collect();
        reports.push(Report {
            target,
            executions: executions(&text),
            findings,
            status: if status.success() {
                "ok".into()
            } else {
                format!("stopped ({status}); see {}", log_path.display())
            },
        });
    }

    println!("fuzz report ({seconds} s per target)");
    println!(
        "{:<14} {:>14}  {:<8} result",
        "target", "executions", "findings"
    );
    for report in &reports {
        let executions = report.executions.map_or("?".to_string(), |n| n.to_string());
        println!(
            "{:<14} {:>14}  {:<8} {}",
            report.target,
            executions,
            report.findings.len(),
            report.status
        );
        for finding in &report.findings {
            println!("    finding: {}", finding.display());
        }
    }
    let found: usize = reports.iter().map(|r| r.findings.len()).sum();
    let stopped = reports.iter().filter(|r| r.status != "ok").count();
    if found == 0 && stopped == 0 {
        Ok(())
    } else {
        Err(format!(
            "{found} finding(s), {stopped} target(s) stopped early: add each to tests/corpus and fix it"
        ))
    }
}

/// rustup's nightly if it is there or can be installed, else stable with RUSTC_BOOTSTRAP=1.
fn ensure_toolchain() -> Result<Toolchain, String> {
    let listed = Command::new("rustup")
        .args(["toolchain", "list"])
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default();
    if listed.lines().any(|line| line.starts_with("nightly")) {
        return Ok(Toolchain::Nightly);
    }
    eprintln!("xtask: installing the nightly toolchain for cargo-fuzz (rustup, minimal profile)");
    match run(Command::new("rustup").args([
        "toolchain",
        "install",
        "nightly",
        "--profile",
        "minimal",
    ])) {
        Ok(()) => Ok(Toolchain::Nightly),
        Err(e) => {
            eprintln!("xtask: no nightly ({e}); using stable with RUSTC_BOOTSTRAP=1 for the fuzz build only");
            Ok(Toolchain::Bootstrap)
        }
    }
}

fn ensure_cargo_fuzz(toolchain: &Toolchain) -> Result<(), String> {
    let found = toolchain
        .cargo()
        .args(["fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if found {
        return Ok(());
    }
    eprintln!("xtask: installing cargo-fuzz (cargo install; a few minutes once)");
    run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))
        .or_else(|_| run(Command::new("cargo").args(["install", "cargo-fuzz"])))
}

/// Copies the corpus files of this target's kinds into its libFuzzer corpus as seeds.
fn seed_corpus(target: &str, folders: &[&str], corpus: &Path) -> Result<(), String> {
    std::fs::create_dir_all(corpus)
        .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
    let mut seeds: Vec<(String, Vec<u8>)> = Vec::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(root().join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() {
                if let Ok(bytes) = std::fs::read(&path) {
                    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                    seeds.push((
                        format!("{}-{}", folder.replace('/', "-"), name.unwrap_or_default()),
                        bytes,
                    ));
                }
            }
        }
    }
    if target == "url_state" {
        for (index, seed) in URL_SEEDS.iter().enumerate() {
            seeds.push((format!("query-{index}"), seed.as_bytes().to_vec()));
        }
    }
    for (name, bytes) in seeds {
        std::fs::write(corpus.join(format!("seed-{name}")), bytes).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The crash, timeout, out-of-memory and leak inputs libFuzzer saved.
fn crash_files(artifacts: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(artifacts)
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    files.retain(|path| {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        ["crash-", "timeout-", "oom-", "leak-", "slow-unit-"]
            .iter()
            .any(|prefix| name.starts_with(prefix))
    });
    files.sort();
    files
}

/// Executions from libFuzzer's final stats, else from its last `#N DONE` (or progress) line.
fn executions(log: &str) -> Option<u64> {
    let from_stats = log.lines().find_map(|line| {
        line.trim()
            .strip_prefix("stat::number_of_executed_units:")
            .and_then(|n| n.trim().parse().ok())
    });
    from_stats.or_else(|| {
        log.lines().rev().find_map(|line| {
            let rest = line.strip_prefix('#')?;
            let (number, _) = rest.split_once(char::is_whitespace)?;
            number.parse().ok()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::executions;

    #[test]
    fn reads_executions_from_final_stats_or_the_done_line() {
        let log = "#1048576\tpulse  cov: 10\n#2000000\tDONE   cov: 812 ft: 3001 corp: 120/9Kb exec/s: 33333\n\
                   Done 2000000 runs in 60 second(s)\nstat::number_of_executed_units: 2000001\n";
        assert_eq!(executions(log), Some(2_000_001));
        assert_eq!(executions("#12\tINITED\n#99\tDONE cov: 1\n"), Some(99));
        assert_eq!(executions("nothing"), None);
    }
}
