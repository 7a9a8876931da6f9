//! Lowering a large journal's entries on two threads.
//!
//! Entries are lowered one at a time in load order, and what lowering gives (ids of names and
//! tags, indices of items, references and handle names) depends only on the entries before.
//! So the later entries can be lowered on their own, with tables of their own, and renumbered
//! afterwards as if they had been lowered after the earlier ones.
//!
//! Entries are large, and writing fresh memory costs more than lowering them. So the main
//! thread owns the one vector of entries: it touches the room for the earlier entries first,
//! lowers the later entries after that room, and moves the earlier entries in as the helper
//! thread sends them, in small batches through buffers that go back and forth.

use std::sync::mpsc;

use chrono::NaiveDate;

use super::entry::{BossSet, Entry, Fields, Informed, Item, Run};
use super::intern::{FastMap, PersonId};
use super::load::{Loaded, NodeRun};
use super::lower::{HandleUse, Lowered, handle_room, lower_entries};
use crate::syntax::Kind;
use crate::threads;

/// The share of the entries, in percent, that the helper thread lowers: the main thread also
/// touches the room for them and moves them in.
const HELPER_SHARE: usize = 56;

/// Entries per batch sent from the helper thread.
const BATCH: usize = 2048;

/// The number of the node of the load order before which the helper thread's part ends.
pub(super) fn cut(nodes: usize) -> usize {
    nodes * HELPER_SHARE / 100
}

/// Lowers every entry of `loaded` into `out`, whose directives are lowered already, on two
/// threads: `total` entries, `early` of them before node number `cut` of the load order.
pub(super) fn lower_split<'a>(
    out: &mut Lowered,
    handles: &mut FastMap<&'a str, u32>,
    loaded: &'a Loaded,
    total: usize,
    early: usize,
    cut: usize,
) {
    let (first, second) = split_runs(loaded, cut);
    let (first, second) = (&first[..], &second[..]);
    let mut entries = Vec::with_capacity(total);
    let (full_tx, full_rx) = mpsc::channel::<Vec<Entry>>();
    let (empty_tx, empty_rx) = mpsc::channel::<Vec<Entry>>();
    let mut later = Lowered {
        next_seq: early as u32,
        ..Lowered::default()
    };
    handles.reserve(handle_room(early));
    let mut later_handles = FastMap::default();
    later_handles.reserve(handle_room(total - early));
    // The earlier part's sort keys come first, and the later part's join them there.
    out.when.reserve_exact(total);
    later.when.reserve_exact(total - early);
    let (early_out, early_handles) = (&mut *out, &mut *handles);
    let helper = move || {
        let (out, handles) = (early_out, early_handles);
        out.entries = Vec::with_capacity(BATCH);
        let send = |out: &mut Lowered| {
            let empty = empty_rx
                .try_recv()
                .unwrap_or_else(|_| Vec::with_capacity(BATCH));
            // The receiver lives until this thread ends.
            let _ = full_tx.send(std::mem::replace(&mut out.entries, empty));
        };
        lower_entries(out, handles, loaded, first, |out| {
            if out.entries.len() == BATCH {
                send(out);
            }
        });
        send(out);
    };
    let here = || {
        let mut moved = 0;
        let mut take = |entries: &mut Vec<Entry>, mut batch: Vec<Entry>| {
            if entries.len() < moved + batch.len() {
                entries.resize(moved + batch.len(), blank());
            }
            for (slot, e) in entries[moved..].iter_mut().zip(batch.drain(..)) {
                *slot = e;
                moved += 1;
            }
            let _ = empty_tx.send(batch);
        };
        // Touch the room for the helper's entries a step at a time, moving in what it sent.
        while entries.len() < early {
            let step = (early - entries.len()).min(16 * BATCH);
            entries.resize(entries.len() + step, blank());
            while let Ok(batch) = full_rx.try_recv() {
                take(&mut entries, batch);
            }
        }
        later.entries = entries;
        let mut since = 0;
        lower_entries(&mut later, &mut later_handles, loaded, second, |later| {
            since += 1;
            if since % 64 == 0 {
                while let Ok(batch) = full_rx.try_recv() {
                    take(&mut later.entries, batch);
                }
            }
        });
        // The helper's sender goes away when it ends, and with it this loop.
        for batch in &full_rx {
            take(&mut later.entries, batch);
        }
    };
    threads::both(true, here, helper);
    out.append(early, later, handles);
}

/// The load order cut before its node number `at`: the runs before, and the runs from there.
fn split_runs(loaded: &Loaded, at: usize) -> (Vec<NodeRun>, Vec<NodeRun>) {
    let mut first = loaded.order.clone();
    let mut before = 0;
    let Some(run) = first.iter().position(|run| {
        before += run.nodes.len();
        before > at
    }) else {
        return (first, Vec::new());
    };
    let mut second = first.split_off(run);
    let head = &mut second[0];
    let mid = head.nodes.end - (before - at) as u32;
    if mid > head.nodes.start {
        first.push(NodeRun {
            file: head.file,
            nodes: head.nodes.start..mid,
        });
        head.nodes.start = mid;
    }
    (first, second)
}

/// A stand-in entry for the room the earlier entries are moved into.
fn blank() -> Entry {
    Entry {
        file: Default::default(),
        line: 0,
        date: NaiveDate::MIN,
        time: None,
        kind: Kind::Did,
        bosses: BossSet::default(),
        handle: None,
        tags: Run::default(),
        people: Run::default(),
        items: Run::default(),
        body_end: 0,
        fields: Fields::default(),
    }
}

