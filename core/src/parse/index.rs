//! The role index file (`index.json`), read with located errors like the manifest.

use crate::model::{DataError, RoleIndex, INDEX_VERSION};

use super::manifest::json_message;

/// Reads an index `paygrade index` wrote; a newer version or a malformed file is an error naming the file.
pub fn parse_index(file: &str, bytes: &[u8]) -> Result<RoleIndex, Vec<DataError>> {
    let index: RoleIndex = serde_json::from_slice(bytes).map_err(|error| {
        let message = json_message(&error);
        vec![match error.line() {
            0 => DataError::file(file, message),
            line => DataError::line(file, line, message),
        }]
    })?;
    if index.version != INDEX_VERSION {
        return Err(vec![DataError::field(
            file,
            None,
            "version",
            format!(
                "is {}, but this paygrade reads version {INDEX_VERSION}; run `paygrade index` again",
                index.version
            ),
        )]);
    }
    Ok(index)
}
