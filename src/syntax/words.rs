//! Words and the tokens inside them: people, tags, handles, fields, comments.
//!
//! Words are split on spaces and tabs only. A person, tag or handle starts at the start of a word
//! or right after `(`, and is the longest run of its characters less trailing `.`, `-` or `/`.

use nom::{
    IResult, Parser,
    character::complete::{char, satisfy},
    combinator::recognize,
};

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

/// [`is_space`] for a byte: spaces and tabs are ASCII, so a byte scan finds them in UTF-8.
pub(crate) fn is_space_byte(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// The length of `s` less its leading spaces and tabs.
pub(crate) fn space_len(s: &str) -> usize {
    s.bytes().take_while(|&b| is_space_byte(b)).count()
}

/// The length of `s` without its trailing spaces and tabs.
pub(crate) fn trim_end_len(s: &str) -> usize {
    s.len() - s.bytes().rev().take_while(|&b| is_space_byte(b)).count()
}

fn is_person_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '-')
}

fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '/' | '-')
}

fn is_handle_char(c: char) -> bool {
    c.is_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-')
}

/// `person = "@" , person_char , { person_char } ;`
fn person(input: &str) -> IResult<&str, &str> {
    recognize((char('@'), chars(1, is_person_char))).parse(input)
}

/// `tag = "#" , letter , { tag_char } ;`
fn tag(input: &str) -> IResult<&str, &str> {
    recognize((
        char('#'),
        satisfy(char::is_alphabetic),
        chars(0, is_tag_char),
    ))
    .parse(input)
}

/// `handle = "^" , handle_char , { handle_char } ;`
fn handle(input: &str) -> IResult<&str, &str> {
    recognize((char('^'), chars(1, is_handle_char))).parse(input)
}

/// At least `min` characters that `is` takes, as many as there are: `take_while` that reads
/// ASCII a byte at a time (names are mostly ASCII) and decodes characters only past it.
fn chars(min: usize, is: impl Fn(char) -> bool + Copy) -> impl Fn(&str) -> IResult<&str, &str> {
    move |input: &str| {
        let ascii = (input.bytes())
            .take_while(|&b| b.is_ascii() && is(char::from(b)))
            .count();
        let rest = &input[ascii..];
        let len = if rest.as_bytes().first().is_some_and(|&b| !b.is_ascii()) {
            ascii + rest.len() - rest.trim_start_matches(is).len()
        } else {
            ascii
        };
        if len < min {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::TakeWhile1,
            )));
        }
        Ok((&input[len..], &input[..len]))
    }
}

/// Strips the trailing `.`, `-` and `/` that a token never ends with.
fn trim_token(text: &str) -> usize {
    let trailing = (text.bytes().rev())
        .take_while(|b| matches!(b, b'.' | b'-' | b'/'))
        .count();
    text.len() - trailing
}

/// The person, tag or handle at the start of `text` (after any `(`), as (kind, start, end)
/// relative to it. Only the parser that the first byte names is tried.
pub(crate) fn sigil(text: &str) -> Option<(TokenKind, usize, usize)> {
    let parens = text.bytes().take_while(|&b| b == b'(').count();
    let (kind, len) = sigil_at(&text[parens..])?;
    Some((kind, parens, parens + len))
}

/// The person, tag or handle at the very start of `text`, and its length. The parsers stop at
/// a space, so `text` may run past the word.
fn sigil_at(text: &str) -> Option<(TokenKind, usize)> {
    let (kind, found) = match text.as_bytes().first()? {
        b'@' => (TokenKind::Person, person(text).ok()?.1),
        b'#' => (TokenKind::Tag, tag(text).ok()?.1),
        b'^' => (TokenKind::Handle, handle(text).ok()?.1),
        _ => return None,
    };
    let len = trim_token(found);
    (len > 1).then_some((kind, len))
}

/// The longest field key (`informed`, `solution`): a colon further in cannot end a key.
const MAX_KEY: usize = 8;

/// `field = key , ":" , value ;` with the key from the closed set and a non-empty value
/// (less a trailing `,` `.` `)`). Returns the key and the value's range relative to the word.
pub fn field(word: &str) -> Option<(FieldKey, usize, usize)> {
    let colon = word.bytes().take(MAX_KEY + 1).position(|b| b == b':')?;
    field_at(word, colon)
}

/// [`field`] when the word's first colon is known to be at byte `colon`.
fn field_at(word: &str, colon: usize) -> Option<(FieldKey, usize, usize)> {
    if colon > MAX_KEY {
        return None;
    }
    let key = FieldKey::from_word(&word[..colon])?;
    let value = &word[colon + 1..];
    let trimmed = value.strip_suffix([',', '.', ')']).unwrap_or(value);
    (!trimmed.is_empty()).then_some((key, colon + 1, colon + 1 + trimmed.len()))
}

