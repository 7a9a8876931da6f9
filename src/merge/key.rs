//! What makes a changed chunk "the same chunk, changed", and where a new chunk goes.
//!
//! An entry is known by its date and kind (`2026-11-03 checkin`), a directive by its word and
//! first argument (`boss @maria`, `set repitch`, `include 2025/q4.up`, `scope #billing`).
//! The identity only pairs chunks that sit between the same unchanged neighbours (see
//! [`super::side`]), so two check-ins on one day are still told apart by their place. This is
//! the rule `upward history` uses to tell an edit from a new entry: rewording an entry,
//! changing its time, fields or body, or the comments above it is an edit; changing its date
//! or kind makes it another entry.

/// The identity of an entry or a directive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ident<'a> {
    Entry { date: &'a [u8], kind: &'a [u8] },
    Directive { word: &'a [u8], arg: &'a [u8] },
}

/// An entry header's date and time; entries without a time come first within a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct When<'a> {
    pub date: &'a [u8],
    pub time: Option<&'a [u8]>,
}

const DIRECTIVES: [&[u8]; 4] = [b"boss", b"scope", b"include", b"set"];

/// Reads a column-0 line (without its line ending).
pub fn read(line: &[u8]) -> (Option<Ident<'_>>, Option<When<'_>>) {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let mut words = line
        .split(|&b| b == b' ' || b == b'\t')
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return (None, None);
    };
    if is_date(first) {
        let mut next = words.next();
        let time = next.filter(|w| is_time(w));
        if time.is_some() {
            next = words.next();
        }
        let kind = next.unwrap_or_default();
        let when = When { date: first, time };
        return (Some(Ident::Entry { date: first, kind }), Some(when));
    }
    if DIRECTIVES.contains(&first) {
        let arg = words.next().unwrap_or_default();
        return (Some(Ident::Directive { word: first, arg }), None);
    }
    (None, None)
}

fn digits(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_digit)
}

fn is_date(w: &[u8]) -> bool {
    w.len() == 10
        && w[4] == b'-'
        && w[7] == b'-'
        && digits(&w[..4])
        && digits(&w[5..7])
        && digits(&w[8..])
}

fn is_time(w: &[u8]) -> bool {
    w.len() == 5 && w[2] == b':' && digits(&w[..2]) && digits(&w[3..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_and_directives() {
        let (ident, when) = read(b"2026-11-03 09:30 checkin @maria dur:30m\r");
        assert_eq!(
            ident,
            Some(Ident::Entry {
                date: b"2026-11-03",
                kind: b"checkin"
            })
        );
        assert_eq!(when.unwrap().time, Some(&b"09:30"[..]));
        assert_eq!(
            read(b"boss @maria Maria Chen").0,
            Some(Ident::Directive {
                word: b"boss",
                arg: b"@maria"
            })
        );
        assert_eq!(read(b"hello there"), (None, None));
        let untimed = read(b"2026-11-03 did A").1.unwrap();
        let timed = read(b"2026-11-03 08:00 did A").1.unwrap();
        assert!(untimed < timed);
    }
}
