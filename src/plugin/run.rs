//! Running a plugin: the export JSON on stdin, the journal, today and the version in the
//! environment. A plain plugin owns the terminal and its exit status becomes upward's; a rule
//! plugin's stdout is read as diagnostics, within a time limit.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use super::{PluginError, RuleFailure};
use crate::diag::JsonDiagnostic;

/// What every plugin is told about the journal.
#[derive(Clone, Debug)]
pub struct Context {
    /// The journal's paths, as `-f` or discovery named them.
    pub journal: Vec<PathBuf>,
    pub today: NaiveDate,
    /// The PATH the plugin gets (`Guard::clean_path`); `None` unsets it.
    pub path: Option<OsString>,
}

impl Context {
    /// The command for `program` with UPWARD_JOURNAL (absolute paths joined by the platform's
    /// separator), UPWARD_TODAY, UPWARD_VERSION and the cleaned PATH set.
    fn command(&self, program: &Path) -> Result<Command, PluginError> {
        let absolute = self
            .journal
            .iter()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()));
        let joined = std::env::join_paths(absolute).map_err(|_| PluginError::JournalPath)?;
        let mut cmd = Command::new(program);
        cmd.env("UPWARD_JOURNAL", joined)
            .env("UPWARD_TODAY", self.today.format("%Y-%m-%d").to_string())
            .env("UPWARD_VERSION", env!("CARGO_PKG_VERSION"));
        match &self.path {
            Some(path) => cmd.env("PATH", path),
            None => cmd.env_remove("PATH"),
        };
        Ok(cmd)
    }
}

/// Runs a plugin with the terminal's stdout and stderr; returns the exit status to exit with.
pub fn run(
    program: &Path,
    args: &[OsString],
    input: &str,
    ctx: &Context,
) -> Result<u8, PluginError> {
    let mut cmd = ctx.command(program)?;
    cmd.args(args).stdin(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| PluginError::Spawn {
        path: program.to_path_buf(),
        source: e,
    })?;
    let writer = feed(&mut child, input.to_string());
    let status = child.wait().map_err(|e| PluginError::Spawn {
        path: program.to_path_buf(),
        source: e,
    })?;
    let _ = writer.join();
    Ok(exit_code(status))
}

/// Writes `input` to the child's stdin on a thread, so that a plugin that prints before it
/// reads (or never reads) cannot block upward. A plugin that stops reading early is fine.
fn feed(child: &mut Child, input: String) -> thread::JoinHandle<()> {
    let stdin = child.stdin.take();
    thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(input.as_bytes());
        }
    })
}

/// The status to exit with: the plugin's code, or 128 + the signal that stopped it (as
/// shells report it).
pub fn exit_code(status: ExitStatus) -> u8 {
    if let Some(code) = status.code() {
        return u8::try_from(code).unwrap_or(1);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return u8::try_from(128 + signal).unwrap_or(1);
        }
    }
    1
}

/// Runs a rule plugin (`upward-NAME check`) and reads the JSON array of diagnostics it
/// prints. It may exit 0 or 1 (it found something); past `timeout` it is killed. A zero
/// timeout means no limit.
pub fn run_rule(
    program: &Path,
    input: &str,
    ctx: &Context,
    timeout: Duration,
) -> Result<Vec<JsonDiagnostic>, RuleFailure> {
    let mut cmd = ctx.command(program)?;
    cmd.arg("check")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| RuleFailure::Start(e.to_string()))?;
    let _writer = feed(&mut child, input.to_string());
    let stdout = read_stdout(&mut child);
    let deadline = (!timeout.is_zero()).then(|| Instant::now() + timeout);
    let status = match wait_until(&mut child, deadline) {
        Some(status) => status,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(RuleFailure::TimedOut(timeout.as_secs()));
        }
    };
    // A program the plugin started may still hold its stdout: that counts against the time.
    let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
    let output = match left {
        Some(left) => stdout.recv_timeout(left).ok(),
        None => stdout.recv().ok(),
    };
    let Some(output) = output else {
        return Err(RuleFailure::TimedOut(timeout.as_secs()));
    };
    if !matches!(status.code(), Some(0 | 1)) {
        return Err(RuleFailure::Status(describe(status)));
    }
    serde_json::from_slice(&output.unwrap_or_default())
        .map_err(|e| RuleFailure::InvalidJson(e.to_string()))
}

/// Reads the child's whole stdout on a thread; the bytes arrive on the channel at EOF.
fn read_stdout(child: &mut Child) -> mpsc::Receiver<Option<Vec<u8>>> {
    let (send, receive) = mpsc::channel();
    let stdout = child.stdout.take();
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let ok = stdout.is_some_and(|mut s| s.read_to_end(&mut bytes).is_ok());
        let _ = send.send(ok.then_some(bytes));
    });
    receive
}

/// Waits for the child to exit, up to `deadline`; `None` when the deadline passed first.
fn wait_until(child: &mut Child, deadline: Option<Instant>) -> Option<ExitStatus> {
    let Some(deadline) = deadline else {
        return child.wait().ok();
    };
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() >= deadline => return None,
            Ok(None) => thread::sleep(Duration::from_millis(10)),
            Err(_) => return None,
        }
    }
}

fn describe(status: ExitStatus) -> String {
    if let Some(code) = status.code() {
        return format!("exited with status {code}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return format!("was killed by signal {signal}");
        }
    }
    "stopped without an exit status".to_string()
}
