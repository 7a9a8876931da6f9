//! Source files as loaded: their text, where their lines start, and positions of byte offsets.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::diag::{FileId, Span};

/// A 1-based line and column. Columns count Unicode scalar values; a leading BOM is not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// One loaded file.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as the user named it (or as an include reached it), for messages.
    pub name: String,
    pub path: PathBuf,
    /// The text. Bytes that are not UTF-8 are replaced by `?` one for one, so offsets match
    /// `raw`.
    pub text: String,
    /// The original bytes, kept only when they differ from `text`.
    pub raw: Option<Vec<u8>>,
    /// Offsets of the first invalid UTF-8 byte of each line that has one.
    pub invalid_utf8: Vec<u32>,
    /// Where each line starts: found by the parser as it reads the lines, else on first use.
    line_starts: OnceLock<Vec<u32>>,
    /// Where lines start as editors count them, when that differs from `line_starts`.
    editor_starts: OnceLock<Option<Vec<u32>>>,
}

const BOM: &str = "\u{feff}";

impl SourceFile {
    pub fn new(name: impl Into<String>, path: impl Into<PathBuf>, bytes: Vec<u8>) -> Self {
        let (text, raw, invalid_utf8) = match String::from_utf8(bytes) {
            Ok(text) => (text, None, Vec::new()),
            Err(err) => {
                let bytes = err.into_bytes();
                let (text, invalid) = sanitize(&bytes);
                (text, Some(bytes), invalid)
            }
        };
        SourceFile {
            name: name.into(),
            path: path.into(),
            text,
            raw,
            invalid_utf8,
            line_starts: OnceLock::new(),
            editor_starts: OnceLock::new(),
        }
    }

    /// A file that exists only in memory (tests, an editor's unsaved buffer).
    pub fn from_text(name: &str, text: &str) -> Self {
        SourceFile::new(name, Path::new(name), text.as_bytes().to_vec())
    }

    /// The bytes exactly as read.
    pub fn bytes(&self) -> &[u8] {
        self.raw.as_deref().unwrap_or(self.text.as_bytes())
    }

    pub fn has_bom(&self) -> bool {
        self.text.starts_with(BOM)
    }

    /// The offset where each line starts: 0, then one past each `\n`.
    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let mut starts =
                Vec::with_capacity(self.text.len() / crate::tuning::BYTES_PER_LINE + 1);
            starts.push(0);
            starts.extend(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i as u32 + 1));
            starts
        })
    }

    /// Records the line starts a parser found, as [`Self::line_starts`] would compute them.
    pub(crate) fn found_line_starts(&self, starts: Vec<u32>) {
        debug_assert!(starts.len() == memchr::memchr_iter(b'\n', self.text.as_bytes()).count() + 1);
        let _ = self.line_starts.set(starts);
    }

    /// 0-based index of the line holding `offset`.
    pub fn line_index(&self, offset: u32) -> usize {
        self.line_starts()
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    pub fn line_start(&self, index: usize) -> usize {
        self.line_starts()
            .get(index)
            .copied()
            .unwrap_or(self.text.len() as u32) as usize
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    /// The text of the line at 0-based `index`, without its line ending.
    pub fn line_text(&self, index: usize) -> &str {
        let start = self.line_start(index);
        let end = self.line_start(index + 1).min(self.text.len());
        let line = &self.text[start..end];
        line.strip_suffix('\n')
            .map_or(line, |l| l.strip_suffix('\r').unwrap_or(l))
    }

    pub fn position(&self, offset: u32) -> Position {
        let offset = (offset as usize).min(self.text.len());
        let index = self.line_index(offset as u32);
        let mut start = self.line_start(index);
        if index == 0 && self.has_bom() && offset >= BOM.len() {
            start = BOM.len();
        }
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        Position {
            line: index as u32 + 1,
            column: column as u32 + 1,
        }
    }

    /// Where lines start as editors count them: the language server protocol also ends a line
    /// at a carriage return that is not before a line feed. Such a carriage return is an error
    /// in a journal (lines end with LF or CRLF), but until it is fixed the server must count
    /// lines as the editor does, or every position below it would be a line off. Without one,
    /// the usual case, these are [`Self::line_starts`].
    fn editor_line_starts(&self) -> &[u32] {
        let bytes = self.text.as_bytes();
        let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        self.editor_starts
            .get_or_init(|| {
                memchr::memchr_iter(b'\r', bytes).any(lone).then(|| {
                    let mut starts = vec![0];
                    starts.extend(
                        memchr::memchr2_iter(b'\n', b'\r', bytes)
                            .filter(|&i| bytes[i] == b'\n' || lone(i))
                            .map(|i| i as u32 + 1),
                    );
                    starts
                })
            })
            .as_deref()
            .unwrap_or_else(|| self.line_starts())
    }

    /// The 0-based line and UTF-16 column of `offset`, as editors count them.
    pub fn utf16_position(&self, offset: u32) -> (u32, u32) {
        let offset = (offset as usize).min(self.text.len());
        let starts = self.editor_line_starts();
        let index = starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1);
        let start = starts[index] as usize;
        let column: usize = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().map(char::len_utf16).sum());
        (index as u32, column as u32)
    }

    /// The byte offset of a 0-based line and UTF-16 column (lines as editors count them, see
    /// [`Self::utf16_position`]), clamped to the line.
    pub fn offset_of_utf16(&self, line: u32, column: u32) -> usize {
        let starts = self.editor_line_starts();
        let index = line as usize;
        let Some(&start) = starts.get(index) else {
            return self.text.len();
        };
        let start = start as usize;
        let end = starts
            .get(index + 1)
            .map_or(self.text.len(), |&s| s as usize);
        let text = &self.text[start..end];
        let text = match text.strip_suffix('\n') {
            Some(t) => t.strip_suffix('\r').unwrap_or(t),
            None => text.strip_suffix('\r').unwrap_or(text),
        };
        let mut units = 0;
        for (i, c) in text.char_indices() {
            if units >= column as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + text.len()
    }
}

