//! Reading a journal from disk: `-f` paths, directory walks and includes.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, FileId, Span, codes};
use crate::source::{SourceFile, Sources};
use crate::syntax::{self, DirectiveKind, Document, Node, TokenKind};

pub use super::files::{read_regular, walk};

/// Reads a file's bytes. The CLI reads the disk; the language server overlays unsaved buffers.
pub trait Reader {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
}

/// Reads files from disk into memory of their own: a program that rewrites a file while it is
/// read changes nothing already read, so what is parsed is always one consistent copy.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl Reader for Disk {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let (file, meta) = super::files::open_regular(path)?;
        // Read from the file already open, as `fs::read` would after opening it again.
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        io::Read::read_to_end(&mut &file, &mut bytes)?;
        Ok(bytes)
    }
}

/// Files held in memory (an editor's unsaved buffers, tests), read before the disk.
#[derive(Debug, Clone, Default)]
pub struct Overlay {
    pub files: Vec<(PathBuf, String)>,
}

impl Reader for Overlay {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        match self.files.iter().find(|(p, _)| p == path) {
            Some((_, text)) => Ok(text.clone().into_bytes()),
            None => read_regular(path),
        }
    }
}

/// A node of some file, in the order the journal reaches it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodeRef {
    pub file: FileId,
    pub node: u32,
}

/// Consecutive nodes of one file, reached one after another: a file's nodes up to an
/// include, then the included file's, then the rest of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeRun {
    pub file: FileId,
    pub nodes: std::ops::Range<u32>,
}

/// Every file of a journal, parsed, with its nodes in load order.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: Sources,
    pub docs: Vec<Document>,
    /// The load order, as runs of nodes.
    pub order: Vec<NodeRun>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// The nodes of `runs`, in order.
    pub fn nodes<'a>(
        &'a self,
        runs: &'a [NodeRun],
    ) -> impl Iterator<Item = (NodeRef, &'a Node)> + 'a {
        runs.iter().flat_map(move |run| {
            let nodes = &self.docs[run.file.0 as usize].nodes;
            (run.nodes.clone()).map(move |node| {
                let r = NodeRef {
                    file: run.file,
                    node,
                };
                (r, &nodes[node as usize])
            })
        })
    }
}

/// A `-f` path that could not be read at all.
#[derive(Debug, thiserror::Error)]
#[error("cannot read `{path}`: {source}")]
pub struct LoadError {
    pub path: String,
    #[source]
    pub source: io::Error,
}

/// Loads every path: a file, or a directory meaning every `*.up` below it.
pub fn load(paths: &[PathBuf], reader: &dyn Reader) -> Result<Loaded, LoadError> {
    let mut loader = Loader {
        reader,
        loaded: Loaded::default(),
        seen: HashSet::new(),
        chain: Vec::new(),
        in_chain: HashMap::new(),
    };
    for path in paths {
        let files = if path.is_dir() && reader.read(path).is_err() {
            walk(path).map_err(|source| LoadError {
                path: path.display().to_string(),
                source,
            })?
        } else {
            vec![path.clone()]
        };
        for file in files {
            let bytes = reader.read(&file).map_err(|source| LoadError {
                path: file.display().to_string(),
                source,
            })?;
            loader.file(&file, bytes);
        }
    }
    Ok(loader.loaded)
}

struct Loader<'r> {
    reader: &'r dyn Reader,
    loaded: Loaded,
    seen: HashSet<PathBuf>,
    /// The files being loaded, outermost first: a path met again here is a cycle.
    chain: Vec<(PathBuf, String)>,
    /// Each file of `chain` by canonical path, with its place there.
    in_chain: HashMap<PathBuf, usize>,
}

/// A file whose nodes are being placed in load order, up to its next include.
struct Open {
    id: FileId,
    path: PathBuf,
    /// Each include, by its node, with its target: the included file's nodes come right after it.
    includes: std::vec::IntoIter<(u32, String, Span)>,
    /// The first node not yet placed.
    next: u32,
    nodes: u32,
}

