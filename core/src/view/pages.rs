//! Where a role's and a level's pre-rendered pages live, and the build's band figures they read: the one
//! mapping from ids to paths, read by the pre-renderer for the files it writes and the links between them.

use crate::model::{slug, IndexEntry};

use super::own_midpoint_at;

/// The build's band figures, in the site's data folder: one file per grade (and per role with its own
/// midpoint), shared by every page and widget that shows that band, so a site's size grows with grades ×
/// locations, not pages × locations.
pub const FIGURES_DIR: &str = "figures/";

/// The map a widget reads before the wasm: for each role and level, its job title, grade and figures file.
pub const FIGURES_INDEX: &str = "figures/index.json";

/// `roles/<id>/`, each segment of the id made URL-safe, so no data can name a path outside `roles/`. Ids
/// are path-derived and already slugs, so this is the id itself for any real page.
pub fn role_page(id: &str) -> String {
    let segments: Vec<String> = id
        .split('/')
        .map(slug)
        .filter(|segment| !segment.is_empty())
        .collect();
    if segments.is_empty() {
        "roles/role/".to_string()
    } else {
        format!("roles/{}/", segments.join("/"))
    }
}

/// `roles/<id>/<level>/`: a level's own page inside its role's.
pub fn level_page(id: &str, level_slug: &str) -> String {
    format!("{}{}/", role_page(id), slug(level_slug))
}

/// The figures file for a role's band at `grade`, relative to the data folder: the grade's own
/// (`figures/grade-12.json`), or the role's where its own midpoint applies at that grade
/// (`figures/roles/<id>/grade-12.json`, by `own_midpoint_at`, the rule every front reads).
pub fn figures_file(entry: Option<&IndexEntry>, grade: u8) -> String {
    match entry.filter(|entry| own_midpoint_at(entry, grade).is_some()) {
        Some(entry) => format!("{FIGURES_DIR}{}grade-{grade}.json", role_page(&entry.id)),
        None => format!("{FIGURES_DIR}grade-{grade}.json"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_paths_stay_inside_roles() {
        assert_eq!(
            role_page("engineering/backend-engineer"),
            "roles/engineering/backend-engineer/"
        );
        assert_eq!(role_page("../../etc"), "roles/etc/");
        assert_eq!(role_page(""), "roles/role/");
        assert_eq!(
            level_page("sales/ae", "Senior AE"),
            "roles/sales/ae/senior-ae/"
        );
    }
}
