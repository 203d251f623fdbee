//! `cargo xtask`: the project's tooling, so a machine with only rustup and cargo can build, serve and test paygrade.

mod bench;
mod bench_handbook;
mod build;
mod fuzz;
mod hugo;
mod serve;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  build            install missing tools, build the release bundle into dist/, print sizes
  serve [--port N] build, then serve dist/ on http://127.0.0.1:N (default 8080)
  test             fmt, clippy, native tests, browser tests, end-to-end tests; one summary line
  e2e [ARGS...]    build dist/ and run only the Playwright tests (ARGS go to Playwright: a spec, -g NAME)
  bench [--check]  sizes and timings against the budgets (target/bench.json); --check fails on a miss
  fuzz [--seconds N] [TARGET...]  run each cargo-fuzz target for N seconds (default 60); executions, findings";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build::bundle().map(|sizes| sizes.print()),
        Some("serve") => port_arg(&args[1..]).and_then(serve::build_and_serve),
        Some("test") => test::run_all(),
        Some("e2e") => test::run_end_to_end(&args[1..]),
        Some("fuzz") => fuzz::run_fuzz(&args[1..]),
        Some("bench") => match &args[1..] {
            [] => bench::run_bench(false),
            [flag] if flag == "--check" => bench::run_bench(true),
            other => Err(format!("unexpected arguments {other:?}\n{USAGE}")),
        },
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn port_arg(args: &[String]) -> Result<u16, String> {
    match args {
        [] => Ok(8080),
        [flag, value] if flag == "--port" => value
            .parse()
            .map_err(|_| format!("--port takes a number from 0 to 65535, not {value:?}")),
        _ => Err(format!("unexpected arguments {args:?}\n{USAGE}")),
    }
}

/// The workspace root: every path the tasks use is relative to it, wherever cargo was run from.
pub fn root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}

/// Where cargo puts compiled crates (CARGO_TARGET_DIR, else target/), to run a binary it built.
pub fn cargo_target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(target_dir)
}

/// Where this checkout's own outputs go (the wasm-pack package, reports, bench.json): under the checkout,
/// even when CARGO_TARGET_DIR shares compiled crates between several checkouts.
pub fn target_dir() -> PathBuf {
    root().join("target")
}
