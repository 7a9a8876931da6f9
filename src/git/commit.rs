//! Writing to git: `git init` for `upward init`, its pre-commit hook, and a commit of exactly
//! one file for `upward add --commit`.

use std::path::{Path, PathBuf};

use git2::{ObjectType, Oid, Repository, Signature, Time, Tree};

use super::GitError;

/// A commit of one file of a work tree, prepared before the file is written so that a
/// missing repository or identity is reported while nothing has changed yet.
pub struct FileCommit {
    repo: Repository,
    /// The file's path inside the work tree.
    rel: PathBuf,
    author: Signature<'static>,
    committer: Signature<'static>,
}

impl std::fmt::Debug for FileCommit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileCommit")
            .field("rel", &self.rel)
            .finish()
    }
}

impl FileCommit {
    /// Finds the repository holding `path` and the identity to commit as: `GIT_AUTHOR_NAME`,
    /// `GIT_AUTHOR_EMAIL` and `GIT_AUTHOR_DATE` (and the `GIT_COMMITTER_*` ones) where set,
    /// else `user.name` and `user.email` from git's configuration and the current time.
    pub fn open(path: &Path) -> Result<FileCommit, GitError> {
        let (repo, rel) = super::repo_of(path)?;
        let author = identity(&repo, "AUTHOR")?;
        let committer = identity(&repo, "COMMITTER")?;
        Ok(FileCommit {
            repo,
            rel,
            author,
            committer,
        })
    }

    /// Commits `content` as the file's new version on top of HEAD, leaving every other path
    /// as HEAD has it (other staged changes stay staged, uncommitted). The index entry of the
    /// file is refreshed from the work tree, so the file shows as unchanged afterwards.
    pub fn commit(&self, content: &[u8], message: &str) -> Result<Oid, GitError> {
        let repo = &self.repo;
        let blob = repo.blob(content)?;
        let parent = match repo.head() {
            Ok(head) => Some(head.peel_to_commit()?),
            Err(e) if e.code() == git2::ErrorCode::UnbornBranch => None,
            Err(e) if e.code() == git2::ErrorCode::NotFound => None,
            Err(e) => return Err(e.into()),
        };
        let base = parent.as_ref().map(|c| c.tree()).transpose()?;
        let components: Vec<String> = self
            .rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let tree_id = replace(repo, base.as_ref(), &components, blob)?;
        let tree = repo.find_tree(tree_id)?;
        let parents: Vec<&git2::Commit> = parent.iter().collect();
        let id = repo.commit(
            Some("HEAD"),
            &self.author,
            &self.committer,
            message,
            &tree,
            &parents,
        )?;
        let mut index = repo.index()?;
        index.add_path(&self.rel)?;
        index.write()?;
        Ok(id)
    }
}

/// `tree` with the blob at `path` replaced (or added), written to the repository.
fn replace(
    repo: &Repository,
    tree: Option<&Tree>,
    path: &[String],
    blob: Oid,
) -> Result<Oid, GitError> {
    let mut builder = repo.treebuilder(tree)?;
    let (name, rest) = path
        .split_first()
        .ok_or_else(|| GitError::Message("the file has no name".into()))?;
    if rest.is_empty() {
        let mode = tree
            .and_then(|t| t.get_name(name))
            .map(|e| e.filemode())
            .filter(|&m| m == 0o100755)
            .unwrap_or(0o100644);
        builder.insert(name, blob, mode)?;
    } else {
        let sub = tree
            .and_then(|t| t.get_name(name))
            .filter(|e| e.kind() == Some(ObjectType::Tree))
            .map(|e| repo.find_tree(e.id()))
            .transpose()?;
        let id = replace(repo, sub.as_ref(), rest, blob)?;
        builder.insert(name, id, 0o040000)?;
    }
    Ok(builder.write()?)
}

