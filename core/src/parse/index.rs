//! The role index file (`index.json`), read with located errors like the manifest.

use crate::model::{DataError, IndexEntry, IndexLevel, RoleIndex, INDEX_VERSION};

use super::json::{self, At, FirstError};

/// Reads an index `paygrade index` wrote; a newer version or a malformed file is an error naming the file,
/// the line and the field.
pub fn parse_index(file: &str, bytes: &[u8]) -> Result<RoleIndex, Vec<DataError>> {
    json::parse(file, bytes)
        .and_then(|value| read_index(&At::root(file, &value)))
        .map_err(|error| vec![error])
}

fn read_index(root: &At) -> Result<RoleIndex, DataError> {
    // The version first: a newer index may have fields this paygrade does not know, and the sentence to
    // show then is "run `paygrade index` again", not an unknown field.
    if let Some(version) = root.member_named("version") {
        let number = version.whole(u32::MAX)?;
        if number != INDEX_VERSION {
            return Err(version.error(format!(
                "is {number}, but this paygrade reads version {INDEX_VERSION}; run `paygrade index` again"
            )));
        }
    }
    let first = FirstError::default();
    let index = first.keep(root.fields(&["version", "roles"]));
    first.keep(index.required("version").map(|_| ()));
    let roles = first.keep(index.required("roles").and_then(|roles| roles.items()));
    let roles = roles
        .iter()
        .map(|entry| read_entry(entry, &first))
        .collect();
    first.finish(RoleIndex {
        version: INDEX_VERSION,
        roles,
    })
}

/// One role's entry; the first problem is kept in `first` and the rest read on with defaults (see
/// `FirstError`).
fn read_entry(at: &At, first: &FirstError) -> IndexEntry {
    let entry = first.keep(at.fields(&[
        "id",
        "file",
        "title",
        "department",
        "description",
        "slug",
        "midpoint",
        "levels",
        "family",
    ]));
    let levels = first.keep(entry.required("levels").and_then(|levels| levels.items()));
    let string = |name| first.keep(entry.string(name));
    let optional = |name| first.keep(entry.optional_string(name));
    IndexEntry {
        id: string("id"),
        file: string("file"),
        title: string("title"),
        department: optional("department"),
        description: entry
            .get("description")
            .map_or(String::new(), |text| first.keep(text.string())),
        slug: string("slug"),
        midpoint: first.keep(entry.optional_number("midpoint")),
        levels: levels
            .iter()
            .map(|level| read_level(level, first))
            .collect(),
        family: optional("family"),
    }
}

fn read_level(at: &At, first: &FirstError) -> IndexLevel {
    let level = first.keep(at.fields(&["title", "slug", "grade"]));
    let grade = first.keep(
        level
            .optional("grade")
            .map(|grade| grade.whole(u32::from(u8::MAX)))
            .transpose(),
    );
    IndexLevel {
        title: first.keep(level.string("title")),
        slug: first.keep(level.string("slug")),
        grade: grade.and_then(|grade| u8::try_from(grade).ok()),
    }
}
