//! What stands under the cursor (a handle, a tag, a person), its hover text and its definition.

use lsp_types as lsp;

use super::convert;
use super::documents::Analysis;
use crate::diag::Span;
use crate::model::{Entry, Handle, HandleKind, Journal, PersonId, TagId, Verdict};
use crate::syntax::{FieldKey, TokenKind};

/// A name the cursor can stand on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Handle(String),
    Tag(String),
    Person(String),
}

/// The handle, tag or person at a byte offset of the document, and its span.
pub fn target_at(a: &Analysis, offset: usize) -> Option<(Target, Span)> {
    let source = a.source();
    let doc = a.doc();
    let line = source.line_index(offset as u32) as u32;
    if line as usize >= doc.lines.len() {
        return None;
    }
    let tokens = doc.line_tokens(line);
    let span = |start: u32, end: u32| Span {
        file: a.file,
        start,
        end,
    };
    for (i, t) in tokens.iter().enumerate() {
        if !(t.start() as usize <= offset && offset <= t.end() as usize) {
            continue;
        }
        let text = &source.text[t.name_range()];
        let target = match t.kind() {
            TokenKind::Handle => Target::Handle(text.to_string()),
            TokenKind::Tag => Target::Tag(text.to_lowercase()),
            TokenKind::Person => Target::Person(text.to_lowercase()),
            // `informed:@maria` names a person inside a field's value.
            TokenKind::FieldValue
                if i > 0
                    && tokens[i - 1].kind() == TokenKind::FieldKey(FieldKey::Informed)
                    && source.text[t.range()].starts_with('@') =>
            {
                Target::Person(text.to_lowercase())
            }
            _ => continue,
        };
        return Some((target, span(t.start(), t.end())));
    }
    None
}

/// The hover text of what is under the cursor.
pub fn hover(a: &Analysis, offset: usize) -> Option<lsp::Hover> {
    let (target, span) = target_at(a, offset)?;
    let j = &a.journal;
    let text = match &target {
        Target::Handle(name) => handle_text(a, j.handle(j.handle_named(name)?)),
        Target::Tag(name) => tag_text(a, j.tags.get(name)?),
        Target::Person(name) => person_text(a, name)?,
    };
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: text,
        }),
        range: Some(convert::span_range(j, span)),
    })
}

/// Where what is under the cursor is defined: a handle's defining entry, a priority's first
/// entry, a boss's `boss` lines.
pub fn definition(a: &Analysis, offset: usize) -> Option<lsp::GotoDefinitionResponse> {
    let (target, _) = target_at(a, offset)?;
    let j = &a.journal;
    let spans: Vec<Span> = match &target {
        Target::Handle(name) => {
            let def = &j.entries[j.handle(j.handle_named(name)?).def as usize];
            vec![j.handle_span(def).unwrap_or_else(|| j.entry_span(def))]
        }
        Target::Tag(name) => {
            let key = j.tags.get(name)?;
            let p = j.priorities.iter().find(|p| p.key == key)?;
            vec![j.entry_span(&j.entries[p.changes.first()?.entry as usize])]
        }
        Target::Person(name) => j
            .bosses
            .iter()
            .filter(|b| b.id == *name)
            .map(|b| b.span)
            .collect(),
    };
    let locations: Vec<lsp::Location> = spans
        .into_iter()
        .filter_map(|s| convert::location(j, s))
        .collect();
    match locations.len() {
        0 => None,
        1 => locations
            .into_iter()
            .next()
            .map(lsp::GotoDefinitionResponse::Scalar),
        _ => Some(lsp::GotoDefinitionResponse::Array(locations)),
    }
}

/// An entry's description without the `^handle` it is about.
pub fn described(j: &Journal, e: &Entry, handle: &str) -> String {
    let own = format!("^{handle}");
    let text = j.text(e);
    text.split(' ')
        .filter(|w| *w != own)
        .collect::<Vec<_>>()
        .join(" ")
}

