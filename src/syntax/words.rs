//! Words and the tokens inside them: people, tags, handles, fields, comments.
//!
//! Words are split on spaces and tabs only. A person, tag or handle starts at the start of a word
//! or right after `(`, and is the longest run of its characters less trailing `.`, `-` or `/`.

use nom::{
    IResult, Input as _, Parser,
    bytes::complete::{take_while, take_while1},
    character::complete::{char, satisfy},
    combinator::recognize,
};

use super::Input;
use super::names::FieldKey;
use super::tree::{Token, TokenKind};

/// The longest word upward reads; a longer one is an error.
pub const MAX_WORD: usize = 4096;

/// A word too long to read, found while tokenizing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordTooLong {
    pub start: usize,
    pub len: usize,
}

/// Which tokens a run of text may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fields {
    /// `key:value` words are fields.
    Read,
    /// `key:value` words are text (notes, questions, quotes, names).
    Ignore,
}

pub fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

fn is_person_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '-')
}

fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '/' | '-')
}

fn is_handle_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-')
}

/// `person = "@" , person_char , { person_char } ;`
fn person(input: Input) -> IResult<Input, Input> {
    recognize((char('@'), take_while1(is_person_char))).parse(input)
}

/// `tag = "#" , letter , { tag_char } ;`
fn tag(input: Input) -> IResult<Input, Input> {
    recognize((
        char('#'),
        satisfy(char::is_alphabetic),
        take_while(is_tag_char),
    ))
    .parse(input)
}

/// `handle = "^" , handle_char , { handle_char } ;`
fn handle(input: Input) -> IResult<Input, Input> {
    recognize((char('^'), take_while1(is_handle_char))).parse(input)
}

/// Strips the trailing `.`, `-` and `/` that a token never ends with.
fn trim_token(text: &str) -> usize {
    text.trim_end_matches(['.', '-', '/']).len()
}

/// The person, tag or handle at the start of `word` (after any `(`), as (kind, start, end)
/// relative to the word.
pub fn sigil_token(word: Input) -> Option<(TokenKind, usize, usize)> {
    let text = word.fragment();
    let parens = text.len() - text.trim_start_matches('(').len();
    let after = word.take_from(parens);
    let (kind, found) = if let Ok((_, p)) = person(after) {
        (TokenKind::Person, p)
    } else if let Ok((_, t)) = tag(after) {
        (TokenKind::Tag, t)
    } else if let Ok((_, h)) = handle(after) {
        (TokenKind::Handle, h)
    } else {
        return None;
    };
    let len = trim_token(found.fragment());
    (len > 1).then_some((kind, parens, parens + len))
}

/// `field = key , ":" , value ;` with the key from the closed set and a non-empty value
/// (less a trailing `,` `.` `)`). Returns the key and the value's range relative to the word.
pub fn field(word: &str) -> Option<(FieldKey, usize, usize)> {
    let colon = word.find(':')?;
    let key = FieldKey::from_word(&word[..colon])?;
    let value = &word[colon + 1..];
    let trimmed = value.strip_suffix([',', '.', ')']).unwrap_or(value);
    (!trimmed.is_empty()).then_some((key, colon + 1, colon + 1 + trimmed.len()))
}

/// Splits `text` (which starts at byte `base` of the file) into words, pushing a token for each
/// person, tag, handle and field, and one for a trailing comment. Returns an error for a word
/// longer than [`MAX_WORD`].
pub fn tokenize(text: Input, fields: Fields, out: &mut Vec<Token>) -> Result<(), WordTooLong> {
    let end = text.location_offset() + text.fragment().trim_end_matches(is_space).len();
    let mut rest = text;
    loop {
        let s = *rest.fragment();
        rest = rest.take_from(s.len() - s.trim_start_matches(is_space).len());
        let s = *rest.fragment();
        if s.is_empty() {
            return Ok(());
        }
        let at = rest.location_offset();
        if s.starts_with(';') {
            out.push(token(TokenKind::Comment, at, end));
            return Ok(());
        }
        let word_len = s.find(is_space).unwrap_or(s.len());
        if word_len > MAX_WORD {
            return Err(WordTooLong {
                start: at,
                len: word_len,
            });
        }
        let (after, word) = rest.take_split(word_len);
        if let Some((key, vs, ve)) = (fields == Fields::Read)
            .then(|| field(word.fragment()))
            .flatten()
        {
            out.push(token(TokenKind::FieldKey(key), at, at + vs));
            out.push(token(TokenKind::FieldValue, at + vs, at + ve));
        } else if let Some((kind, a, b)) = sigil_token(word) {
            out.push(token(kind, at + a, at + b));
        }
        rest = after;
    }
}

pub fn token(kind: TokenKind, start: usize, end: usize) -> Token {
    Token {
        kind,
        start: start as u32,
        end: end as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nom_locate::LocatedSpan;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        let mut out = Vec::new();
        tokenize(LocatedSpan::new(text), Fields::Read, &mut out).unwrap();
        out.iter().map(|t| (t.kind, &text[t.range()])).collect()
    }

    #[test]
    fn token_boundaries_follow_the_spec() {
        use TokenKind::*;
        let table: &[(&str, Vec<(TokenKind, &str)>)] = &[
            ("(@maria),", vec![(Person, "@maria")]),
            ("bob@example.com x^2 issue#42", vec![]),
            (
                "#billing/v2 #ops. #platform-",
                vec![(Tag, "#billing/v2"), (Tag, "#ops"), (Tag, "#platform")],
            ),
            ("^risk-memo ^Upper", vec![(Handle, "^risk-memo")]),
            ("(@ann's) #42 # @", vec![(Person, "@ann")]),
            ("@josé #café", vec![(Person, "@josé"), (Tag, "#café")]),
            ("((#deep))", vec![(Tag, "#deep")]),
        ];
        for (input, expected) in table {
            assert_eq!(&kinds(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn fields_and_comments() {
        use TokenKind::*;
        assert_eq!(
            kinds("due:2026-01-02, foo:bar 10:30 https://x due: ; note here"),
            vec![
                (FieldKey(super::FieldKey::Due), "due:"),
                (FieldValue, "2026-01-02"),
                (Comment, "; note here"),
            ]
        );
        assert_eq!(kinds("a;b"), vec![]);
    }

    #[test]
    fn long_words_are_refused() {
        let long = format!("ok {}", "x".repeat(MAX_WORD + 1));
        let err = tokenize(
            LocatedSpan::new(long.as_str()),
            Fields::Read,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert_eq!(
            err,
            WordTooLong {
                start: 3,
                len: MAX_WORD + 1
            }
        );
    }
}
