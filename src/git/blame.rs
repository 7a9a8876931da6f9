//! Attributing every line of a file's HEAD version to the commit that introduced it and the
//! commits that edited it, walking the file's graph from HEAD back to its roots.
//!
//! Each node holds the lines still to attribute, as (line in this version, line in HEAD).
//! Going from a version to its parent:
//! - when the parent is a prefix of the version (its blob id equals the id of the version's
//!   first `size` bytes), a line is in the parent when it ends within `size`; a chain of such
//!   parents is crossed at once (each one checked, in parallel), and each line is attributed
//!   to the oldest version of the chain whose size, and that of every newer version, covers
//!   it;
//! - otherwise the parent is read and diffed: equal lines carry over; a changed header line
//!   paired with the old header of the same date and kind carries over as an edit; a removed
//!   run of body lines counts as an edit of the line above it; other new lines start here.

use git2::{Oid, Repository};

use super::GitError;
use super::lines::Text;
use super::map::{From, line_map};
use super::progress::Progress;
use super::sha1::blob_id;
use super::walk::{Graph, Node};

/// Where a line (or an entry) comes from.
pub const UNKNOWN: u32 = u32::MAX;

/// A commit that changed a line after it was introduced.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Edit {
    pub commit: u32,
    /// A header line edited in place: its text before and after the commit.
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The history of one line of the HEAD version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineHistory {
    /// The commit that introduced it, or [`UNKNOWN`] (before a shallow clone's boundary).
    pub origin: u32,
    pub edits: Vec<Edit>,
}

struct Blame<'a> {
    repo: &'a Repository,
    progress: &'a Progress,
    nodes: &'a [Node],
    pending: Vec<Vec<(u32, u32)>>,
    content: Vec<Option<Text>>,
    out: Vec<LineHistory>,
}

/// Attributes the lines of `head_text` (the content of `graph.head`). Lines that reach the
/// boundary node take their history from `boundary` (the cached attribution of its lines).
pub fn blame(
    repo: &Repository,
    graph: &Graph,
    head_text: Text,
    boundary: &[LineHistory],
    progress: &Progress,
) -> Result<Vec<LineHistory>, GitError> {
    let n = graph.nodes.len();
    let lines = head_text.line_count();
    let mut b = Blame {
        repo,
        progress,
        nodes: &graph.nodes,
        pending: vec![Vec::new(); n],
        content: vec![None; n],
        out: vec![
            LineHistory {
                origin: UNKNOWN,
                edits: Vec::new()
            };
            lines
        ],
    };
    b.pending[graph.head] = (0..lines as u32).map(|i| (i, i)).collect();
    b.content[graph.head] = Some(head_text);
    // Nodes are oldest first, so newest first every node comes before its parents.
    for id in (0..n).rev() {
        let mut pending = std::mem::take(&mut b.pending[id]);
        let content = b.content[id].take();
        if pending.is_empty() {
            continue;
        }
        pending.sort_unstable();
        pending.dedup();
        let text = match content {
            Some(t) => t,
            None => b.read(id)?,
        };
        let node = &graph.nodes[id];
        if node.boundary {
            for (line, head) in pending {
                let known = boundary.get(line as usize).cloned().unwrap_or(LineHistory {
                    origin: UNKNOWN,
                    edits: Vec::new(),
                });
                let out = &mut b.out[head as usize];
                out.origin = known.origin;
                out.edits.extend(known.edits);
            }
            continue;
        }
        match node.parents.len() {
            0 => {
                let origin = if node.shallow {
                    UNKNOWN
                } else {
                    node.commit.unwrap_or(UNKNOWN)
                };
                for (_, head) in pending {
                    b.out[head as usize].origin = origin;
                }
            }
            1 => b.chain(id, &text, pending)?,
            _ => b.merge(id, &text, pending)?,
        }
    }
    Ok(b.out)
}

