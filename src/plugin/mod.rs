//! Finding and running `upward-NAME` plugins (docs/plugins.md): any command name upward does
//! not know runs the program of that name from PATH, with the export JSON on stdin; `check
//! --with NAME` runs a rule plugin and merges the diagnostics it prints. Programs are looked
//! up on absolute PATH entries only, never run from inside the journal's folders, and given a
//! PATH without relative entries or entries in those folders.

mod failure;
mod find;
mod run;

use std::path::PathBuf;

pub use failure::failure;
pub use find::{Found, Guard, PREFIX, Refusal, find, list, valid_name};
pub use run::{Context, exit_code, run, run_rule};

/// Why a plugin could not be found or started.
#[derive(Debug, thiserror::Error)]
pub enum PluginError {
    #[error("`{0}` is not a command or plugin name: use letters, digits, `_`, `.` and `-`")]
    InvalidName(String),
    #[error("no `{0}` on PATH")]
    NotFound(String),
    #[error("refusing to run `{}`: {why}", path.display())]
    Refused { path: PathBuf, why: Refusal },
    #[error("cannot run `{}`: {source}", path.display())]
    Spawn {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "a journal path holds the platform's path separator, so UPWARD_JOURNAL cannot carry it"
    )]
    JournalPath,
}

/// Why a rule plugin gave no diagnostics, as the end of "plugin `upward-NAME` …".
#[derive(Debug, thiserror::Error)]
pub enum RuleFailure {
    #[error("is not on PATH")]
    NotFound,
    #[error("was not run: {0}")]
    Refused(Refusal),
    #[error("could not start: {0}")]
    Start(String),
    #[error(
        "ran past its time ({0} s) and was stopped; `--plugin-timeout SECONDS` gives it longer"
    )]
    TimedOut(u64),
    #[error("{0}")]
    Status(String),
    #[error(
        "printed invalid JSON ({0}); a rule plugin prints one JSON array of diagnostics, as `upward check --format json` does"
    )]
    InvalidJson(String),
}

impl From<PluginError> for RuleFailure {
    fn from(err: PluginError) -> Self {
        match err {
            PluginError::NotFound(_) => RuleFailure::NotFound,
            PluginError::Refused { why, .. } => RuleFailure::Refused(why),
            PluginError::Spawn { source, .. } => RuleFailure::Start(source.to_string()),
            other => RuleFailure::Start(other.to_string()),
        }
    }
}
