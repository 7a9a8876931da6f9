//! A journal rewritten in place while `check` reads it: whatever the command sees, it ends
//! with an exit code and a message, never a signal or a panic.

use std::io::{Seek, SeekFrom, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};

/// One version of the journal: `lines` comment lines of two-byte characters, so that a byte
/// changed under a reader lands inside a character; `shift` moves where each character starts.
fn version(lines: usize, shift: usize) -> Vec<u8> {
    let mut text = Vec::new();
    for i in 0..lines {
        text.extend_from_slice(b"; ");
        text.extend(std::iter::repeat_n(b'x', (i + shift) % 3));
        text.extend_from_slice("éééééééééééééééééééééééééééééé\n".as_bytes());
        if i % 1000 == 0 {
            text.extend_from_slice(b"2026-03-02 did one thing #x\n");
        }
    }
    text
}

/// Large enough that a reader takes a while over it (the size from which files used to be
/// mapped into memory), rewritten in place, shorter and longer, until the command ends.
#[test]
fn a_journal_rewritten_during_check_never_crashes_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("j.up");
    let long = version(150_000, 0);
    let short = version(60_000, 1);
    assert!(long.len() > 8 << 20);
    for round in 0..3 {
        std::fs::write(&path, &long).expect("write");
        let child = Command::new(assert_cmd::cargo::cargo_bin!("upward"))
            .args(["check", "--today", "2026-11-23", "--format", "json", "-f"])
            .arg(&path)
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts");
        let pid = child.id();
        let waiter = std::thread::spawn(move || child.wait_with_output().expect("waits"));
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .expect("opens");
        let mut flips = 0usize;
        while !waiter.is_finished() {
            let next = if flips.is_multiple_of(2) {
                &short
            } else {
                &long
            };
            file.set_len(0).expect("truncates");
            file.seek(SeekFrom::Start(0)).expect("seeks");
            file.write_all(next).expect("rewrites");
            flips += 1;
        }
        let out = waiter.join().expect("joins");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.signal(),
            None,
            "round {round}, pid {pid}: killed by a signal; {stderr}"
        );
        assert!(
            out.status.code().is_some_and(|c| c <= 2) && !stderr.contains("panicked"),
            "round {round}: {:?} {stderr}",
            out.status
        );
    }
}
