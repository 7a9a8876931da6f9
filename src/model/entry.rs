//! The model's entries, body items, bosses and handles.

use std::num::NonZeroU32;

use chrono::NaiveDate;

use super::intern::{PersonId, TagId};
use super::settings::CodeSet;
use super::values::{Detail, Minutes, Outcome, Rhythm, Status, Tone};
use crate::diag::{FileId, Span};
use crate::syntax::{ActionState, Clock, FieldKey, Kind};

/// Index of an entry in [`super::Journal::entries`] (sorted by date, time, load order).
pub type EntryId = u32;

/// Index of a boss directive in [`super::Journal::bosses`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BossId(pub u8);

/// The most `boss` directives one journal may hold.
pub const MAX_BOSSES: usize = 64;

/// A set of bosses, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct BossSet(pub u64);

impl BossSet {
    pub fn one(id: BossId) -> Self {
        BossSet(1 << id.0)
    }

    pub fn insert(&mut self, id: BossId) {
        self.0 |= 1 << id.0;
    }

    pub fn contains(self, id: BossId) -> bool {
        self.0 & (1 << id.0) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The bosses in the set, by id, visiting only the bits that are set.
    pub fn iter(self) -> impl Iterator<Item = BossId> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let b = bits.trailing_zeros() as u8;
                bits &= bits - 1;
                BossId(b)
            })
        })
    }
}

/// Who was told about an escalation or initiative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Informed {
    Person(PersonId),
    Yes,
    No,
}

/// The typed fields of an entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields {
    pub due: Option<NaiveDate>,
    pub rank: Option<NonZeroU32>,
    pub status: Option<Status>,
    pub dur: Option<Minutes>,
    pub tone: Option<Tone>,
    pub outcome: Option<Outcome>,
    pub until: Option<NaiveDate>,
    pub informed: Option<Informed>,
    pub allow: CodeSet,
    /// Keys written on the entry, valid or not, one bit per [`FieldKey`].
    pub present: u32,
}

impl Fields {
    pub fn has(&self, key: FieldKey) -> bool {
        self.present & (1 << key as u32) != 0
    }
}

/// Indices `start..end` into one of the journal's shared lists: eight bytes where a
/// `Range<usize>` takes sixteen, in a struct there is one of per entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Run {
    pub start: u32,
    pub end: u32,
}

impl Run {
    pub fn new(start: u32, end: u32) -> Self {
        Run { start, end }
    }

    /// The run's part of `all`.
    pub fn of<T>(self, all: &[T]) -> &[T] {
        &all[self.start as usize..self.end as usize]
    }
}

// A million-entry journal keeps a million of each: their size is part of the design.
const _: () = assert!(std::mem::size_of::<Entry>() == 96 && std::mem::size_of::<Item>() == 36);

/// One entry of the journal.
#[derive(Clone, Debug)]
pub struct Entry {
    pub file: FileId,
    /// The header line's index in its document.
    pub line: u32,
    pub date: NaiveDate,
    pub time: Option<Clock>,
    pub kind: Kind,
    pub bosses: BossSet,
    /// The handle the entry defines, closes, moves, decides or refers to, when that is valid.
    pub handle: Option<HandleId>,
    /// Tags of the header and body, in [`super::Journal::tag_refs`].
    pub tags: Run,
    /// People named in the header outside field values, in [`super::Journal::person_refs`].
    pub people: Run,
    /// Body items, in [`super::Journal::items`].
    pub items: Run,
    /// Just past the last body line (from the syntax tree); the body starts below the header.
    pub body_end: u32,
    pub fields: Fields,
}

impl Entry {
    /// The lines of the body, trivia between them included.
    pub fn body(&self) -> std::ops::Range<u32> {
        self.line + 1..self.body_end
    }
}

/// The form of a body item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemForm {
    Note,
    Action(ActionState),
    Question,
    Quote,
}

/// A note, action, question or quote in an entry's body, with its continuation lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub form: ItemForm,
    pub file: FileId,
    /// First and last line (inclusive) in the document.
    pub lines: (u32, u32),
    /// An action's owner: `None` means you.
    pub owner: Option<PersonId>,
    pub due: Option<NaiveDate>,
    pub handle: Option<HandleId>,
}

/// Index of a handle in [`super::Journal::handles`].
pub type HandleId = u32;

/// What defined a handle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandleKind {
    Promise,
    Pitch,
    Problem,
}

impl HandleKind {
    pub fn of(kind: Kind) -> Option<HandleKind> {
        match kind {
            Kind::Promise => Some(HandleKind::Promise),
            Kind::Pitch => Some(HandleKind::Pitch),
            Kind::Problem => Some(HandleKind::Problem),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            HandleKind::Promise => "promise",
            HandleKind::Pitch => "pitch",
            HandleKind::Problem => "problem",
        }
    }
}

/// A promise, pitch or problem, and what happened to it.
#[derive(Clone, Debug)]
pub struct Handle {
    pub name: Box<str>,
    pub kind: HandleKind,
    /// The defining entry (the first pitch, for pitches).
    pub def: EntryId,
    /// The pitches of a pitch handle after the first, in order.
    pub repitches: Vec<EntryId>,
    pub slips: Vec<EntryId>,
    /// The first `done`.
    pub done: Option<EntryId>,
    pub decisions: Vec<EntryId>,
}

