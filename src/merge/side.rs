//! What one side did to each chunk of the base: kept it, changed it or removed it, and which
//! chunks it added where.
//!
//! Chunks equal byte for byte are paired by [`super::align`]. Between two such pairs, a
//! stretch of the base was replaced by a stretch of the side; there a side chunk with the
//! identity of a base chunk ([`super::key`]) is that chunk changed, paired in order, and every
//! other side chunk is new.

use rustc_hash::FxHashMap;

use super::chunk::Chunk;
use super::key::Ident;

/// What a side did to one base chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Kept,
    /// Changed into the side's chunk at this index.
    Changed(usize),
    Removed,
}

/// One side against the base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// Per base chunk.
    pub fates: Vec<Fate>,
    /// `(slot, index)` of each new chunk, in the side's order: slot `i` lies just before the
    /// base's chunk `i` (slot `n` at the end).
    pub added: Vec<(usize, usize)>,
}

pub fn classify(base: &[Chunk], side: &[Chunk]) -> Side {
    let pairs = super::align::align(&bytes(base), &bytes(side));
    let mut out = Side {
        fates: vec![Fate::Removed; base.len()],
        added: Vec::new(),
    };
    let (mut b, mut s) = (0, 0);
    for &(i, j) in pairs
        .iter()
        .chain(std::iter::once(&(base.len(), side.len())))
    {
        if (b, s) != (i, j) {
            stretch(base, side, (b, i), (s, j), &mut out);
        }
        if i < base.len() {
            out.fates[i] = Fate::Kept;
        }
        (b, s) = (i + 1, j + 1);
    }
    out
}

fn bytes<'a>(chunks: &[Chunk<'a>]) -> Vec<&'a [u8]> {
    chunks.iter().map(|c| c.bytes).collect()
}

/// Base chunks `b0..b1` replaced by side chunks `s0..s1`.
fn stretch(
    base: &[Chunk],
    side: &[Chunk],
    (b0, b1): (usize, usize),
    (s0, s1): (usize, usize),
    out: &mut Side,
) {
    let mut waiting: FxHashMap<Ident, std::collections::VecDeque<usize>> = FxHashMap::default();
    for (i, chunk) in base.iter().enumerate().take(b1).skip(b0) {
        if let Some(ident) = chunk.ident {
            waiting.entry(ident).or_default().push_back(i);
        }
    }
    // Pairs stay in order: a side chunk pairs only with a base chunk after the last paired one.
    let mut slot = b0;
    for (j, chunk) in side.iter().enumerate().take(s1).skip(s0) {
        let paired = chunk.ident.and_then(|ident| {
            let queue = waiting.get_mut(&ident)?;
            while queue.front().is_some_and(|&i| i < slot) {
                queue.pop_front();
            }
            queue.pop_front()
        });
        match paired {
            Some(i) => {
                out.fates[i] = Fate::Changed(j);
                slot = i + 1;
            }
            None => out.added.push((slot, j)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::chunk::split;

    #[test]
    fn kept_changed_removed_and_added() {
        let base = "2026-11-01 did A\n2026-11-02 did B\n2026-11-03 did C\n";
        let side = "2026-11-01 did A\n2026-11-02 did B, reworded\n2026-11-02 win W\n";
        let (base, side) = (
            split(base.as_bytes()).unwrap(),
            split(side.as_bytes()).unwrap(),
        );
        let got = classify(&base.chunks, &side.chunks);
        assert_eq!(got.fates, [Fate::Kept, Fate::Changed(1), Fate::Removed]);
        assert_eq!(got.added, [(2, 2)]);
    }
}
