//! Finding `upward-NAME` on PATH, and refusing any program that lies in the journal.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::PluginError;

/// Every plugin's program name starts with this.
pub const PREFIX: &str = "upward-";

/// A plugin name is letters, digits, `_ . -`, starting with a letter or digit: never a path.
pub fn valid_name(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_alphanumeric)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// The places a plugin must never be run from: inside a journal directory (a `-f`
/// directory), directly beside a journal file, or a journal file itself. Paths are compared
/// canonical, so links and `..` do not get around it.
#[derive(Clone, Debug, Default)]
pub struct Guard {
    dirs: Vec<PathBuf>,
    file_dirs: Vec<PathBuf>,
    files: Vec<PathBuf>,
}

impl Guard {
    /// `journal` are the paths the journal was named by; `files` every file it loaded
    /// (includes too).
    pub fn new(journal: &[PathBuf], files: &[PathBuf]) -> Guard {
        let mut guard = Guard::default();
        for path in journal {
            if path.is_dir() {
                guard.dirs.extend(canonical(path));
            } else {
                guard.add_file(path);
            }
        }
        for file in files {
            guard.add_file(file);
        }
        guard
    }

    fn add_file(&mut self, file: &Path) {
        if let Some(file) = canonical(file) {
            self.file_dirs.extend(file.parent().map(Path::to_path_buf));
            self.files.push(file);
        }
    }

    /// Why `program` may not run, if it may not: the journal place it lies in.
    pub fn refuses(&self, program: &Path) -> Option<PathBuf> {
        let mut places = vec![canonical(program)];
        // The place PATH found it, when that is a link to somewhere else.
        places.push(
            std::path::absolute(program)
                .ok()
                .and_then(|p| Some(canonical(p.parent()?)?.join(p.file_name()?))),
        );
        places.into_iter().flatten().find_map(|place| {
            if let Some(file) = self.files.iter().find(|f| **f == place) {
                return Some(file.clone());
            }
            if let Some(dir) = self.dirs.iter().find(|d| place.starts_with(d)) {
                return Some(dir.clone());
            }
            let parent = place.parent()?;
            self.file_dirs.iter().find(|d| *d == parent).cloned()
        })
    }
}

fn canonical(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// The program `upward-NAME` to run: the first on PATH that the guard allows.
pub fn find(name: &str, guard: &Guard) -> Result<PathBuf, PluginError> {
    if !valid_name(name) {
        return Err(PluginError::InvalidName(name.to_string()));
    }
    let program = format!("{PREFIX}{name}");
    let mut refused = None;
    for candidate in which::which_all_global(&program).into_iter().flatten() {
        match guard.refuses(&candidate) {
            None => return Ok(candidate),
            Some(place) => {
                refused.get_or_insert((candidate, place));
            }
        }
    }
    Err(match refused {
        Some((path, place)) => PluginError::Refused { path, place },
        None => PluginError::NotFound(program),
    })
}

/// A plugin found on PATH.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// NAME, without the prefix (and without `.exe` and the like on Windows).
    pub name: String,
    pub path: PathBuf,
}

/// Every `upward-NAME` program on PATH, the first of each name (the one that runs), sorted by
/// name.
pub fn list() -> Vec<Found> {
    let Some(path) = std::env::var_os("PATH") else {
        return Vec::new();
    };
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for dir in std::env::split_paths(&path) {
        let Ok(read) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut here: Vec<PathBuf> = read.flatten().map(|e| e.path()).collect();
        here.sort();
        for file in here {
            let Some(name) = plugin_name(&file) else {
                continue;
            };
            if seen.contains(&name) || !is_program(&dir, &file) {
                continue;
            }
            seen.insert(name.clone());
            found.push(Found { name, path: file });
        }
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

/// NAME from a file called `upward-NAME` (or `upward-NAME.exe` where PATHEXT applies).
fn plugin_name(file: &Path) -> Option<String> {
    let base = file.file_name()?.to_str()?;
    let rest = base.strip_prefix(PREFIX)?;
    let name = if cfg!(windows) {
        Path::new(rest).file_stem()?.to_str()?
    } else {
        rest
    };
    valid_name(name).then(|| name.to_string())
}

/// Whether `which` would run this file: it exists and is executable.
fn is_program(dir: &Path, file: &Path) -> bool {
    let Some(name) = file.file_name() else {
        return false;
    };
    which::which_in_global(name, Some(dir.as_os_str()))
        .ok()
        .and_then(|mut all| all.next())
        .is_some()
}
