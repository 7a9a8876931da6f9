//! The canonical layout of a journal file, produced from the lossless tree.
//!
//! Formatting changes only whitespace (docs/language.md §8), line by line:
//! - words one space apart; a boss's name, an include path and a body field's value keep
//!   their inner spaces, because they are values;
//! - a body indented two spaces, extra indentation kept relative to the body's least indented
//!   line; a tab in indentation counts as two spaces;
//! - trailing comments of consecutive lines aligned, two spaces after the longest code;
//! - blank lines kept, at most one in a row, none at the start or the end;
//! - one final line ending; CRLF when the file's first non-blank line ends in CRLF, else LF;
//!   a BOM kept;
//! - a line that could not be read kept byte for byte.
//!
//! See docs/editors.md, "fmt", for the same rules as the user reads them.

mod line;

use std::ops::Range;

pub use crate::write::{Rewrite, rewrite_locked, write_atomic};
pub use line::Laid;

use crate::diag::{Diagnostic, FileId};
use crate::source::SourceFile;
use crate::syntax::words::is_space;
use crate::syntax::{self, Document, Line, LineKind};

const BOM: &str = "\u{feff}";

/// The indentation of a body's least indented line.
pub const INDENT: usize = 2;

/// The fewest spaces between code and its trailing comment.
pub const COMMENT_GAP: usize = 2;

/// Formats one file. With parse errors, returns them, unless `force`: then the lines in error
/// are kept as they are and the others are formatted.
pub fn format_file(
    file: FileId,
    source: &SourceFile,
    force: bool,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let (doc, diags) = syntax::parse(file, source);
    let errors: Vec<Diagnostic> = diags.into_iter().filter(Diagnostic::is_error).collect();
    if !errors.is_empty() && !force {
        return Err(errors);
    }
    Ok(format_document(&doc, source))
}

/// Formats an editor's buffer; returns its parse errors instead when it has some.
pub fn format_text(name: &str, text: &str) -> Result<String, Vec<Diagnostic>> {
    let source = SourceFile::from_text(name, text);
    format_file(FileId(0), &source, false).map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// Formats an editor's buffer as `upward fmt --force` does: every line that parsed is laid
/// out, and the lines with parse errors are kept byte for byte.
pub fn format_buffer(name: &str, text: &str) -> String {
    let source = SourceFile::from_text(name, text);
    let (doc, _) = syntax::parse(FileId(0), &source);
    String::from_utf8_lossy(&format_document(&doc, &source)).into_owned()
}

/// Formats a parsed file.
pub fn format_document(doc: &Document, source: &SourceFile) -> Vec<u8> {
    let text: &str = &source.text;
    // The first line's range holds the BOM, which is written back on its own.
    let mut lines = doc.lines.clone();
    if let Some(first) = lines.first_mut()
        && source.has_bom()
    {
        first.start = (first.start + BOM.len() as u32).min(first.end);
    }
    let indents = indents(&lines, text);
    let pieces: Vec<Piece> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| match l.kind {
            LineKind::Blank => Piece::Blank,
            LineKind::Invalid => Piece::Verbatim(l.content()),
            _ => Piece::Laid(line::lay(text, l, doc.line_tokens(i as u32), indents[i])),
        })
        .collect();
    let newline = line_ending(&lines, source.bytes());
    render(&collapse_blanks(pieces), source, newline)
}

/// A line of output.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Blank,
    /// An unreadable line, copied from the file's bytes.
    Verbatim(Range<usize>),
    Laid(Laid),
}

/// Indentation width of the start of `text`: a space is one, a tab [`INDENT`].
fn indent_width(text: &str) -> Option<usize> {
    let width: usize = text
        .chars()
        .take_while(|&c| is_space(c))
        .map(|c| if c == '\t' { INDENT } else { 1 })
        .sum();
    (width > 0).then_some(width)
}

