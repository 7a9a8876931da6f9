//! Completion: kinds after a date, `@people`, `#tags`, `^handles` that fit where they stand,
//! field keys the entry takes, and field values. This file reads where the cursor stands;
//! `choices` lists what fits there.

mod choices;

use lsp_types as lsp;

use super::convert;
use super::documents::Analysis;
use crate::syntax::words::is_space;
use crate::syntax::{DirectiveKind, FieldKey, Kind, LineKind, calendar_date, clock_time};
use choices::{Choice, handles, keys, kinds, people, tags, values};

/// Where the cursor stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// The word after a date (and time): the kind.
    Kind,
    /// A header's text, or a line continuing it.
    Entry {
        kind: Kind,
        header: u32,
        first_word: bool,
    },
    /// An action line (`[ ] …`) of an entry.
    Action {
        first_word: bool,
    },
    /// A note, question or quote: text where fields are plain words.
    Text,
    Boss {
        first_word: bool,
    },
    Scope,
}

pub fn complete(a: &Analysis, position: lsp::Position, invoked: bool) -> Vec<lsp::CompletionItem> {
    let source = a.source();
    let offset = convert::offset(source, position);
    let line = position.line;
    let start = source.line_start(line as usize);
    let Some(prefix) = source.text.get(start..offset) else {
        return Vec::new();
    };
    let word_at = prefix.rfind(is_space).map_or(0, |i| i + 1);
    let word = prefix[word_at..].trim_start_matches('(');
    let word_at = offset - word.len();
    let before: Vec<&str> = prefix[..prefix.len() - word.len()]
        .split(is_space)
        .filter(|w| !w.is_empty())
        .collect();
    let Some(place) = place(a, line, prefix, &before) else {
        return Vec::new();
    };
    let range = convert::range(source, word_at, offset);
    let items = match place {
        Place::Kind if !word.starts_with(|c: char| c.is_ascii_digit()) => kinds(),
        Place::Kind => Vec::new(),
        _ => words(a, place, word, invoked),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, c)| c.item(i, source, range, word_at, offset))
        .collect()
}

/// Reads where the cursor is from the line's start and the lines above it.
fn place(a: &Analysis, line: u32, prefix: &str, before: &[&str]) -> Option<Place> {
    let indented = prefix.starts_with(is_space);
    if !indented {
        let first = *before.first()?;
        if calendar_date(first).is_some() {
            let timed = before.get(1).is_some_and(|w| clock_time(w).is_some());
            let kind_at = if timed { 2 } else { 1 };
            if before.len() == kind_at {
                return Some(Place::Kind);
            }
            let kind = Kind::from_word(before.get(kind_at)?)?;
            return Some(Place::Entry {
                kind,
                header: line,
                first_word: false,
            });
        }
        return match DirectiveKind::from_word(first)? {
            DirectiveKind::Boss => Some(Place::Boss { first_word: false }),
            DirectiveKind::Scope => Some(Place::Scope),
            _ => None,
        };
    }
    let doc = a.doc();
    let owner = (0..line.min(doc.lines.len() as u32))
        .rev()
        .map(|i| (i, doc.lines[i as usize].kind))
        .find(|(_, k)| !k.is_trivia() && !matches!(k, LineKind::Body(_)))?;
    let first_word = before.is_empty();
    let action = before.first().is_some_and(|w| w.starts_with('['))
        || (before.first() == Some(&"-") && before.get(1).is_some_and(|w| w.starts_with('[')));
    let marker = before
        .first()
        .is_some_and(|w| matches!(*w, "-" | "?" | ">"));
    Some(match owner.1 {
        LineKind::Header(_) if action => Place::Action {
            first_word: before.len() == 1 + usize::from(before[0] == "-"),
        },
        LineKind::Header(_) if marker => Place::Text,
        LineKind::Header(kind) => Place::Entry {
            kind,
            header: owner.0,
            first_word,
        },
        LineKind::Directive(DirectiveKind::Boss) => Place::Boss { first_word },
        LineKind::Directive(DirectiveKind::Scope) => Place::Scope,
        _ => return None,
    })
}