fn where_is(j: &Journal, e: &Entry) -> String {
    let source = j.sources.get(e.file);
    let name = std::path::Path::new(&source.name)
        .file_name()
        .map_or(source.name.clone(), |n| n.to_string_lossy().into_owned());
    format!("{name}:{}", source.position(j.entry_span(e).start).line)
}

/// A handle's defining entry and where it stands today.
pub fn handle_text(a: &Analysis, h: &Handle) -> String {
    let j = &a.journal;
    let def = &j.entries[h.def as usize];
    let mut out = format!(
        "**{} ^{}** — {}\n\ndefined {} ({})",
        h.kind.as_str(),
        h.name,
        described(j, def, &h.name),
        def.date,
        where_is(j, def)
    );
    let status = match h.kind {
        HandleKind::Promise => promise_status(a, h),
        HandleKind::Pitch | HandleKind::Problem => {
            let pitches = if h.kind == HandleKind::Pitch && h.pitch_count() > 1 {
                format!("pitched {} times; ", h.pitch_count())
            } else {
                String::new()
            };
            match h.decisions.last().map(|&d| &j.entries[d as usize]) {
                Some(d) => format!(
                    "{pitches}{} on {}",
                    d.fields.outcome.map_or("decided", |o| o.as_str()),
                    d.date
                ),
                None => format!("{pitches}no decision yet"),
            }
        }
    };
    out.push_str(" · ");
    out.push_str(&status);
    out
}

/// A promise's one verdict today (docs/language.md §4), with its due date in force.
fn promise_status(a: &Analysis, h: &Handle) -> String {
    let j = &a.journal;
    let standing = j.verdict(h, a.today);
    let mut due_text = standing.due.map_or(String::new(), |d| format!(", due {d}"));
    // After a late slip, the date the boss now expects differs from the one in force.
    if let Some(expected) = j
        .due_expected(h, a.today)
        .filter(|&d| Some(d) != standing.due)
    {
        due_text.push_str(&format!(" (late slip to {expected})"));
    }
    let slips = match h.slips.len() {
        0 => String::new(),
        n => format!(", slipped {n}×"),
    };
    let done = standing.done.map(|d| j.entries[d as usize].date);
    let done = done.map_or(String::new(), |d| d.to_string());
    match standing.verdict {
        Verdict::Dropped => format!("dropped on {done}{slips}"),
        Verdict::Kept | Verdict::Late => {
            let word = standing.verdict.as_str();
            format!("done on {done} ({word}){due_text}{slips}")
        }
        Verdict::Broken => format!("**broken**{due_text}{slips}"),
        Verdict::Open => format!("open{due_text}{slips}"),
    }
}

fn tag_text(a: &Analysis, tag: TagId) -> String {
    let j = &a.journal;
    let name = j.tag_name(tag);
    let uses: Vec<&Entry> = j
        .entries
        .iter()
        .filter(|e| j.tags_of(e).iter().any(|t| j.tags.is_under(*t, tag)))
        .collect();
    let mut out = match j.priorities.iter().find(|p| p.key == tag) {
        Some(p) => {
            let state = p.state_on(a.today).or_else(|| {
                p.changes
                    .last()
                    .and_then(|c| p.state_on(c.date.max(a.today)))
            });
            let mut s = format!("**priority #{name}**");
            if let Some(state) = &state {
                let status = state.standing();
                s.push_str(&format!(" — {}\n\n{status}", state.title));
                if let Some(rank) = state.rank {
                    s.push_str(&format!(" · rank {rank}"));
                }
                if let Some(due) = state.due {
                    s.push_str(&format!(" · due {due}"));
                }
                s.push_str(&format!(" · since {}", state.since));
            }
            let owners = state.as_ref().map_or(p.bosses, |s| s.owners);
            let bosses: Vec<String> = owners.iter().map(|b| boss_name(j, b)).collect();
            if !bosses.is_empty() {
                s.push_str(&format!(" · {}", bosses.join(", ")));
            }
            s
        }
        None => format!("**#{name}**"),
    };
    out.push_str(&format!("\n\n{} entr{}", uses.len(), plural_y(uses.len())));
    if let Some(last) = uses.last() {
        out.push_str(&format!(", last on {}", last.date));
    }
    if j.scope.iter().any(|s| j.tags.is_under(tag, *s)) {
        out.push_str(" · in scope");
    }
    out
}

