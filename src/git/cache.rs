//! The history cache, `.git/upward/history-v1.json`: for one commit (the HEAD of the last
//! run), the attribution of every line of each journal file's version there, with the
//! commits it names.
//!
//! A run whose HEAD is the cached commit reads the cache and walks nothing. A run whose HEAD
//! descends from it walks only the new commits and takes the history of older lines from the
//! cache (matched by blob id, so a renamed file still matches). A rewritten history (the
//! cached commit is no longer an ancestor of HEAD, or is gone) or an unreadable cache means a
//! full walk; the cache is then replaced. It is written atomically (a temporary file renamed
//! over it) and never read by anything else, so deleting `.git/upward/` is always safe.
//!
//! A cache is used only when it fits the repository it describes: its head and every commit
//! it names exist with the author time it records, every origin names one of its commits (or
//! is `-1`, unknown), and every file's blob exists with exactly as many lines as the cache
//! attributes. Anything else (a damaged, hand-edited or foreign cache) counts as no cache.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use git2::{Oid, Repository};
use serde::{Deserialize, Serialize};

use super::blame::{Edit, LineHistory, UNKNOWN};
use super::lines::Text;
use super::walk::CommitMeta;

const VERSION: u32 = 1;
const NAME: &str = "history-v1.json";

#[derive(Serialize, Deserialize)]
struct CacheJson {
    version: u32,
    head: String,
    /// `[id, author time, offset minutes]`
    commits: Vec<(String, i64, i32)>,
    files: Vec<FileJson>,
}

#[derive(Serialize, Deserialize)]
struct FileJson {
    path: String,
    blob: String,
    /// Runs of lines without edits: `[first line, count, origin]` (origin `-1`: unknown).
    runs: Vec<(u32, u32, i64)>,
    /// Lines with edits, each with its origin and edits.
    edited: Vec<(u32, i64, Vec<Edit>)>,
}

/// One file's cached attribution.
#[derive(Debug)]
pub struct CachedFile {
    pub path: PathBuf,
    pub blob: Oid,
    pub lines: Vec<LineHistory>,
}

/// The cache as read, with commit indices into `commits`.
#[derive(Debug)]
pub struct Cache {
    pub head: Oid,
    pub commits: Vec<CommitMeta>,
    pub files: Vec<CachedFile>,
}

fn location(repo: &Repository) -> PathBuf {
    repo.path().join("upward").join(NAME)
}

/// The cache of `repo`, if there is a readable one of this version that fits the repository.
pub fn load(repo: &Repository) -> Option<Cache> {
    read(repo).filter(|cache| fits(repo, cache))
}

/// Whether `cache` describes `repo` as it is: its commits exist with the times it records,
/// and each file's blob exists with as many lines as it attributes.
fn fits(repo: &Repository, cache: &Cache) -> bool {
    let commit_fits = |meta: &CommitMeta| {
        repo.find_commit(meta.id)
            .is_ok_and(|c| CommitMeta::of(&c) == *meta)
    };
    let file_fits = |file: &CachedFile| {
        repo.find_blob(file.blob)
            .is_ok_and(|b| Text::count_lines(b.content()) == file.lines.len())
    };
    repo.find_commit(cache.head).is_ok()
        && cache.commits.iter().all(commit_fits)
        && cache.files.iter().all(file_fits)
}

/// The cache file of `repo` as it says, if it is readable, of this version, and consistent
/// in itself.
fn read(repo: &Repository) -> Option<Cache> {
    let text = std::fs::read(location(repo)).ok()?;
    let json: CacheJson = serde_json::from_slice(&text).ok()?;
    if json.version != VERSION {
        return None;
    }
    let commits = json
        .commits
        .into_iter()
        .map(|(id, time, offset)| {
            Some(CommitMeta {
                id: Oid::from_str(&id).ok()?,
                time,
                offset,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let count = commits.len() as i64;
    // `-1` is an unknown origin; any other value must name a cached commit.
    let origin = |o: i64| match o {
        -1 => Some(UNKNOWN),
        _ => (0..count).contains(&o).then_some(o as u32),
    };
    let mut files = Vec::new();
    for f in json.files {
        let mut lines = Vec::new();
        for (first, len, o) in f.runs {
            if first as usize != lines.len() {
                return None;
            }
            let origin = origin(o)?;
            lines.extend((0..len).map(|_| LineHistory {
                origin,
                edits: Vec::new(),
            }));
        }
        for (line, o, edits) in f.edited {
            let slot = lines.get_mut(line as usize)?;
            slot.origin = origin(o)?;
            if edits.iter().any(|e| i64::from(e.commit) >= count) {
                return None;
            }
            slot.edits = edits;
        }
        files.push(CachedFile {
            path: PathBuf::from(f.path),
            blob: Oid::from_str(&f.blob).ok()?,
            lines,
        });
    }
    Some(Cache {
        head: Oid::from_str(&json.head).ok()?,
        commits,
        files,
    })
}

/// Writes the cache for `head`. Only the commits that the files name are kept. Errors are
/// ignored by the caller: a missing cache only makes the next run slower.
pub fn save(
    repo: &Repository,
    head: Oid,
    commits: &[CommitMeta],
    files: &[(&Path, Oid, &[LineHistory])],
) -> std::io::Result<()> {
    let mut kept: HashMap<u32, u32> = HashMap::new();
    let mut table = Vec::new();
    let mut keep = |c: u32| -> i64 {
        if c == UNKNOWN {
            return -1;
        }
        let next = kept.len() as u32;
        let id = *kept.entry(c).or_insert_with(|| {
            let m = &commits[c as usize];
            table.push((m.id.to_string(), m.time, m.offset));
            next
        });
        i64::from(id)
    };
    let mut out_files = Vec::new();
    for (path, blob, lines) in files {
        let mut runs: Vec<(u32, u32, i64)> = Vec::new();
        let mut edited = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let origin = keep(line.origin);
            match runs.last_mut() {
                Some((first, len, o)) if *o == origin && (*first + *len) as usize == i => {
                    *len += 1;
                }
                _ => runs.push((i as u32, 1, origin)),
            }
            if !line.edits.is_empty() {
                let edits = line
                    .edits
                    .iter()
                    .map(|e| Edit {
                        commit: keep(e.commit) as u32,
                        old: e.old.clone(),
                        new: e.new.clone(),
                    })
                    .collect();
                edited.push((i as u32, origin, edits));
            }
        }
        out_files.push(FileJson {
            path: path.to_string_lossy().into_owned(),
            blob: blob.to_string(),
            runs,
            edited,
        });
    }
    let json = CacheJson {
        version: VERSION,
        head: head.to_string(),
        commits: table,
        files: out_files,
    };
    let path = location(repo);
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let temp = dir.join(format!("{NAME}.{}.tmp", std::process::id()));
    let bytes = serde_json::to_vec(&json).map_err(std::io::Error::other)?;
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, &path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}