impl Lowered {
    /// Adds what lowering the entries after the first `early` produced: `later`, whose
    /// `entries` hold this part's entries first, then its own. Its names, tags, items and
    /// references are renumbered so that the result is what lowering every entry here, in
    /// order, would have given; `handles` are this part's handle names.
    fn append(&mut self, early: usize, later: Lowered, handles: &FastMap<&str, u32>) {
        let tags = self.tags.absorb(&later.tags);
        let people = self.people.absorb(&later.people);
        let person = |p: PersonId| PersonId(people[p.0 as usize]);
        let tag_base = self.tag_refs.len() as u32;
        let person_base = self.person_refs.len() as u32;
        let item_base = self.items.len() as u32;
        let renumber = |entries: &mut [Entry]| {
            for e in entries {
                e.tags = e.tags.moved(tag_base);
                e.people = e.people.moved(person_base);
                e.items = e.items.moved(item_base);
                if let Some(Informed::Person(p)) = e.fields.informed {
                    e.fields.informed = Some(Informed::Person(person(p)));
                }
            }
        };
        let mut entries = later.entries;
        // The later entries are many: they are renumbered on another thread meanwhile.
        let here = || {
            self.tag_refs
                .extend(later.tag_refs.iter().map(|t| tags[t.0 as usize]));
            self.person_refs
                .extend(later.person_refs.iter().map(|&p| person(p)));
            self.items.extend(later.items.into_iter().map(|item| Item {
                owner: item.owner.map(person),
                ..item
            }));
            // Handle names: the later part's, each new one added here in the order it was met.
            // They are distinct, and nothing is looked up after them.
            let names: Vec<u32> = (0..later.handle_names.len() as u32)
                .map(|i| {
                    let name = later.handle_names.get(i);
                    handles.get(name).copied().unwrap_or_else(|| {
                        self.handle_names.push(name);
                        self.handle_names.len() as u32 - 1
                    })
                })
                .collect();
            self.handle_uses
                .extend(later.handle_uses.into_iter().map(|u| HandleUse {
                    name: names[u.name as usize],
                    at: u.at.moved(item_base),
                    ..u
                }));
        };
        threads::both(true, here, || renumber(&mut entries[early..]));
        self.entries = entries;
        self.when.extend_from_slice(&later.when);
        self.diagnostics.extend(later.diagnostics);
        self.next_seq = later.next_seq;
    }
}

#[cfg(test)]
mod tests {
    use super::super::load::{Overlay, load};
    use super::super::lower::{Lowered, lower_with};
    use super::split_runs;

    /// Cut anywhere, even inside a file that includes another midway, the two parts hold
    /// every node once, in load order, with the cut's number of nodes before it.
    #[test]
    fn load_order_splits_at_any_node() {
        let loaded = super::super::load::included_midway();
        let all: Vec<_> = loaded.nodes(&loaded.order).map(|(r, _)| r).collect();
        assert_eq!(all.len(), 9);
        for at in 0..=10 {
            let (first, second) = split_runs(&loaded, at);
            assert_eq!(loaded.nodes(&first).count(), at.min(9), "cut at {at}");
            assert!(first.iter().chain(&second).all(|run| !run.nodes.is_empty()));
            let joined: Vec<_> = (loaded.nodes(&first).chain(loaded.nodes(&second)))
                .map(|(r, _)| r)
                .collect();
            assert_eq!(joined, all, "cut at {at}");
        }
    }

    /// Lowering on two threads gives exactly what lowering on one gives: the same entries,
    /// ids, references, handle names and diagnostics, in the same order.
    #[test]
    fn split_lowering_matches_one_thread() {
        let mut text = crate::generator::journal(6000, 7);
        // Things the later part meets first or must match with the earlier part: a new person
        // and tag, an unknown and a duplicate handle, two field errors and an owned action.
        text.push_str(
            "2026-11-21 initiative #brand-new/child with @newcomer informed:@zed\n  \
             [ ] @ann send the draft\n\
             2026-11-21 done ^never-defined\n\
             2026-11-21 promise ^dup due:2026-12-01 ship it\n\
             2026-11-22 promise ^dup due:2026-12-02 ship it again\n\
             2026-11-22 priority #x rank:zero\n\
             2026-11-22 did with @zed dur:1h\n",
        );
        let overlay = Overlay {
            files: vec![("big.up".into(), text)],
        };
        let loaded = load(&["big.up".into()], &overlay).expect("loads from memory");
        let one = lower_with(&loaded, |_| false);
        let two = lower_with(&loaded, |_| true);
        assert!(one.entries.len() > 6000);
        assert_eq!(one.diagnostics.len(), 2, "{:?}", one.diagnostics);
        // Everything lowering entries writes (settings hold a map, whose order is arbitrary).
        let show = |l: &Lowered| {
            format!(
                "{:#?}",
                (
                    (&l.entries, &l.tags, &l.people, &l.tag_refs, &l.person_refs),
                    (&l.items, &l.handle_uses, &l.handle_names),
                    (l.next_seq, &l.diagnostics, &l.bosses, &l.scope),
                )
            )
        };
        let (one, two) = (show(&one), show(&two));
        // The first line that differs, with what leads to it, rather than two huge dumps.
        if let Some(at) = one.lines().zip(two.lines()).position(|(a, b)| a != b) {
            let context = |s: &str| {
                s.lines()
                    .skip(at.saturating_sub(30))
                    .take(31)
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            panic!(
                "one thread:\n{}\n\ntwo threads:\n{}",
                context(&one),
                context(&two)
            );
        }
        assert_eq!(one.len(), two.len());
    }
}
