//! The role index (`index.json`): what the directory lists and what a role's page needs to be found,
//! without fetching every page. `paygrade index` writes it; the page reads it.

use std::collections::HashMap;

use serde::Serialize;

use super::Role;

/// The index format's version; a reader refuses a newer one with a sentence, not a guess.
pub const INDEX_VERSION: u32 = 1;

/// Every job family in a data folder, sorted by id so it diffs cleanly in review.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RoleIndex {
    pub version: u32,
    pub roles: Vec<IndexEntry>,
}

/// One job family as the directory lists it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct IndexEntry {
    /// The role's id (`engineering/backend-engineer`), as `?role=` takes it.
    pub id: String,
    /// The page's path relative to the data folder, fetched when the role is opened.
    pub file: String,
    pub title: String,
    /// The folder it sits in, as a person names it ("Engineering"); `None` at the top level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The front matter's or file name's slug, for old `?role=slug` links.
    pub slug: String,
    /// The page's own midpoint (front matter), which replaces its first level's grade midpoint: here so
    /// the first band does not wait for the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub midpoint: Option<f64>,
    pub levels: Vec<IndexLevel>,
    /// The id of the family overview (a section's `_index.md` in the folder above) this page is a leaf of:
    /// the directory groups leaves under its title, and a leaf shows its hiring process where it has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
}

/// A level as the directory lists it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct IndexLevel {
    pub title: String,
    pub slug: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<u8>,
}

impl RoleIndex {
    /// The index of parsed pages, as `paygrade index` writes it: sorted by id, each page's levels in page
    /// order, its department named by the folder's own page (`engineering/_index.md`) or the folder name.
    pub fn from_roles(roles: &[Role]) -> RoleIndex {
        // Ungraded section pages (`_index.md`), the overviews of the leaves beside them: found once.
        let sections: std::collections::HashSet<&str> = roles
            .iter()
            .filter(|role| role.is_overview_page())
            .map(|role| role.id.as_str())
            .collect();
        // A folder's own page names its department; looked up once, not per role.
        let titles: HashMap<&str, &str> = roles
            .iter()
            .map(|role| (role.id.as_str(), role.title.as_str()))
            .collect();
        let mut entries: Vec<IndexEntry> = roles
            .iter()
            .map(|role| IndexEntry {
                id: role.id.clone(),
                file: role.file.clone(),
                title: role.title.clone(),
                department: department_of(&role.id, &titles),
                description: role.description.clone(),
                slug: role.slug.clone(),
                midpoint: role.midpoint,
                family: family_of(&role.id, &sections),
                levels: role
                    .levels
                    .iter()
                    .map(|level| IndexLevel {
                        title: level.title.clone(),
                        slug: level.slug.clone(),
                        grade: level.grade,
                    })
                    .collect(),
            })
            .collect();
        crate::order::sort_by(&mut entries, |a, b| a.id.cmp(&b.id));
        RoleIndex {
            version: INDEX_VERSION,
            roles: entries,
        }
    }

    /// The entry a link's `role` names: its id, else an old slug that only one role has.
    pub fn find(&self, key: &str) -> Option<&IndexEntry> {
        super::by_id_or_unique_slug(&self.roles, key, |entry| &entry.id, |entry| &entry.slug)
    }
}

impl IndexEntry {
    /// A level by position (from 1) or slug, as a link's `level` names it.
    pub fn level_by_key(&self, key: &str) -> Option<(usize, &IndexLevel)> {
        if let Ok(position) = key.parse::<usize>() {
            let index = position.checked_sub(1)?;
            return self.levels.get(index).map(|level| (index, level));
        }
        self.levels
            .iter()
            .enumerate()
            .find(|(_, level)| level.slug == key)
    }

    /// The grade the role's own `midpoint` is set for: its first level's (see `view::own_midpoint_at`).
    pub fn own_grade(&self) -> Option<u8> {
        self.levels.first().and_then(|level| level.grade)
    }
}

/// The overview a page is a leaf of: the section page (`_index.md`) of the folder it sits in.
fn family_of(id: &str, sections: &std::collections::HashSet<&str>) -> Option<String> {
    let (folder, _) = id.rsplit_once('/')?;
    sections.contains(folder).then(|| folder.to_string())
}

impl RoleIndex {
    /// Whether an entry is a family overview: some other entry names it as its family.
    pub fn is_overview(&self, id: &str) -> bool {
        self.roles
            .iter()
            .any(|entry| entry.family.as_deref() == Some(id))
    }
}

/// The department a role id sits in: its first folder, named by that folder's own page when there is one.
fn department_of(id: &str, titles: &HashMap<&str, &str>) -> Option<String> {
    let (folder, _) = id.split_once('/')?;
    Some(
        titles
            .get(folder)
            .map_or_else(|| humanise(folder), |title| title.to_string()),
    )
}

/// `developer-relations` → `Developer Relations`.
fn humanise(slug: &str) -> String {
    slug.split('-')
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(id: &str, title: &str) -> Role {
        Role {
            id: id.to_string(),
            slug: id.rsplit('/').next().unwrap_or(id).to_string(),
            file: format!("roles/{id}.md"),
            title: title.to_string(),
            ..Role::default()
        }
    }

    #[test]
    fn index_is_sorted_and_names_departments_by_folder_page_or_folder() {
        let roles = [
            role("sales/associate", "Sales Associate"),
            role("developer-relations/advocate", "Developer Advocate"),
            role("sales", "Sales Department"),
            role("vp", "VP"),
        ];
        let index = RoleIndex::from_roles(&roles);
        let ids: Vec<&str> = index.roles.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "developer-relations/advocate",
                "sales",
                "sales/associate",
                "vp"
            ]
        );
        let departments: Vec<Option<&str>> = index
            .roles
            .iter()
            .map(|e| e.department.as_deref())
            .collect();
        assert_eq!(
            departments,
            [
                Some("Developer Relations"),
                None,
                Some("Sales Department"),
                None
            ]
        );
    }

    #[test]
    fn old_slugs_find_a_role_only_when_unambiguous() {
        let index = RoleIndex::from_roles(&[
            role("sales/associate", "A"),
            role("marketing/associate", "B"),
            role("vp", "VP"),
        ]);
        assert_eq!(index.find("vp").map(|e| e.id.as_str()), Some("vp"));
        assert_eq!(
            index.find("sales/associate").map(|e| e.title.as_str()),
            Some("A")
        );
        assert_eq!(index.find("associate"), None);
    }
}
