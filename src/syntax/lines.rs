//! The parse driver: splits a file into lines, reads each one, and groups bodies under their
//! entry or directive. One bad line gives one diagnostic; parsing resumes at the next line.

use chrono::NaiveDate;

use super::body;
use super::header::{self, calendar_date, clock_time, date_shape, time_shape, whole};
use super::names::{DirectiveKind, Kind, suggest};
use super::tree::{BodyForm, DirectiveNode, Document, EntryNode, Line, LineKind, Node, TokenKind};
use super::words::{
    self, Fields, WordTooLong, is_space, is_space_byte, sigil, space_len, token, trim_end_len,
};
use crate::diag::{Diagnostic, FileId, Span, codes};
use crate::source::SourceFile;

/// The longest line upward reads; a longer one is an error.
pub const MAX_LINE: usize = 1 << 20;

/// Files at least this long are parsed in two halves, one per thread.
const SPLIT_AT: usize = 1 << 20;

/// Parses one file. Never fails: returns the tree and the diagnostics of the lines it could not read.
pub fn parse(file: FileId, source: &SourceFile) -> (Document, Vec<Diagnostic>) {
    let halves = source.text.len() >= SPLIT_AT && crate::threads::second_core();
    parse_in(file, source, halves)
}

/// [`parse`], in two halves on two threads when `halves` and the file has a place to cut.
fn parse_in(file: FileId, source: &SourceFile, halves: bool) -> (Document, Vec<Diagnostic>) {
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
    let ((mut doc, mut diags, mut starts), (second, more, more_starts)) =
        std::thread::scope(|scope| {
            let second = scope.spawn(|| {
                parse_range(file, text, mid..text.len(), 0, second_bad, text.len() - mid)
            });
            let first = parse_range(file, text, 0..mid, bom, first_bad, text.len());
            (first, crate::threads::join(second))
        });
    append(&mut doc, second);
    diags.extend(more);
    starts.extend_from_slice(&more_starts);
    source.found_line_starts(starts);
    (doc, diags)
}

/// Where to cut a file in two: the start of an entry header near the middle. A header sets the
/// owner of the indented lines below it whether it reads or not, so the second half parses the
/// same as it would after the first.
fn split_point(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = text.len() / 2;
    while let Some(i) = memchr::memchr(b'\n', &bytes[pos..]) {
        let next = pos + i + 1;
        if bytes.get(next).is_some_and(u8::is_ascii_digit) {
            return Some(next);
        }
        pos = next;
    }
    None
}

