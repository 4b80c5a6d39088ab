//! The manifest: `manifest.json` beside the articles, giving each file's metadata as the
//! article states it. Unknown fields stay null; nothing is invented.
//!
//! ```json
//! {"articles": [{"id": "001", "file": "001.txt", "outlet": "Newsclip",
//!   "title": "...", "date": "2026-01-02", "byline": null, "url": null,
//!   "cites": [{"outlet": "Fox News", "url": "https://...", "how": "Source reference: line"}]}]}
//! ```

use crate::error::{Error, Result};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
pub struct Manifest {
    pub articles: Vec<Entry>,
}

#[derive(Debug, Deserialize, Clone)]
pub struct Entry {
    pub id: Option<String>,
    pub file: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
    #[serde(default)]
    pub cites: Vec<Cite>,
}

#[derive(Debug, Deserialize, Clone)]
pub struct Cite {
    pub outlet: String,
    pub url: Option<String>,
    pub how: Option<String>,
}

pub const FILE_NAME: &str = "manifest.json";

pub fn read(path: &Path) -> Result<Manifest> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|e| Error::Manifest {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}
