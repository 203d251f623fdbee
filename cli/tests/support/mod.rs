//! Running the built `paygrade` binary on data folders made for one test and removed after it.

#![allow(dead_code)] // each test file uses its own part of this

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A folder under the system's temp directory, unique to one test, deleted when dropped.
pub struct TempFolder {
    pub path: PathBuf,
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl TempFolder {
    pub fn new(name: &str) -> TempFolder {
        let path = std::env::temp_dir().join(format!(
            "paygrade-cli-{name}-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap();
        TempFolder { path }
    }

    /// A copy of this folder's files (used to make NEW from OLD).
    pub fn copy_of(&self, name: &str) -> TempFolder {
        TempFolder::copy_from(&self.path, name)
    }

    /// A fresh folder holding a copy of `source` (the shipped `data/`, say).
    pub fn copy_from(source: &Path, name: &str) -> TempFolder {
        let copy = TempFolder::new(name);
        copy_tree(source, &copy.path);
        copy
    }

    pub fn write(&self, relative: &str, contents: &str) -> &TempFolder {
        self.write_bytes(relative, contents.as_bytes())
    }

    pub fn write_bytes(&self, relative: &str, contents: &[u8]) -> &TempFolder {
        let path = self.path.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
        self
    }

    /// Gives the folder its own pay-transparency rules file (`tables.pay_rules`), laid over the maintained ones.
    #[allow(dead_code)]
    pub fn with_own_rules(&self, csv: &str) -> &TempFolder {
        let manifest = self.read("paygrade.json").replace(
            "\"currencies\": \"currencies.csv\"",
            "\"currencies\": \"currencies.csv\", \"pay_rules\": \"pay-rules.csv\"",
        );
        self.write("paygrade.json", &manifest)
            .write("pay-rules.csv", csv)
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path.join(relative)).unwrap()
    }

    /// The folder as the command prints it in problem lines.
    pub fn shown(&self, relative: &str) -> String {
        self.path.join(relative).display().to_string()
    }

    pub fn arg(&self) -> &str {
        self.path.to_str().unwrap()
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// How many files a folder holds, hidden ones left out: what `check` reads from a folder that names
/// them all.
pub fn files_in(folder: &Path) -> usize {
    fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
        .map(|entry| {
            if entry.file_type().unwrap().is_dir() {
                files_in(&entry.path())
            } else {
                1
            }
        })
        .sum()
}

/// What a run of the command gave back.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn stdout_lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
}

/// Runs the built binary with these arguments from the workspace root.
pub fn paygrade(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_paygrade"))
        .args(args)
        .current_dir(workspace())
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// The workspace root, where the shipped `data/` is.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

pub const GRADES: &str = "grade,manager_titles,ic_titles,midpoint,spread,variable
6,,Engineer,100000,0.40,
7,Team Lead,Senior Engineer,130000,0.40,
8,Manager,Staff Engineer,160000,0.40,0.05
";

pub const LOCATIONS: &str = "country,area,factor,currency,zone,hiring
Aldoria,All,1.0,USD,Americas,yes
Brevia,\"Port Sel, Coast\",0.8,EUR,EMEA,yes
Carmin,All,0.5,GBP,EMEA,yes
";

pub const CURRENCIES: &str = "currency,per_usd,as_of
EUR,0.9,2026-10-30
GBP,0.75,2026-10-30
USD,1.0,2026-10-30
";

/// A manifest naming `roles` (a JSON array's inside) and, optionally, an index file.
pub fn manifest(roles: &str, index: Option<&str>) -> String {
    let index = index
        .map(|file| format!("\"index\": \"{file}\",\n  "))
        .unwrap_or_default();
    format!(
        r#"{{
  "organisation": "Test Co.",
  "as_of": "2026-11-01",
  "reference": {{ "market": "Aldoria", "currency": "USD" }},
  "tables": {{ "grades": "grades.csv", "locations": "locations.csv", "currencies": "currencies.csv" }},
  {index}"roles": [{roles}],
  "policy": {{ "rounding": 100, "location_floor": 0.45, "rate_max_age_days": 365, "compa_groups": [] }}
}}
"#
    )
}

/// A job-family page with one level at `grade`.
pub fn page(title: &str, grade: u8) -> String {
    format!("---\ntitle: \"{title}\"\n---\n\nWhat a {title} does.\n\n## Job Grade\n\nThe {title} is a grade {grade}.\n")
}

/// A valid data folder with the three tables and one page, `roles/engineer.md`, named one by one.
pub fn small_folder(name: &str) -> TempFolder {
    let folder = TempFolder::new(name);
    folder
        .write("paygrade.json", &manifest("\"roles/engineer.md\"", None))
        .write("grades.csv", GRADES)
        .write("locations.csv", LOCATIONS)
        .write("currencies.csv", CURRENCIES)
        .write("roles/engineer.md", &page("Engineer", 6));
    folder
}

/// A handbook: a folder entry of `roles` with nested departments, names that repeat across folders,
/// a Hugo `_index.md`, a page without an extension, and hidden files that must be skipped.
pub fn handbook_folder(name: &str) -> TempFolder {
    let folder = TempFolder::new(name);
    folder
        .write("paygrade.json", &manifest("\"roles/\"", Some("index.json")))
        .write("grades.csv", GRADES)
        .write("locations.csv", LOCATIONS)
        .write("currencies.csv", CURRENCIES)
        .write("roles/sales/associate.md", &page("Sales Associate", 6))
        .write("roles/support/associate.md", &page("Support Associate", 6))
        .write("roles/engineering/_index.md", &page("Engineering", 8))
        .write(
            "roles/engineering/backend/_index.md",
            &page("Backend Engineer", 7),
        )
        .write(
            "roles/engineering/frontend-engineer",
            &page("Frontend Engineer", 7),
        )
        .write("roles/.DS_Store", "\u{0}\u{1} not a page")
        .write("roles/engineering/.draft.md", "---\n---\nnot yet")
        .write("roles/.git/config", "[core]");
    folder
}
