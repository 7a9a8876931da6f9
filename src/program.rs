//! The user's own `git` program, for what must run as the user would run it: `sync` (their
//! credentials, ssh configuration and hooks) and the merge driver's line-merge fallback.
//! Arguments are passed directly, never through a shell.

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// `git` run in one directory.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
}

/// Why git could not be asked.
#[derive(Debug, thiserror::Error)]
pub enum GitFailure {
    #[error("this needs the git program, and none was found on PATH")]
    Missing,
    #[error("cannot run git: {0}")]
    Io(io::Error),
    /// It ran and failed; what it printed on stderr, trimmed.
    #[error("`git {args}` failed: {stderr}")]
    Failed { args: String, stderr: String },
}

impl Git {
    pub fn new(dir: &Path) -> Git {
        Git {
            dir: dir.to_path_buf(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("git");
        cmd.current_dir(&self.dir).args(args);
        cmd
    }

    /// Runs git with its output captured.
    pub fn output(&self, args: &[&str]) -> Result<Output, GitFailure> {
        self.command(args)
            .stdin(Stdio::null())
            .output()
            .map_err(failure)
    }

    /// Runs git and returns its stdout, or fails with its stderr.
    pub fn read(&self, args: &[&str]) -> Result<Vec<u8>, GitFailure> {
        let out = self.output(args)?;
        if out.status.success() {
            Ok(out.stdout)
        } else {
            Err(GitFailure::Failed {
                args: args.join(" "),
                stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            })
        }
    }

    /// [`Git::read`] as one trimmed line of text.
    pub fn line(&self, args: &[&str]) -> Result<String, GitFailure> {
        self.read(args)
            .map(|out| String::from_utf8_lossy(&out).trim().to_string())
    }

    /// Runs git with the terminal for its prompts and messages (what it prints on stdout goes
    /// to stderr, which keeps upward's own output clean); whether it succeeded.
    pub fn run(&self, args: &[&str]) -> Result<bool, GitFailure> {
        let status = self
            .command(args)
            .stdout(Stdio::from(io::stderr()))
            .status()
            .map_err(failure)?;
        Ok(status.success())
    }
}

fn failure(err: io::Error) -> GitFailure {
    if err.kind() == io::ErrorKind::NotFound {
        GitFailure::Missing
    } else {
        GitFailure::Io(err)
    }
}
