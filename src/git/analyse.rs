//! From a journal to the history of each of its entries: group its files by repository,
//! attribute each file's HEAD lines (from the cache where it can), map the work tree's lines
//! to HEAD's, and gather each entry's lines.

use std::collections::HashMap;
use std::path::PathBuf;

use git2::{Oid, Repository};

use super::attribute::{Commits, attribute};
use super::blame::{Edit, LineHistory, UNKNOWN};
use super::cache;
use super::lines::Text;
use super::map::work_map;
use super::progress::Progress;
use super::walk::{self, CommitMeta};
use super::{GitError, repo_of};
use crate::diag::FileId;
use crate::model::Journal;

/// The history of a journal's entries.
#[derive(Debug, Default)]
pub struct Analysis {
    pub commits: Vec<CommitMeta>,
    /// One per entry of the journal, in the same order; `None` for an entry that is not
    /// committed (it is only in the work tree).
    pub entries: Vec<Option<EntryHistory>>,
    /// Things the reader should know: uncommitted changes ignored, a shallow clone, files
    /// outside any repository.
    pub notes: Vec<String>,
}

/// Where an entry comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryHistory {
    /// The commit that first committed the entry ([`blame::UNKNOWN`] when that is older than
    /// a shallow clone's history).
    pub first: u32,
    /// Later commits that changed it, oldest first.
    pub changes: Vec<Change>,
}

pub type Change = Edit;

impl Analysis {
    pub fn commit(&self, index: u32) -> Option<&CommitMeta> {
        self.commits.get(index as usize)
    }
}

/// The journal's files that live in one repository.
struct Group {
    /// The repository's git directory, canonical: files are grouped by it.
    key: PathBuf,
    repo: Repository,
    files: Vec<(FileId, PathBuf)>,
}

/// Walks git for every file of `journal`; `progress` draws a bar on a terminal when the scan
/// takes more than a second.
pub fn analyse(journal: &Journal, progress: bool) -> Result<Analysis, GitError> {
    let mut groups: Vec<Group> = Vec::new();
    let mut outside = Vec::new();
    for (id, file) in journal.sources.iter() {
        match repo_of(&file.path) {
            Ok((repo, rel)) => {
                let key = std::fs::canonicalize(repo.commondir())
                    .unwrap_or_else(|_| repo.commondir().to_path_buf());
                match groups.iter_mut().find(|g| g.key == key) {
                    Some(g) => g.files.push((id, rel)),
                    None => groups.push(Group {
                        key,
                        repo,
                        files: vec![(id, rel)],
                    }),
                }
            }
            Err(_) => outside.push(file.name.clone()),
        }
    }
    if groups.is_empty() {
        let name = outside
            .first()
            .cloned()
            .unwrap_or_else(|| "the journal".into());
        return Err(GitError::NotARepository(name));
    }
    let mut analysis = Analysis {
        entries: vec![None; journal.entries.len()],
        ..Analysis::default()
    };
    for name in outside {
        analysis.notes.push(format!(
            "`{name}` is not in a git repository; its entries have no history"
        ));
    }
    // Objects are only read here; libgit2's re-hashing of each one read (with a slow,
    // collision-detecting SHA-1) would cost more than the reading.
    git2::opts::strict_hash_verification(false);
    let progress = Progress::new(progress);
    let mut commits = Commits::default();
    let mut lines: HashMap<FileId, Vec<Option<LineHistory>>> = HashMap::new();
    for Group { repo, files, .. } in &groups {
        group(
            repo,
            files,
            journal,
            &mut commits,
            &mut lines,
            &mut analysis.notes,
            &progress,
        )?;
    }
    progress.finish();
    for (i, e) in journal.entries.iter().enumerate() {
        let Some(file_lines) = lines.get(&e.file) else {
            continue;
        };
        let at = |l: u32| file_lines.get(l as usize).and_then(Option::as_ref);
        if at(e.line).is_none() {
            continue;
        }
        let all: Vec<&LineHistory> = std::iter::once(e.line)
            .chain(e.body())
            .filter_map(at)
            .collect();
        analysis.entries[i] = Some(entry_history(&all, &commits.list));
    }
    analysis.commits = commits.list;
    Ok(analysis)
}

