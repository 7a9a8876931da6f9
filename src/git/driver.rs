//! The merge driver's `.git/config` part: `upward init` adds what is missing, and `upward
//! check` says when a repository's `.gitattributes` asks for the driver but git does not know
//! how to run it (a fresh clone: `.git/config` is not cloned).

use std::path::Path;

use git2::{ConfigLevel, Repository};

use super::GitError;
use crate::merge::attributes::{DRIVER, NAME, decides_journals, names_driver};

/// Sets `merge.upward.name` and `merge.upward.driver` in the repository's own configuration
/// where git's configuration (at any level) has no value yet; returns the keys it set.
pub fn register(dir: &Path) -> Result<Vec<&'static str>, GitError> {
    let repo = Repository::discover(dir)?;
    let all = repo.config()?;
    let mut local = all.open_level(ConfigLevel::Local)?;
    let mut set = Vec::new();
    for (key, value) in [("merge.upward.name", NAME), ("merge.upward.driver", DRIVER)] {
        if all.get_string(key).is_err() {
            local.set_str(key, value)?;
            set.push(key);
        }
    }
    Ok(set)
}

/// For a journal at `path`: when its repository's top-level `.gitattributes` names the
/// driver but git's configuration does not define it, the sentence that says how to fix it.
pub fn missing_driver(path: &Path) -> Option<String> {
    let dir = if path.is_dir() { path } else { path.parent()? };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let repo = Repository::discover(dir).ok()?;
    let top = repo.workdir()?;
    let attributes = std::fs::read_to_string(top.join(".gitattributes")).ok()?;
    // `.git/info/attributes` overrides it for this clone alone (a way to turn the driver off).
    let own = std::fs::read_to_string(repo.path().join("info/attributes")).unwrap_or_default();
    let turned_off = decides_journals(&own) && !names_driver(&own);
    let configured = repo
        .config()
        .ok()?
        .get_string("merge.upward.driver")
        .is_ok();
    if !names_driver(&attributes) || turned_off || configured {
        return None;
    }
    Some(format!(
        "{}.gitattributes merges journals with `upward merge`, but this clone's git does not know that driver (.git/config is not cloned), so concurrent edits would conflict line by line: run `upward init` in {} once",
        top.display(),
        top.display()
    ))
}
