//! Entry order: entries sorted by (date, time, load order), and the handle uses renumbered to
//! match.

use super::lower::{HandleUse, Lowered};

/// Sorts entries by (date, time, load order), untimed entries first within a day, then the
/// handle uses by entry and position, each now naming its entry by index in that order.
///
/// Entries are large, so their order is found on small keys and then applied in place.
pub fn sort_entries(lowered: &mut Lowered) {
    let (entries, uses) = (&mut lowered.entries, &mut lowered.handle_uses);
    let when = std::mem::take(&mut lowered.when);
    let Some(order) = sorted_order(&when) else {
        sort_uses(uses);
        return;
    };
    drop(when);
    crate::reorder::permute(entries, &order);
    // Entries are lowered in load order: an entry's index there is its load order.
    let mut by_seq = vec![0u32; order.len()];
    for (id, &seq) in order.iter().enumerate() {
        by_seq[seq as usize] = id as u32;
    }
    for u in uses.iter_mut() {
        u.entry = by_seq[u.entry as usize];
    }
    sort_uses(uses);
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

#[cfg(test)]
mod tests {
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
