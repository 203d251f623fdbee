//! The release bundle: wasm-pack with its own optimiser off, Binaryen's wasm-opt -Oz --converge, and the static files beside it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools::{self, run};
use crate::{root, target_dir};

/// Where the built site goes; `serve` and the end-to-end tests serve this folder.
pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// The app's own files, copied beside the wasm package into the app folder `paygrade site` reads
/// (`--app`); the data is not among them: the site command copies the data folder it is given.
const STATIC_ENTRIES: &[&str] = &[
    "index.html",
    "boot.js",
    "main.js",
    "widget.js",
    "frame.js",
    "embed.html",
    "styles",
    // The maintained pay-transparency rules, fetched by the page beside the app's files.
    "rules",
    "examples",
];

/// One part of what a browser downloads: its bytes plain, as the `.gz` and as the `.br` the build wrote.
pub struct Part {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// Sizes of what a browser downloads, printed by `build` and read by `bench`.
pub struct Sizes {
    pub rows: Vec<Part>,
}

impl Sizes {
    pub fn print(&self) {
        println!(
            "{:<10} {:>10} {:>10} {:>10}",
            "part", "raw", "gzip -9", "brotli 11"
        );
        for part in &self.rows {
            println!(
                "{:<10} {:>10} {:>10} {:>10}",
                part.name, part.raw, part.gzip, part.brotli
            );
        }
        let (raw, gz, br) = self.rows.iter().fold((0, 0, 0), |(r, g, b), part| {
            (r + part.raw, g + part.gzip, b + part.brotli)
        });
        println!("{:<10} {raw:>10} {gz:>10} {br:>10}", "total");
    }
}

/// Installs what is missing, builds dist/, and measures it.
pub fn bundle() -> Result<Sizes, String> {
    tools::ensure_build_tools()?;
    let pkg = target_dir().join("wasm-pack");
    run(Command::new("wasm-pack")
        .args([
            "build",
            "--target",
            "web",
            "--release",
            "--no-typescript",
            "--no-pack",
        ])
        .args(["--out-name", "paygrade", "--out-dir"])
        .arg(&pkg))?;

    // The app's files, as a handbook's `paygrade site --app` would be given them.
    let app = target_dir().join("app");
    if app.exists() {
        fs::remove_dir_all(&app).map_err(|e| format!("cannot clear {}: {e}", app.display()))?;
    }
    let app_pkg = app.join("pkg");
    fs::create_dir_all(&app_pkg)
        .map_err(|e| format!("cannot create {}: {e}", app_pkg.display()))?;
    // `--converge` repeats -Oz until the module stops shrinking: about 1 KB of brotli for a few seconds.
    // The two assumptions hold for rustc's layout (the module's own memory, so zero-filled; the stack
    // first, growing down from 1 MiB, so nothing wraps into the lowest KiB) and save 2.7 KB of brotli.
    // By default Binaryen inlines every function that has one caller, whatever its size: the module gets
    // smaller but compresses worse (few, huge functions with many locals, where brotli finds fewer
    // repeats). Inlining only those up to 20 bytes saved 12.3 KB of brotli (240,375 → 228,046; 0 gave
    // 229,790, 10 and 30 about 228,600, 100 234,242). (`--flatten --rereloop` saves 0.7 KB more for
    // another minute of every build.)
    run(Command::new(tools::wasm_opt())
        .args([
            "-Oz",
            "--converge",
            "--zero-filled-memory",
            "--low-memory-unused",
            "--one-caller-inline-max-function-size",
            "20",
        ])
        .args(WASM_FEATURES)
        .arg(pkg.join("paygrade_bg.wasm"))
        .arg("-o")
        .arg(app_pkg.join("paygrade_bg.wasm")))?;
    minify_names(&app_pkg)?;
    // The glue's inline JS (`#[wasm_bindgen(inline_js)]`) lives in pkg/snippets/.
    if pkg.join("snippets").exists() {
        copy(&pkg.join("snippets"), &app_pkg.join("snippets"))?;
    }
    for entry in STATIC_ENTRIES {
        let from = root().join(entry);
        if from.exists() {
            copy(&from, &app.join(entry))?;
        }
    }

    let dist = dist_dir();
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    site(&root().join("data"), &app, &dist)?;
    measure(&dist)
}

/// dist/ is exactly what a handbook's CI gets from `paygrade site` for the shipped data: the same command
/// copies the app's files and the data, writes the data's role index (as `paygrade index` does, so the
/// site's index always matches its pages), pre-renders a page per role and level over the copied
/// index.html, and writes the .br/.gz copies. An error in the shipped data fails the build.
fn site(data: &Path, app: &Path, dist: &Path) -> Result<(), String> {
    run(Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--package",
            "paygrade-cli",
            "--bin",
            "paygrade",
            "--",
            "site",
        ])
        .arg(data)
        .arg("--app")
        .arg(app)
        .arg("--out")
        .arg(dist)
        .current_dir(root()))
}