/// First commit: the oldest origin among the entry's lines. Changes: every other origin and
/// every edit, once per commit, oldest first.
fn entry_history(lines: &[&LineHistory], commits: &[CommitMeta]) -> EntryHistory {
    let age = |c: u32| -> (i64, u32) {
        if c == UNKNOWN {
            (i64::MIN, 0)
        } else {
            (commits[c as usize].time, u32::MAX - c)
        }
    };
    let first = lines
        .iter()
        .map(|l| l.origin)
        .min_by_key(|&c| age(c))
        .unwrap_or(UNKNOWN);
    let mut changes: Vec<Change> = Vec::new();
    let candidates = lines.iter().flat_map(|l| {
        std::iter::once(Edit {
            commit: l.origin,
            old: None,
            new: None,
        })
        .chain(l.edits.iter().cloned())
    });
    for change in candidates {
        if change.commit == first || change.commit == UNKNOWN {
            continue;
        }
        match changes.iter_mut().find(|c| c.commit == change.commit) {
            Some(known) if known.old.is_none() => *known = change,
            Some(_) => {}
            None => changes.push(change),
        }
    }
    changes.sort_by_key(|c| age(c.commit));
    EntryHistory { first, changes }
}

/// One repository: HEAD's attribution of each committed file, then the work tree's lines.
fn group(
    repo: &Repository,
    files: &[(FileId, PathBuf)],
    journal: &Journal,
    commits: &mut Commits,
    lines: &mut HashMap<FileId, Vec<Option<LineHistory>>>,
    notes: &mut Vec<String>,
    progress: &Progress,
) -> Result<(), GitError> {
    let name = |id: FileId| journal.sources.get(id).name.clone();
    let head = match repo.head().and_then(|h| h.peel_to_commit()) {
        Ok(c) => c,
        Err(_) => {
            let names: Vec<String> = files.iter().map(|(id, _)| name(*id)).collect();
            notes.push(format!(
                "no commits yet in the repository of `{}`; nothing has history",
                names.join("`, `")
            ));
            return Ok(());
        }
    };
    if repo.is_shallow() {
        notes.push("this is a shallow clone: entries older than its history are not attributed, and none of them counts as backfilled".into());
    }
    let mut committed = Vec::new();
    for (id, rel) in files {
        match walk::blob_at(repo, head.tree_id(), rel)? {
            Some(blob) => committed.push((*id, rel.clone(), blob)),
            None => notes.push(format!(
                "`{}` is not committed yet; its entries have no history",
                name(*id)
            )),
        }
    }
    let heads: Vec<(PathBuf, Oid)> = committed.iter().map(|(_, p, b)| (p.clone(), *b)).collect();
    let (attributed, fresh) = attribute(repo, head.id(), &heads, commits, progress)?;
    if !fresh {
        let for_cache: Vec<(&std::path::Path, Oid, &[LineHistory])> = heads
            .iter()
            .zip(&attributed)
            .map(|((p, b), (_, l))| (p.as_path(), *b, l.as_slice()))
            .collect();
        // A cache that cannot be written only makes the next run slower.
        let _ = cache::save(repo, head.id(), &commits.list, &for_cache);
    }
    for ((id, _, _), (text, history)) in committed.iter().zip(attributed) {
        let work = journal.sources.get(*id).bytes();
        let map = if work == text.bytes() {
            (0..history.len()).map(|i| Some(i as u32)).collect()
        } else {
            notes.push(format!(
                "`{}` has uncommitted changes; they are ignored",
                name(*id)
            ));
            work_map(&text, &Text::new(work.to_vec()))
        };
        let file_lines = map
            .into_iter()
            .map(|m| m.and_then(|h| history.get(h as usize).cloned()))
            .collect();
        lines.insert(*id, file_lines);
    }
    Ok(())
}
