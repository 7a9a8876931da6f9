//! What completion offers at each place: kinds, people, tags, handles, field keys and values.

use chrono::{Days, NaiveDate};
use lsp_types as lsp;

use super::Place;
use crate::lsp::convert;
use crate::lsp::documents::Analysis;
use crate::model::{Handle, HandleKind};
use crate::rules::codes::RULES;
use crate::syntax::{FieldHost, FieldKey, Kind};

pub(super) struct Choice {
    label: String,
    insert: String,
    kind: lsp::CompletionItemKind,
    detail: Option<String>,
    /// Replaces only what follows the `:` of `key:value`.
    value: bool,
}

impl Choice {
    pub(super) fn new(
        label: impl Into<String>,
        kind: lsp::CompletionItemKind,
        detail: Option<String>,
    ) -> Self {
        let label = label.into();
        Choice {
            insert: label.clone(),
            label,
            kind,
            detail,
            value: false,
        }
    }

    pub(super) fn item(
        self,
        i: usize,
        source: &crate::source::SourceFile,
        word: lsp::Range,
        word_at: usize,
        offset: usize,
    ) -> lsp::CompletionItem {
        let range = if self.value {
            let colon = source.text[word_at..offset]
                .find(':')
                .map_or(offset, |c| word_at + c + 1);
            convert::range(source, colon, offset)
        } else {
            word
        };
        lsp::CompletionItem {
            filter_text: Some(self.insert.clone()),
            text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                range,
                new_text: self.insert,
            })),
            label: self.label,
            kind: Some(self.kind),
            detail: self.detail,
            sort_text: Some(format!("{i:04}")),
            ..lsp::CompletionItem::default()
        }
    }
}

const KIND_MEANINGS: [(Kind, &str); 17] = [
    (
        Kind::Priority,
        "a boss's priority: its first #tag is the key",
    ),
    (Kind::Checkin, "a 1:1 or meeting with the boss"),
    (Kind::Update, "a status update you sent"),
    (
        Kind::Feedback,
        "feedback received, and what you do about it",
    ),
    (Kind::Ask, "you asked for feedback or guidance"),
    (Kind::Did, "work you did"),
    (Kind::Initiative, "work nobody asked for"),
    (Kind::Win, "an accomplishment, with a number"),
    (Kind::Problem, "a problem you raised, with solution:"),
    (Kind::Promise, "a commitment: ^handle and due:"),
    (Kind::Done, "closes a promise: ^handle"),
    (Kind::Slip, "moves a promise's due date: ^handle due:"),
    (Kind::Pitch, "an idea you proposed: ^handle"),
    (Kind::Decision, "the boss's answer: ^handle outcome:"),
    (Kind::Escalate, "you went above the boss: @person"),
    (Kind::Career, "a growth or career conversation"),
    (Kind::Away, "leave: until: the last day"),
];

pub(super) fn kinds() -> Vec<Choice> {
    KIND_MEANINGS
        .iter()
        .map(|(k, m)| {
            Choice::new(
                k.as_str(),
                lsp::CompletionItemKind::KEYWORD,
                Some(m.to_string()),
            )
        })
        .collect()
}

pub(super) fn people(a: &Analysis) -> Vec<Choice> {
    let j = &a.journal;
    let mut out: Vec<Choice> = Vec::new();
    for b in &j.bosses {
        if !out.iter().any(|c| c.label[1..] == b.id) {
            let detail = format!("boss: {}", b.display());
            out.push(Choice::new(
                format!("@{}", b.id),
                lsp::CompletionItemKind::VARIABLE,
                Some(detail),
            ));
        }
    }
    for i in 0..j.people.len() {
        let name = j.people.name(i as u32);
        if !out.iter().any(|c| &c.label[1..] == name) {
            out.push(Choice::new(
                format!("@{name}"),
                lsp::CompletionItemKind::VARIABLE,
                None,
            ));
        }
    }
    out
}

pub(super) fn tags(a: &Analysis) -> Vec<Choice> {
    let j = &a.journal;
    let mut ids: Vec<_> = j.priorities.iter().map(|p| p.key).collect();
    ids.extend(j.scope.iter().copied());
    ids.extend(j.tag_refs.iter().copied());
    let mut out: Vec<Choice> = Vec::new();
    for id in ids {
        let label = format!("#{}", j.tag_name(id));
        if out.iter().any(|c| c.label == label) {
            continue;
        }
        let detail = match j.priorities.iter().find(|p| p.key == id) {
            Some(p) => p
                .state_on(a.today)
                .map(|s| {
                    if s.is_active() {
                        format!("priority: {}", s.title)
                    } else {
                        format!("priority: {} ({})", s.title, s.standing())
                    }
                })
                .or(Some("priority".into())),
            None if j.scope.contains(&id) => Some("in scope".into()),
            None => None,
        };
        out.push(Choice::new(
            label,
            lsp::CompletionItemKind::CONSTANT,
            detail,
        ));
    }
    out
}

