//! Finding `upward-NAME` on PATH, and refusing any program that lies in the journal's folders
//! or was reached through a relative PATH entry.

use std::collections::HashSet;
use std::ffi::OsString;
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

/// Why a program on PATH may not run.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error(
        "it lies in the journal's folder `{}`, and plugins run only from outside the journal's folders",
        .0.display()
    )]
    InJournal(PathBuf),
    #[error(
        "it was found through the relative PATH entry `{}`, and plugins are looked up only in absolute PATH folders",
        .0.display()
    )]
    Relative(PathBuf),
    #[error(
        "it was found through an empty PATH entry (the current folder), and plugins are looked up only in absolute PATH folders"
    )]
    Empty,
}

/// The journal's folders, which no plugin may come from, and the PATH plugins are looked up
/// on. The folders are each `-f` directory and the folder of each journal file (`-f` files
/// and includes), with everything under them. Paths are compared both as written (made
/// absolute) and with links and `..` resolved, so neither gets around it.
#[derive(Clone, Debug)]
pub struct Guard {
    roots: Vec<PathBuf>,
    /// PATH's entries as the caller set them, relative and empty ones included.
    path: Vec<PathBuf>,
}

impl Guard {
    /// `journal` are the paths the journal was named by; `files` every file it loaded
    /// (includes too). PATH is read from the environment.
    pub fn new(journal: &[PathBuf], files: &[PathBuf]) -> Guard {
        let path = std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).collect())
            .unwrap_or_default();
        Guard::with_path(journal, files, path)
    }

    fn with_path(journal: &[PathBuf], files: &[PathBuf], path: Vec<PathBuf>) -> Guard {
        let mut roots = Vec::new();
        for p in journal {
            let root = if p.is_dir() {
                Some(p.as_path())
            } else {
                p.parent()
            };
            roots.extend(root.map(folder));
        }
        roots.extend(files.iter().filter_map(|f| f.parent()).map(folder));
        let mut both: Vec<PathBuf> = Vec::new();
        for root in roots {
            both.extend(std::path::absolute(&root).ok());
            both.extend(canonical(&root));
        }
        both.sort();
        both.dedup();
        Guard { roots: both, path }
    }

    /// The journal folder `place` lies in, if any: as written or with links resolved.
    fn root_of(&self, place: &Path) -> Option<&PathBuf> {
        let mut forms = vec![std::path::absolute(place).ok(), canonical(place)];
        // The folder PATH named, resolved, with the program's own name (a link's location).
        forms.push(
            std::path::absolute(place)
                .ok()
                .and_then(|p| Some(canonical(p.parent()?)?.join(p.file_name()?))),
        );
        forms
            .into_iter()
            .flatten()
            .find_map(|form| self.roots.iter().find(|root| form.starts_with(root)))
    }

    /// Why `program`, found in PATH entry `entry`, may not run, if it may not.
    fn refuses_in(&self, entry: &Path, program: &Path) -> Option<Refusal> {
        if entry.as_os_str().is_empty() {
            return Some(Refusal::Empty);
        }
        if entry.is_relative() {
            return Some(Refusal::Relative(entry.to_path_buf()));
        }
        self.root_of(entry)
            .or_else(|| self.root_of(program))
            .map(|root| Refusal::InJournal(root.clone()))
    }

    /// Why `program` (a path as `list` gives it: its PATH entry joined with its name) may not
    /// run, if it may not.
    pub fn refuses(&self, program: &Path) -> Option<Refusal> {
        let entry = program.parent().unwrap_or(Path::new(""));
        self.refuses_in(entry, program)
    }

    /// The PATH to hand a plugin: the caller's without relative or empty entries and without
    /// entries in the journal's folders. `None` when nothing is left (PATH is then unset for
    /// the plugin rather than empty, which would mean the current folder).
    pub fn clean_path(&self) -> Option<OsString> {
        let kept: Vec<&PathBuf> = self
            .path
            .iter()
            .filter(|e| e.is_absolute() && self.root_of(e).is_none())
            .collect();
        if kept.is_empty() {
            return None;
        }
        std::env::join_paths(kept).ok()
    }
}

