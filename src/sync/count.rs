//! How many entries a range of commits brought: entries of the journal files at the newer
//! commit that the older commit does not have byte for byte (new entries and changed ones).

use rustc_hash::FxHashMap;

use crate::merge::chunk::{Chunk, split};
use crate::merge::key::Ident;
use crate::program::{Git, GitFailure};

/// The journal files, as a pathspec.
pub const JOURNALS: &str = ":(glob)**/*.up";

/// Entries at `new` that are not at `old` (`None`: an empty repository).
pub fn entries(git: &Git, old: Option<&str>, new: &str) -> Result<usize, GitFailure> {
    let names = match old {
        Some(old) => git.read(&[
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            old,
            new,
            "--",
            JOURNALS,
        ])?,
        None => git.read(&["ls-tree", "-r", "-z", "--name-only", new])?,
    };
    let mut total = 0;
    for name in names.split(|&b| b == 0).filter(|n| n.ends_with(b".up")) {
        let name = String::from_utf8_lossy(name);
        let blob = |rev: &str| {
            git.read(&["cat-file", "blob", &format!("{rev}:{name}")])
                .unwrap_or_default()
        };
        let before = old.map(blob).unwrap_or_default();
        total += new_entries(&before, &blob(new));
    }
    Ok(total)
}

/// Entries of `after` not in `before`; by dated header lines when a file is not a journal
/// that can be cut into entries.
pub fn new_entries(before: &[u8], after: &[u8]) -> usize {
    let is_entry = |c: &Chunk| matches!(c.ident, Some(Ident::Entry { .. }));
    match (split(before), split(after)) {
        (Ok(b), Ok(a)) => {
            let old: Vec<&[u8]> = b
                .chunks
                .iter()
                .filter(|c| is_entry(c))
                .map(|c| c.bytes)
                .collect();
            let new = a.chunks.iter().filter(|c| is_entry(c)).map(|c| c.bytes);
            not_in(&old, new)
        }
        _ => not_in(&dated(before), dated(after).into_iter()),
    }
}

/// Lines that start with a digit: entry headers, in a file that is not quite a journal.
fn dated(text: &[u8]) -> Vec<&[u8]> {
    text.split(|&b| b == b'\n')
        .filter(|l| l.first().is_some_and(u8::is_ascii_digit))
        .collect()
}

/// How many of `new` are left once each of `old` has cancelled one equal item.
fn not_in<'a>(old: &[&'a [u8]], new: impl Iterator<Item = &'a [u8]>) -> usize {
    let mut left: FxHashMap<&[u8], usize> = FxHashMap::default();
    for item in old {
        *left.entry(item).or_default() += 1;
    }
    new.filter(|item| match left.get_mut(item) {
        Some(n) if *n > 0 => {
            *n -= 1;
            false
        }
        _ => true,
    })
    .count()
}

#[cfg(test)]
mod tests {
    use super::new_entries;

    #[test]
    fn new_and_changed_entries_count() {
        let before = b"boss @m M\n2026-11-01 did A\n2026-11-02 did B\n";
        let after = b"boss @m M\n2026-11-01 did A\n  - note\n2026-11-03 did C\n; end\n";
        assert_eq!(new_entries(before, after), 2);
        assert_eq!(new_entries(b"", after), 2);
        assert_eq!(new_entries(after, after), 0);
        assert_eq!(
            new_entries(b"  orphan\n", b"  orphan\n2026-11-01 did A\n"),
            1
        );
    }
}
