//! Installs what the build and tests need, from crates.io, npm and Debian only, and says so as it goes.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::root;

/// Runs a command from the workspace root, failing with the command line when it does not succeed.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let status = cmd
        .current_dir(root())
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// The first line a tool prints for `--version`, or None when it is not on this machine.
fn version_of(program: &str) -> Option<String> {
    let out = Command::new(program).arg("--version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn say(message: &str) {
    eprintln!("xtask: {message}");
}

/// The wasm target, wasm-pack, wasm-bindgen-cli (at Cargo.lock's version) and the npm packages.
pub fn ensure_build_tools() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_cargo_tool("wasm-pack", "wasm-pack", None)?;
    let wasm_bindgen = locked_version("wasm-bindgen")?;
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", Some(&wasm_bindgen))?;
    ensure_npm_packages()
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup is needed to add the wasm32 target: {e}"))?;
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    say("adding the wasm32-unknown-unknown target (rustup)");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// Installs `krate` with `cargo install` unless `program` already reports the wanted version.
fn ensure_cargo_tool(program: &str, krate: &str, version: Option<&str>) -> Result<(), String> {
    let found = version_of(program);
    let good = match (&found, version) {
        (Some(line), Some(wanted)) => line.split_whitespace().any(|word| word == wanted),
        (Some(_), None) => true,
        (None, _) => false,
    };
    if good {
        return Ok(());
    }
    let shown = version.map_or(krate.to_string(), |v| format!("{krate} {v}"));
    say(&format!(
        "installing {shown} (cargo install; this takes a few minutes once)"
    ));
    let install = |locked: bool| {
        let mut cmd = Command::new("cargo");
        cmd.args(["install", krate]);
        if locked {
            cmd.arg("--locked");
        }
        if let Some(v) = version {
            cmd.args(["--version", v]);
        }
        run(&mut cmd)
    };
    // A registry mirror can lack a version the tool's own lock file pins; the semver-compatible resolve still builds it.
    install(true).or_else(|_| {
        say(&format!(
            "{shown}: its locked dependencies are not all in the registry; resolving them afresh"
        ));
        install(false)
    })
}

/// The version of `package` that Cargo.lock pins, so the CLI matches the library byte for byte.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("name = \"{package}\"") {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err(format!("Cargo.lock has no {package} package"))
}

/// `npm ci` when node_modules is missing or older than package-lock.json; never downloads a browser.
pub fn ensure_npm_packages() -> Result<(), String> {
    if version_of("npm").is_none() {
        if is_root() {
            apt_install(&["nodejs", "npm"])?;
        } else {
            return Err(
                "npm is missing: install Node.js 18 or newer (e.g. apt-get install nodejs npm)"
                    .into(),
            );
        }
    }
    let lock = root().join("package-lock.json");
    let stamp = root().join("node_modules/.package-lock.json");
    if modified(&stamp).is_some() && modified(&stamp) >= modified(&lock) {
        return Ok(());
    }
    say("installing npm packages from package-lock.json (npm ci)");
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Binaryen's wasm-opt from the pinned npm package (Debian's is too old for current Rust output).
pub fn wasm_opt() -> PathBuf {
    root().join("node_modules/.bin/wasm-opt")
}

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Debian's Chromium and ChromeDriver for the browser and end-to-end tests.
pub fn ensure_browser() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    if !is_root() {
        return Err(format!(
            "the browser tests need {CHROMIUM} and {CHROMEDRIVER}: install them with \
             `sudo apt-get install chromium chromium-driver`"
        ));
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// Debian's Hugo (0.111), which builds the shortcode's test site (`tests/hugo-site`). Checked (and installed)
/// once per process, however many tests ask at once.
pub fn ensure_hugo() -> Result<(), String> {
    static HUGO: std::sync::OnceLock<Result<(), String>> = std::sync::OnceLock::new();
    HUGO.get_or_init(find_or_install_hugo).clone()
}

fn find_or_install_hugo() -> Result<(), String> {
    let found = Command::new("hugo")
        .arg("version")
        .output()
        .is_ok_and(|out| out.status.success());
    if found {
        return Ok(());
    }
    if !is_root() {
        return Err(
            "the Hugo shortcode's tests need hugo 0.111 or newer: install it with \
             `sudo apt-get install hugo`"
                .into(),
        );
    }
    apt_install(&["hugo"])
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    say(&format!("installing {} (apt-get)", packages.join(", ")));
    run(Command::new("apt-get").arg("update").arg("-qq"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-qq"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false)
}
