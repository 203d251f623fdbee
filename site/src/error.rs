//! Why a site could not be written: every case names the file or folder, as a sentence a person reads.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// One error type for the site crate; the CLI prints it after `paygrade:` and exits 2.
#[derive(Debug)]
pub enum SiteError {
    /// The folder named for the app's built files does not exist.
    NoApp { dir: PathBuf },
    /// The app's built files are not all in the folder named for them.
    MissingApp { dir: PathBuf, missing: Vec<String> },
    /// The output folder holds something other than a site paygrade wrote, which it will not delete.
    OutNotEmpty { out: PathBuf },
    /// The output folder would hold (and so delete or copy into itself) the data or the app's files.
    OutHolds {
        out: PathBuf,
        what: &'static str,
        inside: PathBuf,
    },
    /// The data folder could not be read for the pages (its manifest, after the checks ran).
    Data { folder: PathBuf, why: String },
    /// A file or folder could not be read, written, copied or removed.
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// The renderer's runtime did not start.
    Runtime { source: io::Error },
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SiteError::NoApp { dir } => write!(
                f,
                "the app's files were looked for in {}, which is not a folder",
                dir.display()
            ),
            SiteError::MissingApp { dir, missing } => write!(
                f,
                "the app's files are not in {}: {} missing",
                dir.display(),
                missing.join(", ")
            ),
            SiteError::OutNotEmpty { out } => write!(
                f,
                "{} is not empty and is not a site paygrade wrote; name a new or empty folder",
                out.display()
            ),
            SiteError::OutHolds { out, what, inside } => write!(
                f,
                "{} holds {what} ({}); write the site to another folder",
                out.display(),
                inside.display()
            ),
            SiteError::Data { folder, why } => {
                write!(f, "cannot render the pages of {}: {why}", folder.display())
            }
            SiteError::Io {
                action,
                path,
                source,
            } => write!(f, "cannot {action} {}: {source}", path.display()),
            SiteError::Runtime { source } => write!(f, "cannot start the renderer: {source}"),
        }
    }
}

impl std::error::Error for SiteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SiteError::Io { source, .. } | SiteError::Runtime { source } => Some(source),
            _ => None,
        }
    }
}