fn boss_name(j: &Journal, id: crate::model::BossId) -> String {
    let b = j.boss(id);
    format!("@{} ({})", b.id, b.display())
}

fn person_text(a: &Analysis, name: &str) -> Option<String> {
    let j = &a.journal;
    let bosses: Vec<_> = j.bosses.iter().filter(|b| b.id == name).collect();
    let mut out = String::new();
    for b in &bosses {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&format!("**boss @{}** — {}\n\n", b.id, b.display()));
        let mut facts = vec![
            format!("check-ins {}", b.cadence.describe()),
            format!("updates {}", b.updates.describe()),
            b.detail.as_str().to_string(),
        ];
        if let Some(words) = b.words {
            facts.push(format!("{words} words"));
        }
        if let Some(channel) = &b.channel {
            facts.push(channel.clone());
        }
        match (b.since, b.until) {
            (Some(s), Some(u)) => facts.push(format!("{s} to {u}")),
            (Some(s), None) => facts.push(format!("since {s}")),
            (None, Some(u)) => facts.push(format!("until {u}")),
            (None, None) => {}
        }
        if !b.active_on(a.today) {
            facts.push("not active today".into());
        }
        out.push_str(&facts.join(" · "));
    }
    let id = j.people.get(name).map(PersonId);
    let named: Vec<&Entry> = j
        .entries
        .iter()
        .filter(|e| id.is_some_and(|p| j.people_of(e).contains(&p)))
        .collect();
    if bosses.is_empty() {
        id?;
        out.push_str(&format!("**@{name}**"));
    }
    out.push_str(&format!(
        "\n\nnamed in {} entr{}",
        named.len(),
        plural_y(named.len())
    ));
    if let Some(last) = named.last() {
        out.push_str(&format!(", last on {}", last.date));
    }
    Some(out)
}

fn plural_y(n: usize) -> &'static str {
    if n == 1 { "y" } else { "ies" }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::{Analysis, hover};
    use crate::diag::FileId;
    use crate::model::Journal;

    fn hover_text(text: &str, today: &str, word: &str) -> String {
        let journal = Journal::from_text("t.up", text);
        let a = Analysis {
            journal: Rc::new(journal),
            file: FileId(0),
            today: crate::syntax::calendar_date(today).expect("date"),
        };
        let offset = text.rfind(word).expect("word") + 1;
        let h = hover(&a, offset).expect("hover");
        match h.contents {
            lsp_types::HoverContents::Markup(m) => m.value,
            other => panic!("{other:?}"),
        }
    }

    /// A priority's hover says whose it is today and that a former boss's is not active
    /// (docs/language.md §4).
    #[test]
    fn a_priority_hover_follows_its_boss_over_time() {
        let text = "boss @ann Ann\n  until: 2026-03-11\nboss @bob Bob\n  since: 2026-03-12\n\
                    2026-03-02 priority #api @ann rank:1 Ship the API\n\
                    2026-04-01 priority #api @bob rank:2 Ship the public API\n";
        let before = hover_text(text, "2026-03-20", "#api");
        assert!(before.contains("not active: its boss has left"), "{before}");
        assert!(
            before.contains("@ann (Ann)") && !before.contains("@bob"),
            "{before}"
        );
        let after = hover_text(text, "2026-04-02", "#api");
        assert!(after.contains("active · rank 2"), "{after}");
        assert!(after.contains("since 2026-04-01 · @bob (Bob)"), "{after}");
    }
}