impl Loader<'_> {
    /// Loads `path` and, depth first, every file it includes. The chain of open files is kept
    /// on a stack of its own, so an include chain of any depth needs no deeper call stack.
    fn file(&mut self, path: &Path, bytes: Vec<u8>) {
        let Some(first) = self.open(path, bytes) else {
            return;
        };
        let mut stack = vec![first];
        while let Some(top) = stack.last_mut() {
            let Some((node, target, span)) = top.includes.next() else {
                if top.next < top.nodes {
                    self.loaded.order.push(NodeRun {
                        file: top.id,
                        nodes: top.next..top.nodes,
                    });
                }
                stack.pop();
                if let Some((canonical, _)) = self.chain.pop() {
                    self.in_chain.remove(&canonical);
                }
                continue;
            };
            self.loaded.order.push(NodeRun {
                file: top.id,
                nodes: top.next..node + 1,
            });
            top.next = node + 1;
            let path = top.path.parent().unwrap_or(Path::new("")).join(target);
            if let Some(bytes) = self.include(&path, span)
                && let Some(open) = self.open(&path, bytes)
            {
                stack.push(open);
            }
        }
    }

    /// Parses a file not loaded before and puts it on the chain of open files.
    fn open(&mut self, path: &Path, bytes: Vec<u8>) -> Option<Open> {
        let canonical = canonical(path);
        if !self.seen.insert(canonical.clone()) {
            return None;
        }
        let name = path.display().to_string();
        let source = SourceFile::new(name.clone(), path, bytes);
        let id = FileId(self.loaded.sources.len() as u32);
        let (doc, diags) = syntax::parse(id, &source);
        let includes: Vec<(u32, String, Span)> = (doc.directives.iter())
            .filter_map(|&i| {
                include_target(&doc, &doc.nodes[i as usize], id, &source.text)
                    .map(|(path, span)| (i, path, span))
            })
            .collect();
        let nodes = doc.nodes.len() as u32;
        self.loaded.sources.add(source);
        self.loaded.diagnostics.extend(diags);
        self.loaded.docs.push(doc);
        self.in_chain.insert(canonical.clone(), self.chain.len());
        self.chain.push((canonical, name));
        Some(Open {
            id,
            path: path.to_path_buf(),
            includes: includes.into_iter(),
            next: 0,
            nodes,
        })
    }

    /// The bytes of an included file not loaded yet; a cycle or a file that cannot be read
    /// is an error at the include.
    fn include(&mut self, path: &Path, span: Span) -> Option<Vec<u8>> {
        let canonical = canonical(path);
        if let Some(&start) = self.in_chain.get(&canonical) {
            let again = path.display().to_string();
            let message = format!("include cycle: {}", self.chain_names(start, &again));
            (self.loaded.diagnostics).push(Diagnostic::error(codes::INCLUDE, span, message));
            return None;
        }
        if self.seen.contains(&canonical) {
            return None;
        }
        match self.reader.read(path) {
            Ok(bytes) => Some(bytes),
            Err(err) => {
                let missing = path.display().to_string();
                let message = format!(
                    "cannot include `{}`: {} (include chain: {})",
                    missing,
                    plain_io(&err),
                    self.chain_names(0, &missing)
                );
                (self.loaded.diagnostics).push(Diagnostic::error(codes::INCLUDE, span, message));
                None
            }
        }
    }

    /// The names of the chain from `start`, then `last`, joined by arrows; a long chain
    /// keeps its first and last three files and says how many it leaves out.
    fn chain_names(&self, start: usize, last: &str) -> String {
        const ENDS: usize = 3;
        let names: Vec<&str> = self.chain[start..]
            .iter()
            .map(|(_, n)| n.as_str())
            .chain([last])
            .collect();
        if names.len() <= 2 * ENDS + 1 {
            return names.join(" → ");
        }
        let left_out = names.len() - 2 * ENDS;
        format!(
            "{} → … {left_out} more … → {}",
            names[..ENDS].join(" → "),
            names[names.len() - ENDS..].join(" → ")
        )
    }
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// An io error as a short sentence fragment, without the OS error number.
pub fn plain_io(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => {
            let text = err.to_string();
            text.split(" (os error")
                .next()
                .unwrap_or(&text)
                .to_lowercase()
        }
    }
}

/// The path and span of an `include` directive.
fn include_target(doc: &Document, node: &Node, file: FileId, text: &str) -> Option<(String, Span)> {
    let Node::Directive(d) = node else {
        return None;
    };
    if d.kind != DirectiveKind::Include {
        return None;
    }
    let arg = doc
        .line_tokens(d.line)
        .iter()
        .find(|t| t.kind() == TokenKind::Argument)?;
    Some((
        text[arg.range()].to_string(),
        Span::new(file, arg.start() as usize, arg.end() as usize),
    ))
}

/// A journal whose first file includes another midway, with directives between entries in
/// both: nine nodes, six of them entries, in load order `a b include set c d e scope f`.
#[cfg(test)]
pub(super) fn included_midway() -> Loaded {
    let overlay = Overlay {
        files: vec![
            (
                "main.up".into(),
                "2026-01-01 did a\n2026-01-02 did b\ninclude sub.up\n\
                 2026-01-05 did e\nscope #x\n2026-01-06 did f\n"
                    .into(),
            ),
            (
                "sub.up".into(),
                "set repitch 30\n2026-01-03 did c\n2026-01-04 did d\n".into(),
            ),
        ],
    };
    load(&["main.up".into()], &overlay).expect("loads from memory")
}

#[cfg(test)]
mod tests {
    use super::{Disk, Overlay, Reader, load};

    /// A missing file at the end of a long chain names the chain's ends, not every file.
    #[test]
    fn a_long_include_chain_is_shortened_in_messages() {
        let files = (0..10)
            .map(|i| (format!("{i}.up").into(), format!("include {}.up\n", i + 1)))
            .collect();
        let loaded = load(&["0.up".into()], &Overlay { files }).expect("loads");
        let messages: Vec<&str> = (loaded.diagnostics.iter())
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            messages,
            ["cannot include `10.up`: no such file \
              (include chain: 0.up → 1.up → 2.up → … 5 more … → 8.up → 9.up → 10.up)"]
        );
    }

    /// A large file and a small one both come back byte for byte.
    #[test]
    fn disk_reads_files_byte_for_byte() {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, len) in [("big.up", (8 << 20) + 7), ("small.up", 999)] {
            let path = dir.path().join(name);
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &bytes).expect("write");
            assert_eq!(Disk.read(&path).expect("read"), bytes, "{name}");
        }
    }
}
