//! The words of a line, classified, for descriptions, titles and word counts.

use crate::syntax::words::is_space;
use crate::syntax::{Document, Line, Token, TokenKind};

/// What a word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    Text,
    /// A word that holds a person, tag or handle (after any `(`).
    Token(TokenKind),
    Field,
}

/// One word of a line's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub kind: WordKind,
}

/// The words of `line` from its text start, stopping at a comment.
pub fn words<'a>(
    text: &'a str,
    doc: &'a Document,
    line: &Line,
    index: u32,
) -> impl Iterator<Item = Word<'a>> + 'a {
    let tokens: &'a [Token] = doc.line_tokens(index);
    let from = line.text_start as usize;
    let to = tokens
        .iter()
        .find(|t| t.kind() == TokenKind::Comment)
        .map_or(line.end as usize, |t| t.start() as usize)
        .max(from);
    let content = &text[from..to];
    // Words and tokens both run left to right, so one cursor over the tokens suffices.
    let mut next_token = 0;
    content
        .split(is_space)
        .scan(from, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .map(move |(start, w)| {
            let end = start + w.len();
            while tokens
                .get(next_token)
                .is_some_and(|t| (t.start() as usize) < start)
            {
                next_token += 1;
            }
            let parens = w.len() - w.trim_start_matches('(').len();
            let kind = tokens[next_token.min(tokens.len())..]
                .iter()
                .take_while(|t| (t.start() as usize) < end)
                .find(|t| {
                    t.start() as usize == start
                        || t.start() as usize == start + parens && parens > 0
                })
                .map_or(WordKind::Text, |t| match t.kind() {
                    TokenKind::FieldKey(_) => WordKind::Field,
                    k => WordKind::Token(k),
                });
            Word {
                text: w,
                start,
                kind,
            }
        })
}

/// A number in the sense of docs/language.md §6 (`unquantified-win`): a word starting with a digit, or
/// with one of `$ € £ + - ~` followed by a digit. A leading `(` is skipped, as it is before a
/// tag or person, so `(40%)` holds a number.
pub fn is_number(word: &str) -> bool {
    let mut chars = word.trim_start_matches('(').chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('$' | '€' | '£' | '+' | '-' | '~') => {
            chars.next().is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// Joins words with single spaces.
pub fn join<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
