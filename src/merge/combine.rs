//! The three-way decision per chunk, and the merged file's bytes.
//!
//! Per base chunk: kept by both, kept; changed or removed by one side, that side's version;
//! changed the same way by both, once; changed two ways (or changed by one side and removed by
//! the other), a conflict with markers around that chunk alone. New chunks of both sides that
//! fall in one slot are merged by (date, time), each side's own order kept, ours first on a
//! tie; a chunk added on both sides byte for byte appears once.

use rustc_hash::FxHashMap;

use super::chunk::Chunk;
use super::key::When;
use super::side::{Fate, Side};

/// One chunk changed two ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The 1-based line of the `<<<<<<<` marker in the result.
    pub line: usize,
    /// The base version's first line that is not a comment or blank (its header).
    pub header: String,
}

/// The three versions, cut into chunks, and what each side did.
#[derive(Debug)]
pub struct Inputs<'a, 'c> {
    pub base: &'c [Chunk<'a>],
    pub ours: &'c [Chunk<'a>],
    pub theirs: &'c [Chunk<'a>],
    pub our_side: &'c Side,
    pub their_side: &'c Side,
}

/// The merged bytes (after the BOM) and the conflicts in them.
pub fn combine<'a, 'c>(inputs: &Inputs<'a, 'c>, eol: &[u8]) -> (Vec<u8>, Vec<Conflict>) {
    let Inputs {
        base,
        ours,
        theirs,
        our_side,
        their_side,
    } = inputs;
    let mut out = Output {
        bytes: Vec::with_capacity(ours.iter().map(|c| c.bytes.len()).sum::<usize>() + 1024),
        eol,
        conflicts: Vec::new(),
        counted: (0, 0),
    };
    let their_added = without_twins(ours, our_side, theirs, their_side);
    // New chunks wait until the next base chunk that stays, so that those on both sides of
    // removed chunks are placed together.
    let (mut mine, mut yours) = (Vec::new(), Vec::new());
    let (mut o, mut t) = (0, 0);
    for slot in 0..=base.len() {
        let take = |added: &[(usize, usize)], at: &mut usize, into: &mut Vec<usize>| {
            while let Some(&(_, i)) = added.get(*at).filter(|&&(s, _)| s == slot) {
                into.push(i);
                *at += 1;
            }
        };
        take(&our_side.added, &mut o, &mut mine);
        take(&their_added, &mut t, &mut yours);
        let resolved = match base.get(slot) {
            Some(chunk) => resolve(chunk, our_side.fates[slot], their_side.fates[slot], inputs),
            None => Resolved::Gone,
        };
        if resolved != Resolved::Gone || slot == base.len() {
            for chunk in by_date(ours, &mine, theirs, &yours) {
                out.push(chunk);
            }
            mine.clear();
            yours.clear();
        }
        match resolved {
            Resolved::Gone => {}
            Resolved::Parts(lead, rest) => {
                out.push(lead);
                out.push(rest);
            }
            Resolved::Conflict(m, y) => out.conflict(&base[slot], m, y),
        }
    }
    (out.bytes, out.conflicts)
}

/// What becomes of one base chunk.
#[derive(Debug, PartialEq, Eq)]
enum Resolved<'a> {
    Gone,
    /// The comments above the header, and the rest.
    Parts(&'a [u8], &'a [u8]),
    Conflict(Option<Chunk<'a>>, Option<Chunk<'a>>),
}

