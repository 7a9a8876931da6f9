//! An entry's text from the command line (`KIND WORDS…`), and the `$EDITOR` template.

use chrono::{NaiveDate, NaiveTime};

use crate::syntax::{self, Kind, LineKind, Node};

/// A problem with the words of an entry, found before the journal is read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EntryError {
    #[error("unknown kind `{word}`{}", suggestion(.suggest))]
    UnknownKind {
        word: String,
        suggest: Option<&'static str>,
    },
    #[error(
        "a word holds a line break; `upward add` writes a one-line entry, use `upward add -e` to write a body"
    )]
    LineBreak,
    #[error("nothing to add: the entry is empty")]
    Empty,
    #[error("write exactly one entry: {0}")]
    NotOneEntry(String),
}

fn suggestion(word: &Option<&'static str>) -> String {
    word.map_or_else(
        || format!("; the kinds are {}", kinds().join(", ")),
        |w| format!("; did you mean `{w}`?"),
    )
}

fn kinds() -> Vec<&'static str> {
    Kind::ALL.iter().map(|k| k.as_str()).collect()
}

/// `DATE [HH:MM] KIND WORDS…` as one header line, without a line ending. Words are joined
/// by single spaces; a word may itself hold several words (`"Fixed the retry queue"`).
pub fn entry_line(
    date: NaiveDate,
    time: Option<NaiveTime>,
    kind: &str,
    words: &[String],
) -> Result<String, EntryError> {
    let Some(kind) = Kind::from_word(kind) else {
        return Err(EntryError::UnknownKind {
            word: kind.to_string(),
            suggest: syntax::names::suggest(kind, kinds()),
        });
    };
    if words.iter().any(|w| w.contains(['\n', '\r'])) {
        return Err(EntryError::LineBreak);
    }
    let mut line = date.format("%Y-%m-%d").to_string();
    if let Some(time) = time {
        line.push_str(&time.format(" %H:%M").to_string());
    }
    line.push(' ');
    line.push_str(kind.as_str());
    for word in words.iter().map(|w| w.trim()).filter(|w| !w.is_empty()) {
        line.push(' ');
        line.push_str(word);
    }
    Ok(line)
}

const TEMPLATE_HELP: &str = "\
; Write one entry above: DATE [HH:MM] KIND and its words on the first line,
; then indented body lines (- notes, [ ] actions, ? points, > quotes, key: value).
; Lines starting with ; are dropped. Save an empty entry to add nothing.
";

/// The text `upward add -e` opens in the editor: the entry's first line, then help.
pub fn template(first_line: &str) -> String {
    format!("{first_line}\n{TEMPLATE_HELP}")
}

/// The entry written in the editor: column-0 `;` lines dropped, blank lines trimmed at both
/// ends, line endings made `\n`. `Ok(None)` when nothing is left. It must be exactly one entry
/// (a header and its body lines).
pub fn from_edited(text: &str) -> Result<Option<String>, EntryError> {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.starts_with(';'))
        .collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return Ok(None);
    };
    let mut entry = lines[first..=last].join("\n");
    entry.push('\n');
    check_one_entry(&entry)?;
    entry.pop();
    Ok(Some(entry))
}

/// The text must parse as one entry node whose header is its first line.
fn check_one_entry(text: &str) -> Result<(), EntryError> {
    let source = crate::source::SourceFile::from_text("entry", text);
    let (doc, _) = syntax::parse(crate::diag::FileId(0), &source);
    let first_is_header = doc
        .lines
        .first()
        .is_some_and(|l| matches!(l.kind, LineKind::Header(_) | LineKind::Invalid));
    if !first_is_header || !text.as_bytes()[0].is_ascii_digit() {
        return Err(EntryError::NotOneEntry(
            "the first line must be `DATE [HH:MM] KIND words`".into(),
        ));
    }
    let entries = doc
        .nodes
        .iter()
        .filter(|n| matches!(n, Node::Entry(_)))
        .count();
    let directives = doc.nodes.len() - entries;
    let headers = doc
        .lines
        .iter()
        .filter(|l| {
            matches!(l.kind, LineKind::Header(_)) || l.kind == LineKind::Invalid && l.start == 0
        })
        .count();
    if directives > 0 || headers > 1 || entries > 1 {
        return Err(EntryError::NotOneEntry(
            "only the first line may start at column 0; indent body lines".into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn builds_a_header_line() {
        let words = vec!["Fixed the retry queue".to_string(), "#billing".into()];
        assert_eq!(
            entry_line(date(), None, "did", &words).unwrap(),
            "2026-11-23 did Fixed the retry queue #billing"
        );
        let time = NaiveTime::from_hms_opt(9, 30, 0);
        assert_eq!(
            entry_line(date(), time, "checkin", &["@maria".into()]).unwrap(),
            "2026-11-23 09:30 checkin @maria"
        );
    }

    #[test]
    fn suggests_a_kind() {
        let err = entry_line(date(), None, "chekin", &[]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown kind `chekin`; did you mean `checkin`?"
        );
    }

    #[test]
    fn edited_text_is_one_entry() {
        let text = template("2026-11-23 checkin @maria") + "  - a note\n";
        // The note comes after the help lines, which are dropped.
        assert_eq!(
            from_edited(&text).unwrap().unwrap(),
            "2026-11-23 checkin @maria\n  - a note"
        );
        assert_eq!(from_edited("; only help\n\n").unwrap(), None);
        assert!(from_edited("2026-11-23 did a\n2026-11-24 did b\n").is_err());
        assert!(from_edited("  - body first\n").is_err());
        assert!(from_edited("boss @x\n").is_err());
    }
}
