//! Each journal file's HEAD version, line by line: from the cache when it is for HEAD, by
//! walking only the commits since the cached one when HEAD descends from it, else by walking
//! the whole history.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use git2::{Oid, Repository};

use super::GitError;
use super::blame::{self, Edit, LineHistory, UNKNOWN};
use super::cache::{self, Cache};
use super::lines::Text;
use super::progress::Progress;
use super::walk::{self, CommitMeta, NeedFull, Walk};

/// Interns commits so that every walk and the cache share one table.
#[derive(Default)]
pub struct Commits {
    pub list: Vec<CommitMeta>,
    at: HashMap<Oid, u32>,
}

impl Commits {
    pub fn intern(&mut self, meta: &CommitMeta) -> u32 {
        if let Some(&i) = self.at.get(&meta.id) {
            return i;
        }
        self.list.push(meta.clone());
        let i = self.list.len() as u32 - 1;
        self.at.insert(meta.id, i);
        i
    }
}

/// Each file's HEAD text and the history of its lines.
pub type Attributed = Vec<(Text, Vec<LineHistory>)>;

/// The attribution of each file's HEAD version (with its text): from the cache when it is
/// for HEAD, by walking only the new commits when HEAD descends from it, else by a full walk.
/// The flag is true when everything came from the cache as it is.
pub fn attribute(
    repo: &Repository,
    head: Oid,
    files: &[(PathBuf, Oid)],
    commits: &mut Commits,
    progress: &Progress,
) -> Result<(Attributed, bool), GitError> {
    let cache = cache::load(repo);
    let cached = cache.as_ref().map(|c| {
        let remap: Vec<u32> = c.commits.iter().map(|m| commits.intern(m)).collect();
        (c, remap)
    });
    let mut out = Vec::with_capacity(files.len());
    let mut fresh = cached
        .as_ref()
        .is_some_and(|(c, _)| c.files.len() == files.len());
    let mut walks: [Option<Walk>; 2] = [None, None];
    for (path, blob) in files {
        let text = Text::new(repo.find_blob(*blob)?.content().to_vec());
        if let Some((c, remap)) = &cached
            && c.head == head
            && let Some(f) = c.files.iter().find(|f| f.blob == *blob)
        {
            out.push((text, remapped(&f.lines, remap)));
            continue;
        }
        fresh = false;
        let incremental = cached
            .as_ref()
            .filter(|(c, _)| repo.graph_descendant_of(head, c.head).unwrap_or(false));
        if let Some((c, remap)) = incremental {
            let walk = take_walk(&mut walks[0], repo, head, Some(c.head), commits, progress)?;
            if let Some(lines) =
                incremental_blame(repo, walk, path, c, remap, &text, commits, progress)?
            {
                out.push((text, lines));
                continue;
            }
        }
        let walk = take_walk(&mut walks[1], repo, head, None, commits, progress)?;
        let index: Vec<u32> = walk
            .commits
            .iter()
            .map(|c| commits.intern(&c.meta))
            .collect();
        let graph = match walk::graph(repo, walk, path, None, &index)? {
            Ok(g) => g,
            Err(NeedFull) => return Err(GitError::Message("history walk lost a parent".into())),
        };
        progress.stage("attributing", graph.nodes.len());
        let lines = blame::blame(repo, &graph, text.clone(), &[], progress)?;
        out.push((text, lines));
    }
    Ok((out, fresh))
}

#[allow(clippy::too_many_arguments)]
fn incremental_blame(
    repo: &Repository,
    walk: &Walk,
    path: &Path,
    cache: &Cache,
    remap: &[u32],
    text: &Text,
    commits: &mut Commits,
    progress: &Progress,
) -> Result<Option<Vec<LineHistory>>, GitError> {
    let index: Vec<u32> = walk
        .commits
        .iter()
        .map(|c| commits.intern(&c.meta))
        .collect();
    let graph = match walk::graph(repo, walk, path, Some(cache.head), &index)? {
        Ok(g) => g,
        Err(NeedFull) => return Ok(None),
    };
    let boundary = match graph.nodes.iter().find(|n| n.boundary) {
        Some(node) => match cache.files.iter().find(|f| f.blob == node.blob) {
            Some(f) => remapped(&f.lines, remap),
            None => return Ok(None),
        },
        None => Vec::new(),
    };
    progress.stage("attributing", graph.nodes.len());
    blame::blame(repo, &graph, text.clone(), &boundary, progress).map(Some)
}

fn take_walk<'w>(
    slot: &'w mut Option<Walk>,
    repo: &Repository,
    head: Oid,
    hide: Option<Oid>,
    commits: &mut Commits,
    progress: &Progress,
) -> Result<&'w Walk, GitError> {
    if slot.is_none() {
        progress.stage("reading history", 0);
        let walk = walk::walk(repo, head, hide, progress)?;
        for c in &walk.commits {
            commits.intern(&c.meta);
        }
        *slot = Some(walk);
    }
    slot.as_ref()
        .ok_or_else(|| GitError::Message("history walk failed".into()))
}

fn remapped(lines: &[LineHistory], remap: &[u32]) -> Vec<LineHistory> {
    let map = |c: u32| remap.get(c as usize).copied().unwrap_or(UNKNOWN);
    lines
        .iter()
        .map(|l| LineHistory {
            origin: map(l.origin),
            edits: l
                .edits
                .iter()
                .map(|e| Edit {
                    commit: map(e.commit),
                    ..e.clone()
                })
                .collect(),
        })
        .collect()
}
