//! Validating an entry against the whole journal, with the target file held in memory.

use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::target::canonical;
use crate::diag::{Diagnostic, FileId};
use crate::model::{self, Journal, Reader};

/// Reads one file from memory (the target as it is, or as it would be) and the rest from disk.
struct WithFile<'a> {
    canonical: PathBuf,
    bytes: &'a [u8],
}

impl Reader for WithFile<'_> {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        if canonical(path) == self.canonical {
            Ok(self.bytes.to_vec())
        } else {
            model::load::read_regular(path)
        }
    }
}

/// The journal of `paths` plus `target`, with `target` holding `bytes`.
pub fn load_with(paths: &[PathBuf], target: &Path, bytes: &[u8]) -> Result<Journal, String> {
    let mut all = paths.to_vec();
    all.push(target.to_path_buf());
    let reader = WithFile {
        canonical: canonical(target),
        bytes,
    };
    model::load(&all, &reader).map(Journal::build).map_err(|e| {
        format!(
            "cannot read `{}`: {}",
            e.path,
            model::load::plain_io(&e.source)
        )
    })
}

/// The file id of `target` in a journal built by [`load_with`].
pub fn file_id(journal: &Journal, target: &Path) -> Option<FileId> {
    let want = canonical(target);
    journal
        .sources
        .iter()
        .find(|(_, f)| canonical(&f.path) == want)
        .map(|(id, _)| id)
}

/// What an appended entry would bring: the errors the journal has with it and not without
/// it, and the warnings about the entry itself (its bytes start at `entry_start` of `target`).
#[derive(Debug)]
pub struct Verdict {
    pub journal: Journal,
    pub new_errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
    pub file: Option<FileId>,
}

pub fn verdict(
    paths: &[PathBuf],
    target: &Path,
    before: &[u8],
    after: &[u8],
    entry_start: usize,
    today: NaiveDate,
) -> Result<Verdict, String> {
    let journal = load_with(paths, target, after)?;
    let file = file_id(&journal, target);
    let mut new_errors: Vec<Diagnostic> = journal
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    if !new_errors.is_empty() {
        // Errors the journal already had are not the entry's fault: appending leaves every
        // byte before the entry where it was, so old errors keep their place and message.
        let old = load_with(paths, target, before)?;
        let key = |j: &Journal, d: &Diagnostic| {
            let name = canonical(&j.sources.get(d.span.file).path);
            (name, d.span.start, d.span.end, d.code, d.message.clone())
        };
        let known: std::collections::HashSet<_> = old
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| key(&old, d))
            .collect();
        new_errors.retain(|d| !known.contains(&key(&journal, d)));
    }
    let warnings = crate::rules::check(&journal, today)
        .into_iter()
        .filter(|d| Some(d.span.file) == file && d.span.start as usize >= entry_start)
        .collect();
    Ok(Verdict {
        journal,
        new_errors,
        warnings,
        file,
    })
}
