//! How the lines of one version of a file map to another's: equal lines, edited entry
//! headers, removed body lines.

use super::lines::{Hunk, Text, diff, header_key, starts_node};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum From {
    Same(u32),
    Edited(u32),
    New,
}

#[derive(Clone, Copy, Debug)]
pub struct Mapped {
    pub from: From,
    /// Body lines right below this line were removed.
    pub trimmed_below: bool,
}

/// For each line of `new`, where it comes from in `old`.
pub fn line_map(old: &Text, new: &Text) -> Vec<Mapped> {
    let mut map = vec![
        Mapped {
            from: From::New,
            trimmed_below: false,
        };
        new.line_count()
    ];
    for hunk in diff(old, new) {
        match hunk {
            Hunk::Same { old, new, len } => {
                for i in 0..len {
                    map[new + i].from = From::Same((old + i) as u32);
                }
            }
            Hunk::Changed {
                old: o,
                old_len,
                new: n,
                new_len,
            } => {
                let removed_nodes = (o..o + old_len).any(|i| starts_node(old.line(i)));
                if new_len == 0 && !removed_nodes && n > 0 {
                    map[n - 1].trimmed_below = true;
                }
                let mut used = vec![false; old_len];
                for (j, slot) in map.iter_mut().enumerate().skip(n).take(new_len) {
                    let Some(key) = header_key(new.line(j)) else {
                        continue;
                    };
                    let twin = (0..old_len)
                        .find(|&k| !used[k] && header_key(old.line(o + k)) == Some(key));
                    if let Some(k) = twin {
                        used[k] = true;
                        slot.from = From::Edited((o + k) as u32);
                    }
                }
            }
        }
    }
    map
}

/// For each line of the work tree's `work`, its line in HEAD's `head` (an edited header still
/// counts as its entry's header); `None` for lines that are not committed.
pub fn work_map(head: &Text, work: &Text) -> Vec<Option<u32>> {
    line_map(head, work)
        .into_iter()
        .map(|m| match m.from {
            From::Same(o) | From::Edited(o) => Some(o),
            From::New => None,
        })
        .collect()
}
