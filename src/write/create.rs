//! A new file that never replaces an existing one and is never seen half written: its bytes go
//! to a temporary file, synced, which is then hard-linked under its name (a link fails when the
//! name exists, atomically) and unlinked. A file system without hard links gets the file
//! created in place instead, still never over an existing one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use super::replace::temporary;

/// Creates `path` with `bytes`, executable or not. Returns `false`, writing nothing, when
/// `path` already exists.
pub fn create_new(path: &Path, bytes: &[u8], executable: bool) -> io::Result<bool> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if path.symlink_metadata().is_ok() {
        return Ok(false);
    }
    let (temp, file) = temporary(dir, path)?;
    let linked = fill(file, bytes, executable).and_then(|()| fs::hard_link(&temp, path));
    let _ = fs::remove_file(&temp);
    match linked {
        Ok(()) => {
            if let Ok(d) = File::open(dir) {
                let _ = d.sync_all();
            }
            Ok(true)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(_) => in_place(path, bytes, executable),
    }
}

fn fill(mut file: File, bytes: &[u8], executable: bool) -> io::Result<()> {
    file.write_all(bytes)?;
    set_mode(&file, executable)?;
    file.sync_all()
}

fn in_place(path: &Path, bytes: &[u8], executable: bool) -> io::Result<bool> {
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(file) => {
            fill(file, bytes, executable)?;
            Ok(true)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}

/// Makes the file executable by whoever may read it (the umask already applied to its mode).
#[cfg(unix)]
fn set_mode(file: &File, executable: bool) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    if executable {
        let mode = file.metadata()?.permissions().mode();
        file.set_permissions(fs::Permissions::from_mode(mode | (mode & 0o444) >> 2))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn set_mode(_file: &File, _executable: bool) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_replaces_and_leaves_no_temporary_file() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("j.up");
        assert!(create_new(&path, b"first\n", false)?);
        assert!(!create_new(&path, b"second\n", false)?);
        assert_eq!(fs::read(&path)?, b"first\n");
        assert_eq!(fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }
}
