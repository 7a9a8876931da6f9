//! Lowering the entries on two threads, for a large journal (`crate::tuning::LOWER_SPLIT_AT`).
//! Each half of the load order is lowered into tables of its own. The second half's people,
//! tags and handle names are then met again in the first half's tables, in the order the
//! second half met them, which gives each the number one thread would have given it; its
//! entries, items and references move past the first half's. The result is the one
//! [`super::lower_entries`] gives on one thread.

use super::{HandleAt, Lowered, handle_name, lower_entries as lower_in_order};
use crate::model::entry::{Informed, Run};
use crate::model::intern::{FastMap, PersonId, TagId};
use crate::model::load::{Loaded, NodeRun};
use crate::syntax::Node;

/// Lowers the entries of the load order, the nodes before `cut` on this thread and the rest
/// on a helper thread, onto `out` and `handles`.
pub(super) fn lower_entries<'a>(
    out: &mut Lowered,
    handles: &mut FastMap<&'a str, u32>,
    loaded: &'a Loaded,
    cut: usize,
) {
    let (first, second) = halves(&loaded.order, cut);
    let whole = Room {
        entries: out.entries.capacity(),
        items: out.items.capacity(),
    };
    let ((), (later, later_handles)) = crate::threads::both(
        true,
        || lower_in_order(out, handles, loaded, &first),
        || {
            // Counted here, so that the first half does not wait for the count.
            let room = whole.of(loaded, &second);
            let mut later = Lowered::with_room(room.entries, room.items);
            let mut later_handles = FastMap::default();
            later_handles.reserve(super::handle_room(room.entries));
            lower_in_order(&mut later, &mut later_handles, loaded, &second);
            (later, later_handles)
        },
    );
    append(out, handles, later, later_handles);
}

/// The room a lowering gets up front for its entries and body items: growing a vector a
/// million entries long copies it.
struct Room {
    entries: usize,
    items: usize,
}

impl Room {
    /// The room for the entries of `part`, given the room for the whole journal.
    fn of(&self, loaded: &Loaded, part: &[NodeRun]) -> Room {
        let entries = (loaded.nodes(part))
            .filter(|(_, node)| matches!(node, Node::Entry(_)))
            .count();
        // Items in proportion: an estimate is enough, as a vector grows when it is not.
        let items = self.items.saturating_mul(entries) / self.entries.max(1);
        Room { entries, items }
    }
}

/// The node halfway through the load order.
pub(super) fn middle(runs: &[NodeRun]) -> usize {
    runs.iter().map(|run| run.nodes.len()).sum::<usize>() / 2
}

/// `runs` cut after their first `cut` nodes.
fn halves(runs: &[NodeRun], cut: usize) -> (Vec<NodeRun>, Vec<NodeRun>) {
    let (mut first, mut second) = (Vec::new(), Vec::new());
    let mut left = cut;
    for run in runs {
        let taken = left.min(run.nodes.len());
        left -= taken;
        let at = run.nodes.start + taken as u32;
        first.push(NodeRun {
            file: run.file,
            nodes: run.nodes.start..at,
        });
        second.push(NodeRun {
            file: run.file,
            nodes: at..run.nodes.end,
        });
    }
    (first, second)
}

