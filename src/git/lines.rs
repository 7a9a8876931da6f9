//! Versions of a file as lines, and how the lines of one version map to another's.

use std::rc::Rc;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp};

/// One version of a file: the first `len` bytes of a shared buffer. Versions that are
/// prefixes of a later one share its buffer and its line table.
#[derive(Clone, Debug)]
pub struct Text {
    buf: Rc<Vec<u8>>,
    /// Start of every line of the whole buffer.
    starts: Rc<Vec<u32>>,
    len: usize,
    lines: usize,
}

impl Text {
    pub fn new(bytes: Vec<u8>) -> Text {
        let mut starts = vec![0u32];
        starts.extend(memchr::memchr_iter(b'\n', &bytes).map(|i| i as u32 + 1));
        if starts.last().is_some_and(|&s| s as usize == bytes.len()) {
            starts.pop();
        }
        let (len, lines) = (bytes.len(), starts.len());
        Text {
            buf: Rc::new(bytes),
            starts: Rc::new(starts),
            len,
            lines,
        }
    }

    /// The first `len` bytes (`len` at most this version's length).
    pub fn prefix(&self, len: usize) -> Text {
        let len = len.min(self.len);
        Text {
            buf: Rc::clone(&self.buf),
            starts: Rc::clone(&self.starts),
            len,
            lines: self.starts[..self.lines].partition_point(|&s| (s as usize) < len),
        }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    pub fn line_count(&self) -> usize {
        self.lines
    }

    /// How many lines `bytes` holds as a [`Text`], without building one: a last line needs
    /// no newline, and an empty file has none.
    pub fn count_lines(bytes: &[u8]) -> usize {
        let newlines = memchr::memchr_iter(b'\n', bytes).count();
        newlines + usize::from(bytes.last().is_some_and(|&b| b != b'\n'))
    }

    /// Where line `i`'s content ends (before `\r\n` or `\n`), in this version.
    pub fn content_end(&self, i: usize) -> usize {
        let start = self.starts[i] as usize;
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.buf.len(), |&s| s as usize)
            .min(self.len);
        let line = &self.buf[start..end];
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        start + line.len()
    }

    /// Line `i` without its line ending.
    pub fn line(&self, i: usize) -> &[u8] {
        &self.buf[self.starts[i] as usize..self.content_end(i)]
    }

    pub fn line_str(&self, i: usize) -> String {
        String::from_utf8_lossy(self.line(i)).into_owned()
    }
}

/// A stretch of a diff from an old version to a new one, in lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hunk {
    /// `len` lines equal from `old` and `new` on.
    Same { old: usize, new: usize, len: usize },
    /// `old_len` lines at `old` became `new_len` lines at `new` (either may be 0).
    Changed {
        old: usize,
        old_len: usize,
        new: usize,
        new_len: usize,
    },
}

/// The line diff of two versions. Line endings do not count, so a file converted between
/// LF and CRLF is unchanged. The common head and tail are found first; the rest is diffed
/// with a deadline, past which it counts as one change.
pub fn diff(old: &Text, new: &Text) -> Vec<Hunk> {
    let a: Vec<&[u8]> = (0..old.line_count()).map(|i| old.line(i)).collect();
    let b: Vec<&[u8]> = (0..new.line_count()).map(|i| new.line(i)).collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut hunks = Vec::new();
    if head > 0 {
        hunks.push(Hunk::Same {
            old: 0,
            new: 0,
            len: head,
        });
    }
    let (a_mid, b_mid) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let deadline = Some(Instant::now() + Duration::from_secs(2));
    for op in similar::capture_diff_slices_deadline(Algorithm::Myers, a_mid, b_mid, deadline) {
        let hunk = match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => Hunk::Same {
                old: old_index + head,
                new: new_index + head,
                len,
            },
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => Hunk::Changed {
                old: old_index + head,
                old_len,
                new: new_index + head,
                new_len: 0,
            },
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => Hunk::Changed {
                old: old_index + head,
                old_len: 0,
                new: new_index + head,
                new_len,
            },
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => Hunk::Changed {
                old: old_index + head,
                old_len,
                new: new_index + head,
                new_len,
            },
        };
        push_merged(&mut hunks, hunk);
    }
    if tail > 0 {
        hunks.push(Hunk::Same {
            old: a.len() - tail,
            new: b.len() - tail,
            len: tail,
        });
    }
    hunks
}