/// Replaces each byte of an invalid UTF-8 sequence by `?`, keeping every offset.
fn sanitize(bytes: &[u8]) -> (String, Vec<u32>) {
    let mut text = String::with_capacity(bytes.len());
    let mut invalid = Vec::new();
    let mut last_line = usize::MAX;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        let bad = chunk.invalid();
        if !bad.is_empty() {
            let at = text.len();
            let line = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
            if line != last_line {
                invalid.push(at as u32);
                last_line = line;
            }
            text.extend(std::iter::repeat_n('?', bad.len()));
        }
    }
    (text, invalid)
}

/// Every file of a journal, indexed by [`FileId`].
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn position(&self, span: Span) -> Position {
        self.get(span.file).position(span.start)
    }

    pub fn text(&self, span: Span) -> &str {
        self.get(span.file)
            .text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_skip_the_bom() {
        let f = SourceFile::from_text("t.up", "\u{feff}ab\n\téx y\r\nz");
        assert_eq!(f.position(3), Position { line: 1, column: 1 });
        assert_eq!(f.position(4), Position { line: 1, column: 2 });
        let y = f.text.find('y').unwrap() as u32;
        assert_eq!(f.position(y), Position { line: 2, column: 5 });
        let z = f.text.find('z').unwrap() as u32;
        assert_eq!(f.position(z), Position { line: 3, column: 1 });
        assert_eq!(f.line_text(1), "\téx y");
    }

    #[test]
    fn invalid_bytes_keep_offsets() {
        let f = SourceFile::new("t.up", "t.up", b"ok\nb\xffd\xfe\n".to_vec());
        assert_eq!(f.text, "ok\nb?d?\n");
        assert_eq!(f.invalid_utf8, vec![4]);
        assert_eq!(f.bytes(), b"ok\nb\xffd\xfe\n");
    }

    #[test]
    fn utf16_columns_round_trip() {
        let f = SourceFile::from_text("t.up", "a😀b\n");
        assert_eq!(f.utf16_position(5), (0, 3));
        assert_eq!(f.offset_of_utf16(0, 3), 5);
    }

    #[test]
    fn editors_count_a_lone_carriage_return_as_a_line_break() {
        let f = SourceFile::from_text("t.up", "a\rb\r\nc\nd");
        let d = f.text.find('d').unwrap();
        // The journal's lines: `a\rb`, `c`, `d`; the editor's: `a`, `b`, `c`, `d`.
        assert_eq!(f.position(d as u32).line, 3);
        assert_eq!(f.utf16_position(d as u32), (3, 0));
        assert_eq!(f.utf16_position(2), (1, 0));
        assert_eq!(f.offset_of_utf16(1, 9), 3);
        assert_eq!(f.offset_of_utf16(3, 0), d);
        let plain = SourceFile::from_text("t.up", "a\r\nb");
        assert_eq!(plain.utf16_position(3), (1, 0));
        assert_eq!(plain.offset_of_utf16(0, 9), 1);
    }
}