/// Appends the second half's lowering, `later`, to the first's.
fn append<'a>(
    out: &mut Lowered,
    handles: &mut FastMap<&'a str, u32>,
    later: Lowered,
    later_handles: FastMap<&'a str, u32>,
) {
    let people: Vec<PersonId> = (0..later.people.len() as u32)
        .map(|p| PersonId(out.people.intern(later.people.name(p))))
        .collect();
    let tags: Vec<TagId> = (0..later.tags.len() as u32)
        .map(|t| out.tags.intern(later.tags.name(TagId(t))))
        .collect();
    let mut names = vec![""; later_handles.len()];
    for (name, number) in later_handles {
        names[number as usize] = name;
    }
    let handle_names: Vec<u32> = (names.into_iter())
        .map(|name| handle_name(&mut out.handle_names, handles, name))
        .collect();
    let person = |p: PersonId| people[p.0 as usize];
    let moved = |run: Run, by: usize| Run::new(run.start + by as u32, run.end + by as u32);

    let (tag_refs, person_refs, items) =
        (out.tag_refs.len(), out.person_refs.len(), out.items.len());
    out.entries.extend(later.entries.into_iter().map(|mut e| {
        e.tags = moved(e.tags, tag_refs);
        e.people = moved(e.people, person_refs);
        e.items = moved(e.items, items);
        if let Some(Informed::Person(p)) = &mut e.fields.informed {
            *p = person(*p);
        }
        e
    }));
    out.when.extend(later.when);
    (out.tag_refs).extend(later.tag_refs.into_iter().map(|t| tags[t.0 as usize]));
    (out.person_refs).extend(later.person_refs.into_iter().map(person));
    out.items.extend(later.items.into_iter().map(|mut item| {
        item.owner = item.owner.map(person);
        item
    }));
    out.handle_uses
        .extend(later.handle_uses.into_iter().map(|mut u| {
            u.entry += out.next_seq;
            u.name = handle_names[u.name as usize];
            if let HandleAt::Item(i) = &mut u.at {
                *i += items as u32;
            }
            u
        }));
    out.next_seq += later.next_seq;
    out.diagnostics.extend(later.diagnostics);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::{Loaded, Overlay, load};

    /// What a lowering says, with its tables by number rather than by hash order.
    fn said(l: &Lowered) -> String {
        let people: Vec<&str> = (0..l.people.len() as u32)
            .map(|p| l.people.name(p))
            .collect();
        let tags: Vec<&str> = (0..l.tags.len() as u32)
            .map(|t| l.tags.name(TagId(t)))
            .collect();
        let handles: Vec<&str> = (0..l.handle_names.len() as u32)
            .map(|h| l.handle_names.get(h))
            .collect();
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{people:?}\n{tags:?}\n{handles:?}\n{}",
            l.entries,
            l.when,
            l.items,
            l.tag_refs,
            l.person_refs,
            l.handle_uses,
            l.diagnostics,
            l.next_seq
        )
    }

    fn lowered_at(loaded: &Loaded, cut: Option<usize>) -> Lowered {
        let (mut out, mut handles, _) = super::super::lower_directives(loaded);
        match cut {
            Some(cut) => lower_entries(&mut out, &mut handles, loaded, cut),
            None => lower_in_order(&mut out, &mut handles, loaded, &loaded.order),
        }
        out
    }

    /// Cut anywhere, even inside an included file, two threads lower as one does: the same
    /// entries, items, references and numbers, and the same errors in the same order.
    #[test]
    fn two_threads_lower_as_one() {
        let sample = include_str!("../../../samples/engineer/journal.up");
        // The sample, with a second copy included from a file of its own, so that the halves
        // share people, tags and handles, and meet errors.
        let main = format!("{sample}\ninclude more.up\n2026-12-01 did ^extra #Billing/New @Sam\n");
        let overlay = Overlay {
            files: vec![("main.up".into(), main), ("more.up".into(), sample.into())],
        };
        let loaded = load(&["main.up".into()], &overlay).expect("loads from memory");
        let nodes = middle(&loaded.order) * 2 + 1;
        let one = said(&lowered_at(&loaded, None));
        assert!(one.contains("Item(") && one.contains("Person("), "{one}");
        for cut in 0..=nodes {
            assert_eq!(
                said(&lowered_at(&loaded, Some(cut))),
                one,
                "cut at node {cut}"
            );
        }
    }

    #[test]
    fn halves_cut_the_runs_after_that_many_nodes() {
        let loaded = crate::model::load::included_midway();
        let (first, second) = halves(&loaded.order, 3);
        let count = |runs: &[NodeRun]| runs.iter().map(|r| r.nodes.len()).sum::<usize>();
        assert_eq!((count(&first), count(&second)), (3, 6));
        let rejoined: Vec<_> = (loaded.nodes(&first).chain(loaded.nodes(&second)))
            .map(|(r, _)| r)
            .collect();
        let whole: Vec<_> = loaded.nodes(&loaded.order).map(|(r, _)| r).collect();
        assert_eq!(rejoined, whole);
    }
}
