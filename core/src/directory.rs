//! The role directory as data: every job family grouped by department, filtered by what a reader types.
//! The page and the pre-rendered directory both lay out what this returns.

use crate::model::{IndexEntry, RoleIndex};
use crate::table::Query;

/// The heading for roles at the top of the data folder, outside any department folder.
pub const NO_DEPARTMENT: &str = "Other roles";

/// One department's roles, as the directory lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentGroup<'a> {
    pub department: &'a str,
    pub roles: Vec<&'a IndexEntry>,
}

/// The roles matching every word of `search` in their title, a level's title or their department,
/// grouped by department (alphabetical, top-level roles last) and sorted by title within each.
pub fn directory<'a>(index: &'a RoleIndex, search: &str) -> Vec<DepartmentGroup<'a>> {
    let query = Query::new(search);
    let mut groups: Vec<DepartmentGroup<'a>> = Vec::new();
    // Family overviews (a section's `_index.md` with leaves beside it) head their leaves' group instead of
    // being listed: their titles by id, found once per call, not per entry.
    let families: std::collections::HashSet<&str> = index
        .roles
        .iter()
        .filter_map(|entry| entry.family.as_deref())
        .collect();
    let titles: std::collections::HashMap<&str, &str> = index
        .roles
        .iter()
        .filter(|entry| families.contains(entry.id.as_str()))
        .map(|entry| (entry.id.as_str(), entry.title.as_str()))
        .collect();
    for entry in &index.roles {
        if families.contains(entry.id.as_str()) {
            continue;
        }
        let department = entry
            .family
            .as_deref()
            .and_then(|family| titles.get(family).copied())
            .or(entry.department.as_deref())
            .unwrap_or(NO_DEPARTMENT);
        let matches = query.matches(&[&entry.title, department])
            || entry
                .levels
                .iter()
                .any(|level| query.matches(&[&entry.title, department, &level.title]));
        if !matches {
            continue;
        }
        match groups
            .iter_mut()
            .find(|group| group.department == department)
        {
            Some(group) => group.roles.push(entry),
            None => groups.push(DepartmentGroup {
                department,
                roles: vec![entry],
            }),
        }
    }
    crate::order::sort_by(&mut groups, |a, b| {
        (a.department == NO_DEPARTMENT, a.department)
            .cmp(&(b.department == NO_DEPARTMENT, b.department))
    });
    for group in &mut groups {
        crate::order::sort_by(&mut group.roles, |a, b| {
            a.title.cmp(&b.title).then_with(|| a.id.cmp(&b.id))
        });
    }
    groups
}

/// How many roles a directory lists, for the "N roles" line and the empty state.
pub fn role_count(groups: &[DepartmentGroup]) -> usize {
    groups.iter().map(|group| group.roles.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::IndexLevel;

    fn entry(id: &str, title: &str, department: Option<&str>, levels: &[&str]) -> IndexEntry {
        IndexEntry {
            id: id.to_string(),
            file: format!("roles/{id}.md"),
            title: title.to_string(),
            department: department.map(str::to_string),
            slug: id.to_string(),
            levels: levels
                .iter()
                .map(|title| IndexLevel {
                    title: title.to_string(),
                    slug: crate::model::slug(title),
                    grade: Some(6),
                })
                .collect(),
            ..IndexEntry::default()
        }
    }

    fn index() -> RoleIndex {
        RoleIndex {
            version: 1,
            roles: vec![
                entry("vp", "VP of Strategy", None, &["VP of Strategy"]),
                entry(
                    "sales/ae",
                    "Account Executive",
                    Some("Sales"),
                    &["Account Executive"],
                ),
                entry(
                    "eng/backend",
                    "Backend Engineer",
                    Some("Engineering"),
                    &[
                        "Intermediate Backend Engineer",
                        "Senior Backend Engineer",
                        "Staff Backend Engineer",
                    ],
                ),
                entry(
                    "eng/frontend",
                    "Frontend Engineer",
                    Some("Engineering"),
                    &["Frontend Engineer"],
                ),
            ],
        }
    }

    fn listed(groups: &[DepartmentGroup]) -> Vec<(String, Vec<String>)> {
        groups
            .iter()
            .map(|g| {
                (
                    g.department.to_string(),
                    g.roles.iter().map(|r| r.title.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn groups_by_department_with_top_level_roles_last() {
        let index = index();
        let groups = directory(&index, "");
        assert_eq!(
            listed(&groups),
            [
                (
                    "Engineering".to_string(),
                    vec![
                        "Backend Engineer".to_string(),
                        "Frontend Engineer".to_string()
                    ]
                ),
                ("Sales".to_string(), vec!["Account Executive".to_string()]),
                (
                    NO_DEPARTMENT.to_string(),
                    vec!["VP of Strategy".to_string()]
                ),
            ]
        );
        assert_eq!(role_count(&groups), 4);
    }

    #[test]
    fn search_matches_titles_levels_and_departments_by_every_word() {
        let index = index();
        let titles = |search: &str| -> Vec<String> {
            directory(&index, search)
                .iter()
                .flat_map(|g| g.roles.iter().map(|r| r.title.clone()))
                .collect()
        };
        assert_eq!(titles("staff"), ["Backend Engineer"]);
        assert_eq!(titles("SALES"), ["Account Executive"]);
        assert_eq!(titles("engineering front"), ["Frontend Engineer"]);
        assert_eq!(titles("senior backend"), ["Backend Engineer"]);
        assert!(titles("senior frontend").is_empty());
    }
}
