//! Whole-journal meaning: entry order, handles, bosses of entries, priorities over time, leave.

use super::Journal;
use chrono::NaiveDate;

use super::entry::{
    Away, BossId, BossSet, Entry, EntryId, Handle, HandleId, HandleKind, Informed, Priority,
    PriorityChange,
};
use super::intern::FastMap;
use super::lower::{HandleNames, HandleUse, Lowered};
use crate::diag::{Diagnostic, codes};
use crate::syntax::Kind;
use crate::threads;

/// Sorts entries by (date, time, load order), untimed entries first within a day, then the
/// handle uses by entry and position, each now naming its entry by index in that order.
///
/// Entries are large, so their order is found on small keys and then applied in place.
pub fn sort_entries(lowered: &mut Lowered) {
    let (entries, uses) = (&mut lowered.entries, &mut lowered.handle_uses);
    let split = threads::worth_splitting(entries.len());
    let when = std::mem::take(&mut lowered.when);
    let Some(order) = sorted_order(&when) else {
        sort_uses(uses);
        return;
    };
    drop(when);
    let renumber = |uses: &mut Vec<HandleUse>| {
        // Entries are lowered in load order: an entry's index there is its load order.
        let mut by_seq = vec![0u32; order.len()];
        for (id, &seq) in order.iter().enumerate() {
            by_seq[seq as usize] = id as u32;
        }
        for u in uses.iter_mut() {
            u.entry = by_seq[u.entry as usize];
        }
        sort_uses(uses);
    };
    // Moving the entries and renumbering the uses are independent: for a large journal, both
    // at once.
    threads::both(
        split,
        || crate::reorder::permute(entries, &order),
        || renumber(uses),
    );
}

/// Handle uses by entry, then by position.
fn sort_uses(uses: &mut [HandleUse]) {
    uses.sort_unstable_by_key(|u| (u.entry, u.span.start));
}

/// The load orders of entries sorted by (date, untimed first, time, load order), given each
/// entry's [`super::lower::when`] by load order, or `None` when they are in that order already.
fn sorted_order(when: &[u64]) -> Option<Vec<u32>> {
    let mut order: Vec<u32> = (0..when.len() as u32).collect();
    let key = |&seq: &u32| when[seq as usize];
    match crate::reorder::sort_nearly_sorted(&mut order, key) {
        Some(0) => return None,
        Some(_) => {}
        // Stable: equal keys stay in load order.
        None => order.sort_by_key(key),
    }
    Some(order)
}

/// What resolving handles gives, before it is written into the journal.
#[derive(Default)]
struct FoundHandles {
    handles: Vec<Handle>,
    /// The handle of each entry that has one, in the order found (a later one wins).
    of_entries: Vec<(EntryId, HandleId)>,
    /// The handle of each body item that refers to one.
    of_items: Vec<(u32, HandleId)>,
    diagnostics: Vec<Diagnostic>,
}

impl Journal {
    /// Resolves handles, the bosses of entries, priorities and leave. With `split` handles are
    /// found on this thread while another finds each entry's own bosses and then priorities
    /// and leave, which need the bosses of priority and away entries only, never those that
    /// follow a handle.
    pub(super) fn resolve(&mut self, uses: &[HandleUse], names: &HandleNames, split: bool) {
        let journal = &*self;
        let others = || {
            let (bosses, kinds) = journal.own_bosses();
            let mut kept = [Kind::Priority, Kind::Away]
                .map(|k| &kinds[k as usize][..])
                .concat();
            kept.sort_unstable();
            let (priorities, aways) = journal.priorities_and_leave(&kept, &bosses);
            (bosses, priorities, aways, kinds)
        };
        let (found, (bosses, priorities, aways, kinds)) =
            threads::both(split, || journal.find_handles(uses, names), others);
        // Each entry's bosses and handle, written in two halves at once for a large journal.
        let write = |entries: &mut [Entry], from: usize, bosses: &[BossSet]| {
            for (e, &set) in entries.iter_mut().zip(bosses) {
                e.bosses = set;
            }
            let to = from + entries.len();
            for &(id, h) in &found.of_entries {
                if (from..to).contains(&(id as usize)) {
                    entries[id as usize - from].handle = Some(h);
                }
            }
        };
        let mid = if split { self.entries.len() / 2 } else { 0 };
        let (early, late) = self.entries.split_at_mut(mid);
        let (early_bosses, late_bosses) = bosses.split_at(mid);
        threads::both(
            split,
            || write(early, 0, early_bosses),
            || write(late, mid, late_bosses),
        );
        for &(item, h) in &found.of_items {
            self.items[item as usize].handle = Some(h);
        }
        self.handles = found.handles;
        self.diagnostics.extend(found.diagnostics);
        // done, slip and decision belong to the boss of their handle's entry, or to the boss a
        // slip naming an active boss handed the promise to; references are in date order.
        let mut handed: Vec<Option<BossSet>> = vec![None; self.handles.len()];
        for &(id, h) in &found.of_entries {
            let e = &self.entries[id as usize];
            if !matches!(e.kind, Kind::Done | Kind::Slip | Kind::Decision) {
                continue;
            }
            let def = self.handles[h as usize].def;
            let to = match e.kind {
                Kind::Slip => self.named_bosses(e),
                _ => BossSet::default(),
            };
            if !to.is_empty() {
                handed[h as usize] = Some(to);
            }
            self.entries[id as usize].bosses =
                handed[h as usize].unwrap_or(self.entries[def as usize].bosses);
        }
        self.priorities = priorities;
        self.aways = aways;
        self.kinds = kinds;
    }

