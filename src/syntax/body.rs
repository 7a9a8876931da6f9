//! Indented lines: field lines, notes, actions, questions, quotes and continuations.

use nom::{IResult, Parser, branch::alt, bytes::complete::tag, combinator::opt};

use super::names::FieldKey;
use super::tree::{ActionState, BodyForm};
use super::words::{is_space_byte, space_len};

/// `action_box = "[ ]" | "[x]" | "[X]" | "[-]" ;` Markers are ASCII, so their parsers read bytes.
fn action_box(input: &[u8]) -> IResult<&[u8], ActionState> {
    alt((
        tag("[ ]").map(|_| ActionState::Open),
        tag("[x]").map(|_| ActionState::Done),
        tag("[X]").map(|_| ActionState::Done),
        tag("[-]").map(|_| ActionState::Dropped),
    ))
    .parse(input)
}

/// `action_marker = [ "-" , space ] , action_box ;`
fn action_marker(input: &[u8]) -> IResult<&[u8], ActionState> {
    let (rest, _) = opt((tag("-"), nom::character::complete::space1)).parse(input)?;
    action_box(rest)
}

/// True when `rest` is empty or starts with a space or tab: a marker must stand alone.
fn ends_word(rest: &str) -> bool {
    rest.as_bytes().first().is_none_or(|&b| is_space_byte(b))
}

/// Reads the form of a body line's text (after its indentation). Returns the form and the length
/// of its marker (the key and colon, for a field line). Each marker's parser is tried only when
/// the first byte can start it.
pub fn form(s: &str) -> (BodyForm, usize) {
    let single = match s.as_bytes().first() {
        Some(b'a'..=b'z') => {
            return match field_line(s) {
                Some((key, len)) => (BodyForm::Field(key), len),
                None => (BodyForm::Continuation, 0),
            };
        }
        Some(b'-' | b'[') => {
            if let Ok((rest, state)) = action_marker(s.as_bytes())
                && rest.first().is_none_or(|&b| is_space_byte(b))
            {
                return (BodyForm::Action(state), s.len() - rest.len());
            }
            BodyForm::Note
        }
        Some(b'?') => BodyForm::Question,
        Some(b'>') => BodyForm::Quote,
        _ => return (BodyForm::Continuation, 0),
    };
    if s.as_bytes()[0] != b'[' && ends_word(&s[1..]) {
        return (single, 1);
    }
    (BodyForm::Continuation, 0)
}

/// `field_line = key , ":" , { space } , value ;` with a non-empty value. Keys are at most
/// eight bytes, so only the first nine are searched for the colon.
fn field_line(s: &str) -> Option<(FieldKey, usize)> {
    let colon = s.bytes().take(9).position(|b| b == b':')?;
    let key = FieldKey::from_word(&s[..colon])?;
    let value = &s[colon + 1..];
    let value = &value[space_len(value)..];
    (!value.is_empty() && !value.starts_with(';')).then_some((key, colon + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let table = [
            ("- a note", BodyForm::Note, 1),
            ("-", BodyForm::Note, 1),
            ("-x", BodyForm::Continuation, 0),
            ("[ ] send it", BodyForm::Action(ActionState::Open), 3),
            ("- [x] sent", BodyForm::Action(ActionState::Done), 5),
            ("[X]", BodyForm::Action(ActionState::Done), 3),
            ("[-] dropped", BodyForm::Action(ActionState::Dropped), 3),
            ("[ ]x", BodyForm::Continuation, 0),
            ("? headcount", BodyForm::Question, 1),
            ("> ship it", BodyForm::Quote, 1),
            (
                "solution: strip symbols",
                BodyForm::Field(FieldKey::Solution),
                9,
            ),
            ("bob: will send", BodyForm::Continuation, 0),
            ("due:", BodyForm::Continuation, 0),
            ("wraps onto a line", BodyForm::Continuation, 0),
        ];
        for (text, expected, len) in table {
            assert_eq!(form(text), (expected, len), "{text:?}");
        }
    }
}
