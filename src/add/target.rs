//! Which file an entry goes to.

use std::path::{Path, PathBuf};

use crate::model::Journal;

/// The file `add` appends to without `--to`: the journal's one file when it names a single
/// file, else the last of its files in path order (components compared bytewise), which for
/// a directory of `2025.up`, `2026.up` is the newest.
pub fn default_target(paths: &[PathBuf], journal: &Journal) -> Option<PathBuf> {
    if let [only] = paths
        && only.is_file()
    {
        return Some(only.clone());
    }
    journal
        .sources
        .iter()
        .map(|(_, f)| f.path.clone())
        .max_by(|a, b| {
            let (ca, cb) = (canonical(a), canonical(b));
            ca.components()
                .map(|c| c.as_os_str().as_encoded_bytes().to_vec())
                .cmp(
                    cb.components()
                        .map(|c| c.as_os_str().as_encoded_bytes().to_vec()),
                )
        })
}

/// A path made absolute with symbolic links resolved, also for a file that does not exist
/// yet (its directory is resolved instead).
pub fn canonical(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            std::fs::canonicalize(dir)
                .map(|d| d.join(name))
                .unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}
