//! The parse driver: splits a file into lines, reads each one, and groups bodies under their
//! entry or directive. One bad line gives one diagnostic; parsing resumes at the next line.

use nom::Input as _;

use super::Input;
use super::body;
use super::header::{self, calendar_date, clock_time, date_shape, time_shape, whole};
use super::names::{DirectiveKind, Kind, suggest};
use super::tree::{BodyForm, DirectiveNode, Document, EntryNode, Line, LineKind, Node, TokenKind};
use super::words::{self, Fields, WordTooLong, is_space, sigil_token, token};
use crate::diag::{Diagnostic, FileId, Span, codes};
use crate::source::SourceFile;

/// The longest line upward reads; a longer one is an error.
pub const MAX_LINE: usize = 1 << 20;

/// Parses one file. Never fails: returns the tree and the diagnostics of the lines it could not read.
pub fn parse(file: FileId, source: &SourceFile) -> (Document, Vec<Diagnostic>) {
    let text = source.text.as_str();
    let mut p = LineParser {
        file,
        doc: Document {
            lines: Vec::with_capacity(text.len() / 48 + 1),
            tokens: Vec::with_capacity(text.len() / 16 + 1),
            nodes: Vec::with_capacity(text.len() / 80 + 1),
        },
        diags: Vec::new(),
        owner: Owner::Nothing,
    };
    let bom = if source.has_bom() { 3 } else { 0 };
    let mut invalid = source.invalid_utf8.iter().copied().peekable();
    let mut cursor = Input::new(text);
    let mut pos = 0;
    while pos < text.len() {
        let newline = memchr::memchr(b'\n', &text.as_bytes()[pos..]).map(|i| pos + i);
        let next = newline.map_or(text.len(), |i| i + 1);
        let mut end = newline.unwrap_or(text.len());
        if end > pos && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        let start = if pos == 0 { bom } else { pos };
        let (rest, full) = cursor.take_split(next - pos);
        let content = full.take_from(start - pos).take(end - start);
        let mut bad = None;
        while let Some(&at) = invalid.peek() {
            if (at as usize) >= next {
                break;
            }
            bad = Some(at as usize);
            invalid.next();
        }
        p.line(pos, end, next, content, bad);
        cursor = rest;
        pos = next;
    }
    (p.doc, p.diags)
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
}

/// Why a line could not be read.
struct LineError(Diagnostic);

impl LineParser {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    fn error(&self, code: &'static str, start: usize, end: usize, message: String) -> LineError {
        LineError(Diagnostic::error(code, self.span(start, end), message))
    }