/// One completion before it is placed: what it shows and what it inserts.
fn words(a: &Analysis, place: Place, word: &str, invoked: bool) -> Vec<Choice> {
    if word.starts_with('@') {
        return people(a);
    }
    if word.starts_with('#') {
        return tags(a);
    }
    if word.starts_with('^') {
        return handles(a, place);
    }
    let fields_read = matches!(
        place,
        Place::Entry { .. } | Place::Action { .. } | Place::Boss { .. }
    );
    if let Some((key, _)) = word.split_once(':')
        && fields_read
    {
        return FieldKey::from_word(key).map_or_else(Vec::new, |k| values(a, place, k));
    }
    if word.is_empty() && !invoked {
        return Vec::new();
    }
    keys(a, place)
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use chrono::NaiveDate;

    use super::*;
    use crate::lsp::documents::{Config, Documents};

    const JOURNAL: &str = "boss @maria Maria Chen
2026-03-02 priority #billing @maria rank:1 Ship billing v2
2026-03-02 promise ^memo due:2026-03-05 Risk memo
2026-03-02 pitch ^idea Event sourcing
2026-03-03 checkin @maria
  [ ] ^
  [ ] send it d
  due
  - note d
2026-03-04 decision ^
2026-03-04 escalate @priya informed:
2026-03-04 problem ^new
";

    /// The labels offered at a line and UTF-16 column of the journal above.
    fn labels(line: u32, character: u32, invoked: bool) -> Vec<String> {
        let uri = lsp::Uri::from_str("untitled:complete-test").unwrap_or_else(|_| panic!("uri"));
        let mut docs = Documents::new(Config {
            today: NaiveDate::from_ymd_opt(2026, 3, 10),
            ..Config::default()
        });
        docs.open(uri.clone(), JOURNAL.to_string(), 1);
        let Some(a) = docs.analyze(&uri) else {
            panic!("no analysis")
        };
        complete(&a, lsp::Position { line, character }, invoked)
            .into_iter()
            .map(|i| i.label)
            .collect()
    }

    /// A tag's completion says when its priority is a former boss's (docs/language.md §4).
    #[test]
    fn a_former_boss_s_priority_is_marked_not_active() {
        let text = "boss @ann Ann\n  until: 2026-03-11\nboss @bob Bob\n  since: 2026-03-12\n\
                    2026-03-02 priority #api @ann rank:1 Ship the API\n\
                    2026-04-01 priority #api @bob rank:2 Ship the public API\n\
                    2026-04-02 did #\n";
        let detail = |month: u32, day: u32| {
            let uri = lsp::Uri::from_str("untitled:former").unwrap_or_else(|_| panic!("uri"));
            let mut docs = Documents::new(Config {
                today: NaiveDate::from_ymd_opt(2026, month, day),
                ..Config::default()
            });
            docs.open(uri.clone(), text.to_string(), 1);
            let Some(a) = docs.analyze(&uri) else {
                panic!("no analysis")
            };
            let items = complete(&a, lsp::Position::new(6, 16), false);
            let api = items.into_iter().find(|i| i.label == "#api");
            api.and_then(|i| i.detail).unwrap_or_default()
        };
        assert_eq!(
            detail(3, 20),
            "priority: Ship the API (not active: its boss has left)"
        );
        assert_eq!(detail(4, 2), "priority: Ship the public API");
    }

    #[test]
    fn each_place_offers_what_fits_there() {
        // An action's handle: the open promises.
        assert_eq!(labels(5, 7, false), ["^memo"]);
        // An action's keys: only due:.
        assert_eq!(labels(6, 15, false), ["due:"]);
        // A body line's first word: the entry's keys as `key: `, none for a checkin but dur and allow.
        assert_eq!(labels(7, 5, false), ["dur:", "allow:"]);
        // A note holds text: no keys.
        assert!(labels(8, 10, true).is_empty());
        // After `decision ^`: pitches and problems.
        assert_eq!(labels(9, 21, false), ["^idea", "^new"]);
        // `informed:` values: yes, no and the bosses.
        assert_eq!(labels(10, 36, false), ["yes", "no", "@maria"]);
        // A new problem names a new handle.
        assert!(labels(11, 23, false).is_empty());
        // People: bosses first, then everyone named.
        assert_eq!(labels(10, 21, false), ["@maria", "@priya"]);
        // After a date, the kinds; after the kind, nothing on a bare space unless asked.
        assert_eq!(labels(4, 11, false).len(), 17);
        assert!(labels(4, 19, false).is_empty());
        assert_eq!(labels(4, 19, true), ["dur:", "allow:"]);
    }
}
