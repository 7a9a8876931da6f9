//! `upward sync`: commit the journal files' changes, `git pull --rebase`, `git push`, through
//! the user's own git program, and count the entries that came in and went out.
//!
//! Each step is one git command, with the user's configuration, credentials and hooks. When
//! a step fails, sync stops there and leaves the repository exactly as git left it: a rebase
//! stopped at a conflict stays in progress for the user to finish or abort.

pub mod count;

use std::path::Path;

use crate::program::{Git, GitFailure};
use count::JOURNALS;

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    /// The remote branch synced with, as `origin/main`.
    pub remote: String,
    /// Whether the journal's changes were committed first.
    pub committed: bool,
    /// Entries the remote had that this repository did not (new or changed).
    #[serde(rename = "in")]
    pub came_in: usize,
    /// Entries pushed (new or changed).
    #[serde(rename = "out")]
    pub went_out: usize,
    /// Whether anything was pushed.
    pub pushed: bool,
}

/// Why a sync stopped; each says what to do next.
#[derive(Debug, thiserror::Error)]
pub enum Stop {
    #[error(
        "`{0}` is not in a git repository: `upward init` starts one, or `git clone` your notes"
    )]
    NotARepository(String),
    #[error(
        "this repository has no remote to sync with: add one with `git remote add origin URL`, then run `upward sync` again"
    )]
    NoRemote,
    #[error(
        "branch `{0}` has no upstream and there are several remotes: choose one with `git push -u REMOTE {0}`, then run `upward sync` again"
    )]
    WhichRemote(String),
    #[error(
        "HEAD is not on a branch: check out the branch you sync (`git switch main`), then run `upward sync` again"
    )]
    Detached,
    #[error(
        "a {0} is in progress (an earlier sync stopped at a conflict?): finish it as `git status` says, or undo it with `git {0} --abort`, then run `upward sync` again"
    )]
    Busy(&'static str),
    #[error(
        "git did not commit the journal's changes (see its message above; a pre-commit hook refuses a journal with errors): fix that, then run `upward sync` again"
    )]
    CommitRefused,
    #[error(
        "sync stopped at a conflict: {files} changed the same entry on both sides. Keep what you want between the <<<<<<< and >>>>>>> lines, run `git add {files}` and `git rebase --continue`, then `upward sync` again (`git rebase --abort` goes back to before the pull; your commit stays)"
    )]
    Conflict { files: String },
    #[error(
        "`git pull --rebase` failed (see its message above); your changes are committed here and nothing was pushed: run `upward sync` again once git can reach the remote"
    )]
    PullFailed,
    #[error(
        "`git push` failed (see its message above); your changes are committed here: run `upward sync` again (it brings in what the remote has first)"
    )]
    PushFailed,
    #[error("{0}")]
    Git(#[from] GitFailure),
}

impl Stop {
    /// Whether the repository is not set up to sync (a usage error) rather than stopped midway.
    pub fn is_setup(&self) -> bool {
        matches!(
            self,
            Stop::NotARepository(_) | Stop::NoRemote | Stop::WhichRemote(_) | Stop::Detached
        )
    }
}

/// The remote branch to sync with.
struct Target {
    remote: String,
    branch: String,
    /// Whether the local branch tracks it already (then plain `pull` and `push` do).
    tracking: bool,
}

impl Target {
    fn name(&self) -> String {
        format!("{}/{}", self.remote, self.branch)
    }

    fn reference(&self) -> String {
        format!("refs/remotes/{}/{}", self.remote, self.branch)
    }
}

/// Syncs the repository that holds `dir`.
pub fn sync(dir: &Path) -> Result<Report, Stop> {
    let top = Git::new(dir)
        .line(&["rev-parse", "--show-toplevel"])
        .map_err(|e| match e {
            GitFailure::Failed { .. } => Stop::NotARepository(dir.display().to_string()),
            e => Stop::Git(e),
        })?;
    let git = Git::new(Path::new(&top));
    busy(&git)?;
    let branch = git
        .line(&["symbolic-ref", "--quiet", "--short", "HEAD"])
        .map_err(|_| Stop::Detached)?;
    let target = target(&git, &branch)?;
    let committed = commit(&git)?;
    let before = rev(&git, "HEAD");
    let pulled = if target.tracking {
        git.run(&["pull", "--rebase", "--autostash", "--quiet"])?
    } else {
        git.run(&["fetch", "--quiet", &target.remote])?
            && (rev(&git, &target.reference()).is_none()
                || git.run(&[
                    "pull",
                    "--rebase",
                    "--autostash",
                    "--quiet",
                    &target.remote,
                    &target.branch,
                ])?)
    };
    if !pulled {
        return Err(match busy(&git) {
            Err(Stop::Busy(_)) => Stop::Conflict {
                files: unmerged(&git),
            },
            _ => Stop::PullFailed,
        });
    }
    let upstream = rev(&git, &target.reference());
    let head = rev(&git, "HEAD");
    let came_in = match (&before, &upstream) {
        (Some(before), Some(up)) => {
            let base = git.line(&["merge-base", before, up]).ok();
            count::entries(&git, base.as_deref(), up)?
        }
        (None, Some(up)) => count::entries(&git, None, up)?,
        _ => 0,
    };
    let mut went_out = 0;
    let mut pushed = false;
    if let Some(head) = head.as_deref().filter(|&h| Some(h) != upstream.as_deref()) {
        went_out = count::entries(&git, upstream.as_deref(), head)?;
        pushed = if target.tracking {
            git.run(&["push", "--quiet"])?
        } else {
            git.run(&["push", "--quiet", "--set-upstream", &target.remote, &branch])?
        };
        if !pushed {
            return Err(Stop::PushFailed);
        }
    }
    Ok(Report {
        remote: target.name(),
        committed,
        came_in,
        went_out,
        pushed,
    })
}

