//! `paygrade`: the data folder's checks, its role index, a pay diff and its static site, for a handbook's
//! CI and its reviewers. A thin front over `paygrade-core`, which the page runs too, so the command reports
//! exactly what a reader of the page would see, and over `paygrade-site`, which renders the page's own
//! components.
//!
//! Exit codes: 0 success, 1 the data has errors (or `--check`/`--fail-over` failed), 2 the command could
//! not run (a wrong argument, a missing folder or manifest, an unreadable file).

mod check;
mod diff;
mod folder;
mod index;
mod report;
mod rules;
mod site;

use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use folder::FolderError;
use report::Format;

/// Check a paygrade data folder, write its role index, show what a data change does to pay, and build
/// its static site.
#[derive(Debug, Parser)]
#[command(name = "paygrade", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Report every problem the page would report, one per line as FILE:LINE: SEVERITY: FIELD: MESSAGE.
    ///
    /// Exits 1 when there is any error, 0 when there are only warnings or none, 2 when the folder
    /// cannot be read. A count ("3 errors, 1 warning in 402 files") closes the report on stderr.
    Check {
        /// The data folder (the one holding paygrade.json).
        dir: PathBuf,
        /// `text`: one line per problem; `json`: an array of {file, line, field, severity, message}.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the role index the page lists and opens roles from, without reading every page.
    ///
    /// Writes the file the manifest's `index` names, else DIR/index.json: pretty JSON, sorted by role
    /// id, the same bytes for the same data. Problems in the data are reported on stderr.
    Index {
        /// The data folder (the one holding paygrade.json).
        dir: PathBuf,
        /// Where to write the index instead; `-` writes it to stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Write nothing; exit 1 when the index file is missing or differs from what would be written.
        #[arg(long)]
        check: bool,
    },
    /// Show every band whose min, mid or max moves between two data folders, largest change first.
    ///
    /// Compares each grade at each location present in both (and roles with their own midpoint), in
    /// the location's own currency, and lists locations, grades and roles added or removed. Exits 0:
    /// it is a report (see --fail-over for CI).
    Diff {
        /// The data folder before the change.
        old: PathBuf,
        /// The data folder after the change.
        new: PathBuf,
        /// `text`: one line per band; `json`: one object with every change.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit 1 when any band's min, mid or max moves by more than this many percent.
        #[arg(long, value_name = "PCT", value_parser = parse_percent)]
        fail_over: Option<f64>,
        /// Print only the N largest changes (the summary still counts all of them).
        #[arg(long, value_name = "N")]
        top: Option<usize>,
    },
    /// List the pay-transparency laws job ads are checked against: the maintained rules that ship with
    /// paygrade, with DIR's own rules file laid over them when DIR is given.
    Rules {
        /// A data folder whose own rules to include.
        dir: Option<PathBuf>,
        /// `text`: one line per law; `markdown`: the page in docs/pay-transparency-laws.md.
        #[arg(long, value_enum, default_value_t = rules::RulesFormat::Text)]
        format: rules::RulesFormat,
    },
    /// Write the static site for a data folder: the app's files, the data with its index, a page per
    /// role and level (readable without JavaScript, with its JobPosting JSON-LD), and .br/.gz copies.
    ///
    /// The problems `check` reports are printed on stderr; exits 1 when any is an error (the site is
    /// written all the same), 2 when the site cannot be written. OUT is created, or replaced when it
    /// holds a site paygrade wrote; any other non-empty folder is refused.
    Site {
        /// The data folder (the one holding paygrade.json); copied to OUT/data/.
        dir: PathBuf,
        /// The app's built files (index.html, the JS, styles/, pkg/, rules/): a dist/ folder written by
        /// `cargo xtask build` in paygrade's repository. Default: ./dist
        #[arg(long, value_name = "DIR")]
        app: Option<PathBuf>,
        /// Where to write the site.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

/// Why a command could not run; printed as `paygrade: …` and exit code 2.
#[derive(Debug)]
pub enum CliError {
    /// A data folder could not be read.
    Folder(FolderError),
    /// Reading a file outside the data folder failed (the index compared by `--check`).
    Read { target: String, source: io::Error },
    /// Writing the output failed (a full disk, a closed pipe, a read-only folder).
    Write { target: String, source: io::Error },
    /// The app's built files are not where `--app` (or its default) says.
    App {
        error: paygrade_site::SiteError,
        defaulted: bool,
    },
    /// The site could not be written.
    Site(paygrade_site::SiteError),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Folder(error) => error.fmt(f),
            CliError::Read { target, source } => write!(f, "cannot read {target}: {source}"),
            CliError::Write { target, source } => write!(f, "cannot write {target}: {source}"),
            CliError::App { error, defaulted } => write!(
                f,
                "{error}; {}build paygrade's app with `cargo xtask build` in its repository and name \
                 that dist/ folder with --app DIR",
                if *defaulted {
                    "no --app was given, so ./dist was used; "
                } else {
                    ""
                }
            ),
            CliError::Site(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for CliError {}

impl From<FolderError> for CliError {
    fn from(error: FolderError) -> CliError {
        CliError::Folder(error)
    }
}

/// Writes to stdout, naming it if that fails.
pub fn write_stdout(text: &str) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|source| CliError::Write {
            target: "stdout".to_string(),
            source,
        })
}

/// `--fail-over` takes a percentage: `5`, `2.5` or `5%`.
fn parse_percent(text: &str) -> Result<f64, String> {
    let number = text.trim().trim_end_matches('%');
    match number.parse::<f64>() {
        Ok(value) if value.is_finite() && value >= 0.0 => Ok(value),
        _ => Err(format!(
            "\"{text}\" is not a percentage; write a number such as 5 or 2.5"
        )),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check { dir, format } => check::run(&dir, format),
        Command::Index { dir, output, check } => index::run(&dir, output.as_deref(), check),
        Command::Diff {
            old,
            new,
            format,
            fail_over,
            top,
        } => diff::run(&old, &new, format, fail_over, top),
        Command::Rules { dir, format } => rules::run(dir.as_deref(), format),
        Command::Site { dir, app, out } => site::run(&dir, app.as_deref(), &out),
    };
    match outcome {
        Ok(code) => code,
        Err(CliError::Write { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => {
            // `paygrade check data | head`: the reader has what it wanted.
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("paygrade: {error}");
            ExitCode::from(2)
        }
    }
}
