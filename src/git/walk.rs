//! Walking HEAD's history: its commits, the versions of one file along them (following
//! renames), and the graph of the commits that changed that file.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use git2::{Delta, DiffFindOptions, ObjectType, Oid, Repository, Sort, Tree};

use super::GitError;
use super::progress::Progress;

/// A commit as history reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitMeta {
    pub id: Oid,
    /// Author time, seconds since the epoch, and the author's offset from UTC in minutes.
    pub time: i64,
    pub offset: i32,
}

impl CommitMeta {
    /// A commit's id and author time, as history reports them.
    pub fn of(commit: &git2::Commit) -> CommitMeta {
        let when = commit.author().when();
        CommitMeta {
            id: commit.id(),
            time: when.seconds(),
            offset: when.offset_minutes(),
        }
    }

    /// The author's calendar date.
    pub fn date(&self) -> chrono::NaiveDate {
        chrono::DateTime::from_timestamp(self.time + i64::from(self.offset) * 60, 0)
            .map(|t| t.date_naive())
            .unwrap_or_default()
    }
}

/// Commits reachable from HEAD (less those reachable from `hide`), newest first, every commit
/// before its parents.
#[derive(Debug, Default)]
pub struct Walk {
    pub commits: Vec<WalkCommit>,
    pub at: HashMap<Oid, usize>,
}

#[derive(Debug)]
pub struct WalkCommit {
    pub meta: CommitMeta,
    pub tree: Oid,
    /// Parents present in the repository.
    pub parents: Vec<Oid>,
    /// A shallow clone's boundary: its parents were not fetched.
    pub shallow: bool,
}

pub fn walk(
    repo: &Repository,
    head: Oid,
    hide: Option<Oid>,
    progress: &Progress,
) -> Result<Walk, GitError> {
    let shallow = shallow_commits(repo);
    let odb = repo.odb()?;
    let mut revwalk = repo.revwalk()?;
    revwalk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)?;
    revwalk.push(head)?;
    if let Some(hide) = hide {
        revwalk.hide(hide)?;
    }
    let mut out = Walk::default();
    for id in revwalk {
        let id = id?;
        let commit = repo.find_commit(id)?;
        let all: Vec<Oid> = commit.parent_ids().collect();
        let parents: Vec<Oid> = all.iter().copied().filter(|p| odb.exists(*p)).collect();
        out.at.insert(id, out.commits.len());
        out.commits.push(WalkCommit {
            meta: CommitMeta::of(&commit),
            tree: commit.tree_id(),
            shallow: shallow.contains(&id) || parents.len() < all.len(),
            parents,
        });
        progress.tick();
    }
    Ok(out)
}

/// The commits listed in `.git/shallow`: the cut edge of a shallow clone.
fn shallow_commits(repo: &Repository) -> HashSet<Oid> {
    std::fs::read_to_string(repo.commondir().join("shallow"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| Oid::from_str(l.trim()).ok())
        .collect()
}

/// The blob of `path` in `tree`, if it is a file there.
pub fn blob_at(repo: &Repository, tree: Oid, path: &Path) -> Result<Option<Oid>, GitError> {
    let tree = repo.find_tree(tree)?;
    Ok(blob_in(&tree, path))
}

fn blob_in(tree: &Tree, path: &Path) -> Option<Oid> {
    tree.get_path(path)
        .ok()
        .filter(|e| e.kind() == Some(ObjectType::Blob))
        .map(|e| e.id())
}

/// The file as a parent commit has it: at the same path, else where the child renamed it from.
pub fn parent_version(
    repo: &Repository,
    child_tree: Oid,
    path: &Path,
    parent_tree: Oid,
) -> Result<Option<(PathBuf, Oid)>, GitError> {
    let parent = repo.find_tree(parent_tree)?;
    if let Some(blob) = blob_in(&parent, path) {
        return Ok(Some((path.to_path_buf(), blob)));
    }
    let child = repo.find_tree(child_tree)?;
    let mut diff = repo.diff_tree_to_tree(Some(&parent), Some(&child), None)?;
    diff.find_similar(Some(DiffFindOptions::new().renames(true)))?;
    let old = diff
        .deltas()
        .find(|d| d.status() == Delta::Renamed && d.new_file().path() == Some(path))
        .and_then(|d| d.old_file().path().map(Path::to_path_buf));
    Ok(old.and_then(|old| blob_in(&parent, &old).map(|blob| (old, blob))))
}

/// A version of the file that some commit introduced; commits that leave the file as one of
/// their parents has it share that parent's node.
#[derive(Debug)]
pub struct Node {
    /// Index in the commit table; `None` for the boundary node.
    pub commit: Option<u32>,
    pub blob: Oid,
    pub size: usize,
    /// Older nodes this one was made from, in parent order.
    pub parents: Vec<usize>,
    /// True for the version at the cached commit, whose lines are already attributed.
    pub boundary: bool,
    /// True when the commit is a shallow clone's boundary (its origin is unknown).
    pub shallow: bool,
}

/// The nodes of one file, oldest first, and the node of HEAD's version.
#[derive(Debug)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub head: usize,
}

