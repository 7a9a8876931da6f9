//! Sorting vectors of large values without copying them: the order is found on indices, then
//! applied in place by swaps, so no second vector of values is ever held; and sorting what is
//! nearly in order already.

/// Reorders `items` so that position `k` holds the item that was at `order[k]`, by following
/// each cycle of the permutation with swaps.
pub(crate) fn permute<T>(items: &mut [T], order: &[u32]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at] as usize;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Sorts `items` by `key`, stably, in place.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.sort_by_key(|&i| key(&items[i as usize]));
    permute(items, &order);
}

/// Sorts `items` by `key`, stably, by insertion, when they are nearly in order already, as
/// journals mostly are: the cost grows with how far items move. Returns how many places they
/// moved in all, or `None` (leaving them in some order, with equal keys still in their first
/// order) once they have moved a few places each on average.
pub(crate) fn sort_nearly_sorted<T: Copy, K: Ord>(
    items: &mut [T],
    key: impl Fn(&T) -> K,
) -> Option<usize> {
    let budget = items.len() * 4;
    let mut moved = 0;
    for i in 1..items.len() {
        let item = items[i];
        let k = key(&item);
        let mut at = i;
        while at > 0 && key(&items[at - 1]) > k {
            items[at] = items[at - 1];
            at -= 1;
        }
        items[at] = item;
        moved += i - at;
        if moved > budget {
            return None;
        }
    }
    Some(moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_in_place() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e'), (2, 'f')];
        let mut expected = items.clone();
        expected.sort_by_key(|&(k, _)| k);
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, expected);
        assert_eq!(items.iter().map(|&(_, c)| c).collect::<String>(), "dbefac");
    }

    #[test]
    fn permutes_every_cycle() {
        let mut items: Vec<u32> = (0..10).map(|i| i * 10).collect();
        let order = vec![3, 0, 1, 2, 9, 5, 8, 4, 6, 7];
        let expected: Vec<u32> = order.iter().map(|&i| i * 10).collect();
        permute(&mut items, &order);
        assert_eq!(items, expected);
    }
}
