//! The parse driver: splits a file into lines, reads each one, and groups bodies under their
//! entry or directive. One bad line gives one diagnostic; parsing resumes at the next line.

use chrono::NaiveDate;

use super::halves::{append, split_point};
use super::header;
use super::names::DirectiveKind;
use super::tree::{Document, Line, LineKind, Node, TokenKind};
use super::words::{is_space_byte, space_len, token, trim_end_len};
use crate::diag::{Diagnostic, FileId, Span, codes};
use crate::source::SourceFile;
use crate::tuning::{BYTES_PER_LINE, BYTES_PER_NODE, BYTES_PER_TOKEN};

/// The longest line upward reads; a longer one is an error.
pub const MAX_LINE: usize = 1 << 20;

/// Parses one file. Never fails: returns the tree and the diagnostics of the lines it could not read.
pub fn parse(file: FileId, source: &SourceFile) -> (Document, Vec<Diagnostic>) {
    let halves = source.text.len() >= crate::tuning::SPLIT_AT && crate::threads::second_core();
    parse_in(file, source, halves)
}

/// [`parse`], in two halves on two threads when `halves` and the file has a place to cut.
pub(super) fn parse_in(
    file: FileId,
    source: &SourceFile,
    halves: bool,
) -> (Document, Vec<Diagnostic>) {
    let text: &str = &source.text;
    let bom = if source.has_bom() { 3 } else { 0 };
    let invalid = source.invalid_utf8.as_slice();
    let split = if halves { split_point(text) } else { None };
    let Some(mid) = split else {
        let (doc, diags, starts) = parse_range(file, text, 0..text.len(), bom, invalid, text.len());
        source.found_line_starts(starts);
        return (doc, diags);
    };
    let (first_bad, second_bad) =
        invalid.split_at(invalid.partition_point(|&at| (at as usize) < mid));
    let ((mut doc, mut diags, mut starts), (second, more, more_starts)) = crate::threads::both(
        true,
        || parse_range(file, text, 0..mid, bom, first_bad, text.len()),
        || parse_range(file, text, mid..text.len(), 0, second_bad, text.len() - mid),
    );
    append(&mut doc, second);
    diags.extend(more);
    starts.extend_from_slice(&more_starts);
    source.found_line_starts(starts);
    (doc, diags)
}

/// Parses the lines of `text[range]` (which starts a line); `bom` is the length of a byte order
/// mark at its start; `invalid` the invalid UTF-8 offsets in the range. `room` sizes the vectors.
/// Returns the tree, the diagnostics and the line starts in the range.
fn parse_range(
    file: FileId,
    text: &str,
    range: std::ops::Range<usize>,
    bom: usize,
    invalid: &[u32],
    room: usize,
) -> (Document, Vec<Diagnostic>, Vec<u32>) {
    let mut p = LineParser {
        file,
        doc: Document {
            lines: Vec::with_capacity(room / BYTES_PER_LINE + 1),
            tokens: Vec::with_capacity(room / BYTES_PER_TOKEN + 1),
            nodes: Vec::with_capacity(room / BYTES_PER_NODE + 1),
            directives: Vec::new(),
        },
        diags: Vec::new(),
        owner: Owner::Nothing,
        last_date: None,
    };
    let bytes = &text.as_bytes()[..range.end];
    let base = range.start;
    let mut invalid = invalid.iter().copied().peekable();
    // NUL bytes and carriage returns not before a line feed are rare: one search finds them
    // all (with the `\r` of each CRLF, which lies past its line's content), not one per line.
    let mut nuls = memchr::memchr2_iter(0, b'\r', &bytes[base..])
        .map(|i| base + i)
        .peekable();
    let mut newlines = memchr::memchr_iter(b'\n', &bytes[base..]).map(|i| base + i);
    // Where lines start, for the source file: 0 first, then one past each line end.
    let mut starts = Vec::with_capacity(room / BYTES_PER_LINE + 1);
    if range.start == 0 {
        starts.push(0);
    }
    let mut pos = range.start;
    while pos < range.end {
        let newline = newlines.next();
        if let Some(i) = newline {
            starts.push(i as u32 + 1);
        }
        let next = newline.map_or(range.end, |i| i + 1);
        let mut end = newline.unwrap_or(range.end);
        if newline.is_some() && end > pos && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        let start = if pos == 0 { bom } else { pos };
        let mut bad = None;
        while let Some(&at) = invalid.peek() {
            if (at as usize) >= next {
                break;
            }
            bad = Some(at as usize);
            invalid.next();
        }
        let mut nul = None;
        while let Some(&at) = nuls.peek() {
            if at >= next {
                break;
            }
            nul = nul.or(Some(at).filter(|&at| at >= start && at < end));
            nuls.next();
        }
        p.line(
            Bounds {
                start: pos,
                end,
                next,
                at: start,
            },
            &text[start..end],
            bad,
            nul,
        );
        pos = next;
    }
    (p.doc, p.diags, starts)
}

/// Where a line stands: its content `start..end`, the `next` line's start, and `at`, where
/// its content starts past a byte order mark.
#[derive(Clone, Copy)]
struct Bounds {
    start: usize,
    end: usize,
    next: usize,
    at: usize,
}

