//! The locked append that either lands whole or not at all.
//!
//! A write can fail part way (a full disk, a quota, an I/O error) after some of its bytes
//! reached the file. The file's length before the append is noted, and on any failure of the
//! write or of the sync the file is cut back to it and synced again, so that a failed `add`
//! leaves the file byte for byte as it was instead of with half an entry that still parses.

use std::fs::File;
use std::io::{self, Write};

/// Appends `bytes` to `file` (open for appending, under the writer's lock) and syncs it; on
/// failure the file is cut back to its old length and the error returned.
pub fn append(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    append_with(file, bytes, |file, bytes| file.write_all(bytes))
}

/// [`append`] with the write itself supplied, so that a failure part way can be staged.
pub fn append_with(
    file: &mut File,
    bytes: &[u8],
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let before = file.metadata()?.len();
    let result = write(file, bytes).and_then(|()| file.sync_all());
    if let Err(e) = result {
        // Cutting a file back never needs space, so this works on a full disk too.
        return match file.set_len(before).and_then(|()| file.sync_all()) {
            Ok(()) => Err(e),
            Err(cut) => Err(io::Error::new(
                e.kind(),
                format!("{e}, and the partial write could not be undone: {cut}"),
            )),
        };
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::OpenOptions;

    #[test]
    fn a_write_that_fails_part_way_leaves_the_file_as_it_was() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("j.up");
        std::fs::write(&path, "2026-01-05 did a\n")?;
        let mut file = OpenOptions::new().read(true).append(true).open(&path)?;
        let err = append_with(&mut file, b"2026-01-06 did b, a longer entry\n", |f, b| {
            f.write_all(&b[..10])?;
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device",
            ))
        });
        assert_eq!(err.map_err(|e| e.kind()), Err(io::ErrorKind::StorageFull));
        assert_eq!(std::fs::read(&path)?, b"2026-01-05 did a\n");
        append(&mut file, b"2026-01-06 did b\n")?;
        assert_eq!(
            std::fs::read(&path)?,
            b"2026-01-05 did a\n2026-01-06 did b\n"
        );
        Ok(())
    }
}