/// A parent outside the walk that is not the cached commit: an incremental run cannot
/// attribute through it, so the caller walks the whole history instead.
#[derive(Debug)]
pub struct NeedFull;

/// Builds the graph of `path` (HEAD's path) over `walk`. `boundary` is the cached commit of an
/// incremental run. `commit_index` maps walk positions to the commit table.
pub fn graph(
    repo: &Repository,
    walk: &Walk,
    path: &Path,
    boundary: Option<Oid>,
    commit_index: &[u32],
) -> Result<Result<Graph, NeedFull>, GitError> {
    let n = walk.commits.len();
    let mut paths: Vec<Option<PathBuf>> = vec![None; n];
    let mut versions: Vec<Vec<Option<(Oid, Oid)>>> = vec![Vec::new(); n];
    if n > 0 {
        paths[0] = Some(path.to_path_buf());
    }
    let mut blobs: Vec<Option<Oid>> = vec![None; n];
    // Newest first: every commit's path is known before its parents are looked at.
    for (i, c) in walk.commits.iter().enumerate() {
        let Some(p) = paths[i].clone() else { continue };
        blobs[i] = blob_at(repo, c.tree, &p)?;
        if blobs[i].is_none() {
            continue;
        }
        for parent in &c.parents {
            let parent_tree = match walk.at.get(parent) {
                Some(&j) => walk.commits[j].tree,
                None => repo.find_commit(*parent)?.tree_id(),
            };
            let found = parent_version(repo, c.tree, &p, parent_tree)?;
            if let (Some(&j), Some((old_path, _))) = (walk.at.get(parent), &found)
                && paths[j].is_none()
            {
                paths[j] = Some(old_path.clone());
            }
            versions[i].push(found.map(|(_, blob)| (*parent, blob)));
        }
    }
    let odb = repo.odb()?;
    let size = |blob: Oid| odb.read_header(blob).map(|(s, _)| s);
    let mut nodes: Vec<Node> = Vec::new();
    let mut node_of: Vec<Option<usize>> = vec![None; n];
    let mut boundary_node: Option<usize> = None;
    // Oldest first: every parent's node exists before its children are placed.
    for i in (0..n).rev() {
        let Some(blob) = blobs[i] else { continue };
        let mut parents = Vec::new();
        let mut same = None;
        for (parent, parent_blob) in versions[i].iter().flatten() {
            let node = match walk.at.get(parent) {
                Some(&j) => match node_of[j] {
                    Some(node) => node,
                    None => continue,
                },
                None if Some(*parent) == boundary => *boundary_node.get_or_insert_with(|| {
                    nodes.push(Node {
                        commit: None,
                        blob: *parent_blob,
                        size: 0,
                        parents: Vec::new(),
                        boundary: true,
                        shallow: false,
                    });
                    nodes.len() - 1
                }),
                None => return Ok(Err(NeedFull)),
            };
            if nodes[node].blob == blob && same.is_none() {
                same = Some(node);
            }
            if !parents.contains(&node) {
                parents.push(node);
            }
        }
        if let Some(node) = same {
            node_of[i] = Some(node);
            continue;
        }
        nodes.push(Node {
            commit: Some(commit_index[i]),
            blob,
            size: 0,
            parents,
            boundary: false,
            shallow: walk.commits[i].shallow,
        });
        node_of[i] = Some(nodes.len() - 1);
    }
    for node in &mut nodes {
        node.size = size(node.blob)?;
    }
    match node_of.first().copied().flatten() {
        Some(head) => Ok(Ok(Graph { nodes, head })),
        None => Err(GitError::Message(format!(
            "`{}` is not in HEAD",
            path.display()
        ))),
    }
}