/// What indented lines belong to.
pub(super) enum Owner {
    /// No entry or directive above: an indented line is an error.
    Nothing,
    /// The node at this index of `doc.nodes`.
    Node(usize),
    /// A column-0 line that had an error: its body is skipped without further errors.
    Skipped,
}

pub(super) struct LineParser {
    file: FileId,
    pub(super) doc: Document,
    diags: Vec<Diagnostic>,
    pub(super) owner: Owner,
    /// The last date read, as written: entries of one day mostly follow each other.
    pub(super) last_date: Option<([u8; 10], NaiveDate)>,
}

/// Why a line could not be read, boxed: lines mostly read, and the result of each stays small.
pub(super) struct LineError(pub(super) Box<Diagnostic>);

impl From<Diagnostic> for LineError {
    fn from(diag: Diagnostic) -> Self {
        LineError(Box::new(diag))
    }
}

impl LineParser {
    pub(super) fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    pub(super) fn error(
        &self,
        code: &'static str,
        start: usize,
        end: usize,
        message: String,
    ) -> LineError {
        LineError::from(Diagnostic::error(code, self.span(start, end), message))
    }

    pub(super) fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.doc.tokens.push(token(kind, start, end));
    }

    /// Reads one line: `start..end` is its content (with a byte order mark), `next` the start
    /// of the next line; its content without the mark is `s`, starting at byte `at`. `bad_utf8`
    /// and `nul` are the offsets of its first invalid byte and of its first NUL byte or carriage
    /// return (which, within a line's content, is never part of a CRLF), if any.
    fn line(&mut self, bounds: Bounds, s: &str, bad_utf8: Option<usize>, nul: Option<usize>) {
        let Bounds {
            start,
            end,
            next,
            at,
        } = bounds;
        let first_token = self.doc.tokens.len();
        let result = self.read(at, s, bad_utf8, nul);
        let (kind, text_start) = match result {
            Ok(read) => read,
            Err(LineError(diag)) => {
                self.doc.tokens.truncate(first_token);
                self.diags.push(*diag);
                if !s.as_bytes().first().is_some_and(|&b| is_space_byte(b)) {
                    self.owner = Owner::Skipped;
                }
                (LineKind::Invalid, start)
            }
        };
        let index = self.doc.lines.len() as u32;
        self.doc.lines.push(Line {
            start: start as u32,
            end: end as u32,
            ending: (next - end) as u8,
            kind,
            first_token: first_token as u32,
            text_start: text_start as u32,
        });
        match kind {
            LineKind::Header(_) | LineKind::Directive(_) => self.finish_node(index),
            LineKind::Body(_) => {
                if let Owner::Node(node) = self.owner {
                    match &mut self.doc.nodes[node] {
                        Node::Entry(e) => e.body.end = index + 1,
                        Node::Directive(d) => d.body.end = index + 1,
                    }
                }
            }
            _ => {}
        }
    }

    /// Points the node just pushed at its line, and makes it the owner of the lines below.
    fn finish_node(&mut self, index: u32) {
        if let Some(node) = self.doc.nodes.last_mut() {
            match node {
                Node::Entry(e) => {
                    e.line = index;
                    e.body = index + 1..index + 1;
                }
                Node::Directive(d) => {
                    d.line = index;
                    d.body = index + 1..index + 1;
                }
            }
            self.owner = Owner::Node(self.doc.nodes.len() - 1);
        }
    }

    fn read(
        &mut self,
        at: usize,
        s: &str,
        bad_utf8: Option<usize>,
        nul: Option<usize>,
    ) -> Result<(LineKind, usize), LineError> {
        if let Some(bad) = bad_utf8 {
            return Err(self.error(
                codes::ENCODING,
                bad,
                bad + 1,
                "this line is not valid UTF-8; upward reads UTF-8 text only".into(),
            ));
        }
        if s.len() > MAX_LINE {
            return Err(self.error(
                codes::TOO_LONG,
                at,
                at,
                format!(
                    "this line is {} bytes long; upward reads lines of at most {MAX_LINE} bytes",
                    s.len()
                ),
            ));
        }
        if let Some(nul) = nul {
            let message = if s.as_bytes()[nul - at] == 0 {
                "a NUL byte is not allowed in a journal"
            } else {
                "a carriage return must come right before a line feed: lines end with LF or CRLF"
            };
            return Err(self.error(codes::ENCODING, nul, nul + 1, message.into()));
        }
        let indent = space_len(s);
        match s.as_bytes().get(indent) {
            None => return Ok((LineKind::Blank, at)),
            Some(b';') => {
                self.push(TokenKind::Comment, at + indent, at + trim_end_len(s));
                return Ok((LineKind::Comment, at));
            }
            Some(_) if indent > 0 => return self.body_line(at, s, indent),
            Some(b'0'..=b'9') => return self.header(at, s),
            Some(b'#') if s.starts_with("# ") || s.starts_with("##") => {
                return Ok((LineKind::Heading, at));
            }
            Some(_) => {}
        }
        let (_, first) = header::word(s)
            .map_err(|_| self.error(codes::SYNTAX, at, at, "unreadable line".into()))?;
        if let Some(keyword) = DirectiveKind::from_word(first) {
            return self.directive(keyword, at, s, first.len());
        }
        Err(self.unexpected(at, first))
    }
}