/// The canonical indentation of every line. A body runs from a column-0 line that is not
/// trivia to the next; its least indented body line gets [`INDENT`] and every other indented
/// line keeps its extra indentation over that one.
fn indents(lines: &[Line], text: &str) -> Vec<usize> {
    let widths: Vec<Option<usize>> = lines
        .iter()
        .map(|l| indent_width(&text[l.content()]))
        .collect();
    let mut out = vec![0; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let end = (start + 1..lines.len())
            .find(|&i| widths[i].is_none() && !lines[i].kind.is_trivia())
            .unwrap_or(lines.len());
        let base = (start..end)
            .filter(|&i| matches!(lines[i].kind, LineKind::Body(_)))
            .filter_map(|i| widths[i])
            .min();
        for i in start..end {
            if let Some(w) = widths[i] {
                out[i] = INDENT + w.saturating_sub(base.unwrap_or(w));
            }
        }
        start = end;
    }
    out
}

/// At most one blank line in a row, none first or last.
fn collapse_blanks(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let after_blank = matches!(out.last(), None | Some(Piece::Blank));
        if piece == Piece::Blank && after_blank {
            continue;
        }
        out.push(piece);
    }
    if out.last() == Some(&Piece::Blank) {
        out.pop();
    }
    out
}

/// The column (in characters) where each line's trailing comment starts: consecutive lines with
/// a trailing comment share the column two spaces past the longest code among them.
fn comment_columns(pieces: &[Piece]) -> Vec<usize> {
    let trailing = |p: &Piece| match p {
        Piece::Laid(l) if l.has_trailing_comment() => Some(l.code.chars().count()),
        _ => None,
    };
    let mut out = vec![0; pieces.len()];
    let mut i = 0;
    while i < pieces.len() {
        let run = pieces[i..].iter().map_while(trailing).collect::<Vec<_>>();
        if run.is_empty() {
            i += 1;
            continue;
        }
        let column = run.iter().max().copied().unwrap_or(0) + COMMENT_GAP;
        out[i..i + run.len()].fill(column);
        i += run.len();
    }
    out
}

/// The file's line ending: that of its first non-blank line (which becomes the first line of
/// the output, so a second pass sees the same), else its first line ending; LF when it has none.
fn line_ending(lines: &[Line], bytes: &[u8]) -> &'static [u8] {
    let ending = |l: &Line| {
        bytes
            .get(l.end as usize..l.next() as usize)
            .unwrap_or_default()
    };
    let first = lines
        .iter()
        .filter(|l| l.kind != LineKind::Blank)
        .map(ending)
        .find(|e| !e.is_empty())
        .or_else(|| lines.iter().map(ending).find(|e| !e.is_empty()));
    match first {
        Some(b"\r\n") => b"\r\n",
        _ => b"\n",
    }
}

