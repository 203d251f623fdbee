//! The role index file (`index.json`), read with located errors like the manifest.

use crate::model::{DataError, IndexEntry, IndexLevel, RoleIndex, INDEX_VERSION};

use super::json::{self, At};

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
    let index = root.fields(&["version", "roles"])?;
    index.required("version")?;
    let roles = index.required("roles")?.items()?;
    Ok(RoleIndex {
        version: INDEX_VERSION,
        roles: roles.iter().map(read_entry).collect::<Result<_, _>>()?,
    })
}

fn read_entry(at: &At) -> Result<IndexEntry, DataError> {
    let entry = at.fields(&[
        "id",
        "file",
        "title",
        "department",
        "description",
        "slug",
        "midpoint",
        "levels",
        "family",
    ])?;
    let levels = entry.required("levels")?.items()?;
    Ok(IndexEntry {
        id: entry.string("id")?,
        file: entry.string("file")?,
        title: entry.string("title")?,
        department: entry.optional_string("department")?,
        description: entry
            .get("description")
            .map_or(Ok(String::new()), |text| text.string())?,
        slug: entry.string("slug")?,
        midpoint: entry.optional_number("midpoint")?,
        levels: levels.iter().map(read_level).collect::<Result<_, _>>()?,
        family: entry.optional_string("family")?,
    })
}

fn read_level(at: &At) -> Result<IndexLevel, DataError> {
    let level = at.fields(&["title", "slug", "grade"])?;
    let grade = level
        .optional("grade")
        .map(|grade| grade.whole(u32::from(u8::MAX)))
        .transpose()?;
    Ok(IndexLevel {
        title: level.string("title")?,
        slug: level.string("slug")?,
        grade: grade.and_then(|grade| u8::try_from(grade).ok()),
    })
}
