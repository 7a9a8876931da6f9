//! Syntax → meaning: the journal as entries, bosses, handles, priorities over time, leave,
//! scope and settings, with every semantic error of docs/language.md §1–4.

mod entry;
mod files;
mod handles;
mod intern;
pub mod load;
mod lower;
mod order;
mod resolve;
pub mod settings;
pub mod text;
pub mod values;
mod verdict;

use chrono::NaiveDate;

pub use entry::*;
pub use intern::{Names, PersonId, TagId, Tags};
pub use load::{Disk, LoadError, Loaded, Overlay, Reader, load};
pub use settings::Settings;
pub use values::{Detail, Outcome, Rhythm, Status, Tone};
pub use verdict::{Standing, Verdict};

use crate::diag::{Diagnostic, Span};
use crate::source::Sources;
use crate::syntax::{Document, FieldKey, Kind, LineKind, TokenKind};
use text::WordKind;

/// A whole journal, read and resolved. Built once; every later stage only reads it.
#[derive(Debug, Default)]
pub struct Journal {
    pub sources: Sources,
    pub docs: Vec<Document>,
    /// Sorted by (date, time, load order); entries without a time first within a day.
    pub entries: Vec<Entry>,
    pub bosses: Vec<Boss>,
    pub handles: Vec<Handle>,
    pub priorities: Vec<Priority>,
    pub aways: Vec<Away>,
    pub scope: Vec<TagId>,
    pub settings: Settings,
    pub tags: Tags,
    pub people: Names,
    pub tag_refs: Vec<TagId>,
    pub person_refs: Vec<PersonId>,
    pub items: Vec<Item>,
    /// Parse and model errors, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// The ids of the entries of each kind, in journal order ([`Journal::of_kind`]).
    kinds: Vec<Vec<EntryId>>,
}

impl Journal {
    /// Builds the model from loaded files. Never fails: errors are in `diagnostics`.
    pub fn build(loaded: Loaded) -> Journal {
        let mut lowered = lower::lower(&loaded);
        order::sort_entries(&mut lowered);
        let uses = std::mem::take(&mut lowered.handle_uses);
        let mut diagnostics = loaded.diagnostics;
        diagnostics.append(&mut lowered.diagnostics);
        let mut journal = Journal {
            sources: loaded.sources,
            docs: loaded.docs,
            entries: lowered.entries,
            bosses: lowered.bosses,
            handles: Vec::new(),
            priorities: Vec::new(),
            aways: Vec::new(),
            scope: lowered.scope,
            settings: lowered.settings,
            tags: lowered.tags,
            people: lowered.people,
            tag_refs: lowered.tag_refs,
            person_refs: lowered.person_refs,
            items: lowered.items,
            diagnostics,
            kinds: Vec::new(),
        };
        journal.resolve(&uses, &lowered.handle_names);
        journal
    }

