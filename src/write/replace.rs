//! Rewriting a file without ever leaving it half written: the new bytes go to a temporary file
//! in the same directory, which gets the original's owner and mode, is synced, and is renamed
//! over the original, all under the writer's lock on the original (see [`super::lock`]).

use std::ffi::OsString;
use std::fs::{self, File, Metadata};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::lock::lock;

/// What a rewrite did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rewrite {
    /// The file's bytes changed.
    pub changed: bool,
    /// The file had other hard links, which still name the old bytes: a rename makes a new
    /// file, and only this path names it.
    pub links_split: bool,
}

/// Reads `path` under the writers' exclusive lock, asks `change` for its new bytes, and
/// replaces the file with them when there are some.
pub fn rewrite_locked(
    path: &Path,
    change: impl FnOnce(&[u8]) -> Option<Vec<u8>>,
) -> io::Result<Rewrite> {
    let path = fs::canonicalize(path)?;
    let locked = lock(&path, false)?;
    let mut old = Vec::new();
    (&locked.file).read_to_end(&mut old)?;
    match change(&old) {
        Some(new) if new != old => {
            let meta = locked.file.metadata()?;
            replace(&path, &new, &meta)?;
            Ok(Rewrite {
                changed: true,
                links_split: links(&meta) > 1,
            })
        }
        _ => Ok(Rewrite::default()),
    }
}

/// Replaces the contents of `path` with `bytes` atomically, keeping its owner and mode. Not
/// locked: for a file no other writer knows of yet.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let meta = fs::metadata(&path)?;
    replace(&path, bytes, &meta)
}

fn replace(path: &Path, bytes: &[u8], meta: &Metadata) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (temp, file) = temporary(&dir, path)?;
    let result = fill(file, bytes, meta).and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    if let Ok(d) = File::open(&dir) {
        // Makes the rename itself durable; not every platform can sync a directory.
        let _ = d.sync_all();
    }
    result
}

/// A new temporary file beside `path`: `.NAME.PID.N.tmp`, hidden and never an existing file.
pub(super) fn temporary(dir: &Path, path: &Path) -> io::Result<(PathBuf, File)> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let mut n = 0u32;
    loop {
        let mut temp_name = OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}.{n}.tmp", std::process::id()));
        let temp = dir.join(temp_name);
        match File::create_new(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(e) => return Err(e),
        }
    }
}

fn fill(mut file: File, bytes: &[u8], meta: &Metadata) -> io::Result<()> {
    file.write_all(bytes)?;
    keep_owner_and_mode(&file, meta)?;
    file.sync_all()
}

/// Gives the new file the old one's owner and group (only when they differ: changing them
/// takes privileges) and then its mode (a change of owner clears set-id bits).
#[cfg(unix)]
fn keep_owner_and_mode(file: &File, meta: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let now = file.metadata()?;
    if (now.uid(), now.gid()) != (meta.uid(), meta.gid()) {
        std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).map_err(|e| {
            io::Error::other(format!(
                "its owner or group could not be kept ({}), so it was left unchanged",
                crate::model::load::plain_io(&e)
            ))
        })?;
    }
    file.set_permissions(meta.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, meta: &Metadata) -> io::Result<()> {
    file.set_permissions(meta.permissions())
}

#[cfg(unix)]
fn links(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_meta: &Metadata) -> u64 {
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_in_place_and_leaves_no_temporary_file() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("j.up");
        fs::write(&path, "old\n")?;
        let done = rewrite_locked(&path, |old| {
            assert_eq!(old, b"old\n");
            Some(b"new\n".to_vec())
        })?;
        assert_eq!(
            done,
            Rewrite {
                changed: true,
                links_split: false
            }
        );
        assert!(!rewrite_locked(&path, |old| Some(old.to_vec()))?.changed);
        assert_eq!(fs::read(&path)?, b"new\n");
        assert_eq!(fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn keeps_the_mode_and_reports_a_split_hard_link() -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("j.up");
        fs::write(&path, "old\n")?;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640))?;
        fs::hard_link(&path, dir.path().join("other.up"))?;
        let done = rewrite_locked(&path, |_| Some(b"new\n".to_vec()))?;
        assert!(done.links_split);
        assert_eq!(fs::metadata(&path)?.permissions().mode() & 0o7777, 0o640);
        assert_eq!(fs::read(dir.path().join("other.up"))?, b"old\n");
        Ok(())
    }
}
