//! The lossless syntax tree of one file.
//!
//! The tree never copies text: every line and token is a byte range into the file's source, and
//! the lines partition the file, so printing the lines in order gives back the input exactly.
//! Plain text words are not stored as tokens; they are the gaps between tokens.

use std::ops::Range;

use chrono::NaiveDate;

use super::header::Clock;
use super::names::{DirectiveKind, FieldKey, Kind};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Date,
    Time,
    Kind,
    Keyword,
    Person,
    Tag,
    Handle,
    /// The key of a field and its colon, e.g. `due:`.
    FieldKey(FieldKey),
    FieldValue,
    /// A body line's leading marker: `-`, `[ ]`, `- [x]`, `?`, `>`.
    Marker,
    /// An argument of a directive: a boss's name, an include path, a `set` code or value.
    Argument,
    Comment,
}

/// One token: its kind and byte range in the file, in eight bytes (a large journal holds
/// millions). A token lies within one line, so its length fits in 24 bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    len_low: u16,
    len_high: u8,
    kind: TokenKind,
}

const _: () = assert!(super::MAX_LINE < 1 << 24 && std::mem::size_of::<Token>() == 8);

impl Token {
    /// The token of `kind` over `start..end`, which lie within one line.
    pub fn new(kind: TokenKind, start: usize, end: usize) -> Self {
        let len = end - start;
        debug_assert!(len < 1 << 24, "a token longer than a line");
        Token {
            start: start as u32,
            len_low: len as u16,
            len_high: (len >> 16) as u8,
            kind,
        }
    }

    pub fn kind(&self) -> TokenKind {
        self.kind
    }

    pub fn start(&self) -> u32 {
        self.start
    }

    pub fn end(&self) -> u32 {
        self.start + (u32::from(self.len_high) << 16 | u32::from(self.len_low))
    }

    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end() as usize
    }

    /// The range of a `#tag`, `@person` or `^handle` past its one-byte sigil: the name.
    pub fn name_range(&self) -> Range<usize> {
        self.start as usize + 1..self.end() as usize
    }
}

/// The state of an action box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionState {
    Open,
    Done,
    Dropped,
}

/// The form of an indented line, after its indentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyForm {
    /// `key: value` with a key from the closed set.
    Field(FieldKey),
    /// `- text`
    Note,
    /// `[ ] text`, `- [x] text`, …
    Action(ActionState),
    /// `? text`
    Question,
    /// `> text`
    Quote,
    /// Anything else: continues the nearest item above, else the description.
    Continuation,
}

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Comment,
    Heading,
    Directive(DirectiveKind),
    Header(Kind),
    Body(BodyForm),
    /// A line that could not be read; its diagnostic says why. It keeps its bytes.
    Invalid,
}

impl LineKind {
    /// Blank lines, comments and headings: they never end a body.
    pub fn is_trivia(self) -> bool {
        matches!(
            self,
            LineKind::Blank | LineKind::Comment | LineKind::Heading
        )
    }
}

/// One physical line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// Byte offset of the first byte of the line.
    pub start: u32,
    /// Byte offset just past the content (before `\r\n` or `\n`).
    pub end: u32,
    /// The line ending's length: 1 for `\n`, 2 for `\r\n`, 0 for a last line without one.
    pub ending: u8,
    pub kind: LineKind,
    /// This line's first token in [`Document::tokens`]; its tokens run up to the next line's
    /// first (see [`Document::line_tokens`]).
    pub first_token: u32,
    /// The body text's start: past the indentation and the marker (for body lines), past the
    /// kind word (headers), else `start`.
    pub text_start: u32,
}

impl Line {
    pub fn content(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Byte offset of the next line: past the line ending.
    pub fn next(&self) -> u32 {
        self.end + u32::from(self.ending)
    }

    pub fn full(&self) -> Range<usize> {
        self.start as usize..self.next() as usize
    }
}

/// An entry: its header line, typed date, time and kind, and its body lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryNode {
    pub line: u32,
    pub date: NaiveDate,
    pub time: Option<Clock>,
    pub kind: Kind,
    /// Lines after the header up to the last body line (trivia between them included).
    pub body: Range<u32>,
}

/// A directive and its body lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectiveNode {
    pub line: u32,
    pub kind: DirectiveKind,
    pub body: Range<u32>,
}

// One per entry of a file: its size is part of the design.
const _: () = assert!(std::mem::size_of::<Node>() == 20);

/// A top-level item of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Entry(EntryNode),
    Directive(DirectiveNode),
}

impl Node {
    pub fn line(&self) -> u32 {
        match self {
            Node::Entry(e) => e.line,
            Node::Directive(d) => d.line,
        }
    }

    pub fn body(&self) -> Range<u32> {
        match self {
            Node::Entry(e) => e.body.clone(),
            Node::Directive(d) => d.body.clone(),
        }
    }
}

/// The syntax tree of one file.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub lines: Vec<Line>,
    pub tokens: Vec<Token>,
    pub nodes: Vec<Node>,
    /// The indices in `nodes` of the directives, in order: they are few, and looked for
    /// before anything else (includes, then settings).
    pub directives: Vec<u32>,
}

impl Document {
    pub fn line_tokens(&self, line: u32) -> &[Token] {
        let line = line as usize;
        let end = self
            .lines
            .get(line + 1)
            .map_or(self.tokens.len(), |l| l.first_token as usize);
        &self.tokens[self.lines[line].first_token as usize..end]
    }

    /// The fields of a line: each field key token with the value token after it (a key
    /// without a value is not a field).
    pub fn line_fields(&self, line: u32) -> impl Iterator<Item = (FieldKey, Token, Token)> + '_ {
        let tokens = self.line_tokens(line);
        tokens
            .iter()
            .zip(tokens.iter().skip(1))
            .filter_map(|(k, v)| match k.kind {
                TokenKind::FieldKey(key) if v.kind == TokenKind::FieldValue => Some((key, *k, *v)),
                _ => None,
            })
    }

    /// The body lines of a node that are not trivia, with their indices.
    pub fn body_lines(&self, node: &Node) -> impl Iterator<Item = (u32, &Line)> + '_ {
        let range = node.body();
        (range.start..range.end)
            .map(move |i| (i, &self.lines[i as usize]))
            .filter(|(_, l)| matches!(l.kind, LineKind::Body(_) | LineKind::Invalid))
    }
}
