//! Which chunks two versions of a file share, byte for byte, in order: a patience alignment.
//!
//! Common runs at both ends are matched first; in what is left, chunks that occur exactly once
//! on each side anchor the alignment (the longest run of them in the same order on both
//! sides), and the stretches between anchors are aligned the same way. Journal chunks are
//! nearly all unique, so this finds what a line diff would, in O(n log n), and never depends
//! on a time limit.

use rustc_hash::FxHashMap;

/// Pairs `(i, j)` with `a[i] == b[j]`, increasing in both `i` and `j`.
pub fn align(a: &[&[u8]], b: &[&[u8]]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::with_capacity(a.len().min(b.len()));
    let mut stack = vec![(0, a.len(), 0, b.len())];
    while let Some((mut a0, mut a1, mut b0, mut b1)) = stack.pop() {
        while a0 < a1 && b0 < b1 && a[a0] == b[b0] {
            pairs.push((a0, b0));
            a0 += 1;
            b0 += 1;
        }
        while a0 < a1 && b0 < b1 && a[a1 - 1] == b[b1 - 1] {
            a1 -= 1;
            b1 -= 1;
            pairs.push((a1, b1));
        }
        if a0 == a1 || b0 == b1 {
            continue;
        }
        let anchors = anchors(&a[a0..a1], &b[b0..b1]);
        let (mut pa, mut pb) = (a0, b0);
        for (i, j) in anchors {
            let (i, j) = (a0 + i, b0 + j);
            pairs.push((i, j));
            stack.push((pa, i, pb, j));
            (pa, pb) = (i + 1, j + 1);
        }
        if (pa, pb) != (a0, b0) {
            stack.push((pa, a1, pb, b1));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// The longest in-order run of chunks found exactly once in `a` and once in `b`.
fn anchors(a: &[&[u8]], b: &[&[u8]]) -> Vec<(usize, usize)> {
    // Per chunk: its count and last index in `a`, then in `b`.
    let mut seen: FxHashMap<&[u8], (u32, usize, u32, usize)> = FxHashMap::default();
    seen.reserve(a.len());
    for (i, chunk) in a.iter().enumerate() {
        let e = seen.entry(chunk).or_insert((0, 0, 0, 0));
        e.0 += 1;
        e.1 = i;
    }
    for (j, chunk) in b.iter().enumerate() {
        if let Some(e) = seen.get_mut(chunk) {
            e.2 += 1;
            e.3 = j;
        }
    }
    let unique: Vec<(usize, usize)> = b
        .iter()
        .enumerate()
        .filter_map(|(j, chunk)| {
            let &(na, i, nb, _) = seen.get(chunk)?;
            (na == 1 && nb == 1).then_some((i, j))
        })
        .collect();
    longest_increasing(&unique)
}

/// The longest subsequence of `pairs` (increasing in `.1`) that also increases in `.0`.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k]: index into `pairs` of the smallest last `.0` of a run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; pairs.len()];
    for (n, &(i, _)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].0 < i);
        before[n] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(n);
        } else {
            tails[k] = n;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(n) = at {
        run.push(pairs[n]);
        at = before[n];
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(a: &str, b: &str) -> Vec<(usize, usize)> {
        let a: Vec<&[u8]> = a.split(' ').map(str::as_bytes).collect();
        let b: Vec<&[u8]> = b.split(' ').map(str::as_bytes).collect();
        align(&a, &b)
    }

    #[test]
    fn shared_chunks_in_order() {
        assert_eq!(run("a b c", "a b c"), [(0, 0), (1, 1), (2, 2)]);
        assert_eq!(run("a b c", "a x c"), [(0, 0), (2, 2)]);
        assert_eq!(run("a b c d", "x c a d"), [(0, 2), (3, 3)]);
        assert_eq!(run("a x b x c", "a x c x"), [(0, 0), (1, 1), (3, 3)]);
        assert_eq!(run("x x", "y y"), []);
    }
}