/// Gives the wasm's imports and exports one- or two-letter names, and the glue the same: wasm-bindgen's
/// names carry a hash each (`__wbg_url_1be993c7b186415b`), about 10 KB of the module that compresses
/// badly (2.5 KB of brotli), and as much again in the glue.
fn minify_names(app_pkg: &Path) -> Result<(), String> {
    let wasm = app_pkg.join("paygrade_bg.wasm");
    let shown = "wasm-opt --minify-imports-and-exports-and-modules";
    let out = Command::new(tools::wasm_opt())
        .arg("--minify-imports-and-exports-and-modules")
        .args(WASM_FEATURES)
        .arg(&wasm)
        .arg("-o")
        .arg(&wasm)
        .current_dir(root())
        .output()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{shown} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let pkg = target_dir().join("wasm-pack");
    let glue = fs::read_to_string(pkg.join("paygrade.js"))
        .map_err(|e| format!("cannot read the wasm-bindgen glue: {e}"))?;
    let glue = renamed_glue(&String::from_utf8_lossy(&out.stdout), &glue)?;
    fs::write(app_pkg.join("paygrade.js"), glue).map_err(|e| format!("cannot write the glue: {e}"))
}

/// The module every import comes from after minifying: Binaryen names the one module `a`.
const MINIFIED_MODULE: &str = "a";

/// `glue` with the names wasm-opt's map (`{"imports": [[module, name, new]], "exports": [[name, new]]}`)
/// gave the wasm: each import's key in the imports object, the module's key, and every `wasm.name` use.
/// A name the glue does not hold where it should is an error, so a new wasm-bindgen layout fails the build
/// here instead of in the browser.
fn renamed_glue(map: &str, glue: &str) -> Result<String, String> {
    let start = map
        .find('{')
        .ok_or("wasm-opt printed no map of minified names")?;
    let map: serde_json::Value = serde_json::from_str(map.get(start..).unwrap_or_default())
        .map_err(|e| format!("wasm-opt's map of minified names is not JSON: {e}"))?;
    let pairs = |key: &str, from: usize, to: usize| -> Result<Vec<(String, String)>, String> {
        let rows = map
            .get(key)
            .and_then(|rows| rows.as_array())
            .ok_or(format!("wasm-opt's map has no \"{key}\""))?;
        rows.iter()
            .map(|row| {
                let field = |i: usize| row.get(i).and_then(|v| v.as_str()).map(str::to_string);
                field(from).zip(field(to)).ok_or(format!(
                    "a row of wasm-opt's \"{key}\" map is not names: {row}"
                ))
            })
            .collect()
    };
    let mut glue = glue.to_string();
    let mut modules: Vec<String> = pairs("imports", 0, 0)?
        .into_iter()
        .map(|(module, _)| module)
        .collect();
    modules.dedup();
    let [module] = modules.as_slice() else {
        return Err(format!(
            "expected the imports of one module, got {modules:?}"
        ));
    };
    replace_once(
        &mut glue,
        &format!("\"{module}\": "),
        &format!("\"{MINIFIED_MODULE}\": "),
    )?;
    for (name, new) in pairs("imports", 1, 2)? {
        replace_once(
            &mut glue,
            &format!(" {name}: function("),
            &format!(" {new}: function("),
        )?;
    }
    for (name, new) in pairs("exports", 0, 1)? {
        glue = replace_member(&glue, &format!("wasm.{name}"), &format!("wasm.{new}"));
    }
    Ok(glue)
}

/// Replaces the one occurrence of `from`; none or several is an error.
fn replace_once(text: &mut String, from: &str, to: &str) -> Result<(), String> {
    match text.matches(from).count() {
        1 => {
            *text = text.replacen(from, to, 1);
            Ok(())
        }
        n => Err(format!("the glue has {n} copies of `{from}`, expected one")),
    }
}