/// Bytes that can matter to a token: sigils, a comment's `;` and a field's `:`.
const SIGNIFICANT: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    let bytes = *b"@#^;:";
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// Splits `s` (which starts at byte `base` of the file) into words, pushing a token for each
/// person, tag, handle and field, and one for a trailing comment. Returns an error for a word
/// longer than [`MAX_WORD`].
///
/// Most words are plain text, so this jumps from one significant byte to the next and looks
/// at the word around it: a sigil after the start of a word and any `(`, a `;` that starts a
/// word, a `:` a key's length after the start of a word. Words are split one by one only in
/// text long enough to hold a word over [`MAX_WORD`].
pub(crate) fn tokenize(
    s: &str,
    base: usize,
    fields: Fields,
    out: &mut Vec<Token>,
) -> Result<(), WordTooLong> {
    if s.len() > MAX_WORD {
        return tokenize_words(s, base, fields, out);
    }
    let bytes = s.as_bytes();
    let starts_word = |at: usize| at == 0 || is_space_byte(bytes[at - 1]);
    let mut i = 0;
    while let Some(at) = next_significant(bytes, i) {
        i = at + 1;
        match bytes[at] {
            b';' if starts_word(at) => {
                out.push(token(TokenKind::Comment, base + at, base + trim_end_len(s)));
                return Ok(());
            }
            b':' if fields == Fields::Read => {
                let key = bytes[at.saturating_sub(MAX_KEY)..at]
                    .iter()
                    .rev()
                    .take_while(|&&b| !is_space_byte(b))
                    .count();
                let start = at - key;
                if key == 0 || !starts_word(start) {
                    continue;
                }
                let end = word_end(bytes, at);
                if let Some((key, vs, ve)) = field_at(&s[start..end], key) {
                    out.push(token(
                        TokenKind::FieldKey(key),
                        base + start,
                        base + start + vs,
                    ));
                    out.push(token(
                        TokenKind::FieldValue,
                        base + start + vs,
                        base + start + ve,
                    ));
                    i = end;
                }
            }
            b'@' | b'#' | b'^' => {
                let parens = bytes[..at].iter().rev().take_while(|&&b| b == b'(').count();
                if starts_word(at - parens)
                    && let Some((kind, len)) = sigil_at(&s[at..])
                {
                    out.push(token(kind, base + at, base + at + len));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The first byte at or after `from` that can matter to a token ([`SIGNIFICANT`]).
///
/// Most text is plain words, so eight bytes are tested at a time, which is faster than byte by
/// byte, and than a vectorised search, whose setup costs more than a line takes to read. A byte
/// of the word equal to `b` is a zero byte of the word xor `b` in every byte, and the zero-byte
/// test below finds the lowest zero byte exactly; it may flag higher bytes falsely (after a
/// borrow), never a byte below a true one, so only the lowest flag is used.
fn next_significant(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let equal = |w: u64, b: u8| {
        let x = w ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGH
    };
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // `:` and `;` differ in their lowest bit only.
        let found = equal(w, b'@') | equal(w, b'#') | equal(w, b'^') | equal(w | ONES, b';');
        if found != 0 {
            return Some(i + found.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    let rest = bytes.get(i..).unwrap_or_default();
    rest.iter()
        .position(|&b| SIGNIFICANT[b as usize])
        .map(|n| i + n)
}

/// The end of the word that holds byte `at`.
fn word_end(bytes: &[u8], at: usize) -> usize {
    bytes[at..]
        .iter()
        .position(|&b| is_space_byte(b))
        .map_or(bytes.len(), |n| at + n)
}

/// [`tokenize`] word by word, for text that may hold a word over [`MAX_WORD`].
fn tokenize_words(
    s: &str,
    base: usize,
    fields: Fields,
    out: &mut Vec<Token>,
) -> Result<(), WordTooLong> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let first = bytes[i];
        if is_space_byte(first) {
            i += 1;
            continue;
        }
        let at = base + i;
        if first == b';' {
            out.push(token(TokenKind::Comment, at, base + trim_end_len(s)));
            return Ok(());
        }
        let start = i;
        i = word_end(bytes, i);
        if i - start > MAX_WORD {
            return Err(WordTooLong {
                start: at,
                len: i - start,
            });
        }
        let word = &s[start..i];
        match first {
            b'@' | b'#' | b'^' | b'(' => {
                if let Some((kind, a, b)) = sigil(word) {
                    out.push(token(kind, at + a, at + b));
                }
            }
            b'a'..=b'z' if fields == Fields::Read => {
                if let Some((key, vs, ve)) = field(word) {
                    out.push(token(TokenKind::FieldKey(key), at, at + vs));
                    out.push(token(TokenKind::FieldValue, at + vs, at + ve));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

pub fn token(kind: TokenKind, start: usize, end: usize) -> Token {
    Token::new(kind, start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        let mut out = Vec::new();
        tokenize(text, 0, Fields::Read, &mut out).unwrap();
        out.iter().map(|t| (t.kind(), &text[t.range()])).collect()
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
        let err = tokenize(&long, 0, Fields::Read, &mut Vec::new()).unwrap_err();
        assert_eq!(
            err,
            WordTooLong {
                start: 3,
                len: MAX_WORD + 1
            }
        );
    }

    proptest::proptest! {
        /// Eight bytes at a time find what a byte-by-byte search finds, from any start, in text
        /// dense with the bytes that matter and with multibyte characters.
        #[test]
        fn significant_bytes_are_found_as_one_by_one(
            text in "[a@#^;:9 \u{e9}\u{2603}\u{1f600}]{0,40}",
            from in 0usize..48,
        ) {
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let expected = bytes[from..]
                .iter()
                .position(|&b| SIGNIFICANT[b as usize])
                .map(|n| from + n);
            proptest::prop_assert_eq!(next_significant(bytes, from), expected);
        }
    }
}
