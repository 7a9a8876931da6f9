//! One line in its canonical layout, from its tokens: words one space apart, the trailing
//! comment split off, values that hold their own spaces kept as written.

use std::borrow::Cow;

use crate::syntax::words::is_space;
use crate::syntax::{BodyForm, Line, LineKind, Token, TokenKind, body_form};

/// A line laid out: its code (indentation included) and its trailing or whole-line comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Laid {
    pub code: String,
    pub comment: Option<String>,
}

impl Laid {
    /// A comment after code, which lines up with its neighbours' (not a comment line).
    pub fn has_trailing_comment(&self) -> bool {
        self.comment.is_some() && !self.code.trim_start_matches(is_space).is_empty()
    }
}

/// Lays out a line that is neither blank nor unreadable. `indent` is the canonical
/// indentation of an indented line (ignored at column 0).
pub fn lay(text: &str, line: &Line, tokens: &[Token], indent: usize) -> Laid {
    let raw = &text[line.content()];
    let content = raw.trim_end_matches(is_space);
    let start = line.start as usize;
    let end = start + content.len();
    let lead = content.len() - content.trim_start_matches(is_space).len();
    let indentation = if lead > 0 {
        " ".repeat(indent)
    } else {
        String::new()
    };
    if line.kind == LineKind::Heading {
        // `# ` is a heading and `#` is not: an empty heading keeps its space.
        let code = if content == "#" { "# " } else { content };
        return Laid {
            code: code.to_string(),
            comment: None,
        };
    }
    let comment_token = tokens.iter().find(|t| t.kind() == TokenKind::Comment);
    let comment = comment_token.map(|c| {
        text[c.start() as usize..(c.end() as usize).clamp(c.start() as usize, end)]
            .trim_end_matches(is_space)
            .to_string()
    });
    let code_end = comment_token.map_or(end, |c| c.start() as usize);
    let mut atoms: Vec<Cow<str>> = Vec::new();
    let mut pos = start + lead;
    for t in tokens.iter().filter(|t| kept_whole(line, t)) {
        let (a, b) = (t.start() as usize, (t.end() as usize).min(code_end));
        if a < pos || a >= b {
            continue;
        }
        push_words(&text[pos..a], &mut atoms);
        let atom = &text[a..b];
        atoms.push(if t.kind() == TokenKind::Marker {
            Cow::Owned(collapse(atom))
        } else {
            Cow::Borrowed(atom)
        });
        pos = b;
    }
    push_words(&text[pos..code_end.max(pos)], &mut atoms);
    let mut code = indentation;
    let words_start = code.len();
    for (i, atom) in atoms.iter().enumerate() {
        if i > 0 {
            code.push(' ');
        }
        code.push_str(atom);
    }
    if let LineKind::Body(form) = line.kind
        && (form == BodyForm::Quote || body_form(&code[words_start..]).0 != form)
    {
        // A quote is someone's words, kept as they were written, spaces and all. Elsewhere,
        // one space between words would make another kind of line (`- [  ] x` is a note,
        // `- [ ] x` an action): such a line keeps its own spacing.
        code.truncate(words_start);
        code.push_str(text[start + lead..code_end.max(start + lead)].trim_end_matches(is_space));
    }
    Laid { code, comment }
}

/// Tokens whose inner spaces belong to their value: a directive's argument (a boss's name, an
/// include path), a body field's value (the rest of the line), and a body line's marker (`- [ ]`).
fn kept_whole(line: &Line, token: &Token) -> bool {
    match token.kind() {
        TokenKind::Argument | TokenKind::Marker => true,
        TokenKind::FieldValue => matches!(line.kind, LineKind::Body(BodyForm::Field(_))),
        _ => false,
    }
}

fn push_words<'a>(text: &'a str, atoms: &mut Vec<Cow<'a, str>>) {
    atoms.extend(
        text.split(is_space)
            .filter(|w| !w.is_empty())
            .map(Cow::Borrowed),
    );
}

/// A marker with each run of spaces and tabs made one space: `-  [x]` → `- [x]` (the one space
/// inside `[ ]` stays one space).
fn collapse(marker: &str) -> String {
    let mut out = String::with_capacity(marker.len());
    for (i, part) in marker.split(is_space).filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}