/// Adjacent changes become one (a delete next to an insert is a replacement).
fn push_merged(hunks: &mut Vec<Hunk>, hunk: Hunk) {
    if let (
        Some(Hunk::Changed {
            old_len, new_len, ..
        }),
        Hunk::Changed {
            old_len: more_old,
            new_len: more_new,
            ..
        },
    ) = (hunks.last_mut(), hunk)
    {
        *old_len += more_old;
        *new_len += more_new;
        return;
    }
    hunks.push(hunk);
}

/// The `DATE KIND` of an entry header line (the time is left out: moving an entry to
/// another hour edits it), used to pair an old header with its edited version.
pub fn header_key(line: &[u8]) -> Option<(&[u8], &[u8])> {
    let date = line.get(..10)?;
    let shaped = date.iter().enumerate().all(|(i, &b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    if !shaped {
        return None;
    }
    let mut words = line[10..]
        .split(|&b| b == b' ' || b == b'\t')
        .filter(|w| !w.is_empty());
    let mut kind = words.next()?;
    if kind.len() == 5 && kind[2] == b':' {
        kind = words.next()?;
    }
    Some((date, kind))
}

/// True for a line that starts an entry or a directive (column 0, not a comment or blank).
pub fn starts_node(line: &[u8]) -> bool {
    line.first()
        .is_some_and(|&b| !matches!(b, b' ' | b'\t' | b';' | b'#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_lines_agrees_with_a_text() {
        for bytes in ["", "a", "a\n", "a\nb", "\n\n", "a\r\nbb\nc", "x\n\ny\n"] {
            let text = Text::new(bytes.as_bytes().to_vec());
            assert_eq!(
                Text::count_lines(bytes.as_bytes()),
                text.line_count(),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn prefixes_share_lines() {
        let t = Text::new(b"a\r\nbb\nc".to_vec());
        assert_eq!(t.line_count(), 3);
        assert_eq!(t.line(0), b"a");
        assert_eq!(t.line(2), b"c");
        let p = t.prefix(4);
        assert_eq!(p.line_count(), 2);
        assert_eq!(p.line(1), b"b");
        assert_eq!(Text::new(Vec::new()).line_count(), 0);
        assert_eq!(Text::new(b"x\n".to_vec()).line_count(), 1);
    }

    #[test]
    fn diffs_lines() {
        let old = Text::new(b"a\nb\nc\nd\n".to_vec());
        let new = Text::new(b"a\nB\nc\nd\ne\n".to_vec());
        assert_eq!(
            diff(&old, &new),
            vec![
                Hunk::Same {
                    old: 0,
                    new: 0,
                    len: 1
                },
                Hunk::Changed {
                    old: 1,
                    old_len: 1,
                    new: 1,
                    new_len: 1
                },
                Hunk::Same {
                    old: 2,
                    new: 2,
                    len: 2
                },
                Hunk::Changed {
                    old: 4,
                    old_len: 0,
                    new: 4,
                    new_len: 1
                },
            ]
        );
    }

    #[test]
    fn header_keys() {
        let key = |s: &str| header_key(s.as_bytes()).map(|(d, k)| (d.to_vec(), k.to_vec()));
        assert_eq!(
            key("2026-11-03 09:30 checkin @maria"),
            Some((b"2026-11-03".to_vec(), b"checkin".to_vec()))
        );
        assert_eq!(key("  - note"), None);
        assert!(key("2026-11-03 did x").is_some());
    }
}