/// Appends the tree of a later part of the same file, moving its token and line indices. The
/// tokens are copied on a second thread while the lines and nodes are copied here.
fn append(doc: &mut Document, later: Document) {
    let lines = doc.lines.len() as u32;
    let tokens = doc.tokens.len() as u32;
    let nodes = doc.nodes.len() as u32;
    let Document {
        lines: later_lines,
        tokens: later_tokens,
        nodes: later_nodes,
        directives: later_directives,
    } = later;
    let Document {
        lines: all_lines,
        tokens: all_tokens,
        nodes: all_nodes,
        directives: all_directives,
    } = doc;
    all_directives.extend(later_directives.iter().map(|&d| d + nodes));
    std::thread::scope(|scope| {
        scope.spawn(|| all_tokens.extend_from_slice(&later_tokens));
        all_lines.extend(later_lines.iter().map(|l| Line {
            first_token: l.first_token + tokens,
            ..*l
        }));
        all_nodes.extend(later_nodes.into_iter().map(|node| match node {
            Node::Entry(e) => Node::Entry(EntryNode {
                line: e.line + lines,
                body: e.body.start + lines..e.body.end + lines,
                ..e
            }),
            Node::Directive(d) => Node::Directive(DirectiveNode {
                line: d.line + lines,
                body: d.body.start + lines..d.body.end + lines,
                ..d
            }),
        }));
    });
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
            lines: Vec::with_capacity(room / 48 + 1),
            tokens: Vec::with_capacity(room / 16 + 1),
            nodes: Vec::with_capacity(room / 80 + 1),
            directives: Vec::new(),
        },
        diags: Vec::new(),
        owner: Owner::Nothing,
        last_date: None,
    };
    let bytes = &text.as_bytes()[..range.end];
    let base = range.start;
    let mut invalid = invalid.iter().copied().peekable();
    // NUL bytes are rare: one search finds them all, instead of one per line.
    let mut nuls = memchr::memchr_iter(0, &bytes[base..])
        .map(|i| base + i)
        .peekable();
    let mut newlines = memchr::memchr_iter(b'\n', &bytes[base..]).map(|i| base + i);
    // Where lines start, for the source file: 0 first, then one past each line end.
    let mut starts = Vec::with_capacity(room / 48 + 1);
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
        if end > pos && bytes[end - 1] == b'\r' {
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
enum Owner {
    /// No entry or directive above: an indented line is an error.
    Nothing,
    /// The node at this index of `doc.nodes`.
    Node(usize),
    /// A column-0 line that had an error: its body is skipped without further errors.
    Skipped,
}

struct LineParser {
    file: FileId,
    doc: Document,
    diags: Vec<Diagnostic>,
    owner: Owner,
    /// The last date read, as written: entries of one day mostly follow each other.
    last_date: Option<([u8; 10], NaiveDate)>,
}

/// Why a line could not be read, boxed: lines mostly read, and the result of each stays small.
struct LineError(Box<Diagnostic>);

impl From<Diagnostic> for LineError {
    fn from(diag: Diagnostic) -> Self {
        LineError(Box::new(diag))
    }
}

impl LineParser {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    fn error(&self, code: &'static str, start: usize, end: usize, message: String) -> LineError {
        LineError::from(Diagnostic::error(code, self.span(start, end), message))
    }

    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.doc.tokens.push(token(kind, start, end));
    }

    /// Reads one line: `start..end` is its content (with a byte order mark), `next` the start
    /// of the next line; its content without the mark is `s`, starting at byte `at`. `bad_utf8`
    /// and `nul` are the offsets of its first invalid byte and first NUL byte, if any.
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
            return Err(self.error(
                codes::ENCODING,
                nul,
                nul + 1,
                "a NUL byte is not allowed in a journal".into(),
            ));
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

    fn unexpected(&self, at: usize, word: &str) -> LineError {
        let mut err = self.error(
            codes::SYNTAX,
            at,
            at + word.len(),
            format!(
                "expected an entry `YYYY-MM-DD kind …`, a directive, a `# heading` or a `;` comment at the start of a line, found `{}`",
                short(word)
            ),
        );
        let directives = DirectiveKind::ALL.iter().map(|d| d.as_str());
        let kinds = Kind::ALL.iter().map(|k| k.as_str());
        let help = if let Some(d) = suggest(word, directives) {
            format!("did you mean the directive `{d}`?")
        } else if word.starts_with('#') {
            "a heading needs a space after `#`: `# Week 12`".to_string()
        } else if Kind::from_word(word).is_some() || suggest(word, kinds).is_some() {
            "an entry starts with its date: `2026-11-23 did …`".to_string()
        } else {
            "indent the line with a space or a tab to continue the entry above".to_string()
        };
        *err.0 = err.0.with_help(help);
        err
    }

    /// The calendar date of a `YYYY-MM-DD` shape, read again only when it differs from the
    /// last one.
    fn calendar_date(&mut self, text: &str) -> Option<NaiveDate> {
        if let Some((last, date)) = self.last_date
            && last == text.as_bytes()
        {
            return Some(date);
        }
        let date = calendar_date(text)?;
        self.last_date = text.as_bytes().try_into().ok().map(|t| (t, date));
        Some(date)
    }

    /// `entry_header = date , [ space , time ] , space , kind , rest ;`
    fn header(&mut self, at: usize, s: &str) -> Result<(LineKind, usize), LineError> {
        let Some(date_text) = whole(date_shape, s) else {
            let w = header::word(s).map(|(_, w)| w).unwrap_or("");
            return Err(self.error(
                codes::DATE,
                at,
                at + w.len(),
                format!(
                    "expected a date `YYYY-MM-DD` at the start of the entry, found `{}`",
                    short(w)
                ),
            ));
        };
        let date = self.calendar_date(date_text).ok_or_else(|| {
            self.error(
                codes::DATE,
                at,
                at + 10,
                format!("`{date_text}` is not a calendar date"),
            )
        })?;
        self.push(TokenKind::Date, at, at + 10);
        let mut from = 10 + space_len(&s[10..]);
        let mut time = None;
        if let Some(t) = whole(time_shape, &s[from..]) {
            let t_at = at + from;
            time = Some(clock_time(t).ok_or_else(|| {
                self.error(
                    codes::TIME,
                    t_at,
                    t_at + 5,
                    format!("`{t}` is not a time of day; write `HH:MM` from 00:00 to 23:59"),
                )
            })?);
            self.push(TokenKind::Time, t_at, t_at + 5);
            from += 5;
            from += space_len(&s[from..]);
        }
        let rest = &s[from..];
        let k_at = at + from;
        let kind_word = header::word(rest)
            .ok()
            .map(|(_, w)| w)
            .filter(|w| !w.starts_with(';'));
        let Some(kind_word) = kind_word else {
            return Err(LineError::from(
                Diagnostic::error(
                    codes::MISSING,
                    self.span(k_at, k_at),
                    "an entry needs a kind after its date",
                )
                .with_help("for example `2026-11-23 did Fixed the retry queue`"),
            ));
        };
        let k_end = k_at + kind_word.len();
        let Some(kind) = Kind::from_word(kind_word) else {
            return Err(LineError::from(self.unknown_kind(k_at, kind_word)));
        };
        self.push(TokenKind::Kind, k_at, k_end);
        self.tokenize(k_end, &rest[kind_word.len()..], Fields::Read)?;
        self.doc.nodes.push(Node::Entry(EntryNode {
            line: 0,
            date,
            time,
            kind,
            body: 0..0,
        }));
        Ok((LineKind::Header(kind), k_end))
    }

    fn unknown_kind(&self, at: usize, w: &str) -> Diagnostic {
        let span = self.span(at, at + w.len());
        if header::looks_like_time(w) {
            return Diagnostic::error(
                codes::TIME,
                span,
                format!(
                    "`{w}` is not a time; write hours and minutes with two digits each, like `09:30`"
                ),
            );
        }
        let kinds = Kind::ALL.iter().map(|k| k.as_str());
        match suggest(w, kinds) {
            Some(near) => Diagnostic::error(
                codes::UNKNOWN_KIND,
                span,
                format!("unknown kind `{}`; did you mean `{near}`?", short(w)),
            )
            .with_fix(format!("change to `{near}`"), span, near),
            None => Diagnostic::error(
                codes::UNKNOWN_KIND,
                span,
                format!("unknown kind `{}`", short(w)),
            )
            .with_help(format!(
                "the kinds are {}",
                Kind::ALL
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// Tokenizes `text`, which starts at byte `at`.
    fn tokenize(&mut self, at: usize, text: &str, fields: Fields) -> Result<(), LineError> {
        words::tokenize_at(text, at, fields, &mut self.doc.tokens).map_err(
            |WordTooLong { start, len }| {
                self.error(
                    codes::TOO_LONG,
                    start,
                    start + len.min(16),
                    format!(
                        "this word is {len} bytes long; upward reads words of at most {} bytes",
                        words::MAX_WORD
                    ),
                )
            },
        )
    }

    /// A trailing comment, from its `;` to the last non-space byte.
    fn comment(&mut self, at: usize, comment: &str) {
        self.push(TokenKind::Comment, at, at + trim_end_len(comment));
    }

    fn directive(
        &mut self,
        kind: DirectiveKind,
        at: usize,
        s: &str,
        keyword_len: usize,
    ) -> Result<(LineKind, usize), LineError> {
        let k_end = at + keyword_len;
        self.push(TokenKind::Keyword, at, k_end);
        let from = keyword_len + space_len(&s[keyword_len..]);
        let a = at + from;
        let (args, comment) = split_comment(&s[from..]);
        let args_text = &args[..trim_end_len(args)];
        let usage =
            |this: &Self, message: &str| this.error(codes::MISSING, at, k_end, message.to_string());
        match kind {
            DirectiveKind::Boss => {
                let person = header::word(args).ok().and_then(|(_, w)| {
                    sigil(w).filter(|(k, s, e)| *k == TokenKind::Person && *s == 0 && *e == w.len())
                });
                let Some((_, _, p_end)) = person else {
                    return Err(usage(
                        self,
                        "`boss` needs the boss's @id first: `boss @maria Maria Chen`",
                    ));
                };
                self.push(TokenKind::Person, a, a + p_end);
                let name = &args_text[p_end..];
                let name = &name[space_len(name)..];
                if !name.is_empty() {
                    let n = a + args_text.len() - name.len();
                    self.push(TokenKind::Argument, n, n + name.len());
                }
            }
            DirectiveKind::Scope => {
                if args_text.is_empty() {
                    return Err(usage(
                        self,
                        "`scope` needs at least one #tag: `scope #billing #oncall`",
                    ));
                }
                let mut offset = 0;
                for word in args_text.split(is_space) {
                    let w_at = a + offset;
                    offset += word.len() + 1;
                    if word.is_empty() {
                        continue;
                    }
                    match sigil(word) {
                        Some((TokenKind::Tag, 0, e)) if e == word.len() => {
                            self.push(TokenKind::Tag, w_at, w_at + e)
                        }
                        _ => {
                            return Err(self.error(
                                codes::SYNTAX,
                                w_at,
                                w_at + word.len(),
                                format!("`scope` takes only #tags; `{}` is not a tag", short(word)),
                            ));
                        }
                    }
                }
            }
            DirectiveKind::Include => {
                if args_text.is_empty() {
                    return Err(usage(self, "`include` needs a path: `include 2026/q4.up`"));
                }
                self.push(TokenKind::Argument, a, a + args_text.len());
            }
            DirectiveKind::Set => {
                let parts: Vec<&str> = args_text
                    .split(is_space)
                    .filter(|w| !w.is_empty())
                    .collect();
                if parts.len() != 2 {
                    return Err(usage(
                        self,
                        "`set` takes a rule code and `on`, `off` or a number: `set repitch 45`",
                    ));
                }
                let mut from = 0;
                for part in parts {
                    let p = args_text[from..].find(part).map_or(from, |i| from + i);
                    self.push(TokenKind::Argument, a + p, a + p + part.len());
                    from = p + part.len();
                }
            }
        }
        if let Some(c) = comment {
            self.comment(a + args.len(), c);
        }
        self.doc.directives.push(self.doc.nodes.len() as u32);
        self.doc.nodes.push(Node::Directive(DirectiveNode {
            line: 0,
            kind,
            body: 0..0,
        }));
        Ok((LineKind::Directive(kind), k_end))
    }

    fn body_line(
        &mut self,
        at: usize,
        s: &str,
        indent: usize,
    ) -> Result<(LineKind, usize), LineError> {
        if matches!(self.owner, Owner::Nothing) {
            return Err(LineError::from(
                Diagnostic::error(codes::BODY, self.span(at, at + s.len()), "this indented line has no entry or directive above it")
                    .with_help("indented lines belong to the entry above; start an entry at column 0 with its date"),
            ));
        }
        let text = &s[indent..];
        let t_at = at + indent;
        if let Some(len) = header::header_start(text) {
            return Err(LineError::from(
                Diagnostic::error(
                    codes::INDENTED_ENTRY,
                    self.span(t_at, t_at + len),
                    "this indented line reads as an entry header; an entry header starts in column 0",
                )
                .with_help("remove the indentation to make it an entry, or start the line with `- ` to keep it as a note")
                .with_fix("remove the indentation", self.span(at, t_at), ""),
            ));
        }
        let (form, marker) = body::form(text);
        let after_marker = &text[marker..];
        let text_start = t_at + marker + space_len(after_marker);
        match form {
            BodyForm::Field(key) => {
                self.push(TokenKind::FieldKey(key), t_at, t_at + marker);
                let v_from = marker + space_len(after_marker);
                let (value, comment) = split_comment(&text[v_from..]);
                let v = t_at + v_from;
                self.push(TokenKind::FieldValue, v, v + trim_end_len(value));
                if let Some(c) = comment {
                    self.comment(v + value.len(), c);
                }
            }
            _ => {
                if marker > 0 {
                    self.push(TokenKind::Marker, t_at, t_at + marker);
                }
                let fields = match form {
                    BodyForm::Action(_) | BodyForm::Continuation => Fields::Read,
                    _ => Fields::Ignore,
                };
                self.tokenize(t_at + marker, after_marker, fields)?;
            }
        }
        Ok((LineKind::Body(form), text_start))
    }
}

/// Splits off a trailing comment: a `;` at the start of the text or after a space or tab.
fn split_comment(s: &str) -> (&str, Option<&str>) {
    let bytes = s.as_bytes();
    let found = memchr::memchr_iter(b';', bytes)
        .find(|&i| i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t');
    match found {
        Some(i) => (&s[..i], Some(&s[i..])),
        None => (s, None),
    }
}

/// A word cut short for a message.
fn short(word: &str) -> String {
    const MAX: usize = 40;
    if word.chars().count() <= MAX {
        word.to_string()
    } else {
        format!("{}…", word.chars().take(MAX).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_in, split_point};
    use crate::diag::FileId;
    use crate::source::SourceFile;

    /// Lines of every kind, and the states a cut can fall in: under a header that does not
    /// read, after an invalid line, inside a directive's body, beside NUL bytes, invalid UTF-8
    /// and CRLF endings.
    const EDGES: &[u8] = b"2026-03-02 did fine #x @ann ^h1 due:2026-04-01\n  - a note #y\n\
        2026-13-45 did a date that is not one\n  - under the bad header\n  [ ] an action\n\n\
        2026-03-03 09:30 checkin @ann\n  continuation line ; comment\n; a comment\n\
        # A heading\nboss @zed Zed\n  cadence: weekly\n  - about Zed\n\
        2026-03-04 did NUL \0 here\n2026-03-05 did crlf\r\n  - body crlf\r\n\
        2026-03-06 did invalid \xff byte\n  - body\n9 not a date\n  - after it\n\
        2026-03-07 decision ^h1 outcome:accepted\n";

    /// Parsing in two halves gives exactly the tree, diagnostics and line starts of one pass,
    /// wherever the cut falls among the lines above.
    #[test]
    fn halves_parse_like_one_pass() {
        for pad in (0..EDGES.len()).step_by(41) {
            let mut bytes = b"\xef\xbb\xbf; a BOM first\n".to_vec();
            bytes.extend(std::iter::repeat_n(b'x', pad).chain(*b"\n"));
            for _ in 0..6 {
                bytes.extend_from_slice(EDGES);
            }
            let one = SourceFile::new("t.up", "t.up", bytes.clone());
            let two = SourceFile::new("t.up", "t.up", bytes.clone());
            assert!(split_point(&two.text).is_some());
            let (doc1, diags1) = parse_in(FileId(0), &one, false);
            let (doc2, diags2) = parse_in(FileId(0), &two, true);
            assert_eq!(doc1.lines, doc2.lines, "lines, pad {pad}");
            assert_eq!(doc1.tokens, doc2.tokens, "tokens, pad {pad}");
            assert_eq!(doc1.nodes, doc2.nodes, "nodes, pad {pad}");
            assert_eq!(diags1, diags2, "diagnostics, pad {pad}");
            assert!(
                diags1.len() >= 6 * 4,
                "the edge cases give errors: {diags1:?}"
            );
            let fresh = SourceFile::new("t.up", "t.up", bytes);
            let starts = |s: &SourceFile| {
                (0..s.line_count())
                    .map(|i| s.line_start(i))
                    .collect::<Vec<_>>()
            };
            assert_eq!(starts(&two), starts(&fresh), "line starts, pad {pad}");
        }
    }
}
