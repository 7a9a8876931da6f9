//! Journal → export model. Reads the built journal only; no I/O, no today.

use crate::diag::Span;
use crate::model::text::WordKind;
use crate::model::{self, BossSet, Informed, ItemForm, Journal};
use crate::rules::codes::RULES;
use crate::syntax::ActionState;
use crate::syntax::FieldKey;

use super::model::{Boss, Entry, Export, Fields, Item, Priority, PriorityChange, VERSION};

/// The whole journal as the export model.
pub fn export(journal: &Journal) -> Export {
    Export {
        version: VERSION,
        bosses: journal.bosses.iter().map(|b| boss(journal, b)).collect(),
        scope: unique(
            journal
                .scope
                .iter()
                .map(|&t| journal.tag_name(t).to_string()),
        ),
        priorities: journal
            .priorities
            .iter()
            .map(|p| priority(journal, p))
            .collect(),
        entries: journal.entries.iter().map(|e| entry(journal, e)).collect(),
    }
}

fn file_line(journal: &Journal, span: Span) -> (String, u32) {
    let name = journal.sources.get(span.file).name.clone();
    (name, journal.sources.position(span).line)
}

fn boss(journal: &Journal, b: &model::Boss) -> Boss {
    let (file, line) = file_line(journal, b.span);
    Boss {
        id: b.id.clone(),
        name: b.name.clone(),
        cadence: b.cadence.describe(),
        updates: b.updates.describe(),
        detail: b.detail.as_str().to_string(),
        words: b.words,
        channel: b.channel.clone(),
        since: b.since,
        until: b.until,
        file,
        line,
    }
}

/// The ids of a set of bosses, each once (one person may hold several `boss` directives).
fn boss_ids(journal: &Journal, set: BossSet) -> Vec<String> {
    unique(set.iter().map(|b| journal.boss(b).id.clone()))
}

fn priority(journal: &Journal, p: &model::Priority) -> Priority {
    let changes = p
        .changes
        .iter()
        .map(|c| {
            let e = &journal.entries[c.entry as usize];
            let (file, line) = file_line(journal, journal.entry_span(e));
            PriorityChange {
                date: c.date,
                bosses: boss_ids(journal, e.bosses),
                rank: c.rank,
                status: c.status.map(|s| s.as_str().to_string()),
                due: c.due,
                title: c.title.clone(),
                file,
                line,
            }
        })
        .collect();
    Priority {
        key: journal.tag_name(p.key).to_string(),
        bosses: boss_ids(journal, p.bosses),
        changes,
    }
}

fn entry(journal: &Journal, e: &model::Entry) -> Entry {
    let (file, line) = file_line(journal, journal.entry_span(e));
    let handle = journal
        .handle_span(e)
        .map(|s| journal.value(s).trim_start_matches('^').to_string());
    Entry {
        kind: e.kind.as_str().to_string(),
        date: e.date,
        time: e.time.map(|t| t.to_string()),
        bosses: boss_ids(journal, e.bosses),
        text: journal.text(e),
        tags: unique(
            journal
                .tags_of(e)
                .iter()
                .map(|&t| journal.tag_name(t).to_string()),
        ),
        people: unique(
            journal
                .people_of(e)
                .iter()
                .map(|&p| journal.person_name(p).to_string()),
        ),
        handle,
        fields: fields(journal, e),
        items: journal
            .items_of(e)
            .iter()
            .map(|i| item(journal, i))
            .collect(),
        file,
        line,
    }
}

fn fields(journal: &Journal, e: &model::Entry) -> Fields {
    let f = &e.fields;
    let text = |key: FieldKey| journal.field_text(e, key).map(str::to_string);
    Fields {
        due: f.due,
        rank: f.rank.map(std::num::NonZeroU32::get),
        status: f.status.map(|s| s.as_str().to_string()),
        dur: f.dur.map(model::values::Minutes::get),
        via: text(FieldKey::Via),
        tone: f.tone.map(|t| t.as_str().to_string()),
        outcome: f.outcome.map(|o| o.as_str().to_string()),
        until: f.until,
        impact: text(FieldKey::Impact),
        informed: f.informed.map(|i| match i {
            Informed::Person(p) => format!("@{}", journal.person_name(p)),
            Informed::Yes => "yes".to_string(),
            Informed::No => "no".to_string(),
        }),
        solution: text(FieldKey::Solution),
        allow: RULES
            .iter()
            .enumerate()
            .filter(|(i, _)| f.allow.contains(*i))
            .map(|(_, r)| r.code.to_string())
            .collect(),
    }
}

fn item(journal: &Journal, i: &model::Item) -> Item {
    let (form, state) = match i.form {
        ItemForm::Note => ("note", None),
        ItemForm::Question => ("question", None),
        ItemForm::Quote => ("quote", None),
        ItemForm::Action(state) => (
            "action",
            Some(match state {
                ActionState::Open => "open",
                ActionState::Done => "done",
                ActionState::Dropped => "dropped",
            }),
        ),
    };
    let words = (i.lines.0..=i.lines.1)
        .flat_map(|l| journal.line_words(i.file, l))
        .filter(|w| w.kind != WordKind::Field)
        .map(|w| w.text);
    Item {
        form: form.to_string(),
        state: state.map(str::to_string),
        owner: i.owner.map(|p| journal.person_name(p).to_string()),
        due: i.due,
        handle: i.handle.map(|h| journal.handle(h).name.to_string()),
        text: model::text::join(words),
        line: journal.sources.position(journal.item_span(i)).line,
    }
}

/// Keeps the first of each value, in order.
fn unique(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}
