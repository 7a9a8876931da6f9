//! Whole-journal meaning: entry order, handles, bosses of entries, priorities over time, leave.

use super::Journal;
use chrono::NaiveDate;

use super::entry::{
    Away, BossId, BossSet, EntryId, Handle, HandleKind, Informed, Priority, PriorityChange,
};
use super::intern::FastMap;
use super::lower::{HandleUse, Lowered, WHEN_TIME_BITS, when};
use crate::diag::Span;
use crate::diag::{Diagnostic, codes};
use crate::syntax::Kind;

/// Sorts entries by (date, time, load order), untimed entries first within a day, and fixes up
/// the handle uses that refer to entries by load order. Returns each entry's index by load order.
///
/// Entries are large, so their order is found on small keys and then applied in place.
pub fn sort_entries(lowered: &mut Lowered) -> Vec<u32> {
    let entries = &mut lowered.entries;
    // Entries are lowered in load order: an entry's index there is its `seq`.
    // Keys are made once lowering is over, when the memory it used for itself is free again.
    let when = entries.iter().map(|e| when(e.date, e.time)).collect();
    let Some(mut order) = sorted_order(when) else {
        return (0..entries.len() as u32).collect();
    };
    let mut by_seq = vec![0u32; entries.len()];
    for (id, &seq) in order.iter().enumerate() {
        by_seq[seq as usize] = id as u32;
    }
    crate::reorder::permute(entries, &mut order);
    by_seq
}

/// The load orders of entries sorted by (date, untimed first, time, load order), given each
/// entry's [`super::lower::when`] by load order, or `None` when they are in that order already.
fn sorted_order(mut when: Vec<u64>) -> Option<Vec<u32>> {
    let bits = |n: u64| 64 - n.leading_zeros();
    let first = when.iter().min().map_or(0, |w| w >> WHEN_TIME_BITS);
    let last = when.iter().max().map_or(0, |w| w >> WHEN_TIME_BITS);
    let seq_bits = bits(when.len() as u64);
    if bits(last - first) + WHEN_TIME_BITS + seq_bits <= 64 {
        // Day, time and load order pack into one number: sort those, in place.
        for (w, seq) in when.iter_mut().zip(0..) {
            *w = (*w - (first << WHEN_TIME_BITS)) << seq_bits | seq;
        }
        if when.is_sorted() {
            return None;
        }
        when.sort_unstable();
        let mask = (1u64 << seq_bits) - 1;
        return Some(when.iter().map(|k| (k & mask) as u32).collect());
    }
    let mut order: Vec<u32> = (0..when.len() as u32).collect();
    order.sort_by_key(|&seq| (when[seq as usize], seq));
    (!order.iter().zip(0..).all(|(&seq, i)| seq == i)).then_some(order)
}

