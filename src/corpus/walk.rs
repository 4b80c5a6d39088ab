//! From the paths the user gave to the list of files to read.
//!
//! Folders are read recursively in sorted order; in them, only files of the formats we
//! read are taken (`.txt .md .text .markdown .jsonl .ndjson .json .html .htm .xhtml`,
//! each also `.gz`), never `manifest.json`, and never hidden files or folders (`.git`).
//! A file named on the command line is read whatever its name. Every folder and file is
//! read once however it is reached (symlinks, a folder and a file inside it both given),
//! and a symlink that loops or leads nowhere is named and skipped.

use super::format::{self, Format};
use super::manifest;
use super::problem::{Problem, ProblemKind};
use crate::error::Error;
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

/// One thing to read.
#[derive(Debug)]
pub struct Input {
    pub path: PathBuf,
    /// The path as messages and `Article::source` show it (`-` for standard input).
    pub source: String,
    /// Known from the name; `None` means decide by the content.
    pub format: Option<Format>,
    /// The manifest's entry for the file, when its folder has one.
    pub entry: Option<manifest::Entry>,
    /// Already read (standard input).
    pub bytes: Option<Vec<u8>>,
}

/// Everything to read under `paths`, with the problems met finding it.
pub fn collect(paths: &[PathBuf], problems: &mut Vec<Problem>) -> Vec<Input> {
    let mut walker = Walker {
        inputs: Vec::new(),
        problems,
        folders: HashSet::new(),
        files: HashSet::new(),
        manifests: BTreeMap::new(),
    };
    for path in paths {
        if path.as_os_str() == "-" {
            walker.stdin();
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walker.folder(path),
            Ok(_) => {
                let entry = walker.manifest_entry_for(path);
                walker.file(path, format::by_extension(path), entry);
            }
            Err(e) => walker.unreachable(path, e),
        }
    }
    walker.inputs
}

struct Walker<'p> {
    inputs: Vec<Input>,
    problems: &'p mut Vec<Problem>,
    /// Canonical paths already taken, so that nothing is read twice.
    folders: HashSet<PathBuf>,
    files: HashSet<PathBuf>,
    /// Each folder's manifest, read once.
    manifests: BTreeMap<PathBuf, BTreeMap<String, manifest::Entry>>,
}

impl Walker<'_> {
    fn stdin(&mut self) {
        let mut bytes = Vec::new();
        match std::io::stdin().read_to_end(&mut bytes) {
            Ok(_) => self.inputs.push(Input {
                path: PathBuf::from("stdin"),
                source: "-".into(),
                format: None,
                entry: None,
                bytes: Some(bytes),
            }),
            Err(e) => self.problems.push(Problem::new(
                "-",
                ProblemKind::Unreadable,
                format!("cannot read standard input: {e}"),
            )),
        }
    }

    fn file(&mut self, path: &Path, format: Option<Format>, entry: Option<manifest::Entry>) {
        let real = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if !self.files.insert(real) {
            self.problems.push(Problem::new(
                path.display().to_string(),
                ProblemKind::Repeated,
                "reached twice (symlink, or named again): read once",
            ));
            return;
        }
        self.inputs.push(Input {
            path: path.to_path_buf(),
            source: path.display().to_string(),
            format,
            entry,
            bytes: None,
        });
    }

    fn folder(&mut self, dir: &Path) {
        let shown = dir.display().to_string();
        match dir.canonicalize() {
            Ok(real) if !self.folders.insert(real.clone()) => {
                self.problems.push(Problem::new(
                    shown,
                    ProblemKind::Loop,
                    "folder already read (symlink loop?): skipped",
                ));
                return;
            }
            Err(e) => {
                self.problems.push(Problem::new(
                    shown,
                    ProblemKind::Unreadable,
                    format!("cannot read folder: {e}"),
                ));
                return;
            }
            Ok(_) => {}
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                self.problems.push(Problem::new(
                    shown,
                    ProblemKind::Unreadable,
                    format!("cannot read folder: {e}"),
                ));
                return;
            }
        };
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => paths.push(e.path()),
                Err(e) => self.problems.push(Problem::new(
                    shown.clone(),
                    ProblemKind::Unreadable,
                    format!("cannot list an entry: {e}"),
                )),
            }
        }
        paths.sort();
        let manifest = self.manifest(dir).clone();
        for path in paths {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.starts_with('.') || name == manifest::FILE_NAME {
                continue;
            }
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => self.folder(&path),
                Ok(_) => {
                    if let Some(format) = format::by_extension(&path) {
                        let entry = manifest.get(&name).cloned();
                        self.file(&path, Some(format), entry);
                    }
                }
                // A symlink that loops or points nowhere: say so, whatever its name.
                Err(e) => self.unreachable(&path, e),
            }
        }
    }

    fn unreachable(&mut self, path: &Path, e: std::io::Error) {
        let is_link = path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink());
        let (kind, reason) = match (is_link, is_loop(&e)) {
            (true, true) => (ProblemKind::Loop, format!("symlink loop: {e}")),
            (true, false) => (ProblemKind::Unreadable, format!("broken symlink: {e}")),
            _ => (ProblemKind::Unreadable, format!("cannot read: {e}")),
        };
        self.problems
            .push(Problem::new(path.display().to_string(), kind, reason));
    }
}

/// ELOOP: too many levels of symbolic links.
fn is_loop(e: &std::io::Error) -> bool {
    let eloop = if cfg!(any(
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd"
    )) {
        62
    } else {
        40
    };
    cfg!(unix) && e.raw_os_error() == Some(eloop)
}

impl Walker<'_> {
    fn manifest(&mut self, dir: &Path) -> &BTreeMap<String, manifest::Entry> {
        if !self.manifests.contains_key(dir) {
            let m = read_manifest(dir, self.problems);
            self.manifests.insert(dir.to_path_buf(), m);
        }
        &self.manifests[dir]
    }

    fn manifest_entry_for(&mut self, file: &Path) -> Option<manifest::Entry> {
        let dir = file.parent()?;
        let name = file.file_name()?.to_string_lossy().into_owned();
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        self.manifest(dir).get(&name).cloned()
    }
}

fn read_manifest(dir: &Path, problems: &mut Vec<Problem>) -> BTreeMap<String, manifest::Entry> {
    let path = dir.join(manifest::FILE_NAME);
    if !path.exists() {
        return BTreeMap::new();
    }
    match manifest::read(&path) {
        Ok(m) => m
            .articles
            .into_iter()
            .map(|e| (e.file.clone(), e))
            .collect(),
        Err(e) => {
            let why = match e {
                Error::Manifest { reason, .. } => format!("malformed manifest: {reason}"),
                Error::Io { source, .. } => format!("cannot read manifest: {source}"),
                other => other.to_string(),
            };
            problems.push(Problem::new(
                path.display().to_string(),
                ProblemKind::Manifest,
                format!("{why}; metadata read from the files instead"),
            ));
            BTreeMap::new()
        }
    }
}
