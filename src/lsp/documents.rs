//! Open documents, their edits, and the journal each one belongs to. A document is read from
//! its buffer, unsaved edits included; the other files of its journal (includes, a directory's
//! files) from their open buffers, else from disk.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use chrono::NaiveDate;
use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::uri;
use crate::diag::FileId;
use crate::model::{self, Journal, Reader};
use crate::source::SourceFile;

/// One open document.
#[derive(Debug, Clone)]
pub struct OpenDoc {
    pub uri: Uri,
    pub path: PathBuf,
    pub text: String,
    pub version: i32,
}

/// What the editor told the server at start.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// `initializationOptions.journal`: the journal's paths, as `-f` would name them.
    pub journal: Vec<PathBuf>,
    /// The workspace folders.
    pub workspace: Vec<PathBuf>,
    /// `initializationOptions.today`, else `UPWARD_TODAY`, else the local date.
    pub today: Option<NaiveDate>,
}

/// A document's journal and the document's file in it.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub journal: Rc<Journal>,
    pub file: FileId,
    pub today: NaiveDate,
}

impl Analysis {
    pub fn source(&self) -> &SourceFile {
        self.journal.sources.get(self.file)
    }

    pub fn doc(&self) -> &crate::syntax::Document {
        &self.journal.docs[self.file.0 as usize]
    }
}

/// A built journal and the normalised paths of its files, by file id.
#[derive(Debug)]
struct Built {
    journal: Rc<Journal>,
    paths: Vec<PathBuf>,
}

#[derive(Debug, Default)]
pub struct Documents {
    docs: BTreeMap<String, OpenDoc>,
    pub config: Config,
    /// Bumped on every edit and disk change: cached journals older than this are rebuilt.
    generation: u64,
    cache: RefCell<Cache>,
}

/// Built journals by their `-f` paths, with the generation they were built at.
type Cache = HashMap<Vec<PathBuf>, (u64, Rc<Built>)>;

impl Documents {
    pub fn new(config: Config) -> Self {
        Documents {
            config,
            ..Documents::default()
        }
    }

    pub fn open(&mut self, uri: Uri, text: String, version: i32) {
        let path = uri::to_path(&uri);
        self.docs.insert(
            uri.as_str().to_string(),
            OpenDoc {
                uri,
                path,
                text,
                version,
            },
        );
        self.touch();
    }

    /// Applies edits in order: a change with a range replaces that range (UTF-16 positions),
    /// one without replaces the whole text.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) {
        if let Some(doc) = self.docs.get_mut(uri.as_str()) {
            for change in changes {
                match change.range {
                    None => doc.text = change.text,
                    Some(range) => {
                        let source = SourceFile::from_text("", &doc.text);
                        let a = source.offset_of_utf16(range.start.line, range.start.character);
                        let b = source.offset_of_utf16(range.end.line, range.end.character);
                        let (a, b) = (a.min(b), a.max(b));
                        doc.text.replace_range(a..b, &change.text);
                    }
                }
            }
            doc.version = version;
        }
        self.touch();
    }

    pub fn close(&mut self, uri: &Uri) {
        self.docs.remove(uri.as_str());
        self.touch();
    }

    /// Something changed (an edit, a save, a file on disk): journals are rebuilt when next asked.
    pub fn touch(&mut self) {
        self.generation += 1;
    }

    pub fn get(&self, uri: &Uri) -> Option<&OpenDoc> {
        self.docs.get(uri.as_str())
    }

    pub fn uris(&self) -> Vec<Uri> {
        self.docs.values().map(|d| d.uri.clone()).collect()
    }

    pub fn today(&self) -> NaiveDate {
        self.config
            .today
            .or_else(|| {
                std::env::var("UPWARD_TODAY")
                    .ok()
                    .and_then(|v| crate::syntax::calendar_date(&v))
            })
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The journal of an open document: the first candidate journal that holds it, else the
    /// document alone (with its includes).
    pub fn analyze(&self, uri: &Uri) -> Option<Analysis> {
        let doc = self.get(uri)?;
        let me = normalize(&doc.path);
        let today = self.today();
        for paths in self.candidates(&doc.path) {
            if let Some(built) = self.build(&paths)
                && let Some(i) = built.paths.iter().position(|p| *p == me)
            {
                return Some(Analysis {
                    journal: built.journal.clone(),
                    file: FileId(i as u32),
                    today,
                });
            }
        }
        let built = self.build(std::slice::from_ref(&doc.path))?;
        let i = built.paths.iter().position(|p| *p == me)?;
        Some(Analysis {
            journal: built.journal.clone(),
            file: FileId(i as u32),
            today,
        })
    }

    /// Journals a document may belong to, most specific first: the editor's setting,
    /// `UPWARD_JOURNAL`, the nearest `journal.up` above the document, the nearest `notes/`
    /// above it, and each workspace folder's `journal.up` or `notes/`.
    fn candidates(&self, path: &Path) -> Vec<Vec<PathBuf>> {
        let mut out = Vec::new();
        let base = self
            .config
            .workspace
            .first()
            .cloned()
            .unwrap_or_else(|| PathBuf::from("."));
        if !self.config.journal.is_empty() {
            out.push(self.config.journal.iter().map(|p| base.join(p)).collect());
        }
        if let Some(value) = std::env::var_os("UPWARD_JOURNAL").filter(|v| !v.is_empty()) {
            out.push(std::env::split_paths(&value).collect());
        }
        let above = normalize(path);
        let mut dirs = above.ancestors().skip(1);
        if let Some(dir) = dirs.clone().find(|d| d.join("journal.up").is_file()) {
            out.push(vec![dir.join("journal.up")]);
        }
        if let Some(dir) = dirs.find(|d| d.file_name().is_some_and(|n| n == "notes")) {
            out.push(vec![dir.to_path_buf()]);
        }
        for root in &self.config.workspace {
            for name in ["journal.up", "notes"] {
                if root.join(name).exists() {
                    out.push(vec![root.join(name)]);
                    break;
                }
            }
        }
        out.dedup();
        out
    }

    fn build(&self, paths: &[PathBuf]) -> Option<Rc<Built>> {
        let key = paths.to_vec();
        if let Some((generation, built)) = self.cache.borrow().get(&key)
            && *generation == self.generation
        {
            return Some(built.clone());
        }
        let buffers = Buffers {
            files: self
                .docs
                .values()
                .map(|d| (normalize(&d.path), d.text.as_str()))
                .collect(),
        };
        let loaded = model::load(paths, &buffers).ok()?;
        let journal = Journal::build(loaded);
        let files = journal
            .sources
            .iter()
            .map(|(_, s)| normalize(&s.path))
            .collect();
        let built = Rc::new(Built {
            journal: Rc::new(journal),
            paths: files,
        });
        self.cache
            .borrow_mut()
            .insert(key, (self.generation, built.clone()));
        Some(built)
    }
}

/// Open buffers, read before the disk.
struct Buffers<'a> {
    files: Vec<(PathBuf, &'a str)>,
}

impl Reader for Buffers<'_> {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let path_n = normalize(path);
        match self.files.iter().find(|(p, _)| *p == path_n) {
            Some((_, text)) => Ok(text.as_bytes().to_vec()),
            None => crate::model::load::read_regular(path),
        }
    }
}

/// A path made absolute and canonical where it exists, else cleaned of `.` and `..`.
pub fn normalize(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
