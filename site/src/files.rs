//! The site's folders on disk: which of the app's built files a site needs, where they are copied, the
//! data folder copied beside them, and an output folder made ready without deleting anyone's work.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::error::SiteError;

/// The app's files a site serves, relative to the app's folder (a built `dist/`), and whether each is
/// needed: the standalone page, the boot script, the entry points, the stylesheet, the wasm package
/// (with `pkg/snippets/`, the glue's inline JS) and the maintained laws the page fetches beside it.
/// `examples/` is copied when present.
pub const APP_ENTRIES: &[(&str, bool)] = &[
    ("index.html", true),
    ("boot.js", true),
    ("main.js", true),
    ("widget.js", true),
    ("frame.js", true),
    ("embed.html", true),
    ("styles", true),
    ("pkg", true),
    ("rules", true),
    ("examples", false),
];

/// Files inside the folders above that a working app cannot do without, checked before anything is written.
const REQUIRED_INSIDE: &[&str] = &[
    "styles/paygrade.css",
    "pkg/paygrade.js",
    "pkg/paygrade_bg.wasm",
    "rules/pay-rules.csv",
];

/// How deep a copied folder is walked; deeper is left out, so a symlink loop cannot hang a build.
const MAX_DEPTH: usize = 32;

/// A folder checked to hold the app's built files.
#[derive(Debug, Clone)]
pub struct AppFiles {
    dir: PathBuf,
}

impl AppFiles {
    /// Checks `dir` holds every file the app needs, naming each one missing.
    pub fn find(dir: &Path) -> Result<AppFiles, SiteError> {
        if !dir.is_dir() {
            return Err(SiteError::NoApp {
                dir: dir.to_path_buf(),
            });
        }
        // A missing folder is named once, not with each file inside it.
        let missing: Vec<String> = APP_ENTRIES
            .iter()
            .filter(|(_, required)| *required)
            .map(|(entry, _)| *entry)
            .chain(REQUIRED_INSIDE.iter().copied())
            .filter(|entry| {
                let path = dir.join(entry);
                !path.exists() && path.parent().is_some_and(Path::exists)
            })
            .map(str::to_string)
            .collect();
        if missing.is_empty() {
            Ok(AppFiles {
                dir: dir.to_path_buf(),
            })
        } else {
            Err(SiteError::MissingApp {
                dir: dir.to_path_buf(),
                missing,
            })
        }
    }

    /// The folder the files are read from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Copies the app's entries into `out`, leaving out compressed copies (the site's own are written
    /// afresh) and `skip` (the output folder, when it lies inside the app's).
    pub fn copy_into(&self, out: &Path) -> Result<(), SiteError> {
        let skip = fs::canonicalize(out).ok();
        for (entry, _) in APP_ENTRIES {
            let from = self.dir.join(entry);
            if from.exists() {
                copy_tree(&from, &out.join(entry), skip.as_deref(), 0)?;
            }
        }
        Ok(())
    }
}

/// Makes `out` ready for a new site: created when missing, emptied when it holds a site paygrade wrote
/// (its `pkg/paygrade_bg.wasm` and `data/paygrade.json`), refused when it holds anything else or would
/// hold the data folder or the app's files, which emptying it would delete.
pub fn prepare_out(out: &Path, data: &Path, app: &Path) -> Result<(), SiteError> {
    if out.exists() {
        let out_path = canonical(out)?;
        for (what, inside) in [("the data folder", data), ("the app's files", app)] {
            if canonical(inside)?.starts_with(&out_path) {
                return Err(SiteError::OutHolds {
                    out: out.to_path_buf(),
                    what,
                    inside: inside.to_path_buf(),
                });
            }
        }
        if !out.is_dir() {
            return Err(SiteError::OutNotEmpty {
                out: out.to_path_buf(),
            });
        }
        let empty = fs::read_dir(out)
            .map_err(|source| io_error("read", out, source))?
            .next()
            .is_none();
        let previous_site =
            out.join("pkg/paygrade_bg.wasm").is_file() && out.join("data/paygrade.json").is_file();
        if !empty && !previous_site {
            return Err(SiteError::OutNotEmpty {
                out: out.to_path_buf(),
            });
        }
        if previous_site {
            fs::remove_dir_all(out).map_err(|source| io_error("remove", out, source))?;
        }
    }
    fs::create_dir_all(out).map_err(|source| io_error("create", out, source))
}