/// The author or committer: environment first, then git's configuration.
fn identity(repo: &Repository, role: &str) -> Result<Signature<'static>, GitError> {
    let config = repo.config()?;
    let lookup = |var: &str, key: &str| {
        std::env::var(format!("GIT_{role}_{var}"))
            .ok()
            .filter(|v| !v.is_empty())
            .or_else(|| config.get_string(key).ok())
    };
    let (Some(name), Some(email)) = (lookup("NAME", "user.name"), lookup("EMAIL", "user.email"))
    else {
        return Err(GitError::Message(
            "git does not know who you are: run `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.com`".into(),
        ));
    };
    let when = std::env::var(format!("GIT_{role}_DATE")).ok();
    let signature = match when.as_deref().filter(|v| !v.is_empty()) {
        Some(text) => {
            let time = parse_git_date(text).ok_or_else(|| {
                GitError::Message(format!(
                    "GIT_{role}_DATE `{text}` is not a date: write `@SECONDS +HHMM` or RFC 3339"
                ))
            })?;
            Signature::new(&name, &email, &time)?
        }
        None => Signature::now(&name, &email)?,
    };
    Ok(signature)
}

/// `@1700000000 +0100`, `1700000000 +0100` or RFC 3339 (`2026-11-23T09:30:00+01:00`).
pub fn parse_git_date(text: &str) -> Option<Time> {
    let text = text.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(Time::new(t.timestamp(), t.offset().local_minus_utc() / 60));
    }
    let mut words = text.trim_start_matches('@').split_whitespace();
    let seconds: i64 = words.next()?.parse().ok()?;
    let offset = match words.next() {
        Some(zone) => {
            let (sign, digits) = match zone.as_bytes().first()? {
                b'+' => (1, &zone[1..]),
                b'-' => (-1, &zone[1..]),
                _ => return None,
            };
            if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let hours: i32 = digits[..2].parse().ok()?;
            let minutes: i32 = digits[2..].parse().ok()?;
            sign * (hours * 60 + minutes)
        }
        None => 0,
    };
    Some(Time::new(seconds, offset))
}

/// What `upward init` did about git.
#[derive(Debug, PartialEq, Eq)]
pub enum RepoState {
    /// A new repository was made; its git directory.
    Created(PathBuf),
    /// `dir` was already inside this work tree.
    Existing(PathBuf),
}

/// Runs `git init` in `dir` unless it is already inside a work tree; returns the repository's
/// hooks directory (`core.hooksPath` when set) and what was done.
pub fn init_repo(dir: &Path) -> Result<(RepoState, PathBuf), GitError> {
    let (repo, state) = match Repository::discover(dir) {
        Ok(repo) if repo.workdir().is_some() => {
            let top = repo.workdir().map(Path::to_path_buf).unwrap_or_default();
            (repo, RepoState::Existing(top))
        }
        _ => {
            let repo = Repository::init(dir)?;
            let path = repo.path().to_path_buf();
            (repo, RepoState::Created(path))
        }
    };
    let hooks = match repo.config()?.get_path("core.hooksPath") {
        Ok(p) if p.is_absolute() => p,
        Ok(p) => repo.workdir().unwrap_or(repo.path()).join(p),
        Err(_) => repo.path().join("hooks"),
    };
    Ok((state, hooks))
}

const HOOK: &str = include_str!("pre-commit.sh");

/// The pre-commit hook's text, running the `upward` at `exe` (else the one on PATH).
pub fn hook_script(exe: &Path) -> String {
    let quoted = exe.to_string_lossy().replace('\'', "'\\''");
    HOOK.replace("@UPWARD@", &format!("'{quoted}'"))
}

#[cfg(test)]
mod tests {
    use super::parse_git_date;

    #[test]
    fn git_dates() {
        let t = parse_git_date("@1700000000 +0130").unwrap();
        assert_eq!((t.seconds(), t.offset_minutes()), (1700000000, 90));
        let t = parse_git_date("2026-11-23T09:30:00-05:00").unwrap();
        assert_eq!(t.offset_minutes(), -300);
        assert!(parse_git_date("yesterday").is_none());
    }
}