    fn line(
        &mut self,
        start: usize,
        end: usize,
        next: usize,
        content: Input,
        bad_utf8: Option<usize>,
    ) {
        let first_token = self.doc.tokens.len();
        let result = self.read(content, bad_utf8);
        let (kind, text_start) = match result {
            Ok(read) => read,
            Err(LineError(diag)) => {
                self.doc.tokens.truncate(first_token);
                self.diags.push(diag);
                if !content.fragment().starts_with(is_space) {
                    self.owner = Owner::Skipped;
                }
                (LineKind::Invalid, start)
            }
        };
        let index = self.doc.lines.len() as u32;
        self.doc.lines.push(Line {
            start: start as u32,
            end: end as u32,
            next: next as u32,
            kind,
            tokens: (first_token as u32, self.doc.tokens.len() as u32),
            text_start: text_start as u32,
        });
        match kind {
            LineKind::Header(_) | LineKind::Directive(_) => {}
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
        if let LineKind::Header(_) | LineKind::Directive(_) = kind {
            self.finish_node(index);
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
        content: Input,
        bad_utf8: Option<usize>,
    ) -> Result<(LineKind, usize), LineError> {
        let s = *content.fragment();
        let at = content.location_offset();
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
        if let Some(nul) = memchr::memchr(0, s.as_bytes()) {
            return Err(self.error(
                codes::ENCODING,
                at + nul,
                at + nul + 1,
                "a NUL byte is not allowed in a journal".into(),
            ));
        }
        let trimmed = s.trim_start_matches(is_space);
        if trimmed.is_empty() {
            return Ok((LineKind::Blank, at));
        }
        if trimmed.starts_with(';') {
            let c = at + s.len() - trimmed.len();
            self.doc.tokens.push(token(
                TokenKind::Comment,
                c,
                at + s.trim_end_matches(is_space).len(),
            ));
            return Ok((LineKind::Comment, at));
        }
        if s.starts_with(is_space) {
            return self.body_line(content);
        }
        if s.starts_with("# ") || s.starts_with("##") {
            return Ok((LineKind::Heading, at));
        }
        if s.starts_with(|c: char| c.is_ascii_digit()) {
            return self.header(content);
        }
        let (_, first) = header::word(content)
            .map_err(|_| self.error(codes::SYNTAX, at, at, "unreadable line".into()))?;
        if let Some(keyword) = DirectiveKind::from_word(first.fragment()) {
            return self.directive(keyword, content, first);
        }
        Err(self.unexpected(first))
    }

    fn unexpected(&self, first: Input) -> LineError {
        let word = *first.fragment();
        let at = first.location_offset();
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
        err.0 = err.0.with_help(help);
        err
    }

    /// `entry_header = date , [ space , time ] , space , kind , rest ;`
    fn header(&mut self, content: Input) -> Result<(LineKind, usize), LineError> {
        let at = content.location_offset();
        let Some(date_text) = whole(date_shape, content) else {
            let w = header::word(content)
                .map(|(_, w)| *w.fragment())
                .unwrap_or("");
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
        let date = calendar_date(date_text.fragment()).ok_or_else(|| {
            self.error(
                codes::DATE,
                at,
                at + 10,
                format!("`{}` is not a calendar date", date_text.fragment()),
            )
        })?;
        self.doc.tokens.push(token(TokenKind::Date, at, at + 10));
        let mut rest = skip_space(content.take_from(10));
        let mut time = None;
        if let Some(t) = whole(time_shape, rest) {
            let t_at = t.location_offset();
            time = Some(clock_time(t.fragment()).ok_or_else(|| {
                self.error(
                    codes::TIME,
                    t_at,
                    t_at + 5,
                    format!(
                        "`{}` is not a time of day; write `HH:MM` from 00:00 to 23:59",
                        t.fragment()
                    ),
                )
            })?);
            self.doc.tokens.push(token(TokenKind::Time, t_at, t_at + 5));
            rest = skip_space(rest.take_from(5));
        }
        let kind_word = header::word(rest)
            .ok()
            .map(|(_, w)| w)
            .filter(|w| !w.fragment().starts_with(';'));
        let Some(kind_word) = kind_word else {
            let k = rest.location_offset();
            return Err(LineError(
                Diagnostic::error(
                    codes::MISSING,
                    self.span(k, k),
                    "an entry needs a kind after its date",
                )
                .with_help("for example `2026-11-23 did Fixed the retry queue`"),
            ));
        };
        let k_at = kind_word.location_offset();
        let k_end = k_at + kind_word.fragment().len();
        let Some(kind) = Kind::from_word(kind_word.fragment()) else {
            return Err(LineError(self.unknown_kind(kind_word)));
        };
        self.doc.tokens.push(token(TokenKind::Kind, k_at, k_end));
        let text = rest.take_from(kind_word.fragment().len());
        self.tokenize(text, Fields::Read)?;
        self.doc.nodes.push(Node::Entry(EntryNode {
            line: 0,
            date,
            time,
            kind,
            body: 0..0,
        }));
        Ok((LineKind::Header(kind), k_end))
    }

    fn unknown_kind(&self, word: Input) -> Diagnostic {
        let w = *word.fragment();
        let at = word.location_offset();
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

    fn tokenize(&mut self, text: Input, fields: Fields) -> Result<(), LineError> {
        words::tokenize(text, fields, &mut self.doc.tokens).map_err(|WordTooLong { start, len }| {
            self.error(
                codes::TOO_LONG,
                start,
                start + len.min(16),
                format!(
                    "this word is {len} bytes long; upward reads words of at most {} bytes",
                    words::MAX_WORD
                ),
            )
        })
    }

    fn directive(
        &mut self,
        kind: DirectiveKind,
        content: Input,
        keyword: Input,
    ) -> Result<(LineKind, usize), LineError> {
        let at = content.location_offset();
        let k_end = at + keyword.fragment().len();
        self.doc.tokens.push(token(TokenKind::Keyword, at, k_end));
        let rest = skip_space(content.take_from(keyword.fragment().len()));
        let (args, comment) = split_comment(rest);
        let args_text = args.fragment().trim_end_matches(is_space);
        let a = args.location_offset();
        let usage =
            |this: &Self, message: &str| this.error(codes::MISSING, at, k_end, message.to_string());
        match kind {
            DirectiveKind::Boss => {
                let person = header::word(args).ok().and_then(|(_, w)| {
                    sigil_token(w).filter(|(k, s, e)| {
                        *k == TokenKind::Person && *s == 0 && *e == w.fragment().len()
                    })
                });
                let Some((_, _, p_end)) = person else {
                    return Err(usage(
                        self,
                        "`boss` needs the boss's @id first: `boss @maria Maria Chen`",
                    ));
                };
                self.doc.tokens.push(token(TokenKind::Person, a, a + p_end));
                let name = args_text[p_end..].trim_start_matches(is_space);
                if !name.is_empty() {
                    let n = a + args_text.len() - name.len();
                    self.doc
                        .tokens
                        .push(token(TokenKind::Argument, n, n + name.len()));
                }
            }
            DirectiveKind::Scope => {
                if args_text.is_empty() {
                    return Err(usage(
                        self,
                        "`scope` needs at least one #tag: `scope #billing #oncall`",
                    ));
                }
                let mut cursor = args;
                let mut offset = 0;
                for word in args_text.split(is_space) {
                    let w_at = a + offset;
                    offset += word.len() + 1;
                    if word.is_empty() {
                        cursor = cursor.take_from(1.min(cursor.fragment().len()));
                        continue;
                    }
                    let (after, w) = cursor.take_split(word.len());
                    cursor = after.take_from(1.min(after.fragment().len()));
                    match sigil_token(w) {
                        Some((TokenKind::Tag, 0, e)) if e == word.len() => {
                            self.doc.tokens.push(token(TokenKind::Tag, w_at, w_at + e))
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
                self.doc
                    .tokens
                    .push(token(TokenKind::Argument, a, a + args_text.len()));
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
                    self.doc
                        .tokens
                        .push(token(TokenKind::Argument, a + p, a + p + part.len()));
                    from = p + part.len();
                }
            }
        }
        if let Some(c) = comment {
            let c_at = c.location_offset();
            self.doc.tokens.push(token(
                TokenKind::Comment,
                c_at,
                c_at + c.fragment().trim_end_matches(is_space).len(),
            ));
        }
        self.doc.nodes.push(Node::Directive(DirectiveNode {
            line: 0,
            kind,
            body: 0..0,
        }));
        Ok((LineKind::Directive(kind), k_end))
    }

    fn body_line(&mut self, content: Input) -> Result<(LineKind, usize), LineError> {
        let at = content.location_offset();
        let s = *content.fragment();
        if matches!(self.owner, Owner::Nothing) {
            return Err(LineError(
                Diagnostic::error(codes::BODY, self.span(at, at + s.len()), "this indented line has no entry or directive above it")
                    .with_help("indented lines belong to the entry above; start an entry at column 0 with its date"),
            ));
        }
        let indent = s.len() - s.trim_start_matches(is_space).len();
        let text = content.take_from(indent);
        let (form, marker) = body::form(text);
        let t_at = text.location_offset();
        let after_marker = text.take_from(marker);
        let text_start = after_marker.location_offset() + after_marker.fragment().len()
            - after_marker.fragment().trim_start_matches(is_space).len();
        match form {
            BodyForm::Field(key) => {
                self.doc
                    .tokens
                    .push(token(TokenKind::FieldKey(key), t_at, t_at + marker));
                let value = skip_space(after_marker);
                let (value, comment) = split_comment(value);
                let v = value.location_offset();
                let v_len = value.fragment().trim_end_matches(is_space).len();
                self.doc
                    .tokens
                    .push(token(TokenKind::FieldValue, v, v + v_len));
                if let Some(c) = comment {
                    let c_at = c.location_offset();
                    self.doc.tokens.push(token(
                        TokenKind::Comment,
                        c_at,
                        c_at + c.fragment().trim_end_matches(is_space).len(),
                    ));
                }
            }
            _ => {
                if marker > 0 {
                    self.doc
                        .tokens
                        .push(token(TokenKind::Marker, t_at, t_at + marker));
                }
                let fields = match form {
                    BodyForm::Action(_) | BodyForm::Continuation => Fields::Read,
                    _ => Fields::Ignore,
                };
                self.tokenize(after_marker, fields)?;
            }
        }
        Ok((LineKind::Body(form), text_start))
    }
}

fn skip_space(input: Input) -> Input {
    let s = input.fragment();
    input.take_from(s.len() - s.trim_start_matches(is_space).len())
}

/// Splits off a trailing comment: a `;` at the start of the text or after a space or tab.
fn split_comment(input: Input) -> (Input, Option<Input>) {
    let s = *input.fragment();
    let bytes = s.as_bytes();
    let found = memchr::memchr_iter(b';', bytes)
        .find(|&i| i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t');
    match found {
        Some(i) => {
            let (comment, before) = input.take_split(i);
            (before, Some(comment))
        }
        None => (input, None),
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
