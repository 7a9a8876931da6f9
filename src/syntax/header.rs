//! The start of column-0 lines: dates, times, kinds and directive keywords.

use std::num::NonZeroU16;

use chrono::{NaiveDate, NaiveTime};
use nom::{
    IResult, Parser,
    bytes::complete::take_till1,
    error::{Error, ErrorKind},
};

use super::words::is_space_byte;

/// A parser of a fixed ASCII shape, as `pattern` draws it: `9` stands for any digit, any other
/// byte for itself. Dates and times are ASCII, so their parsers read bytes; they start every
/// entry, so they are matched against the pattern in one pass.
fn shape(pattern: &'static [u8]) -> impl Fn(&[u8]) -> IResult<&[u8], &[u8]> {
    move |input| {
        let fits = input.len() >= pattern.len()
            && (input.iter().zip(pattern)).all(|(&b, &p)| {
                if p == b'9' {
                    b.is_ascii_digit()
                } else {
                    b == p
                }
            });
        if fits {
            Ok((&input[pattern.len()..], &input[..pattern.len()]))
        } else {
            Err(nom::Err::Error(Error::new(input, ErrorKind::Verify)))
        }
    }
}

/// `date = digit4 , "-" , digit2 , "-" , digit2 ;` (a calendar date is checked after).
pub fn date_shape(input: &[u8]) -> IResult<&[u8], &[u8]> {
    shape(b"9999-99-99")(input)
}

/// `time = digit2 , ":" , digit2 ;` (hours 00–23 and minutes 00–59 are checked after).
pub fn time_shape(input: &[u8]) -> IResult<&[u8], &[u8]> {
    shape(b"99:99")(input)
}

/// `word = non_space , { non_space } ;`
pub fn word(input: &str) -> IResult<&str, &str> {
    // Spaces and tabs are ASCII: the word ends at a byte boundary that is a char boundary.
    let (_, found) = take_till1(is_space_byte)
        .parse(input.as_bytes())
        .map_err(|e| e.map(|e: nom::error::Error<&[u8]>| nom::error::Error::new(input, e.code)))?;
    Ok((&input[found.len()..], &input[..found.len()]))
}

/// A parser of an ASCII shape: the bytes it matched, and the rest.
type Shape<'a> = fn(&'a [u8]) -> IResult<&'a [u8], &'a [u8]>;

/// A whole word that has the shape of a date or a time: nothing else may follow in the word.
/// Both shapes start with a digit, so nothing else is tried.
pub fn whole<'a>(parser: Shape<'a>, input: &'a str) -> Option<&'a str> {
    if !input.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    parser(input.as_bytes())
        .ok()
        .filter(|(rest, _)| rest.first().is_none_or(|&b| is_space_byte(b)))
        .map(|(_, found)| &input[..found.len()])
}

/// How long the start of `text` that reads as an entry header is: a calendar date, an
/// optional `HH:MM`, and a kind; `None` when it does not read as one.
pub fn header_start(text: &str) -> Option<usize> {
    let date = whole(date_shape, text)?;
    calendar_date(date)?;
    let mut at = date.len() + crate::syntax::words::space_len(&text[date.len()..]);
    if let Some(t) = whole(time_shape, &text[at..]) {
        at += t.len() + crate::syntax::words::space_len(&text[at + t.len()..]);
    }
    let (_, kind) = word(&text[at..]).ok()?;
    crate::syntax::Kind::from_word(kind)?;
    Some(at + kind.len())
}

/// A word shaped like a time but not `HH:MM`: `9:30`, `9:5`, `930:00`.
pub fn looks_like_time(word: &str) -> bool {
    word.split_once(':').is_some_and(|(h, m)| {
        !h.is_empty()
            && !m.is_empty()
            && h.len() <= 2
            && m.len() <= 2
            && (h.len(), m.len()) != (2, 2)
            && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
    })
}

/// A `YYYY-MM-DD` calendar date. The common all-digit shape is read directly; anything else
/// goes through chrono's `%Y-%m-%d`, whose answer is the same for that shape.
pub fn calendar_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let number = |range: std::ops::Range<usize>| {
            b[range].iter().try_fold(0u32, |n, &d| {
                d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
            })
        };
        if let (Some(y), Some(m), Some(d)) = (number(0..4), number(5..7), number(8..10)) {
            return NaiveDate::from_ymd_opt(y as i32, m, d);
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|_| text.len() == 10)
}

/// The time of day `HH:MM`, when it is one.
pub fn clock_time(text: &str) -> Option<Clock> {
    let (h, m) = text.split_once(':')?;
    Clock::new(h.parse().ok()?, m.parse().ok()?)
}

/// A time of day to the minute, as a header writes it (`09:30`), in two bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Clock(NonZeroU16);

impl Clock {
    /// `hour:minute`, when it is a time of day.
    pub fn new(hour: u32, minute: u32) -> Option<Self> {
        if hour < 24 && minute < 60 {
            NonZeroU16::new((hour * 60 + minute + 1) as u16).map(Clock)
        } else {
            None
        }
    }

    /// Minutes since midnight.
    pub fn minute_of_day(self) -> u32 {
        u32::from(self.0.get()) - 1
    }

    pub fn time(self) -> NaiveTime {
        NaiveTime::from_num_seconds_from_midnight_opt(self.minute_of_day() * 60, 0)
            .unwrap_or(NaiveTime::MIN)
    }
}

impl std::fmt::Display for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let m = self.minute_of_day();
        write!(f, "{:02}:{:02}", m / 60, m % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        assert!(whole(date_shape, "2026-02-30 did").is_some());
        assert!(whole(date_shape, "2026-02-300").is_none());
        assert!(whole(time_shape, "09:30 did").is_some());
        for not_a_date in [
            "2026-02-3",
            "2026/02/03",
            "20260-2-03",
            "2026-0a-03",
            "٢٠٢٦-02-03",
        ] {
            assert!(date_shape(not_a_date.as_bytes()).is_err(), "{not_a_date}");
        }
        for not_a_time in ["9:30", "09-30", "09:3", "0930", ""] {
            assert!(time_shape(not_a_time.as_bytes()).is_err(), "{not_a_time}");
        }
        assert_eq!(time_shape(b"23:59:00"), Ok((&b":00"[..], &b"23:59"[..])));
        assert_eq!(calendar_date("2026-02-30"), None);
        assert_eq!(
            calendar_date("2028-02-29").map(|d| d.to_string()),
            Some("2028-02-29".into())
        );
        assert_eq!(clock_time("25:00"), None);
        assert_eq!(
            clock_time("23:59").map(|t| t.to_string()),
            Some("23:59".into())
        );
        assert_eq!(clock_time("00:00").map(Clock::minute_of_day), Some(0));
        assert_eq!(clock_time("09:60"), None);
        assert_eq!(
            clock_time("07:05").map(Clock::time),
            NaiveTime::from_hms_opt(7, 5, 0)
        );
    }
}
