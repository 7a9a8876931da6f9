//! Every command that writes a journal file (`add`, `fmt`, `init`): writers of each kind at once
//! lose nothing, a full disk leaves the file as it was, and `fmt` keeps the file's owner and mode.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const TODAY: &str = "2026-11-23";
const BASE: &str = "boss @maria Maria Chen\n  cadence: none\n  updates: none\n";

fn upward(dir: &Path) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("upward"));
    cmd.current_dir(dir)
        .env_remove("UPWARD_JOURNAL")
        .env_remove("UPWARD_TODAY")
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .env("NO_COLOR", "1")
        .env("HOME", dir);
    cmd
}

fn journal(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("journal.up");
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

/// An entry that `fmt` always has work to do on (its words are two spaces apart).
fn entry(i: usize) -> String {
    format!("Entry  number  {i}  #load")
}

#[test]
fn formatters_and_adds_at_once_keep_every_added_entry() {
    let (dir, path) = journal(BASE);
    let stop = Arc::new(AtomicBool::new(false));
    let formatters: Vec<_> = (0..3)
        .map(|_| {
            let stop = Arc::clone(&stop);
            let dir = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let mut runs = 0;
                while !stop.load(Ordering::Relaxed) || runs == 0 {
                    let out = upward(&dir)
                        .args(["fmt", "-f", "journal.up"])
                        .output()
                        .expect("run fmt");
                    assert!(
                        out.status.success(),
                        "fmt failed: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    runs += 1;
                }
                runs
            })
        })
        .collect();
    let mut written = Vec::new();
    for wave in 0..4 {
        let children: Vec<_> = (0..20)
            .map(|k| {
                let i = wave * 20 + k;
                let child = upward(dir.path())
                    .args([
                        "add",
                        "did",
                        &entry(i),
                        "--today",
                        TODAY,
                        "-f",
                        "journal.up",
                    ])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn add");
                (i, child)
            })
            .collect();
        for (i, child) in children {
            let out = child.wait_with_output().expect("wait");
            if out.status.success() {
                written.push(i);
            } else {
                // A refusal is allowed (the lock kept being replaced); a lost entry is not.
                eprintln!("add {i}: {}", String::from_utf8_lossy(&out.stderr));
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    for f in formatters {
        assert!(f.join().expect("formatter thread") > 0);
    }
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(written.len() >= 60, "only {} adds succeeded", written.len());
    let missing: Vec<usize> = written
        .iter()
        .copied()
        .filter(|&i| {
            !text.contains(&format!("number {i} #load\n"))
                && !text.contains(&format!("{}\n", entry(i)))
        })
        .collect();
    assert!(missing.is_empty(), "entries {missing:?} were lost:\n{text}");
}

/// A small tmpfs mounted on a temporary directory, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Result<Tmpfs, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
        }
        Ok(Tmpfs { dir })
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// Fills the file system of `dir` until no byte more fits.
fn fill_up(dir: &Path) {
    use std::io::Write;
    let mut filler = std::fs::File::create(dir.join("filler")).expect("filler");
    let block = vec![b'x'; 4096];
    while filler.write_all(&block).is_ok() {}
    while filler.write_all(b"x").is_ok() {}
}

#[test]
fn add_on_a_full_disk_leaves_the_file_as_it_was() {
    let disk = match Tmpfs::mount("256k") {
        Ok(disk) => disk,
        Err(why) => {
            println!("skipped: a small tmpfs cannot be mounted here ({why})");
            return;
        }
    };
    let path = disk.dir.path().join("journal.up");
    std::fs::write(&path, BASE).expect("write");
    fill_up(disk.dir.path());
    // Longer than the free end of the file's last page, so the write runs out of space.
    let long = vec!["word"; 3000].join(" ");
    let out = upward(disk.dir.path())
        .args(["add", "did", &long, "--today", TODAY, "-f", "journal.up"])
        .output()
        .expect("run add");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no space left on device"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), BASE);
}

#[cfg(unix)]
#[test]
fn fmt_keeps_the_owner_and_mode_and_says_when_it_splits_a_hard_link() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let (dir, path) = journal("2026-11-02  did   Wrote the memo\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    // Another user's file, where this process may give files away (as root may).
    let other = std::os::unix::fs::chown(&path, Some(4321), Some(4321)).is_ok();
    if !other {
        println!("skipped the owner half: this process cannot give a file to another user");
    }
    std::fs::hard_link(&path, dir.path().join("link.up")).expect("link");
    let out = upward(dir.path())
        .args(["fmt", "-f", "journal.up"])
        .output()
        .expect("run fmt");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "2026-11-02 did Wrote the memo\n"
    );
    let meta = std::fs::metadata(&path).expect("stat");
    assert_eq!(meta.permissions().mode() & 0o7777, 0o640);
    if other {
        assert_eq!((meta.uid(), meta.gid()), (4321, 4321));
    }
    assert_eq!(
        stderr.matches('\n').count(),
        1,
        "one line about the hard link: {stderr}"
    );
    assert!(stderr.contains("hard link"), "{stderr}");
}