/// The handles that fit: `done`/`slip` and actions name open promises, `decision` a pitch or
/// problem, a re-`pitch` a pitch; a new `promise` or `problem` names a new handle.
pub(super) fn handles(a: &Analysis, place: Place) -> Vec<Choice> {
    let j = &a.journal;
    let open_promise = |h: &Handle| h.kind == HandleKind::Promise && h.done.is_none();
    let fits: Box<dyn Fn(&Handle) -> bool> = match place {
        Place::Entry {
            kind: Kind::Done | Kind::Slip,
            first_word: false,
            ..
        }
        | Place::Action { .. } => Box::new(open_promise),
        Place::Entry {
            kind: Kind::Decision,
            first_word: false,
            ..
        } => Box::new(|h: &Handle| h.kind != HandleKind::Promise),
        Place::Entry {
            kind: Kind::Pitch,
            first_word: false,
            ..
        } => Box::new(|h: &Handle| h.kind == HandleKind::Pitch),
        Place::Entry {
            kind: Kind::Promise | Kind::Problem,
            first_word: false,
            ..
        } => {
            return Vec::new();
        }
        _ => Box::new(|_: &Handle| true),
    };
    j.handles
        .iter()
        .filter(|h| fits(h))
        .map(|h| {
            let def = &j.entries[h.def as usize];
            let due = def
                .fields
                .due
                .map_or(String::new(), |d| format!(" (due {d})"));
            let text = crate::lsp::navigate::described(j, def, &h.name);
            let detail = format!("{}: {text}{due}", h.kind.as_str());
            Choice::new(
                format!("^{}", h.name),
                lsp::CompletionItemKind::REFERENCE,
                Some(detail),
            )
        })
        .collect()
}

/// Field keys the entry (or boss, or action) takes and does not have yet.
pub(super) fn keys(a: &Analysis, place: Place) -> Vec<Choice> {
    let (host, header, body) = match place {
        Place::Entry {
            kind,
            header,
            first_word,
        } => (FieldHost::Entry(kind), Some(header), first_word),
        Place::Action { .. } => (FieldHost::Action, None, false),
        Place::Boss { first_word: true } => (FieldHost::Boss, None, true),
        _ => return Vec::new(),
    };
    let entry = header.and_then(|h| {
        a.journal
            .entries
            .iter()
            .find(|e| e.file == a.file && e.line == h)
    });
    FieldKey::ALL
        .iter()
        .filter(|k| k.taken_by(host))
        .filter(|k| entry.is_none_or(|e| !e.fields.has(**k)))
        .map(|k| {
            let mut c = Choice::new(
                format!("{k}:"),
                lsp::CompletionItemKind::FIELD,
                Some(k.takers()),
            );
            if body {
                c.insert.push(' ');
            }
            c
        })
        .collect()
}

pub(super) fn values(a: &Analysis, place: Place, key: FieldKey) -> Vec<Choice> {
    let kind = match place {
        Place::Entry { kind, .. } => Some(kind),
        _ => None,
    };
    let date = |d: NaiveDate, what: &str| (d.to_string(), Some(what.to_string()));
    let words = |ws: &[&str]| ws.iter().map(|w| (w.to_string(), None)).collect::<Vec<_>>();
    let list: Vec<(String, Option<String>)> = match key {
        FieldKey::Due | FieldKey::Until | FieldKey::Since => {
            let week = a.today.checked_add_days(Days::new(7)).unwrap_or(a.today);
            vec![date(a.today, "today"), date(week, "in a week")]
        }
        FieldKey::Rank => words(&["1", "2", "3", "4", "5"]),
        FieldKey::Status if kind == Some(Kind::Done) => words(&["dropped"]),
        FieldKey::Status => words(&["active", "done", "dropped"]),
        FieldKey::Dur => words(&["15m", "30m", "45m", "1h", "1h30m"]),
        FieldKey::Via => words(&["slack", "email", "doc", "meeting"]),
        FieldKey::Tone => words(&["positive", "negative", "mixed", "neutral"]),
        FieldKey::Outcome => words(&["accepted", "declined", "parked"]),
        FieldKey::Informed => {
            let mut v = words(&["yes", "no"]);
            v.extend(
                a.journal
                    .bosses
                    .iter()
                    .map(|b| (format!("@{}", b.id), Some(b.display().to_string()))),
            );
            v
        }
        FieldKey::Allow => RULES.iter().map(|r| (r.code.to_string(), None)).collect(),
        FieldKey::Cadence | FieldKey::Updates => words(&[
            "daily", "weekly", "biweekly", "monthly", "2/week", "2/month", "none",
        ]),
        FieldKey::Detail => words(&["concise", "detailed"]),
        FieldKey::Words => words(&["120", "150", "250", "400"]),
        FieldKey::Impact | FieldKey::Solution | FieldKey::Channel => Vec::new(),
    };
    list.into_iter()
        .map(|(v, detail)| {
            let mut c = Choice::new(v, lsp::CompletionItemKind::VALUE, detail);
            c.value = true;
            c
        })
        .collect()
}
