//! Building one entry and appending it to a journal file, atomically and under a lock.
//!
//! `upward add` runs these stages in order:
//!
//! 1. [`entry`]: the entry's text, from a kind, words and a date (or from `$EDITOR`, see
//!    [`editor`]).
//! 2. [`target`]: the file it goes to (`--to`, else the one journal file named, else the
//!    last file in path order).
//! 3. [`append`]: under an exclusive lock on that file, the whole journal is loaded with the
//!    entry appended in memory ([`validate`]); an entry that brings a new error is refused
//!    and nothing is written. Otherwise the entry's bytes are appended with the file's own
//!    line endings, the file is synced, and an optional step (a git commit) runs while the
//!    lock is still held. Concurrent `add`s to one file queue on the lock, so none is lost
//!    or interleaved.

pub mod append;
pub mod editor;
pub mod entry;
pub mod target;
pub mod validate;

pub use append::{Added, append_entry};
pub use entry::{EntryError, entry_line, from_edited, template};
pub use target::{canonical, default_target};

/// The starter journal that `upward init` writes: every example is commented out, and the
/// test suite checks that the examples, uncommented, form a journal without errors.
pub const STARTER: &str = include_str!("starter.up");

/// Why an entry was not added.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    /// The entry would bring errors into the journal; the journal as it would have been is
    /// kept so the diagnostics can be rendered against it.
    #[error("the entry has {} error(s)", .1.len())]
    Refused(Box<crate::model::Journal>, Vec<crate::diag::Diagnostic>),
    /// A file could not be read, locked or written; nothing was written.
    #[error("{0}")]
    Io(String),
    /// The entry was appended, but the step after it (a commit) failed.
    #[error("the entry was added, but {0}")]
    After(String),
}