/// Copies the data folder to `to` as the site serves it: hidden files (`.git`, `.DS_Store`) and
/// `skip` (the site's own folder, when it is written inside the data folder) left out.
pub fn copy_data(data: &Path, to: &Path, skip: &Path) -> Result<(), SiteError> {
    let skip = fs::canonicalize(skip).ok();
    copy_tree(data, to, skip.as_deref(), 0)
}

fn copy_tree(from: &Path, to: &Path, skip: Option<&Path>, depth: usize) -> Result<(), SiteError> {
    if from.is_dir() {
        if depth > MAX_DEPTH
            || skip.is_some_and(|skip| fs::canonicalize(from).is_ok_and(|c| c == skip))
        {
            return Ok(());
        }
        fs::create_dir_all(to).map_err(|source| io_error("create", to, source))?;
        let mut entries: Vec<_> = fs::read_dir(from)
            .map_err(|source| io_error("read", from, source))?
            .collect::<Result<_, _>>()
            .map_err(|source| io_error("read", from, source))?;
        entries.sort_by_key(fs::DirEntry::file_name);
        for entry in entries {
            let name = entry.file_name();
            let text = name.to_string_lossy();
            if text.starts_with('.') || text.ends_with(".br") || text.ends_with(".gz") {
                continue;
            }
            copy_tree(&entry.path(), &to.join(&name), skip, depth + 1)?;
        }
        Ok(())
    } else {
        fs::copy(from, to)
            .map(drop)
            .map_err(|source| io_error("copy", from, source))
    }
}

/// Writes `bytes` to `path`, creating its folder.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), SiteError> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|source| io_error("create", parent, source))?;
    }
    fs::write(path, bytes).map_err(|source| io_error("write", path, source))
}

/// `file` with `.ending` added: where a compressed copy goes.
pub fn beside(file: &Path, ending: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(ending);
    PathBuf::from(name)
}

/// Every file below `dir`, sorted, so what is written and measured is the same run to run.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        if let Ok(entries) = fs::read_dir(&next) {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    out.push(path);
                }
            }
        }
    }
    out.sort();
    out
}

/// The total size of these files, for the summary.
pub fn total_bytes(files: &[PathBuf]) -> u64 {
    files
        .iter()
        .filter_map(|file| fs::metadata(file).ok())
        .map(|meta| meta.len())
        .sum()
}

fn canonical(path: &Path) -> Result<PathBuf, SiteError> {
    fs::canonicalize(path).map_err(|source| io_error("read", path, source))
}

fn io_error(action: &'static str, path: &Path, source: io::Error) -> SiteError {
    SiteError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("paygrade-site-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn refuses_a_folder_it_did_not_write_and_empties_one_it_did() {
        let root = temp("out");
        let (data, app, out) = (root.join("data"), root.join("app"), root.join("out"));
        for dir in [&data, &app, &out] {
            fs::create_dir_all(dir).unwrap();
        }
        fs::write(out.join("notes.txt"), "mine").unwrap();
        assert!(matches!(
            prepare_out(&out, &data, &app),
            Err(SiteError::OutNotEmpty { .. })
        ));
        assert!(out.join("notes.txt").exists());
        write(&out.join("pkg/paygrade_bg.wasm"), b"\0asm").unwrap();
        write(&out.join("data/paygrade.json"), b"{}").unwrap();
        assert!(prepare_out(&out, &data, &app).is_ok());
        assert_eq!(fs::read_dir(&out).unwrap().count(), 0);
        // The root holds the data folder: emptying it would delete the data.
        assert!(matches!(
            prepare_out(&root, &data, &app),
            Err(SiteError::OutHolds { .. })
        ));
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn data_is_copied_without_hidden_files_or_the_site_inside_it() {
        let root = temp("copy");
        write(&root.join("paygrade.json"), b"{}").unwrap();
        write(&root.join("roles/a.md"), b"a").unwrap();
        write(&root.join(".git/config"), b"x").unwrap();
        write(&root.join("public/index.html"), b"old").unwrap();
        let to = root.join("public/data");
        copy_data(&root, &to, &root.join("public")).unwrap();
        assert!(to.join("roles/a.md").exists());
        assert!(!to.join(".git").exists());
        assert!(!to.join("public").exists());
        let _ = fs::remove_dir_all(&root);
    }
}
