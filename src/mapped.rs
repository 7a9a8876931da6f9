//! Large journal files, mapped into memory for the life of the process instead of copied.
//!
//! Copying a 100 MB file out of the page cache writes 100 MB of fresh memory, which the
//! kernel must first zero; a read-only mapping shares the page cache's own pages. The
//! mapping is never undone: it backs text that a one-shot command keeps until it exits.
//! This module holds the library's only `unsafe` code.

use std::fs::File;
use std::io;

/// Files from this size up are mapped, and their UTF-8 checked on two threads.
pub(crate) const LARGE: usize = 8 << 20;

/// Maps the first `len` bytes of `file` for the rest of the process.
pub(crate) fn map_for_process(file: &File, len: usize) -> io::Result<&'static [u8]> {
    // SAFETY: the mapping is read-only and is only ever read through the returned slice,
    // which never outlives it since it is never unmapped. The file is the user's journal,
    // which nothing is expected to rewrite in place while a command reads it; if a program
    // truncates it meanwhile, reading past the new end stops the process with SIGBUS.
    let map = unsafe { memmap2::MmapOptions::new().len(len).map(file)? };
    Ok(&**Box::leak(Box::new(map)))
}

/// `bytes` as text when they are UTF-8; a large file is checked in two halves on two threads.
pub(crate) fn utf8(bytes: &[u8]) -> Option<&str> {
    if bytes.len() < LARGE || !crate::threads::second_core() {
        return std::str::from_utf8(bytes).ok();
    }
    let mut mid = bytes.len() / 2;
    // Split before a character's first byte, never inside it.
    while bytes.get(mid).is_some_and(|&b| b & 0xC0 == 0x80) {
        mid += 1;
    }
    let (first, second) = bytes.split_at(mid);
    let (a, b) = crate::threads::both(
        true,
        || std::str::from_utf8(first).is_ok(),
        || std::str::from_utf8(second).is_ok(),
    );
    // SAFETY: both halves are UTF-8 and the split lies between two characters, so the whole
    // is UTF-8: two valid sequences side by side form one.
    (a && b).then(|| unsafe { std::str::from_utf8_unchecked(bytes) })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A large text with a four-byte character across its middle.
    fn large() -> Vec<u8> {
        let mut bytes = vec![b'a'; LARGE + (1 << 20)];
        let mid = bytes.len() / 2 - 2;
        bytes[mid..mid + 4].copy_from_slice("𝄞".as_bytes());
        bytes
    }

    #[test]
    fn a_character_across_the_middle_is_kept_whole() {
        let bytes = large();
        assert_eq!(utf8(&bytes).map(str::len), Some(bytes.len()));
    }

    #[test]
    fn a_bad_byte_in_either_half_is_found() {
        for at in [10, LARGE + (1 << 20) - 10] {
            let mut bytes = large();
            bytes[at] = 0xff;
            assert_eq!(utf8(&bytes), None, "bad byte at {at}");
        }
        assert_eq!(utf8(b"ok\xfe"), None);
        assert_eq!(utf8("é".as_bytes()), Some("é"));
    }

    #[test]
    fn a_mapped_file_reads_as_written() -> io::Result<()> {
        let mut file = tempfile::tempfile()?;
        io::Write::write_all(&mut file, b"2026-01-05 checkin\n")?;
        assert_eq!(map_for_process(&file, 19)?, b"2026-01-05 checkin\n");
        Ok(())
    }
}
