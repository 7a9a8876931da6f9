//! The exclusive lock on a journal file, always on the file its path names.
//!
//! Locks belong to files, not paths. A writer that waited for the lock on a file that another
//! writer meanwhile replaced (by renaming a new file over its path) holds the lock on a file
//! nobody reads any more: what it appends is lost, and what it rewrites from that file drops
//! whatever the other writer added. So once the lock is held, the path is looked up again; if
//! it names another file (device and inode), the lock is let go and taken on the new file.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// How many times the path may be replaced under us before we give up.
const ATTEMPTS: usize = 100;

/// An open journal file under an exclusive lock, released when dropped.
#[derive(Debug)]
pub struct Locked {
    pub file: File,
}

impl Drop for Locked {
    fn drop(&mut self) {
        let _ = fs4::FileExt::unlock(&self.file);
    }
}

/// Opens `path` for reading and appending (creating it when `create`) and locks it exclusively,
/// making sure the lock is on the file the path names once it is held.
pub fn lock(path: &Path, create: bool) -> io::Result<Locked> {
    lock_between(path, create, &mut || {})
}

/// [`lock`], running `between` after opening and before locking (where another writer's
/// rename can slip in).
fn lock_between(path: &Path, create: bool, between: &mut dyn FnMut()) -> io::Result<Locked> {
    for _ in 0..ATTEMPTS {
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(create)
            .open(path)?;
        between();
        fs4::FileExt::lock(&file)?;
        let locked = Locked { file };
        if same_file(&locked.file, path)? {
            return Ok(locked);
        }
    }
    Err(io::Error::other(
        "it keeps being replaced by another program",
    ))
}

/// Whether `path` still names `file`. A path that no longer exists does not (the file was
/// removed or is being replaced).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let held = file.metadata()?;
    Ok(match std::fs::metadata(path) {
        Ok(named) => held.dev() == named.dev() && held.ino() == named.ino(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(e),
    })
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> io::Result<bool> {
    Ok(path.exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_replaced_before_the_lock_is_held_is_locked_again() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("j.up");
        std::fs::write(&path, "old\n")?;
        let mut replaced = 0;
        let locked = lock_between(&path, false, &mut || {
            if replaced == 0 {
                let new = dir.path().join("new");
                let _ = std::fs::write(&new, "new\n").and_then(|_| std::fs::rename(&new, &path));
            }
            replaced += 1;
        })?;
        let mut text = String::new();
        io::Read::read_to_string(&mut &locked.file, &mut text)?;
        assert_eq!((text.as_str(), replaced), ("new\n", 2));
        Ok(())
    }

    #[test]
    fn a_missing_file_is_created_only_when_asked() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("j.up");
        assert!(lock(&path, false).is_err());
        assert!(lock(&path, true).is_ok() && path.exists());
        Ok(())
    }
}
