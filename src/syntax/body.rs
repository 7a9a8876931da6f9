//! Indented lines: field lines, notes, actions, questions, quotes and continuations.

use nom::{IResult, Parser, branch::alt, bytes::complete::tag, combinator::opt};

use super::Input;
use super::names::FieldKey;
use super::tree::{ActionState, BodyForm};
use super::words::is_space;

/// `action_box = "[ ]" | "[x]" | "[X]" | "[-]" ;`
fn action_box(input: Input) -> IResult<Input, ActionState> {
    alt((
        tag("[ ]").map(|_| ActionState::Open),
        tag("[x]").map(|_| ActionState::Done),
        tag("[X]").map(|_| ActionState::Done),
        tag("[-]").map(|_| ActionState::Dropped),
    ))
    .parse(input)
}

/// `action_marker = [ "-" , space ] , action_box ;`
fn action_marker(input: Input) -> IResult<Input, ActionState> {
    let (rest, _) = opt((tag("-"), nom::character::complete::space1)).parse(input)?;
    action_box(rest)
}

/// True when `rest` is empty or starts with a space or tab: a marker must stand alone.
fn ends_word(rest: &Input) -> bool {
    rest.fragment().chars().next().is_none_or(is_space)
}

/// Reads the form of a body line's text (after its indentation). Returns the form and the length
/// of its marker (the key and colon, for a field line).
pub fn form(text: Input) -> (BodyForm, usize) {
    let s = *text.fragment();
    if let Some((key, len)) = field_line(s) {
        return (BodyForm::Field(key), len);
    }
    if let Ok((rest, state)) = action_marker(text)
        && ends_word(&rest)
    {
        return (BodyForm::Action(state), s.len() - rest.fragment().len());
    }
    let single = [
        ('-', BodyForm::Note),
        ('?', BodyForm::Question),
        ('>', BodyForm::Quote),
    ];
    for (marker, form) in single {
        if let Some(rest) = s.strip_prefix(marker)
            && rest.chars().next().is_none_or(is_space)
        {
            return (form, 1);
        }
    }
    (BodyForm::Continuation, 0)
}

/// `field_line = key , ":" , { space } , value ;` with a non-empty value.
fn field_line(s: &str) -> Option<(FieldKey, usize)> {
    let colon = s.find(':')?;
    let key = FieldKey::from_word(&s[..colon])?;
    let value = s[colon + 1..].trim_start_matches(is_space);
    (!value.is_empty() && !value.starts_with(';')).then_some((key, colon + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use nom_locate::LocatedSpan;

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
            assert_eq!(form(LocatedSpan::new(text)), (expected, len), "{text:?}");
        }
    }
}
