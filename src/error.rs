//! The library's error type. Library code never prints and never exits: it returns these,
//! and the binary decides how to report them.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: malformed manifest: {reason}")]
    Manifest { path: PathBuf, reason: String },
    /// Every path was unreadable, empty or not an article; `reasons` names each.
    #[error("no readable article in the given paths ({skipped} skipped): {reasons}")]
    NothingReadable { skipped: usize, reasons: String },
    #[error("{0}")]
    Usage(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