    /// Defines handles, then resolves every reference to them, in date order: `uses` are
    /// sorted by entry and position ([`sort_entries`]). `names` holds each handle name that
    /// `uses` refer to by index.
    fn find_handles(&self, uses: &[HandleUse], names: &HandleNames) -> FoundHandles {
        let mut found = FoundHandles::default();
        let text = |name: u32| names.get(name);
        // The handle each name defines, and the date of its defining entry.
        let mut index: Vec<Option<(u32, NaiveDate)>> = vec![None; names.len()];
        let defines = |u: &HandleUse| HandleKind::of(u.kind).filter(|_| u.item.is_none());
        found
            .handles
            .reserve(uses.iter().filter(|u| defines(u).is_some()).count());
        // Pass 1: definitions (promise, pitch, problem headers).
        for u in uses {
            let id = u.entry;
            let Some(kind) = defines(u) else {
                continue;
            };
            match index[u.name as usize] {
                None => {
                    index[u.name as usize] = Some((found.handles.len() as u32, u.date));
                    found.handles.push(Handle {
                        name: text(u.name).into(),
                        kind,
                        def: id,
                        repitches: Vec::new(),
                        slips: Vec::new(),
                        done: None,
                        decisions: Vec::new(),
                    });
                    found.of_entries.push((id, found.handles.len() as u32 - 1));
                }
                Some((h, _))
                    if found.handles[h as usize].kind == HandleKind::Pitch
                        && kind == HandleKind::Pitch =>
                {
                    found.handles[h as usize].repitches.push(id);
                    found.of_entries.push((id, h));
                }
                Some((h, _)) => {
                    let h = &found.handles[h as usize];
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
                    found.diagnostics.push(
                        Diagnostic::error(codes::HANDLE, u.span, message)
                            .with_related(self.entry_span(def), "defined here"),
                    );
                }
            }
        }
        // Pass 2: references, closes, slips and decisions.
        for u in uses {
            let id = u.entry;
            let (kind, date) = (u.kind, u.date);
            if defines(u).is_some() {
                continue;
            }
            let Some((h, def_date)) = index[u.name as usize] else {
                let name = text(u.name);
                let known = found.handles.iter().map(|h| &*h.name);
                let help = match crate::syntax::names::suggest(name, known) {
                    Some(near) => format!("did you mean `^{near}`?"),
                    None => "a handle is defined by a `promise`, `pitch` or `problem` entry".into(),
                };
                found.diagnostics.push(
                    Diagnostic::error(codes::HANDLE, u.span, format!("unknown handle `^{name}`"))
                        .with_help(help),
                );
                continue;
            };
            let handle = &found.handles[h as usize];
            let needs = match (u.item, kind) {
                (None, Kind::Done) => Some(&[HandleKind::Promise, HandleKind::Problem][..]),
                (None, Kind::Slip) => Some(&[HandleKind::Promise][..]),
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
                        Some([HandleKind::Promise, _]) => "a promise or a problem",
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
                found.diagnostics.push(
                    Diagnostic::error(codes::HANDLE, u.span, message)
                        .with_related(def, "defined here"),
                );
                continue;
            }
            match u.item {
                Some(Some(item)) => found.of_items.push((item, h)),
                Some(None) => {}
                None => {
                    found.of_entries.push((id, h));
                    let handle = &mut found.handles[h as usize];
                    match kind {
                        Kind::Done if handle.done.is_none() => handle.done = Some(id),
                        Kind::Slip => handle.slips.push(id),
                        Kind::Decision => handle.decisions.push(id),
                        _ => {}
                    }
                }
            }
        }
        found
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

    /// The bosses an entry's header names that are active on its date.
    fn named_bosses(&self, e: &Entry) -> BossSet {
        let mut set = BossSet::default();
        for &p in self.people_of(e) {
            if let Some(b) = self.active_boss_of(p, e.date) {
                set.insert(b);
            }
        }
        set
    }

    /// Which boss each entry belongs to by itself (docs/language.md §3), before done, slip and decision
    /// follow their handle's entry. Entries are many and large, so this is one pass over them;
    /// it also returns the ids of the entries of each kind, in order.
    fn own_bosses(&self) -> (Vec<BossSet>, Vec<Vec<EntryId>>) {
        let mut sets = Vec::with_capacity(self.entries.len());
        let mut kinds = vec![Vec::new(); Kind::ALL.len()];
        for (id, e) in self.entries.iter().enumerate() {
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
            kinds[e.kind as usize].push(id as EntryId);
            sets.push(set);
        }
        (sets, kinds)
    }

    /// Priorities over time and leave ranges, from the priority and away entries `ids`, with
    /// the bosses of every entry.
    fn priorities_and_leave(
        &self,
        ids: &[EntryId],
        bosses: &[BossSet],
    ) -> (Vec<Priority>, Vec<Away>) {
        let (mut priorities, mut aways) = (Vec::new(), Vec::new());
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
                    let bosses = bosses[id as usize];
                    let p = *index.entry(key).or_insert_with(|| {
                        priorities.push(Priority {
                            key,
                            bosses,
                            changes: Vec::new(),
                        });
                        priorities.len() - 1
                    });
                    if named {
                        priorities[p].bosses = bosses;
                    }
                    priorities[p].changes.push(change);
                }
                Kind::Away => {
                    let people = &self.person_refs[e.people.0 as usize..e.people.1 as usize];
                    let mut set = BossSet::default();
                    for &p in people {
                        if let Some(b) = self.active_boss_of(p, e.date) {
                            set.insert(b);
                        }
                    }
                    aways.push(Away {
                        from: e.date,
                        until: e.fields.until.unwrap_or(e.date),
                        bosses: (!set.is_empty()).then_some(set),
                        entry: id as EntryId,
                    });
                }
                _ => {}
            }
        }
        (priorities, aways)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Journal;
    use super::super::load::{Overlay, load};

    /// Resolving on two threads gives exactly what one gives: the same bosses and handles of
    /// entries and items, handles, priorities, leave and diagnostics.
    #[test]
    fn split_resolving_matches_one_thread() {
        let mut text = crate::generator::journal(4000, 11);
        // Handles defined twice, used before their definition or with the wrong kind, a
        // done that follows its promise's boss, priorities and leave.
        text.push_str(
            "2026-11-20 promise ^twice due:2026-12-01 ship it\n\
             2026-11-20 pitch ^twice try it\n\
             2026-11-19 done ^later\n\
             2026-11-21 promise ^later due:2026-12-02 later\n\
             2026-11-21 decision ^later outcome:yes\n\
             2026-11-22 done ^later\n\
             2026-11-22 priority #brand-new rank:1 with @dev A new thing\n\
             2026-11-22 away until:2026-11-25 @dev\n",
        );
        let overlay = Overlay {
            files: vec![("big.up".into(), text)],
        };
        let build = |split: fn(usize) -> bool| {
            let loaded = load(&["big.up".into()], &overlay).expect("loads from memory");
            Journal::build_with(loaded, split)
        };
        let (one, two) = (build(|_| false), build(|_| true));
        assert!(one.entries.len() > 4000 && !one.handles.is_empty());
        let show = |j: &Journal| {
            format!(
                "{:#?}",
                (
                    (&j.entries, &j.items, &j.handles),
                    (&j.priorities, &j.aways, &j.diagnostics),
                )
            )
        };
        let (one, two) = (show(&one), show(&two));
        if let Some(at) = one.lines().zip(two.lines()).position(|(a, b)| a != b) {
            let line = |s: &str| s.lines().nth(at).unwrap_or_default().to_string();
            panic!(
                "line {at}: one thread `{}`, two `{}`",
                line(&one),
                line(&two)
            );
        }
        assert_eq!(one.len(), two.len());
    }

    proptest::proptest! {
        /// The order found is that of a stable sort of the keys, whether the keys are nearly in
        /// order (sorted by insertion) or far from it (sorted in full), and `None` exactly when
        /// nothing moves.
        #[test]
        fn sorted_order_is_a_stable_sort(
            days in proptest::collection::vec(0u64..400, 0..300),
            shuffle in proptest::bool::ANY,
        ) {
            let mut days = days;
            if !shuffle {
                days.sort_unstable();
                // A few untimed entries after timed ones of the same day.
                for (i, d) in days.iter_mut().enumerate() {
                    *d = *d * 10_000 + if i % 3 == 0 { 600 } else { 0 };
                }
            }
            let mut expected: Vec<u32> = (0..days.len() as u32).collect();
            expected.sort_by_key(|&i| days[i as usize]);
            let found = super::sorted_order(&days);
            let identity = expected.iter().zip(0..).all(|(&i, n)| i == n);
            proptest::prop_assert_eq!(found.clone().is_none(), identity);
            proptest::prop_assert_eq!(found.unwrap_or(expected.clone()), expected);
        }
    }
}
