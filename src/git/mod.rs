//! Everything git: the journal's history (who introduced and who changed each entry),
//! backfilled and edited entries, priority churn, `upward init`'s repository and hook, and
//! `upward add --commit`. Built only with the `git` cargo feature; it uses libgit2 (git2),
//! never the git program and never the network.
//!
//! # History
//!
//! [`analyse`] walks HEAD's history of every journal file that lies in a repository,
//! following renames, and attributes each line of the file's HEAD version to the commit that
//! introduced it and the commits that changed it (a blame). Entries take their history from
//! their lines: an entry was *first committed* by the oldest commit among its lines, and
//! *edited* by every other commit that touched them. Uncommitted changes are ignored; an
//! entry that exists only in the work tree has no history.
//!
//! Journals are append-mostly, so the walk never diffs every version: when an older version
//! is a prefix of a newer one (checked by hashing the newer text's prefix and comparing it
//! with the older blob's id, without reading the older blob), the lines past the prefix are
//! attributed from blob sizes alone. Only a version that is not a prefix is read and diffed
//! line by line. Results are cached by commit id under `.git/upward/`; see [`cache`].
//!
//! # Backfilled entries and `streaks --strict`
//!
//! An entry is *backfilled* when its first commit's author date is more than 3 days after
//! the entry's date (docs/language.md §7). [`backfilled`] returns the set of backfilled entries of a
//! journal, keyed by the entry's file and header line:
//!
//! ```no_run
//! # fn demo(journal: &upward::model::Journal) -> Result<(), upward::git::GitError> {
//! let backfilled = upward::git::backfilled(journal)?;
//! let counted = journal.entries.iter().filter(|e| !backfilled.contains(e)).count();
//! # let _ = counted; Ok(()) }
//! ```
//!
//! A journal outside any repository gives [`GitError::NotARepository`]; entries that are not
//! committed yet are not backfilled.

pub mod analyse;
mod attribute;
mod blame;
pub mod cache;
mod churn;
mod commit;
pub mod driver;
mod lines;
mod map;
mod progress;
pub mod report;
mod sha1;
mod walk;

use std::path::{Path, PathBuf};

use git2::Repository;

pub use analyse::{Analysis, Change, EntryHistory, analyse};
pub use commit::{FileCommit, RepoState, hook_script, init_repo, parse_git_date};
pub use report::{Backfilled, HistoryReport, backfilled, report};
pub use walk::CommitMeta;

/// Why git could not answer.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error(
        "`{0}` is not in a git repository: history needs the journal committed to git (`upward init` starts one)"
    )]
    NotARepository(String),
    #[error("{0}")]
    Message(String),
    #[error("git: {}", .0.message())]
    Git(#[from] git2::Error),
}

/// The repository whose work tree holds `path`, and `path` inside that work tree.
pub fn repo_of(path: &Path) -> Result<(Repository, PathBuf), GitError> {
    let absolute = crate::add::canonical(path);
    let dir = absolute.parent().unwrap_or(Path::new("/"));
    let not_repo = || GitError::NotARepository(path.display().to_string());
    let repo = Repository::discover(dir).map_err(|_| not_repo())?;
    let workdir = repo.workdir().ok_or_else(not_repo)?;
    let workdir = std::fs::canonicalize(workdir).unwrap_or_else(|_| workdir.to_path_buf());
    let rel = absolute
        .strip_prefix(&workdir)
        .map_err(|_| not_repo())?
        .to_path_buf();
    Ok((repo, rel))
}
