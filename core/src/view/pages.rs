//! Where a role's and a level's pre-rendered pages live: the one mapping from ids to paths, read by the
//! pre-renderer for the files it writes and for the links between them.

use crate::model::slug;

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