/// The full id of a revision, when it exists.
fn rev(git: &Git, name: &str) -> Option<String> {
    git.line(&["rev-parse", "--verify", "--quiet", name]).ok()
}

/// Refuses to start while a rebase or a merge is in progress.
fn busy(git: &Git) -> Result<(), Stop> {
    for (path, what) in [
        ("rebase-merge", "rebase"),
        ("rebase-apply", "rebase"),
        ("MERGE_HEAD", "merge"),
    ] {
        let at = git.line(&["rev-parse", "--git-path", path])?;
        if git.dir().join(at).exists() {
            return Err(Stop::Busy(what));
        }
    }
    Ok(())
}

/// The branch's upstream, else `origin` (or the only remote) and the branch's own name.
fn target(git: &Git, branch: &str) -> Result<Target, Stop> {
    if let Ok(up) = git.line(&["rev-parse", "--symbolic-full-name", "@{upstream}"])
        && let Ok(short) = git.line(&["rev-parse", "--abbrev-ref", "@{upstream}"])
        && let Some(remote_branch) = up.strip_prefix("refs/remotes/")
        && let Some((remote, rest)) = short.split_once('/')
        && remote_branch == format!("{remote}/{rest}")
    {
        return Ok(Target {
            remote: remote.to_string(),
            branch: rest.to_string(),
            tracking: true,
        });
    }
    let remotes = git.line(&["remote"])?;
    let remotes: Vec<&str> = remotes.lines().collect();
    let remote = match remotes.as_slice() {
        [] => return Err(Stop::NoRemote),
        [only] => *only,
        _ if remotes.contains(&"origin") => "origin",
        _ => return Err(Stop::WhichRemote(branch.to_string())),
    };
    Ok(Target {
        remote: remote.to_string(),
        branch: branch.to_string(),
        tracking: false,
    })
}

/// Commits the changes of the journal files and `.gitattributes` (only those: other staged
/// changes stay staged); whether there were any.
fn commit(git: &Git) -> Result<bool, Stop> {
    let specs = [JOURNALS, ":(top).gitattributes"];
    let mut args = vec![
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--",
    ];
    args.extend(specs);
    let status = git.read(&args)?;
    let paths = changed_paths(&status);
    if paths.is_empty() {
        return Ok(false);
    }
    let mut add = vec!["add", "--all", "--"];
    add.extend(paths.iter().map(String::as_str));
    if !git.run(&add)? {
        return Err(Stop::CommitRefused);
    }
    let mut commit = vec!["commit", "--quiet", "--message", "upward: sync", "--"];
    commit.extend(paths.iter().map(String::as_str));
    if !git.run(&commit)? {
        return Err(Stop::CommitRefused);
    }
    Ok(true)
}

/// The paths of `git status --porcelain=v1 -z`, both sides of a rename, as literal
/// pathspecs.
fn changed_paths(status: &[u8]) -> Vec<String> {
    let mut paths = Vec::new();
    let mut fields = status.split(|&b| b == 0).filter(|f| !f.is_empty());
    while let Some(field) = fields.next() {
        let Some(path) = field.get(3..) else { continue };
        paths.push(literal(path));
        if matches!(field[0], b'R' | b'C') {
            paths.extend(fields.next().map(literal));
        }
    }
    paths
}

fn literal(path: &[u8]) -> String {
    format!(":(literal){}", String::from_utf8_lossy(path))
}

/// The files git left conflicted, for the message.
fn unmerged(git: &Git) -> String {
    let names = git
        .line(&["diff", "--name-only", "--diff-filter=U"])
        .unwrap_or_default();
    let names: Vec<&str> = names.lines().collect();
    if names.is_empty() {
        "the journal".into()
    } else {
        names.join(" ")
    }
}