impl Journal {
    /// Defines handles, then resolves every reference to them, in date order. `names` holds
    /// the span of each handle name that `uses` refer to by index.
    pub(super) fn resolve_handles(&mut self, uses: &[HandleUse], names: &[Span], by_seq: &[u32]) {
        let mut uses: Vec<(EntryId, &HandleUse)> =
            uses.iter().map(|u| (by_seq[u.seq as usize], u)).collect();
        uses.sort_unstable_by_key(|(e, u)| (*e, u.span.start));
        let sources = &self.sources;
        let text = |name: u32| &sources.text(names[name as usize])[1..];
        // The handle each name defines, and the date of its defining entry.
        let mut index: Vec<Option<(u32, NaiveDate)>> = vec![None; names.len()];
        let defines = |u: &HandleUse| HandleKind::of(u.kind).filter(|_| u.item.is_none());
        self.handles
            .reserve(uses.iter().filter(|(_, u)| defines(u).is_some()).count());
        // Pass 1: definitions (promise, pitch, problem headers).
        for &(id, u) in &uses {
            let Some(kind) = defines(u) else {
                continue;
            };
            match index[u.name as usize] {
                None => {
                    index[u.name as usize] = Some((self.handles.len() as u32, u.date));
                    self.handles.push(Handle {
                        name: text(u.name).into(),
                        kind,
                        def: id,
                        repitches: Vec::new(),
                        slips: Vec::new(),
                        done: None,
                        decisions: Vec::new(),
                    });
                    self.entries[id as usize].handle = Some(self.handles.len() as u32 - 1);
                }
                Some((h, _))
                    if self.handles[h as usize].kind == HandleKind::Pitch
                        && kind == HandleKind::Pitch =>
                {
                    self.handles[h as usize].repitches.push(id);
                    self.entries[id as usize].handle = Some(h);
                }
                Some((h, _)) => {
                    let h = &self.handles[h as usize];
                    let def = &self.entries[h.def as usize];
                    let name = text(u.name);
                    let message = if h.kind == kind {
                        format!(
                            "handle `^{name}` is already defined by the {} of {}",
                            kind.as_str(),
                            def.date
                        )
                    } else {
                        format!(
                            "handle `^{name}` already names a {}; a {} needs a handle of its own",
                            h.kind.as_str(),
                            kind.as_str()
                        )
                    };
                    self.diagnostics.push(
                        Diagnostic::error(codes::HANDLE, u.span, message)
                            .with_related(self.entry_span(def), "defined here"),
                    );
                }
            }
        }
        // Pass 2: references, closes, slips and decisions.
        for &(id, u) in &uses {
            let (kind, date) = (u.kind, u.date);
            if u.item.is_none() && HandleKind::of(kind).is_some() {
                continue;
            }
            let Some((h, def_date)) = index[u.name as usize] else {
                let name = text(u.name);
                let known = self.handles.iter().map(|h| &*h.name);
                let help = match crate::syntax::names::suggest(name, known) {
                    Some(near) => format!("did you mean `^{near}`?"),
                    None => "a handle is defined by a `promise`, `pitch` or `problem` entry".into(),
                };
                self.diagnostics.push(
                    Diagnostic::error(codes::HANDLE, u.span, format!("unknown handle `^{name}`"))
                        .with_help(help),
                );
                continue;
            };
            let handle = &self.handles[h as usize];
            let needs = match (u.item, kind) {
                (None, Kind::Done | Kind::Slip) => Some(&[HandleKind::Promise][..]),
                (None, Kind::Decision) => Some(&[HandleKind::Pitch, HandleKind::Problem][..]),
                _ => None,
            };
            let wrong_kind = needs.is_some_and(|kinds| !kinds.contains(&handle.kind));
            if wrong_kind || date < def_date {
                let def = self.entry_span(&self.entries[handle.def as usize]);
                let name = text(u.name);
                let message = if wrong_kind {
                    let what = match needs {
                        Some([_]) => "a promise",
                        _ => "a pitch or a problem",
                    };
                    format!(
                        "`{kind}` needs {what}, but `^{name}` names a {}",
                        handle.kind.as_str()
                    )
                } else {
                    format!(
                        "`^{name}` is used on {date}, before the {} that defines it on {def_date}",
                        handle.kind.as_str()
                    )
                };
                self.diagnostics.push(
                    Diagnostic::error(codes::HANDLE, u.span, message)
                        .with_related(def, "defined here"),
                );
                continue;
            }
            match u.item {
                Some(Some(item)) => self.items[item as usize].handle = Some(h),
                Some(None) => {}
                None => {
                    self.entries[id as usize].handle = Some(h);
                    let handle = &mut self.handles[h as usize];
                    match kind {
                        Kind::Done if handle.done.is_none() => handle.done = Some(id),
                        Kind::Slip => handle.slips.push(id),
                        Kind::Decision => handle.decisions.push(id),
                        _ => {}
                    }
                }
            }
        }
    }

    /// The first-declared boss active on `date`.
    pub fn default_boss(&self, date: chrono::NaiveDate) -> Option<BossId> {
        self.bosses
            .iter()
            .position(|b| b.active_on(date))
            .map(|i| BossId(i as u8))
    }