    /// Loads and builds a journal held in memory (tests, examples, unsaved buffers); its
    /// includes are read from disk relative to `name`.
    pub fn from_text(name: &str, text: &str) -> Journal {
        let overlay = load::Overlay {
            files: vec![(name.into(), text.to_string())],
        };
        match load::load(&[name.into()], &overlay) {
            Ok(loaded) => Journal::build(loaded),
            Err(_) => Journal::default(),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn tags_of(&self, e: &Entry) -> &[TagId] {
        e.tags.of(&self.tag_refs)
    }

    pub fn people_of(&self, e: &Entry) -> &[PersonId] {
        e.people.of(&self.person_refs)
    }

    pub fn items_of(&self, e: &Entry) -> &[Item] {
        e.items.of(&self.items)
    }

    pub fn boss(&self, id: BossId) -> &Boss {
        &self.bosses[id.0 as usize]
    }

    pub fn boss_ids(&self) -> impl Iterator<Item = BossId> {
        (0..self.bosses.len()).map(|i| BossId(i as u8))
    }

    /// The ids of the entries of `kind`, in journal order.
    pub fn of_kind(&self, kind: Kind) -> &[EntryId] {
        self.kinds.get(kind as usize).map_or(&[], Vec::as_slice)
    }

    pub fn handle(&self, id: HandleId) -> &Handle {
        &self.handles[id as usize]
    }

    pub fn handle_named(&self, name: &str) -> Option<HandleId> {
        self.handles
            .iter()
            .position(|h| *h.name == *name)
            .map(|i| i as HandleId)
    }

    /// True when `date` is a leave day for `boss` (an `away` for every boss, or for this one).
    pub fn is_away(&self, boss: BossId, date: NaiveDate) -> bool {
        self.aways
            .iter()
            .any(|a| a.from <= date && date <= a.until && a.bosses.is_none_or(|s| s.contains(boss)))
    }

    /// The words of one line of a document, classified.
    pub fn line_words(
        &self,
        file: crate::diag::FileId,
        line: u32,
    ) -> impl Iterator<Item = text::Word<'_>> {
        let doc = &self.docs[file.0 as usize];
        text::words(
            &self.sources.get(file).text,
            doc,
            &doc.lines[line as usize],
            line,
        )
    }

    /// The words of an entry's description: its header and the lines that continue it (before
    /// its first body item).
    pub fn description_words(&self, e: &Entry) -> impl Iterator<Item = text::Word<'_>> + '_ {
        let doc = &self.docs[e.file.0 as usize];
        let first_item = self.items_of(e).first().map_or(e.body_end, |i| i.lines.0);
        let continuation = (e.body().start..first_item).filter(move |&l| {
            doc.lines[l as usize].kind == LineKind::Body(crate::syntax::BodyForm::Continuation)
        });
        let file = e.file;
        std::iter::once(e.line)
            .chain(continuation)
            .flat_map(move |l| self.line_words(file, l))
    }

    /// An entry's description: the text of its header and continuation lines, without fields
    /// or comments.
    pub fn text(&self, e: &Entry) -> String {
        text::join(
            self.description_words(e)
                .filter(|w| w.kind != WordKind::Field)
                .map(|w| w.text),
        )
    }

    /// A priority's title: the header's plain words.
    pub fn title(&self, e: &Entry) -> String {
        text::join(
            self.line_words(e.file, e.line)
                .filter(|w| w.kind == WordKind::Text)
                .map(|w| w.text),
        )
    }

    /// A body item's text, with its continuation lines.
    pub fn item_text(&self, item: &Item) -> String {
        text::join(
            (item.lines.0..=item.lines.1)
                .flat_map(|l| self.line_words(item.file, l))
                .map(|w| w.text),
        )
    }

    /// The words of an entry that count toward an update's length: plain text of the
    /// description and body, not tags, people, handles, fields or comments.
    pub fn word_count(&self, e: &Entry) -> usize {
        let doc = &self.docs[e.file.0 as usize];
        let body = e.body().filter(|&l| {
            matches!(doc.lines[l as usize].kind, LineKind::Body(b) if !matches!(b, crate::syntax::BodyForm::Field(_)))
        });
        std::iter::once(e.line)
            .chain(body)
            .flat_map(|l| self.line_words(e.file, l))
            .filter(|w| w.kind == WordKind::Text)
            .count()
    }

    /// The text at `span`.
    pub fn value(&self, span: Span) -> &str {
        self.sources.text(span)
    }

    /// An item's first line past its marker: where diagnostics about the item point.
    pub fn item_span(&self, item: &Item) -> Span {
        let line = &self.docs[item.file.0 as usize].lines[item.lines.0 as usize];
        Span::new(item.file, line.text_start as usize, line.end as usize)
    }

    /// The header line's content: where diagnostics about the entry point.
    pub fn entry_span(&self, e: &Entry) -> Span {
        let line = &self.docs[e.file.0 as usize].lines[e.line as usize];
        Span::new(e.file, line.start as usize, line.end as usize)
    }

    /// Where the header's `^handle` stands, valid or not: its first handle.
    pub fn handle_span(&self, e: &Entry) -> Option<Span> {
        let doc = &self.docs[e.file.0 as usize];
        doc.line_tokens(e.line)
            .iter()
            .find(|t| t.kind() == TokenKind::Handle)
            .map(|t| Span::new(e.file, t.start() as usize, t.end() as usize))
    }

    /// Where the value of a free-text field (`impact:`, `via:`, `solution:`) stands, when the
    /// entry has it: the first one written, on the header or a field line, as the model read
    /// it. Free text is never invalid, so only where it stands needs finding.
    pub fn field_span(&self, e: &Entry, key: FieldKey) -> Option<Span> {
        if !e.fields.has(key) {
            return None;
        }
        let doc = &self.docs[e.file.0 as usize];
        let field_lines = e.body().filter(|&l| {
            matches!(
                doc.lines[l as usize].kind,
                LineKind::Body(crate::syntax::BodyForm::Field(_))
            )
        });
        std::iter::once(e.line)
            .chain(field_lines)
            .flat_map(|l| doc.line_fields(l))
            .find(|(k, _, _)| *k == key)
            .map(|(_, _, v)| Span::new(e.file, v.start() as usize, v.end() as usize))
    }

    /// The value of a free-text field (`impact:`, `via:`, `solution:`), when the entry has it.
    pub fn field_text(&self, e: &Entry, key: FieldKey) -> Option<&str> {
        self.field_span(e, key).map(|s| self.value(s))
    }

    pub fn person_name(&self, id: PersonId) -> &str {
        self.people.name(id.0)
    }

    pub fn tag_name(&self, id: TagId) -> &str {
        self.tags.name(id)
    }
}
