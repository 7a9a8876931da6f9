//! The locked append: validate under the lock, write once, sync, then run the step after.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::AddError;
use super::validate::{Verdict, verdict};
use crate::diag::Diagnostic;
use crate::model::Journal;
use crate::write::Locked;

/// An entry that was appended.
#[derive(Debug)]
pub struct Added {
    /// 1-based line of the entry's header in the file.
    pub line: usize,
    /// Warnings about the new entry (it was added all the same).
    pub warnings: Vec<Diagnostic>,
    /// The journal with the entry, for rendering the warnings.
    pub journal: Journal,
}

/// Appends `entry` (lines separated by `\n`, no final line ending) to `target`, which may
/// not exist yet (its directory must). The journal of `paths` plus `target` is validated with
/// the entry, under an exclusive lock on `target`; an entry that brings an error is refused
/// and the file is left byte for byte as it was. `after` runs with the file's new bytes while
/// the lock is still held (a commit of exactly what was written).
pub fn append_entry(
    paths: &[PathBuf],
    target: &Path,
    entry: &str,
    today: NaiveDate,
    after: impl FnOnce(&[u8]) -> Result<(), String>,
) -> Result<Added, AddError> {
    let existed = target.exists();
    let mut locked = lock(target)?;
    let file = &mut locked.file;
    let (verdict, entry_start, after_bytes) = match write(file, paths, target, entry, today) {
        Ok(done) => done,
        Err(e) => {
            // A file created only to hold the lock goes again, so a refusal changes nothing.
            if !existed && file.metadata().is_ok_and(|m| m.len() == 0) {
                let _ = std::fs::remove_file(target);
            }
            return Err(e);
        }
    };
    let Verdict {
        journal,
        warnings,
        file: id,
        ..
    } = verdict;
    let line = id.map_or(0, |id| {
        journal.sources.get(id).line_index(entry_start as u32) + 1
    });
    after(&after_bytes).map_err(AddError::After)?;
    Ok(Added {
        line,
        warnings,
        journal,
    })
}

/// Under the lock: reads the file, validates the journal with the entry, and appends it.
fn write(
    file: &mut File,
    paths: &[PathBuf],
    target: &Path,
    entry: &str,
    today: NaiveDate,
) -> Result<(Verdict, usize, Vec<u8>), AddError> {
    let mut before = Vec::new();
    file.seek(SeekFrom::Start(0))
        .and_then(|_| file.read_to_end(&mut before))
        .map_err(|e| io_error("read", target, &e))?;
    let (addition, entry_start) = addition(&before, entry);
    let mut after = before.clone();
    after.extend_from_slice(&addition);
    let verdict =
        verdict(paths, target, &before, &after, entry_start, today).map_err(AddError::Io)?;
    if !verdict.new_errors.is_empty() {
        let Verdict {
            journal,
            new_errors,
            ..
        } = verdict;
        return Err(AddError::Refused(Box::new(journal), new_errors));
    }
    crate::write::append(file, &addition).map_err(|e| io_error("write", target, &e))?;
    Ok((verdict, entry_start, after))
}

/// The bytes to append and where the entry starts in the new file. The file's line ending
/// (that of its first line, else `\n`) is used throughout. A file that ends with a line ending
/// keeps ending with one; a non-empty file without one gets a line ending before the entry
/// and still has none after it.
pub fn addition(before: &[u8], entry: &str) -> (Vec<u8>, usize) {
    let crlf = memchr::memchr(b'\n', before).is_some_and(|i| i > 0 && before[i - 1] == b'\r');
    let eol: &[u8] = if crlf { b"\r\n" } else { b"\n" };
    let open_last_line = !before.is_empty() && !before.ends_with(b"\n");
    let mut out = Vec::with_capacity(entry.len() + 4);
    if open_last_line {
        out.extend_from_slice(eol);
    }
    let start = before.len() + out.len();
    for (i, line) in entry.split('\n').enumerate() {
        if i > 0 {
            out.extend_from_slice(eol);
        }
        out.extend_from_slice(line.trim_end_matches('\r').as_bytes());
    }
    if !open_last_line {
        out.extend_from_slice(eol);
    }
    (out, start)
}

/// Opens `target` for appending (creating it when missing) under the writers' lock.
fn lock(target: &Path) -> Result<Locked, AddError> {
    crate::write::lock(target, true).map_err(|e| io_error("lock", target, &e))
}

fn io_error(what: &str, path: &Path, err: &std::io::Error) -> AddError {
    AddError::Io(format!(
        "cannot {what} `{}`: {}",
        path.display(),
        crate::model::load::plain_io(err)
    ))
}

#[cfg(test)]
mod tests {
    use super::addition;

    fn added(before: &str, entry: &str) -> String {
        let (bytes, start) = addition(before.as_bytes(), entry);
        let all = format!("{before}{}", String::from_utf8(bytes).unwrap());
        assert!(all[start..].starts_with(entry.lines().next().unwrap()));
        all
    }

    #[test]
    fn keeps_line_endings_and_final_newline() {
        assert_eq!(added("", "a"), "a\n");
        assert_eq!(added("x\n", "a"), "x\na\n");
        assert_eq!(added("x\r\ny\r\n", "a\n  - b"), "x\r\ny\r\na\r\n  - b\r\n");
        assert_eq!(added("x\ny", "a"), "x\ny\na");
        assert_eq!(added("x\r\ny", "a"), "x\r\ny\r\na");
    }
}