    /// The bosses named by `person` and active on `date`.
    fn active_boss_of(&self, person: super::PersonId, date: chrono::NaiveDate) -> Option<BossId> {
        self.bosses
            .iter()
            .position(|b| b.person == person && b.active_on(date))
            .map(|i| BossId(i as u8))
    }

    /// Which boss each entry belongs to (SPEC §3). Entries are many and large, so this is one
    /// pass over them; it returns the priority and away entries, for
    /// [`Journal::resolve_priorities_and_leave`].
    pub(super) fn resolve_bosses(&mut self) -> Vec<EntryId> {
        let mut follow = Vec::new();
        let mut kept = Vec::new();
        for id in 0..self.entries.len() {
            let e = &self.entries[id];
            let mut set = BossSet::default();
            let mut name = |p: super::PersonId| {
                if let Some(b) = self.active_boss_of(p, e.date) {
                    set.insert(b);
                }
            };
            // escalate's first person is whom you went to; its boss is the one informed.
            match (e.kind, e.fields.informed) {
                (Kind::Escalate, Some(Informed::Person(p))) => name(p),
                (Kind::Escalate, _) => {}
                _ => self.people_of(e).iter().for_each(|&p| name(p)),
            }
            if set.is_empty()
                && let Some(b) = self.default_boss(e.date)
            {
                set.insert(b);
            }
            match (e.kind, e.handle) {
                (Kind::Done | Kind::Slip | Kind::Decision, Some(_)) => follow.push(id),
                (Kind::Priority | Kind::Away, _) => kept.push(id as EntryId),
                _ => {}
            }
            self.entries[id].bosses = set;
        }
        // done, slip and decision belong to the boss of their handle's entry.
        for id in follow {
            if let Some(h) = self.entries[id].handle {
                let def = self.handles[h as usize].def;
                self.entries[id].bosses = self.entries[def as usize].bosses;
            }
        }
        kept
    }

    /// Priorities over time and leave ranges, from the priority and away entries `ids`.
    pub(super) fn resolve_priorities_and_leave(&mut self, ids: &[EntryId]) {
        let mut index: FastMap<super::TagId, usize> = FastMap::default();
        for &id in ids {
            let e = &self.entries[id as usize];
            match e.kind {
                Kind::Priority => {
                    let Some(&key) = self
                        .tag_refs
                        .get(e.tags.0 as usize)
                        .filter(|_| e.tags.1 > e.tags.0)
                    else {
                        continue;
                    };
                    let title = self.title(e);
                    let change = PriorityChange {
                        entry: id as EntryId,
                        date: e.date,
                        rank: e.fields.rank.map(std::num::NonZeroU32::get),
                        status: e.fields.status,
                        due: e.fields.due,
                        title: (!title.is_empty()).then_some(title),
                    };
                    let named =
                        !self.person_refs[e.people.0 as usize..e.people.1 as usize].is_empty();
                    let bosses = e.bosses;
                    let p = *index.entry(key).or_insert_with(|| {
                        self.priorities.push(Priority {
                            key,
                            bosses,
                            changes: Vec::new(),
                        });
                        self.priorities.len() - 1
                    });
                    if named {
                        self.priorities[p].bosses = bosses;
                    }
                    self.priorities[p].changes.push(change);
                }
                Kind::Away => {
                    let people = &self.person_refs[e.people.0 as usize..e.people.1 as usize];
                    let mut set = BossSet::default();
                    for &p in people {
                        if let Some(b) = self.active_boss_of(p, e.date) {
                            set.insert(b);
                        }
                    }
                    self.aways.push(Away {
                        from: e.date,
                        until: e.fields.until.unwrap_or(e.date),
                        bosses: (!set.is_empty()).then_some(set),
                        entry: id as EntryId,
                    });
                }
                _ => {}
            }
        }
    }
}
