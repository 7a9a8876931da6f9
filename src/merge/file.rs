//! The merge driver on files: git names the common ancestor, our version (where the result
//! goes) and their version. A file that cannot be cut into chunks is merged line by line by
//! git's own `git merge-file` instead. The result replaces our version atomically.

use std::path::Path;

use super::{Conflict, Trouble, Version};
use crate::program::{Git, GitFailure};

/// How the files were merged.
#[derive(Debug)]
pub enum Outcome {
    /// By entry, with these conflicts (none: a clean merge).
    ByEntry(Vec<Conflict>),
    /// Line by line, because of the trouble found in one version; whether it conflicted.
    ByLine {
        version: Version,
        trouble: Trouble,
        conflicted: bool,
    },
}

/// Why the driver could not merge.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot read `{0}`: {1}")]
    Read(String, String),
    #[error("cannot write `{0}`: {1}")]
    Write(String, String),
    #[error("cannot merge line by line: {0}")]
    Fallback(#[from] GitFailure),
}

/// Merges `theirs` into `ours` (both descended from `base`), writing the result to `ours`.
pub fn merge_files(base: &Path, ours: &Path, theirs: &Path) -> Result<Outcome, FileError> {
    let read = |path: &Path| {
        std::fs::read(path).map_err(|e| {
            FileError::Read(path.display().to_string(), crate::model::load::plain_io(&e))
        })
    };
    let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
    let (bytes, outcome) = match super::merge(&b, &o, &t) {
        Ok(merged) => (merged.bytes, Outcome::ByEntry(merged.conflicts)),
        Err((version, trouble)) => {
            let (bytes, conflicted) = by_line(base, ours, theirs)?;
            let outcome = Outcome::ByLine {
                version,
                trouble,
                conflicted,
            };
            (bytes, outcome)
        }
    };
    if bytes != o {
        crate::write::write_atomic(ours, &bytes).map_err(|e| {
            FileError::Write(ours.display().to_string(), crate::model::load::plain_io(&e))
        })?;
    }
    Ok(outcome)
}

/// `git merge-file -p`: the merged text and whether it holds conflicts.
fn by_line(base: &Path, ours: &Path, theirs: &Path) -> Result<(Vec<u8>, bool), GitFailure> {
    let git = Git::new(Path::new("."));
    let paths = [ours, base, theirs].map(|p| p.to_string_lossy().into_owned());
    let out = git.output(&[
        "merge-file",
        "-p",
        "-L",
        "ours",
        "-L",
        "base",
        "-L",
        "theirs",
        &paths[0],
        &paths[1],
        &paths[2],
    ])?;
    // Its exit status is the number of conflicts (at most 127), negative on an error.
    match out.status.code() {
        Some(n @ 0..=127) => Ok((out.stdout, n > 0)),
        _ => Err(GitFailure::Failed {
            args: "merge-file".into(),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        }),
    }
}
