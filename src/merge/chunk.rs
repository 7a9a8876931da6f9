//! A journal file cut into chunks: each entry and each directive with the comments and blank
//! lines above it, and the comments and blank lines after the last one. The chunks partition
//! the file after its BOM, byte for byte; only the shape of each line is read.

use std::fmt;

/// One entry or directive with the lines above it, or the trailing comments of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk<'a> {
    /// Every byte of the chunk, line endings included.
    pub bytes: &'a [u8],
    /// How many of them are the comments and blank lines above the header.
    pub lead: usize,
    /// What makes an edited chunk the same chunk (see [`super::key`]); `None` for trailing
    /// comments and for a column-0 line that is neither an entry nor a directive.
    pub ident: Option<super::key::Ident<'a>>,
    /// The header's date and time, for placing new chunks.
    pub when: Option<super::key::When<'a>>,
}

impl<'a> Chunk<'a> {
    /// The comments and blank lines above the header, and the rest.
    pub fn parts(&self) -> (&'a [u8], &'a [u8]) {
        self.bytes.split_at(self.lead)
    }
}

/// A file: its BOM (empty when it has none) and its chunks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub bom: &'a [u8],
    pub chunks: Vec<Chunk<'a>>,
}

/// Why a file cannot be merged by entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trouble {
    /// 1-based line, 0 for the whole file.
    pub line: usize,
    pub what: &'static str,
}

impl fmt::Display for Trouble {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.what)
        } else {
            write!(f, "line {} {}", self.line, self.what)
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Blank, a comment or a heading.
    Trivia,
    /// Indented: belongs to the chunk above.
    Body,
    /// Any other column-0 line starts a chunk.
    Header,
    /// A conflict marker left by an earlier merge.
    Marker,
}

fn shape(line: &[u8]) -> Shape {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    match line.first() {
        None => Shape::Trivia,
        Some(b' ' | b'\t') if line.iter().all(|&b| b == b' ' || b == b'\t') => Shape::Trivia,
        Some(b' ' | b'\t') => Shape::Body,
        Some(b';') => Shape::Trivia,
        Some(b'#') if matches!(line.get(1), None | Some(b' ' | b'\t' | b'#')) => Shape::Trivia,
        Some(b'<' | b'=' | b'>' | b'|') if is_marker(line) => Shape::Marker,
        Some(_) => Shape::Header,
    }
}

fn is_marker(line: &[u8]) -> bool {
    line.len() >= 7
        && line[..7].iter().all(|&b| b == line[0])
        && matches!(line.get(7), None | Some(b' '))
}

/// Cuts `text` into chunks, or says why it is not a journal that can be merged by entry:
/// invalid UTF-8, a NUL byte, an indented line with no entry above it, or a conflict marker.
pub fn split(text: &[u8]) -> Result<Split<'_>, Trouble> {
    if std::str::from_utf8(text).is_err() {
        return Err(Trouble {
            line: 0,
            what: "is not UTF-8",
        });
    }
    if memchr::memchr(0, text).is_some() {
        return Err(Trouble {
            line: 0,
            what: "holds a NUL byte",
        });
    }
    let (bom, body) = match text.strip_prefix(BOM) {
        Some(rest) => (BOM, rest),
        None => (&b""[..], text),
    };
    let mut chunks = Vec::with_capacity(body.len() / 64);
    // The start of the chunk being read and of its header line.
    let mut current: Option<(usize, usize)> = None;
    // The start of a run of comments and blank lines not yet given to a chunk.
    let mut pending: Option<usize> = None;
    let mut start = 0;
    let mut number = 0;
    while start < body.len() {
        let end = memchr::memchr(b'\n', &body[start..]).map_or(body.len(), |i| start + i + 1);
        number += 1;
        match shape(&body[start..end]) {
            Shape::Trivia => {
                pending.get_or_insert(start);
            }
            Shape::Body if current.is_none() => {
                return Err(Trouble {
                    line: number,
                    what: "is indented but has no entry above it",
                });
            }
            Shape::Body => pending = None,
            Shape::Marker => {
                return Err(Trouble {
                    line: number,
                    what: "is a conflict marker",
                });
            }
            Shape::Header => {
                let chunk_start = pending.take().unwrap_or(start);
                if let Some((from, header)) = current {
                    chunks.push(chunk(body, from, header, chunk_start));
                }
                current = Some((chunk_start, start));
            }
        }
        start = end;
    }
    let tail = pending.unwrap_or(body.len());
    if let Some((from, header)) = current {
        chunks.push(chunk(body, from, header, tail));
    }
    if tail < body.len() {
        chunks.push(Chunk {
            bytes: &body[tail..],
            lead: 0,
            ident: None,
            when: None,
        });
    }
    Ok(Split { bom, chunks })
}

fn chunk(body: &[u8], from: usize, header: usize, to: usize) -> Chunk<'_> {
    let line_end = memchr::memchr(b'\n', &body[header..to]).map_or(to, |i| header + i);
    let (ident, when) = super::key::read(&body[header..line_end]);
    Chunk {
        bytes: &body[from..to],
        lead: header - from,
        ident,
        when,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text.as_bytes())
            .unwrap()
            .chunks
            .iter()
            .map(|c| std::str::from_utf8(c.bytes).unwrap())
            .collect()
    }

    #[test]
    fn comments_and_blank_lines_go_with_the_chunk_below() {
        let text = "; top\nboss @m M\n  cadence: weekly\n\n; why\n2026-11-01 did A\n  - note\n\n  - more\n\n; end\n";
        assert_eq!(
            texts(text),
            [
                "; top\nboss @m M\n  cadence: weekly\n",
                "\n; why\n2026-11-01 did A\n  - note\n\n  - more\n",
                "\n; end\n"
            ]
        );
        assert_eq!(texts(text).concat(), text);
    }

    #[test]
    fn crlf_bom_and_no_final_newline_are_kept() {
        let text = "\u{feff}2026-11-01 did A\r\n  - x\r\n2026-11-02 did B";
        let split = split(text.as_bytes()).unwrap();
        assert_eq!(split.bom, BOM);
        assert_eq!(split.chunks.len(), 2);
        assert_eq!(split.chunks[1].bytes, b"2026-11-02 did B");
    }

    #[test]
    fn trouble_is_reported_with_its_line() {
        assert_eq!(split(b"  orphan\n").unwrap_err().line, 1);
        assert_eq!(
            split(b"2026-11-01 did A\n<<<<<<< ours\n").unwrap_err().line,
            2
        );
        assert!(split(b"a\0b\n").is_err());
        assert!(split(b"\xff\n").is_err());
        assert!(split(b"").unwrap().chunks.is_empty());
    }
}
