//! Whole-journal meaning once entries are in order: handles written into entries and items,
//! the bosses of entries, priorities over time, leave.

use super::Journal;
use super::entry::{Away, BossId, BossSet, Entry, EntryId, Informed, Priority, PriorityChange};
use super::intern::FastMap;
use super::lower::{HandleNames, HandleUse};
use crate::syntax::Kind;

impl Journal {
    /// Resolves handles, the bosses of entries, priorities and leave.
    pub(super) fn resolve(&mut self, uses: &[HandleUse], names: &HandleNames) {
        let found = self.find_handles(uses, names);
        let kinds = self.own_bosses();
        // Priorities and leave need the bosses of priority and away entries only, never
        // those that follow a handle.
        let mut kept = [Kind::Priority, Kind::Away]
            .map(|k| &kinds[k as usize][..])
            .concat();
        kept.sort_unstable();
        let (priorities, aways) = self.priorities_and_leave(&kept);
        for &(id, h) in &found.of_entries {
            self.entries[id as usize].handle = Some(h);
        }
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

    /// Writes into each entry the bosses it belongs to by itself (docs/language.md §3), before
    /// done, slip and decision follow their handle's entry. Entries are many and large, so this
    /// is one pass over them; it also returns the ids of the entries of each kind, in order.
    fn own_bosses(&mut self) -> Vec<Vec<EntryId>> {
        let mut kinds = vec![Vec::new(); Kind::ALL.len()];
        for id in 0..self.entries.len() {
            let bosses = self.own_bosses_of(&self.entries[id]);
            let e = &mut self.entries[id];
            e.bosses = bosses;
            kinds[e.kind as usize].push(id as EntryId);
        }
        kinds
    }

    /// The bosses `e` belongs to by itself: those its people name, else the default.
    fn own_bosses_of(&self, e: &Entry) -> BossSet {
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
        set
    }

    /// Priorities over time and leave ranges, from the priority and away entries `ids` and
    /// their own bosses.
    fn priorities_and_leave(&self, ids: &[EntryId]) -> (Vec<Priority>, Vec<Away>) {
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
                    let own = e.bosses;
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
