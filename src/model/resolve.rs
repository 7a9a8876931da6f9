//! Whole-journal meaning: entry order, handles, bosses of entries, priorities over time, leave.

use super::Journal;
use chrono::{Datelike, Timelike};

use super::entry::{
    Away, BossId, BossSet, Entry, EntryId, Handle, HandleKind, Informed, Priority, PriorityChange,
};
use super::intern::FastMap;
use super::lower::Lowered;
use crate::diag::{Diagnostic, codes};
use crate::syntax::Kind;

/// Sorts entries by (date, time, load order), untimed entries first within a day, and fixes up
/// the handle uses that refer to entries by load order. Returns each entry's index by load order.
///
/// Entries are large, so their order is found on small keys and then applied in place.
pub fn sort_entries(lowered: &mut Lowered) -> Vec<u32> {
    let entries = &mut lowered.entries;
    let mut order: Vec<u32> = (0..entries.len() as u32).collect();
    // Times of day are whole minutes, so (date, time) packs into one number.
    let packed = entries
        .iter()
        .all(|e| e.time.is_none_or(|t| t.nanosecond() == 0));
    if packed {
        let key = |e: &Entry| {
            let day = (i64::from(e.date.num_days_from_ce()) - i64::from(i32::MIN)) as u64;
            let time = e
                .time
                .map_or(0, |t| 1 + u64::from(t.num_seconds_from_midnight()));
            day << 17 | time
        };
        let mut keys: Vec<(u64, u32, u32)> = (entries.iter().zip(0..))
            .map(|(e, i)| (key(e), e.seq, i))
            .collect();
        let t = std::time::Instant::now(); // TIMING
        if !keys.is_sorted() {
            if std::env::var_os("UPWARD_STABLE").is_some() {
                keys.sort()
            } else {
                keys.sort_unstable()
            }; // TIMING
            if std::env::var_os("UPWARD_TIMING").is_some() {
                eprintln!("keysort {:?}", t.elapsed());
            } // TIMING
            order = keys.iter().map(|&(_, _, i)| i).collect();
        }
    } else {
        order.sort_by_key(|&i| {
            let e = &entries[i as usize];
            (e.date, e.time.is_some(), e.time, e.seq)
        });
    }
    let mut by_seq = vec![0u32; entries.len()];
    for (id, &from) in order.iter().enumerate() {
        by_seq[entries[from as usize].seq as usize] = id as u32;
    }
    permute(entries, &mut order);
    by_seq
}

/// Reorders `items` so that position `k` holds the item that was at `order[k]`, by following
/// each cycle of the permutation with swaps. Leaves `order` as the identity.
fn permute<T>(items: &mut [T], order: &mut [u32]) {
    for start in 0..items.len() {
        let mut at = start;
        while order[at] as usize != at {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

impl Journal {
    /// Defines handles, then resolves every reference to them, in date order.
    pub(super) fn resolve_handles(&mut self, uses: &[super::lower::HandleUse], by_seq: &[u32]) {
        let mut uses: Vec<(EntryId, &super::lower::HandleUse)> =
            uses.iter().map(|u| (by_seq[u.seq as usize], u)).collect();
        uses.sort_unstable_by_key(|(e, u)| (*e, u.span.start));
        let sources = &self.sources;
        let name_of = |u: &super::lower::HandleUse| &sources.text(u.span)[1..];
        let mut index: FastMap<&str, u32> = FastMap::default();
        index.reserve(uses.len());
        // Pass 1: definitions (promise, pitch, problem headers).
        for &(id, u) in &uses {
            let entry = &self.entries[id as usize];
            let Some(kind) = HandleKind::of(entry.kind).filter(|_| u.item.is_none()) else {
                continue;
            };
            let name = name_of(u);
            match index.get(name).map(|&h| (h, &self.handles[h as usize])) {
                None => {
                    index.insert(name, self.handles.len() as u32);
                    self.handles.push(Handle {
                        name: name.to_string(),
                        kind,
                        def: id,
                        pitches: vec![id],
                        slips: Vec::new(),
                        done: None,
                        decisions: Vec::new(),
                    });
                    self.entries[id as usize].handle = Some(self.handles.len() as u32 - 1);
                }
                Some((h, handle))
                    if handle.kind == HandleKind::Pitch && kind == HandleKind::Pitch =>
                {
                    self.handles[h as usize].pitches.push(id);
                    self.entries[id as usize].handle = Some(h);
                }
                Some((_, h)) => {
                    let def = self.entries[h.def as usize].span;
                    let message = if h.kind == kind {
                        format!(
                            "handle `^{name}` is already defined by the {} of {}",
                            kind.as_str(),
                            self.entries[h.def as usize].date
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
                            .with_related(def, "defined here"),
                    );
                }
            }
        }
        // Pass 2: references, closes, slips and decisions.
        for &(id, u) in &uses {
            let (kind, date) = {
                let e = &self.entries[id as usize];
                (e.kind, e.date)
            };
            if u.item.is_none() && HandleKind::of(kind).is_some() {
                continue;
            }
            let name = name_of(u);
            let Some(&h) = index.get(name) else {
                let names = self.handles.iter().map(|h| h.name.as_str());
                let help = match crate::syntax::names::suggest(name, names) {
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
            let def = &self.entries[handle.def as usize];
            let needs = match (u.item, kind) {
                (None, Kind::Done | Kind::Slip) => Some(&[HandleKind::Promise][..]),
                (None, Kind::Decision) => Some(&[HandleKind::Pitch, HandleKind::Problem][..]),
                _ => None,
            };
            if let Some(kinds) = needs
                && !kinds.contains(&handle.kind)
            {
                let what = if kinds.len() == 1 {
                    "a promise"
                } else {
                    "a pitch or a problem"
                };
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::HANDLE,
                        u.span,
                        format!(
                            "`{kind}` needs {what}, but `^{name}` names a {}",
                            handle.kind.as_str()
                        ),
                    )
                    .with_related(def.span, "defined here"),
                );
                continue;
            }
            if date < def.date {
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::HANDLE,
                        u.span,
                        format!(
                            "`^{name}` is used on {date}, before the {} that defines it on {}",
                            handle.kind.as_str(),
                            def.date
                        ),
                    )
                    .with_related(def.span, "defined here"),
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

    /// Which boss each entry belongs to (SPEC §3).
    pub(super) fn resolve_bosses(&mut self) {
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
            self.entries[id].bosses = set;
        }
        // done, slip and decision belong to the boss of their handle's entry.
        for id in 0..self.entries.len() {
            let e = &self.entries[id];
            if let (Kind::Done | Kind::Slip | Kind::Decision, Some(h)) = (e.kind, e.handle) {
                let def = self.handles[h as usize].def;
                self.entries[id].bosses = self.entries[def as usize].bosses;
            }
        }
    }

    /// Priorities over time and leave ranges.
    pub(super) fn resolve_priorities_and_leave(&mut self) {
        let mut index: FastMap<super::TagId, usize> = FastMap::default();
        for id in 0..self.entries.len() {
            let e = &self.entries[id];
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
                        rank: e.fields.rank,
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