impl Blame<'_> {
    fn read(&self, id: usize) -> Result<Text, GitError> {
        let blob = self.repo.find_blob(self.nodes[id].blob)?;
        Ok(Text::new(blob.content().to_vec()))
    }

    fn commit(&self, id: usize) -> u32 {
        self.nodes[id].commit.unwrap_or(UNKNOWN)
    }

    /// Is node `id` the first `size` bytes of `text`?
    fn is_prefix(&self, id: usize, text: &Text) -> bool {
        let node = &self.nodes[id];
        node.size <= text.bytes().len()
            && Oid::from_bytes(&blob_id(&text.bytes()[..node.size])).ok() == Some(node.blob)
    }

    fn give(&mut self, to: usize, lines: impl IntoIterator<Item = (u32, u32)>, text: Text) {
        self.pending[to].extend(lines);
        if self.content[to].is_none() {
            self.content[to] = Some(text);
        }
    }

    /// From `id` down a chain of single-parent nodes, as far as each is a prefix of `text`.
    fn chain(&mut self, id: usize, text: &Text, pending: Vec<(u32, u32)>) -> Result<(), GitError> {
        let mut chain = vec![id];
        let mut last = id;
        while let [parent] = self.nodes[last].parents[..] {
            chain.push(parent);
            if self.nodes[parent].boundary {
                break;
            }
            last = parent;
        }
        let oldest = self.prefix_run(&chain, text);
        if oldest == 0 {
            return self.diff_step(id, self.nodes[id].parents[0], text, pending);
        }
        // sizes[k]: the least size among chain[1..=k]; a line is in every version down to k
        // when it ends within sizes[k].
        let mut covered = Vec::with_capacity(oldest + 1);
        covered.push(text.bytes().len());
        for &node in &chain[1..=oldest] {
            let size = self.nodes[node].size;
            covered.push(size.min(covered[covered.len() - 1]));
        }
        let mut passed = Vec::new();
        for (line, head) in pending {
            let end = text.content_end(line as usize);
            let k = covered.partition_point(|&s| s >= end).saturating_sub(1);
            if k == oldest {
                passed.push((line, head));
            } else {
                self.out[head as usize].origin = self.commit(chain[k]);
            }
        }
        let target = chain[oldest];
        let view = text.prefix(self.nodes[target].size);
        self.give(target, passed, view);
        Ok(())
    }

    /// How many nodes after `chain[0]`, in order, are each a prefix of `text`: every one is
    /// checked (a version that is not a prefix may sit between two that are, as when an entry
    /// is written and reworded a few commits later), in batches hashed on every core.
    fn prefix_run(&self, chain: &[usize], text: &Text) -> usize {
        let bytes = text.bytes();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let nodes: Vec<(usize, Oid)> = chain[1..]
            .iter()
            .map(|&n| (self.nodes[n].size, self.nodes[n].blob))
            .collect();
        let check = |&(size, blob): &(usize, Oid)| {
            size <= bytes.len() && Oid::from_bytes(&blob_id(&bytes[..size])).ok() == Some(blob)
        };
        let mut done = 0;
        for batch in nodes.chunks(threads * 4) {
            let results: Vec<bool> = if threads == 1 || batch.len() == 1 {
                batch.iter().map(check).collect()
            } else {
                let mut results = vec![false; batch.len()];
                std::thread::scope(|scope| {
                    let handles: Vec<_> = (0..threads)
                        .map(|t| {
                            scope.spawn(move || {
                                batch
                                    .iter()
                                    .enumerate()
                                    .skip(t)
                                    .step_by(threads)
                                    .map(|(i, n)| (i, check(n)))
                                    .collect::<Vec<_>>()
                            })
                        })
                        .collect();
                    for handle in handles {
                        for (i, ok) in handle.join().unwrap_or_default() {
                            results[i] = ok;
                        }
                    }
                });
                results
            };
            let good = results.iter().position(|ok| !ok);
            for _ in 0..good.map_or(batch.len(), |g| g + 1) {
                self.progress.tick();
            }
            match good {
                Some(first_bad) => return done + first_bad,
                None => done += batch.len(),
            }
        }
        done
    }

    /// Reads the parent and diffs it with `text`.
    fn diff_step(
        &mut self,
        id: usize,
        parent: usize,
        text: &Text,
        pending: Vec<(u32, u32)>,
    ) -> Result<(), GitError> {
        let old = match &self.content[parent] {
            Some(t) => t.clone(),
            None => self.read(parent)?,
        };
        let map = line_map(&old, text);
        let commit = self.commit(id);
        let mut passed = Vec::new();
        for (line, head) in pending {
            let out = &mut self.out[head as usize];
            let entry = map[line as usize];
            if entry.trimmed_below {
                out.edits.push(Edit {
                    commit,
                    old: None,
                    new: None,
                });
            }
            match entry.from {
                From::Same(o) => passed.push((o, head)),
                From::Edited(o) => {
                    out.edits.push(Edit {
                        commit,
                        old: Some(old.line_str(o as usize)),
                        new: Some(text.line_str(line as usize)),
                    });
                    passed.push((o, head));
                }
                From::New => out.origin = commit,
            }
        }
        self.give(parent, passed, old);
        Ok(())
    }

    /// A merge that differs from every parent: each line goes to the first parent that has
    /// it; lines no parent has were written in the merge.
    fn merge(&mut self, id: usize, text: &Text, pending: Vec<(u32, u32)>) -> Result<(), GitError> {
        let mut left = pending;
        for parent in self.nodes[id].parents.clone() {
            if left.is_empty() {
                break;
            }
            let (old, found): (Text, Vec<Option<u32>>) = if self.is_prefix(parent, text) {
                let size = self.nodes[parent].size;
                let found = (0..text.line_count())
                    .map(|l| (text.content_end(l) <= size).then_some(l as u32))
                    .collect();
                (text.prefix(size), found)
            } else {
                let old = match &self.content[parent] {
                    Some(t) => t.clone(),
                    None => self.read(parent)?,
                };
                let found = line_map(&old, text)
                    .iter()
                    .map(|m| match m.from {
                        From::Same(o) => Some(o),
                        _ => None,
                    })
                    .collect();
                (old, found)
            };
            let (hit, miss): (Vec<_>, Vec<_>) = left
                .into_iter()
                .partition(|(l, _)| found[*l as usize].is_some());
            let hit: Vec<(u32, u32)> = hit
                .into_iter()
                .filter_map(|(l, h)| found[l as usize].map(|o| (o, h)))
                .collect();
            self.give(parent, hit, old);
            left = miss;
        }
        let commit = self.commit(id);
        for (_, head) in left {
            self.out[head as usize].origin = commit;
        }
        Ok(())
    }
}
