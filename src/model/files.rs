//! Journal files on disk: a directory's `*.up` files (each directory once, however many
//! symlinks lead to it), and opening only regular files, so a named pipe or a device named
//! like a journal file is refused instead of blocking or streaming forever.

use std::collections::HashSet;
use std::fs::{File, Metadata};
use std::io;
use std::path::{Path, PathBuf};

/// Opens `path` for reading if it is a regular file (after following symlinks).
///
/// Anything else is an error naming what it is. On Linux the file is opened without blocking,
/// so a named pipe swapped in after the first look still cannot stall the open.
pub fn open_regular(path: &Path) -> io::Result<(File, Metadata)> {
    refuse_irregular(&std::fs::metadata(path)?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path)?;
    let meta = file.metadata()?;
    refuse_irregular(&meta)?;
    Ok((file, meta))
}

/// The bytes of `path`, if it is a regular file.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let (file, meta) = open_regular(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    io::Read::read_to_end(&mut &file, &mut bytes)?;
    Ok(bytes)
}

fn refuse_irregular(meta: &Metadata) -> io::Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    if meta.is_dir() {
        return Err(io::Error::from(io::ErrorKind::IsADirectory));
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("it is {}, not a regular file", kind_of_special(meta)),
    ))
}

#[cfg(unix)]
fn kind_of_special(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn kind_of_special(_: &Metadata) -> &'static str {
    "a special file"
}

/// Every `*.up` file below `dir`, sorted by path component bytewise, skipping names starting
/// with `.`. Symlinks are followed, but each directory (by device and inode) is entered once,
/// where it is first reached, so links back to a parent cannot make the walk loop. The walk
/// keeps its own stack: a deep tree cannot exhaust the program's.
pub fn walk(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut entered = HashSet::new();
    entered.insert(identity(&std::fs::metadata(dir)?));
    let mut stack = vec![sorted_entries(dir)?.into_iter()];
    while let Some(entries) = stack.last_mut() {
        let Some(path) = entries.next() else {
            stack.pop();
            continue;
        };
        let directory = std::fs::metadata(&path).ok().filter(|meta| meta.is_dir());
        if let Some(meta) = directory {
            if entered.insert(identity(&meta)) {
                stack.push(sorted_entries(&path)?.into_iter());
            }
        } else if path.extension().is_some_and(|e| e == "up") {
            // A dangling symlink or a special file is left to reading, which names it.
            out.push(path);
        }
    }
    Ok(out)
}

/// The entries of `dir` not starting with `.`, sorted by name bytewise.
fn sorted_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name();
        if !name.as_encoded_bytes().starts_with(b".") {
            names.push(name);
        }
    }
    names.sort_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
    Ok(names.into_iter().map(|name| dir.join(name)).collect())
}

/// What makes a directory the same one however it is reached.
#[cfg(unix)]
fn identity(meta: &Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// Without inode numbers, every directory counts as new: the walk still ends, because the
/// system's limit on symlinks in a path ends each loop.
#[cfg(not(unix))]
fn identity(_: &Metadata) -> (u64, u64) {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    (0, NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

#[cfg(test)]
mod tests {
    use super::{read_regular, walk};

    /// Two links back to the top and one to a sibling: each file is listed once.
    #[test]
    fn walk_enters_each_directory_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let top = dir.path();
        std::fs::create_dir_all(top.join("b/c")).expect("mkdir");
        for file in ["a.up", "b/c/d.up", "b/e.up", "b/notes.txt"] {
            std::fs::write(top.join(file), "").expect("write");
        }
        std::os::unix::fs::symlink("../..", top.join("b/c/up1")).expect("symlink");
        std::os::unix::fs::symlink("../..", top.join("b/c/up2")).expect("symlink");
        std::os::unix::fs::symlink("b", top.join("z")).expect("symlink");
        let found = walk(top).expect("walks");
        let want: Vec<_> = ["a.up", "b/c/d.up", "b/e.up"]
            .iter()
            .map(|f| top.join(f))
            .collect();
        assert_eq!(found, want);
    }

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = read_regular(dir.path()).expect_err("a directory");
        assert_eq!(err.kind(), std::io::ErrorKind::IsADirectory);
        let err = read_regular("/dev/null".as_ref()).expect_err("a device");
        assert_eq!(err.to_string(), "it is a device, not a regular file");
    }
}