/// The folder a path names, `.` for the empty parent of a bare file name.
fn folder(path: &Path) -> PathBuf {
    if path.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        path.to_path_buf()
    }
}

fn canonical(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// The program `upward-NAME` to run: the first on PATH that the guard allows. A refused
/// program earlier on PATH is passed over; when every one is refused, the first refusal is
/// the error.
pub fn find(name: &str, guard: &Guard) -> Result<PathBuf, PluginError> {
    if !valid_name(name) {
        return Err(PluginError::InvalidName(name.to_string()));
    }
    let program = format!("{PREFIX}{name}");
    let mut refused = None;
    for entry in &guard.path {
        let Some(candidate) = program_in(entry, &program) else {
            continue;
        };
        match guard.refuses_in(entry, &candidate) {
            None => return Ok(candidate),
            Some(why) => {
                refused.get_or_insert(PluginError::Refused {
                    path: candidate,
                    why,
                });
            }
        }
    }
    Err(refused.unwrap_or(PluginError::NotFound(program)))
}

/// The program `name` in the PATH entry `entry`, as `which` would run it.
fn program_in(entry: &Path, name: &str) -> Option<PathBuf> {
    let dir = folder(entry);
    which::which_in_global(name, Some(dir.as_os_str()))
        .ok()
        .and_then(|mut all| all.next())
}

/// A plugin found on PATH.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// NAME, without the prefix (and without `.exe` and the like on Windows).
    pub name: String,
    pub path: PathBuf,
}

/// Every `upward-NAME` program on PATH, the first of each name (the one that runs when
/// nothing refuses it), sorted by name. A path is its PATH entry joined with its name, so one
/// from a relative entry is relative.
pub fn list() -> Vec<Found> {
    let Some(path) = std::env::var_os("PATH") else {
        return Vec::new();
    };
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for entry in std::env::split_paths(&path) {
        let Ok(read) = std::fs::read_dir(folder(&entry)) else {
            continue;
        };
        let mut here: Vec<PathBuf> = read.flatten().map(|e| entry.join(e.file_name())).collect();
        here.sort();
        for file in here {
            let Some(name) = plugin_name(&file) else {
                continue;
            };
            if seen.contains(&name) || !is_program(&entry, &file) {
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
fn is_program(entry: &Path, file: &Path) -> bool {
    file.file_name()
        .and_then(|name| program_in(entry, &name.to_string_lossy()))
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clean_path_drops_relative_empty_and_journal_entries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let notes = dir.path().join("notes");
        std::fs::create_dir_all(notes.join("bin")).expect("mkdir");
        let file = notes.join("a.up");
        let path: Vec<PathBuf> = [
            PathBuf::from("."),
            PathBuf::new(),
            PathBuf::from("bin"),
            notes.join("bin"),
            notes.join("missing"),
            PathBuf::from("/usr/bin"),
        ]
        .into();
        let guard = Guard::with_path(&[file], &[], path);
        assert_eq!(guard.clean_path(), Some(OsString::from("/usr/bin")));
        let none = Guard::with_path(std::slice::from_ref(&notes), &[], vec![notes.join("bin")]);
        assert_eq!(none.clean_path(), None);
    }

    #[test]
    fn a_bare_file_name_makes_the_current_folder_a_journal_folder() {
        let guard = Guard::with_path(&[PathBuf::from("journal.up")], &[], Vec::new());
        let here = std::env::current_dir().expect("cwd");
        assert!(guard.root_of(&here.join("bin/upward-x")).is_some());
        assert!(guard.root_of(Path::new("/usr/bin/upward-x")).is_none() || here == Path::new("/"));
    }
}