/// Every `from` not followed by more of an identifier (`wasm.start`, not `wasm.startup`) becomes `to`.
fn replace_member(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let (before, after) = rest.split_at(at);
        let tail = &after[from.len()..];
        out.push_str(before);
        let continues = tail
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
        out.push_str(if continues { from } else { to });
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The wasm features current rustc emits by default; wasm-opt must be told to keep them.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    if from.is_dir() {
        fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
        let entries =
            fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
            copy(&entry.path(), &to.join(entry.file_name()))?;
        }
        Ok(())
    } else {
        fs::copy(from, to)
            .map(drop)
            .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
    }
}

fn measure(dist: &Path) -> Result<Sizes, String> {
    let groups: [(&str, Vec<PathBuf>); 7] = [
        ("wasm", vec![dist.join("pkg/paygrade_bg.wasm")]),
        ("js glue", vec![dist.join("pkg/paygrade.js")]),
        ("page js", vec![dist.join("main.js"), dist.join("boot.js")]),
        ("css", files_under(&dist.join("styles"))),
        // The data as published; the build's figures are counted with the page that reads them.
        (
            "data",
            files_under(&dist.join("data"))
                .into_iter()
                .filter(|f| !f.starts_with(dist.join("data/figures")))
                .collect(),
        ),
        ("rules", files_under(&dist.join("rules"))),
        // A role page and the figures of its grade, which boot.js reads for a deep link.
        (
            "role page",
            vec![
                dist.join("roles/vp-strategy-developer-relations/index.html"),
                dist.join("data/figures/grade-12.json"),
            ],
        ),
    ];
    let mut rows = Vec::new();
    for (name, files) in groups {
        let mut part = Part {
            name: name.to_string(),
            raw: 0,
            gzip: 0,
            brotli: 0,
        };
        // The site command wrote a `.br` and a `.gz` beside each file worth compressing.
        for file in files.iter().filter(|f| beside(f, "br").exists()) {
            part.raw += file_len(file)?;
            part.gzip += file_len(&beside(file, "gz"))?;
            part.brotli += file_len(&beside(file, "br"))?;
        }
        rows.push(part);
    }
    Ok(Sizes { rows })
}

fn file_len(file: &Path) -> Result<u64, String> {
    fs::metadata(file)
        .map(|m| m.len())
        .map_err(|e| format!("cannot read {}: {e}", file.display()))
}

/// `file` with `.ending` added: where `paygrade site` put its compressed copy.
pub fn beside(file: &Path, ending: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(ending);
    PathBuf::from(name)
}

/// Every file below `dir`, sorted, so sizes are stable run to run.
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

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = r#"function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_url_1be9: function(arg0, arg1) {
            return wasm.start_extra(arg0);
        },
        __wbindgen_init_externref_table: function() {
            const table = wasm.__wbindgen_externrefs;
        },
    };
    return {
        __proto__: null,
        "./paygrade_bg.js": import0,
    };
}
export function start() {
    wasm.start();
}
"#;

    #[test]
    fn the_glue_takes_the_names_wasm_opt_gave() {
        let map = r#"{
 "imports": [
  ["./paygrade_bg.js", "__wbg_url_1be9", "a"],
  ["./paygrade_bg.js", "__wbindgen_init_externref_table", "b"]
 ],
"exports": [
  ["__wbindgen_externrefs", "c"],
  ["start", "d"]
 ]
}"#;
        let glue = renamed_glue(map, GLUE).unwrap();
        assert!(glue.contains(" a: function(arg0, arg1)"));
        assert!(glue.contains(" b: function()"));
        assert!(glue.contains("const table = wasm.c;"));
        assert!(glue.contains("    wasm.d();"));
        // A longer name that starts with an export's is not that export.
        assert!(glue.contains("wasm.start_extra(arg0)"));
        assert!(glue.contains("\"a\": import0"));
        assert!(!glue.contains("paygrade_bg.js"));
    }

    #[test]
    fn a_name_the_glue_lacks_fails_the_build() {
        let map = r#"{"imports": [["./paygrade_bg.js", "__wbg_gone_99", "a"]], "exports": []}"#;
        let error = renamed_glue(map, GLUE).unwrap_err();
        assert!(error.contains("__wbg_gone_99"), "{error}");
        assert!(renamed_glue("no map", GLUE).is_err());
    }
}