fn render(pieces: &[Piece], source: &SourceFile, newline: &[u8]) -> Vec<u8> {
    let bytes = source.bytes();
    let columns = comment_columns(pieces);
    let mut out = Vec::with_capacity(bytes.len() + 64);
    if source.has_bom() {
        out.extend_from_slice(BOM.as_bytes());
    }
    for (piece, column) in pieces.iter().zip(columns) {
        match piece {
            Piece::Blank => {}
            Piece::Verbatim(range) => {
                let content = &bytes[range.clone()];
                out.extend_from_slice(content);
                // A kept line ending in a carriage return (the last line, without a line
                // feed) gets a CRLF after it, as a lone LF would make the two one CRLF.
                if content.ends_with(b"\r") {
                    out.extend_from_slice(b"\r\n");
                    continue;
                }
            }
            Piece::Laid(laid) => {
                out.extend_from_slice(laid.code.as_bytes());
                if let Some(comment) = &laid.comment {
                    let width = laid.code.chars().count();
                    let pad = if laid.has_trailing_comment() {
                        column.saturating_sub(width).max(1)
                    } else {
                        0
                    };
                    out.extend(std::iter::repeat_n(b' ', pad));
                    out.extend_from_slice(comment.as_bytes());
                }
            }
        }
        out.extend_from_slice(newline);
    }
    if !source.has_bom() && out.starts_with(BOM.as_bytes()) {
        // A first line that starts with U+FEFF but was not the first line of the file stays
        // off the first line, or it would become a byte-order mark, which is ignored.
        out.splice(0..0, newline.iter().copied());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        match format_text("t.up", text) {
            Ok(out) => out,
            Err(errors) => panic!("parse errors: {errors:?}"),
        }
    }

    #[test]
    fn layout_rules() {
        let table = [
            (
                "2026-11-03   09:30\tcheckin  @maria   dur:30m\n",
                "2026-11-03 09:30 checkin @maria dur:30m\n",
            ),
            (
                "\n\n2026-01-05 did a\n\n\n\n2026-01-06 did b\n\n",
                "2026-01-05 did a\n\n2026-01-06 did b\n",
            ),
            (
                "2026-01-05 did a\n\t-  note\n\t\t  more\n    ?\twhy\n",
                "2026-01-05 did a\n  - note\n      more\n    ? why\n",
            ),
            (
                "2026-01-05 did a ; x\n  - b    ; longer\n\n2026-01-06 did c;d  ;  e  \n",
                "2026-01-05 did a  ; x\n  - b             ; longer\n\n2026-01-06 did c;d  ;  e\n",
            ),
            (
                "boss  @maria  Maria  Chen   ; boss\n  channel:   slack  DM\n  -\t[x]  sent\n",
                "boss @maria Maria  Chen  ; boss\n  channel: slack  DM\n  - [x] sent\n",
            ),
            ("#  Week  45   \n", "#  Week  45\n"),
            (
                "2026-01-05 did a\r\n  - b  \r\n",
                "2026-01-05 did a\r\n  - b\r\n",
            ),
            ("\u{feff}set  repitch   45", "\u{feff}set repitch 45\n"),
            ("", ""),
            (" \n\t\n", ""),
            ("# \n#  \n", "# \n# \n"),
            (
                "2026-01-05 did a\n  - [  ] review\n  [\t] b  ; c\n  -  [ ]  d\n",
                "2026-01-05 did a\n  - [  ] review\n  [\t] b  ; c\n  - [ ] d\n",
            ),
        ];
        for (input, expected) in table {
            assert_eq!(fmt(input), expected, "input {input:?}");
            assert_eq!(fmt(expected), expected, "twice {input:?}");
        }
    }

    #[test]
    fn erroneous_lines_are_refused_or_kept() {
        let text = "2026-01-05  chekin   x\n2026-01-06  did   y\n";
        assert!(format_text("t.up", text).is_err());
        let source = SourceFile::from_text("t.up", text);
        let out = format_file(FileId(0), &source, true).unwrap_or_default();
        assert_eq!(
            String::from_utf8_lossy(&out),
            "2026-01-05  chekin   x\n2026-01-06 did y\n"
        );
        let forced = |text: &str| {
            let source = SourceFile::from_text("t.up", text);
            let out = format_file(FileId(0), &source, true).unwrap_or_default();
            String::from_utf8_lossy(&out).into_owned()
        };
        let table = [
            // A line that starts with U+FEFF is not the file's byte-order mark, and stays so.
            (
                "\n\u{feff}x  y\n2026-01-06  did y\n",
                "\n\u{feff}x  y\n2026-01-06 did y\n",
            ),
            // A carriage return not before a line feed is an error, kept where it stands.
            (
                "boss @m M\n  cadence: 2/week\r\r\n",
                "boss @m M\n  cadence: 2/week\r\r\n",
            ),
            ("2026-01-06  did y\r", "2026-01-06  did y\r\r\n"),
            ("2026-01-06  did\ry\n", "2026-01-06  did\ry\n"),
        ];
        for (input, expected) in table {
            assert!(format_text("t.up", input).is_err(), "{input:?}");
            assert_eq!(forced(input), expected, "input {input:?}");
            assert_eq!(forced(expected), expected, "twice {input:?}");
        }
    }
}