impl Handle {
    /// Every pitch of a pitch handle, in order: the defining entry, then each re-pitch.
    pub fn pitches(&self) -> impl DoubleEndedIterator<Item = EntryId> + '_ {
        std::iter::once(self.def).chain(self.repitches.iter().copied())
    }

    pub fn pitch_count(&self) -> usize {
        1 + self.repitches.len()
    }
}

/// One `boss` directive.
#[derive(Clone, Debug)]
pub struct Boss {
    pub person: PersonId,
    /// The id as written, without `@`, lowercased.
    pub id: String,
    pub name: String,
    pub cadence: Rhythm,
    pub updates: Rhythm,
    pub detail: Detail,
    pub words: Option<u32>,
    pub channel: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// The directive's line.
    pub span: Span,
}

impl Boss {
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.since.is_none_or(|s| s <= date) && self.until.is_none_or(|u| date <= u)
    }

    /// A display name: the name, else the id.
    pub fn display(&self) -> &str {
        if self.name.is_empty() {
            &self.id
        } else {
            &self.name
        }
    }
}

/// A leave: gaps and streaks pause from `from` to `until` inclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Away {
    pub from: NaiveDate,
    pub until: NaiveDate,
    /// `None`: every boss.
    pub bosses: Option<BossSet>,
    pub entry: EntryId,
}

/// A change a `priority` entry makes from its date on.
#[derive(Clone, Debug, PartialEq)]
pub struct PriorityChange {
    pub entry: EntryId,
    pub date: NaiveDate,
    pub rank: Option<u32>,
    pub status: Option<Status>,
    pub due: Option<NaiveDate>,
    pub title: Option<String>,
    /// Whose priority it is from this entry on: the bosses it names or defaults to
    /// (docs/language.md §3), else those it had.
    pub owners: BossSet,
    /// The last day of the latest of `owners` (`until:`); `None` while one has no end.
    pub owners_until: Option<NaiveDate>,
    /// Whether this entry made the priority its owners' (the first entry, or one naming or
    /// defaulting to other bosses): the priority starts over from it, as if new.
    pub takes_over: bool,
}

/// A boss's priority and its history.
#[derive(Clone, Debug)]
pub struct Priority {
    pub key: TagId,
    /// Whose it is after its last entry.
    pub bosses: BossSet,
    pub changes: Vec<PriorityChange>,
}

/// A priority as it stands on one date.
#[derive(Clone, Debug, PartialEq)]
pub struct PriorityState {
    pub rank: Option<u32>,
    pub status: Status,
    pub due: Option<NaiveDate>,
    pub title: String,
    /// The day it became its owners' (its age counts from then).
    pub since: NaiveDate,
    /// The entry from which it is its owners'.
    pub since_entry: EntryId,
    /// Whose priority it is.
    pub owners: BossSet,
    /// Its owners have all left (past their `until:`): a former boss's priority, not active
    /// whatever its status says.
    pub former: bool,
}

impl PriorityState {
    /// Active: neither done nor dropped, and its boss has not left (docs/language.md §4).
    pub fn is_active(&self) -> bool {
        self.status == Status::Active && !self.former
    }

    /// Where it stands in words: its status, or that it is not active because its boss has
    /// left (docs/language.md §4).
    pub fn standing(&self) -> &'static str {
        match self.status {
            Status::Active if self.former => "not active: its boss has left",
            other => other.as_str(),
        }
    }
}

impl Priority {
    /// The priority's state on `date`, or `None` before its first entry. An entry that makes
    /// it another boss's starts it over: rank, due date and status are only what that entry
    /// and later ones give (the title stays until one gives another).
    pub fn state_on(&self, date: NaiveDate) -> Option<PriorityState> {
        let mut state: Option<PriorityState> = None;
        let mut until = None;
        for change in self.changes.iter().take_while(|c| c.date <= date) {
            if change.takes_over || state.is_none() {
                let title = state.take().map(|s| s.title).unwrap_or_default();
                state = Some(PriorityState {
                    rank: None,
                    status: Status::Active,
                    due: None,
                    title,
                    since: change.date,
                    since_entry: change.entry,
                    owners: change.owners,
                    former: false,
                });
            }
            let Some(s) = state.as_mut() else { continue };
            s.owners = change.owners;
            until = change.owners_until;
            if change.rank.is_some() {
                s.rank = change.rank;
            }
            if let Some(status) = change.status {
                s.status = status;
            }
            if change.due.is_some() {
                s.due = change.due;
            }
            if let Some(title) = &change.title {
                s.title = title.clone();
            }
        }
        if let Some(s) = state.as_mut() {
            s.former = until.is_some_and(|u| u < date);
        }
        state
    }

    pub fn first_date(&self) -> Option<NaiveDate> {
        self.changes.first().map(|c| c.date)
    }
}

#[cfg(test)]
mod tests {
    use super::{BossId, BossSet};

    #[test]
    fn a_boss_set_lists_its_members_in_order() {
        let mut set = BossSet::default();
        for id in [63, 0, 5] {
            set.insert(BossId(id));
        }
        let ids: Vec<u8> = set.iter().map(|b| b.0).collect();
        assert_eq!(ids, [0, 5, 63]);
        assert_eq!(BossSet::default().iter().count(), 0);
    }
}
