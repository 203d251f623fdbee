//! The role index (`index.json`): what the directory lists and what a role's page needs to be found,
//! without fetching every page. `paygrade index` writes it; the page reads it.

use serde::{Deserialize, Serialize};

/// The index format's version; a reader refuses a newer one with a sentence, not a guess.
pub const INDEX_VERSION: u32 = 1;

/// Every job family in a data folder, sorted by id so it diffs cleanly in review.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleIndex {
    pub version: u32,
    pub roles: Vec<IndexEntry>,
}

/// One job family as the directory lists it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexEntry {
    /// The role's id (`engineering/backend-engineer`), as `?role=` takes it.
    pub id: String,
    /// The page's path relative to the data folder, fetched when the role is opened.
    pub file: String,
    pub title: String,
    /// The folder it sits in, as a person names it ("Engineering"); `None` at the top level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The front matter's or file name's slug, for old `?role=slug` links.
    pub slug: String,
    pub levels: Vec<IndexLevel>,
}

/// A level as the directory lists it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexLevel {
    pub title: String,
    pub slug: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<u8>,
}

impl RoleIndex {
    /// The entry a link's `role` names: its id, else an old slug that only one role has.
    pub fn find(&self, key: &str) -> Option<&IndexEntry> {
        if let Some(entry) = self.roles.iter().find(|entry| entry.id == key) {
            return Some(entry);
        }
        let mut by_slug = self.roles.iter().filter(|entry| entry.slug == key);
        match (by_slug.next(), by_slug.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }
}
