//! Whole-journal meaning once entries are in order: handles written into entries and items,
//! the bosses of entries, priorities over time, leave.

use super::Journal;
use super::entry::{Away, BossId, BossSet, Entry, EntryId, Informed, Priority, PriorityChange};
use super::intern::FastMap;
use super::lower::{HandleNames, HandleUse};
use crate::syntax::Kind;
use crate::threads;

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

    /// The first-declared boss active on `date`.
    pub fn default_boss(&self, date: chrono::NaiveDate) -> Option<BossId> {
        self.bosses
            .iter()
            .position(|b| b.active_on(date))
            .map(|i| BossId(i as u8))
    }

    /// The last day of the latest of `bosses` (their `until:`), `None` while one of them has
    /// no end (or for no boss at all).
    fn last_day(&self, bosses: BossSet) -> Option<chrono::NaiveDate> {
        let mut last = None;
        for b in bosses.iter() {
            let until = self.boss(b).until?;
            last = last.max(Some(until));
        }
        last
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
                    let Some(&key) = self.tags_of(e).first() else {
                        continue;
                    };
                    let title = self.title(e);
                    let own = bosses[id as usize];
                    let p = *index.entry(key).or_insert_with(|| {
                        priorities.push(Priority {
                            key,
                            bosses: own,
                            changes: Vec::new(),
                        });
                        priorities.len() - 1
                    });
                    let p = &mut priorities[p];
                    // An entry naming or defaulting to other bosses makes it theirs, as if
                    // new; a priority set while no boss was active just takes its first.
                    let takes_over = p.changes.is_empty()
                        || (!own.is_empty() && !p.bosses.is_empty() && own != p.bosses);
                    if !own.is_empty() {
                        p.bosses = own;
                    }
                    p.changes.push(PriorityChange {
                        entry: id as EntryId,
                        date: e.date,
                        rank: e.fields.rank.map(std::num::NonZeroU32::get),
                        status: e.fields.status,
                        due: e.fields.due,
                        title: (!title.is_empty()).then_some(title),
                        owners: p.bosses,
                        owners_until: self.last_day(p.bosses),
                        takes_over,
                    });
                }
                Kind::Away => {
                    let mut set = BossSet::default();
                    for &p in self.people_of(e) {
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
}
