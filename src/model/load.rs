//! Reading a journal from disk: `-f` paths, directory walks and includes.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, FileId, Span, codes};
use crate::source::{SourceFile, Sources};
use crate::syntax::{self, DirectiveKind, Document, Node, TokenKind};

/// A file's bytes: owned, or borrowed from a mapping that lasts as long as the process.
pub type Bytes = Cow<'static, [u8]>;

/// Reads a file's bytes. The CLI reads the disk; the language server overlays unsaved buffers.
pub trait Reader {
    fn read(&self, path: &Path) -> io::Result<Bytes>;
}

/// Reads files from disk, for a command that loads its journal once and exits: a large file
/// is mapped into memory rather than copied, and stays mapped until the process ends.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl Reader for Disk {
    fn read(&self, path: &Path) -> io::Result<Bytes> {
        let file = std::fs::File::open(path)?;
        let meta = file.metadata()?;
        if let Ok(len) = usize::try_from(meta.len())
            && meta.is_file()
            && len >= crate::mapped::LARGE
            // Where the file system cannot map files, it is read as any other.
            && let Ok(bytes) = crate::mapped::map_for_process(&file, len)
        {
            return Ok(Cow::Borrowed(bytes));
        }
        // Read from the file already open, as `fs::read` would after opening it again.
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        io::Read::read_to_end(&mut &file, &mut bytes)?;
        Ok(Cow::Owned(bytes))
    }
}

/// Files held in memory (an editor's unsaved buffers, tests), read before the disk.
#[derive(Debug, Clone, Default)]
pub struct Overlay {
    pub files: Vec<(PathBuf, String)>,
}

impl Reader for Overlay {
    fn read(&self, path: &Path) -> io::Result<Bytes> {
        match self.files.iter().find(|(p, _)| p == path) {
            Some((_, text)) => Ok(Cow::Owned(text.clone().into_bytes())),
            None => std::fs::read(path).map(Cow::Owned),
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

/// Every `*.up` file below `dir`, sorted by path component bytewise, skipping names starting with `.`.
pub fn walk(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by(|a, b| {
        a.file_name()
            .as_encoded_bytes()
            .cmp(b.file_name().as_encoded_bytes())
    });
    for entry in entries {
        let name = entry.file_name();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path)?);
        } else if path.extension().is_some_and(|e| e == "up") {
            out.push(path);
        }
    }
    Ok(out)
}

struct Loader<'r> {
    reader: &'r dyn Reader,
    loaded: Loaded,
    seen: HashSet<PathBuf>,
    /// The files being loaded, outermost first: a path met again here is a cycle.
    chain: Vec<(PathBuf, String)>,
}

impl Loader<'_> {
    fn file(&mut self, path: &Path, bytes: Bytes) {
        let canonical = canonical(path);
        if !self.seen.insert(canonical.clone()) {
            return;
        }
        let name = path.display().to_string();
        let source = SourceFile::new(name.clone(), path, bytes);
        let id = FileId(self.loaded.sources.len() as u32);
        let (doc, diags) = syntax::parse(id, &source);
        // Each include, by its node: the included file's nodes come right after it.
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
        self.chain.push((canonical, name));
        let mut next = 0;
        for (node, target, span) in includes {
            self.loaded.order.push(NodeRun {
                file: id,
                nodes: next..node + 1,
            });
            next = node + 1;
            self.include(path, &target, span);
        }
        if next < nodes {
            self.loaded.order.push(NodeRun {
                file: id,
                nodes: next..nodes,
            });
        }
        self.chain.pop();
    }

    fn include(&mut self, from: &Path, target: &str, span: Span) {
        let path = from.parent().unwrap_or(Path::new("")).join(target);
        let canonical = canonical(&path);
        if let Some(start) = self.chain.iter().position(|(p, _)| *p == canonical) {
            let mut names: Vec<&str> = self.chain[start..]
                .iter()
                .map(|(_, n)| n.as_str())
                .collect();
            let again = path.display().to_string();
            names.push(&again);
            self.loaded.diagnostics.push(Diagnostic::error(
                codes::INCLUDE,
                span,
                format!("include cycle: {}", names.join(" → ")),
            ));
            return;
        }
        if self.seen.contains(&canonical) {
            return;
        }
        match self.reader.read(&path) {
            Ok(bytes) => self.file(&path, bytes),
            Err(err) => {
                let mut chain: Vec<&str> = self.chain.iter().map(|(_, n)| n.as_str()).collect();
                let missing = path.display().to_string();
                chain.push(&missing);
                self.loaded.diagnostics.push(Diagnostic::error(
                    codes::INCLUDE,
                    span,
                    format!(
                        "cannot include `{}`: {} (include chain: {})",
                        missing,
                        plain_io(&err),
                        chain.join(" → ")
                    ),
                ));
            }
        }
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
    use std::borrow::Cow;

    use super::{Disk, Reader};

    /// A large file is mapped, a small one copied; both come back byte for byte.
    #[test]
    fn disk_maps_large_files_and_copies_small_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let large = crate::mapped::LARGE as u32;
        for (name, len, mapped) in [("big.up", large + 7, true), ("small.up", 999, false)] {
            let path = dir.path().join(name);
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &bytes).expect("write");
            let read = Disk.read(&path).expect("read");
            assert_eq!(matches!(read, Cow::Borrowed(_)), mapped, "{name}");
            assert_eq!(*read, *bytes, "{name}");
        }
    }
}