/// A chunk changed on both sides merges when the comments above it and the rest changed on
/// one side each (removing an entry gives its leading blank line to the entry below), or
/// the same way.
fn resolve<'a>(base: &Chunk<'a>, a: Fate, b: Fate, inputs: &Inputs<'a, '_>) -> Resolved<'a> {
    let pick = |fate: Fate, side: &[Chunk<'a>]| match fate {
        Fate::Kept => Some(*base),
        Fate::Changed(i) => Some(side[i]),
        Fate::Removed => None,
    };
    let (mine, yours) = (pick(a, inputs.ours), pick(b, inputs.theirs));
    let (Some(m), Some(y)) = (mine, yours) else {
        return match (a, b) {
            (Fate::Removed, Fate::Removed | Fate::Kept) | (Fate::Kept, Fate::Removed) => {
                Resolved::Gone
            }
            _ => Resolved::Conflict(mine, yours),
        };
    };
    let three = |b: &'a [u8], m: &'a [u8], y: &'a [u8]| {
        if m == y || b == y {
            Some(m)
        } else if b == m {
            Some(y)
        } else {
            None
        }
    };
    let (b, m, y) = (base.parts(), m.parts(), y.parts());
    match (three(b.0, m.0, y.0), three(b.1, m.1, y.1)) {
        (Some(lead), Some(rest)) => Resolved::Parts(lead, rest),
        _ => Resolved::Conflict(mine, yours),
    }
}

/// Their new chunks less those that ours added too, byte for byte.
fn without_twins(
    ours: &[Chunk],
    our_side: &Side,
    theirs: &[Chunk],
    their_side: &Side,
) -> Vec<(usize, usize)> {
    let mut ours_new: FxHashMap<&[u8], usize> = FxHashMap::default();
    for &(_, i) in &our_side.added {
        *ours_new.entry(ours[i].bytes).or_default() += 1;
    }
    their_side
        .added
        .iter()
        .copied()
        .filter(|&(_, i)| match ours_new.get_mut(theirs[i].bytes) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

/// Two lists of new chunks merged by date and time; a chunk without a date goes with the
/// chunk before it on its side.
fn by_date<'a>(
    ours: &[Chunk<'a>],
    mine: &[usize],
    theirs: &[Chunk<'a>],
    yours: &[usize],
) -> Vec<&'a [u8]> {
    let keyed = |side: &[Chunk<'a>], list: &[usize]| {
        let mut last: Option<When<'a>> = None;
        list.iter()
            .map(|&i| {
                last = side[i].when.or(last);
                (last, side[i].bytes)
            })
            .collect::<Vec<_>>()
    };
    let (a, b) = (keyed(ours, mine), keyed(theirs, yours));
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let take_theirs = j < b.len() && (i == a.len() || b[j].0 < a[i].0);
        if take_theirs {
            merged.push(b[j].1);
            j += 1;
        } else {
            merged.push(a[i].1);
            i += 1;
        }
    }
    merged
}

struct Output<'e> {
    bytes: Vec<u8>,
    eol: &'e [u8],
    conflicts: Vec<Conflict>,
    /// Lines counted so far, and up to which byte.
    counted: (usize, usize),
}

impl Output<'_> {
    /// Appends a chunk, ending the line before it first when a side's last line had no end.
    fn push(&mut self, chunk: &[u8]) {
        if !chunk.is_empty() && self.bytes.last().is_some_and(|&b| b != b'\n') {
            self.bytes.extend_from_slice(self.eol);
        }
        self.bytes.extend_from_slice(chunk);
    }

    fn push_opt(&mut self, chunk: Option<&[u8]>) {
        if let Some(chunk) = chunk {
            self.push(chunk);
        }
    }

    fn marker(&mut self, text: &str) {
        self.push(text.as_bytes());
        self.bytes.extend_from_slice(self.eol);
    }

    fn conflict(&mut self, base: &Chunk, mine: Option<Chunk>, yours: Option<Chunk>) {
        self.marker("<<<<<<< ours");
        let (lines, upto) = self.counted;
        let line = lines + memchr::memchr_iter(b'\n', &self.bytes[upto..]).count();
        self.counted = (line, self.bytes.len());
        self.push_opt(mine.map(|c| c.bytes));
        self.marker("=======");
        self.push_opt(yours.map(|c| c.bytes));
        self.marker(">>>>>>> theirs");
        self.conflicts.push(Conflict {
            line,
            header: header(base.bytes),
        });
    }
}

fn header(chunk: &[u8]) -> String {
    let text = String::from_utf8_lossy(chunk);
    text.lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with(';') && !l.starts_with('#'))
        .unwrap_or_default()
        .trim_end()
        .to_string()
}
