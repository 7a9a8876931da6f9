//! Rewriting a file in place without ever leaving it half written: the new bytes go to a
//! temporary file in the same directory, are synced, and the temporary file is renamed over the
//! original. The original is locked meanwhile, so that a concurrent locked append waits.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Reads `path` under an exclusive lock, asks `change` for its new bytes, and writes them
/// atomically when there are some. Returns whether the file changed.
pub fn rewrite_locked(
    path: &Path,
    change: impl FnOnce(&[u8]) -> Option<Vec<u8>>,
) -> io::Result<bool> {
    let path = fs::canonicalize(path)?;
    let mut file = File::options().read(true).write(true).open(&path)?;
    fs4::FileExt::lock(&file)?;
    let mut old = Vec::new();
    file.read_to_end(&mut old)?;
    let changed = match change(&old) {
        Some(new) if new != old => {
            write_atomic(&path, &new)?;
            true
        }
        _ => false,
    };
    fs4::FileExt::unlock(&file)?;
    Ok(changed)
}

/// Replaces the contents of `path` with `bytes` atomically, keeping its permissions.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let mut temp_name = OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp = dir.join(temp_name);
    let result = write_then_rename(&temp, &path, bytes);
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    if let Ok(d) = File::open(&dir) {
        // Makes the rename itself durable; not every platform can sync a directory.
        let _ = d.sync_all();
    }
    result
}

fn write_then_rename(temp: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = File::create_new(temp)?;
    file.write_all(bytes)?;
    if let Ok(meta) = fs::metadata(path) {
        file.set_permissions(meta.permissions())?;
    }
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_in_place_and_leaves_no_temporary_file() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("j.up");
        fs::write(&path, "old\n")?;
        assert!(rewrite_locked(&path, |old| {
            assert_eq!(old, b"old\n");
            Some(b"new\n".to_vec())
        })?);
        assert!(!rewrite_locked(&path, |old| Some(old.to_vec()))?);
        assert_eq!(fs::read(&path)?, b"new\n");
        assert_eq!(fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }
}
