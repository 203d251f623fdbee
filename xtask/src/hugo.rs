//! The Hugo shortcode's test site: `tests/hugo-site`, a handbook that uses `integrations/hugo` as a theme
//! component, built with Debian's Hugo. The end-to-end tests build it into `dist/hugo-site/`, so the one
//! server serves the handbook and paygrade's own files and `params.paygrade.base = "/"` holds; the tests
//! here build copies of it with a page or a setting changed, to check what the shortcode refuses. (What it
//! escapes is read by the browser's own parser, in hugo.spec.mjs: the minifier re-quotes attributes, so the
//! HTML text is no place to look for it.)

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::root;

/// The test site's sources, relative to the workspace root.
pub const SITE: &str = "tests/hugo-site";

/// Where in dist/ the end-to-end tests serve the built site (its pages' addresses start with this).
pub const SERVED_AT: &str = "hugo-site";

/// Builds the site in `source` into `out` as `hugo --minify` would, with `base_url` as its address and the
/// shortcode from this checkout's `integrations/`. Hugo's own scratch files go to a temporary folder, so the
/// sources stay as committed. On failure, the error is Hugo's output.
pub fn build(source: &Path, out: &Path, base_url: &str) -> Result<(), String> {
    static BUILDS: AtomicUsize = AtomicUsize::new(0);
    let scratch = scratch_dir(&format!("build-{}", BUILDS.fetch_add(1, Ordering::Relaxed)));
    let output = Command::new("hugo")
        .arg("--source")
        .arg(source)
        .arg("--themesDir")
        .arg(root().join("integrations"))
        .arg("--destination")
        .arg(out)
        .args(["--baseURL", base_url, "--minify", "--noBuildLock"])
        .arg("--cacheDir")
        .arg(scratch.join("cache"))
        .env("HUGO_RESOURCEDIR", scratch.join("resources"))
        .output()
        .map_err(|e| format!("could not start hugo: {e}"))?;
    let _ = std::fs::remove_dir_all(&scratch);
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "hugo failed building {}:\n{}{}",
            source.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// Builds the test site into dist/hugo-site/ for the end-to-end tests.
pub fn build_into_dist(dist: &Path) -> Result<(), String> {
    crate::tools::ensure_hugo()?;
    build(
        &root().join(SITE),
        &dist.join(SERVED_AT),
        &format!("/{SERVED_AT}/"),
    )
}

/// A fresh folder under the system's temporary directory, unique to this process and `name`.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paygrade-hugo-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A copy of the test site with `page` added at `content/<name>`, built; Hugo's result and the page's HTML.
    fn build_with_page(name: &str, page: &str) -> (Result<(), String>, String) {
        let dir = scratch_dir(&format!("site-{}", name.replace('/', "-")));
        copy_dir(&root().join(SITE), &dir.join("site"));
        let file = dir.join("site/content").join(name);
        std::fs::write(&file, page)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", file.display()));
        let result = build(&dir.join("site"), &dir.join("public"), "/hugo-site/");
        let html_path = dir
            .join("public")
            .join(name.trim_end_matches(".md"))
            .join("index.html");
        let html = std::fs::read_to_string(html_path).unwrap_or_default();
        let _ = std::fs::remove_dir_all(&dir);
        (result, html)
    }

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", to.display()));
        let entries = std::fs::read_dir(from)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", from.display()));
        for entry in entries.flatten() {
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target)
                    .unwrap_or_else(|e| panic!("cannot copy to {}: {e}", target.display()));
            }
        }
    }

    #[test]
    fn a_shortcode_without_a_role_fails_the_build_naming_the_page() {
        crate::tools::ensure_hugo().unwrap_or_else(|e| panic!("{e}"));
        let (result, _) = build_with_page(
            "jobs/forgotten.md",
            "---\ntitle: Forgotten\n---\nA band:\n\n{{< paygrade level=\"1\" >}}\n",
        );
        let Err(message) = result else {
            panic!("hugo built a page whose shortcode has no role");
        };
        assert!(
            message.contains("content/jobs/forgotten.md:6"),
            "the error names the page and line: {message}"
        );
        assert!(message.contains("needs a role"), "{message}");
    }

    #[test]
    fn a_site_without_a_base_fails_the_build_saying_which_setting() {
        crate::tools::ensure_hugo().unwrap_or_else(|e| panic!("{e}"));
        let dir = scratch_dir("no-base");
        copy_dir(&root().join(SITE), &dir.join("site"));
        let config = dir.join("site/hugo.toml");
        let text = std::fs::read_to_string(&config).unwrap_or_default();
        std::fs::write(&config, text.replace("base = \"/\"", ""))
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", config.display()));
        let result = build(&dir.join("site"), &dir.join("public"), "/hugo-site/");
        let _ = std::fs::remove_dir_all(&dir);
        let Err(message) = result else {
            panic!("hugo built pages with no params.paygrade.base");
        };
        assert!(message.contains("params.paygrade.base"), "{message}");
        assert!(message.contains("content/jobs/"), "names a page: {message}");
    }
}
