//! Every write to a journal file, and the one locking discipline all writers share.
//!
//! - [`lock`]: an exclusive lock on the file a path names, taken again when the path was
//!   renamed over while we waited, so that every writer locks the file readers will see.
//! - [`append`]: a locked append that leaves the file byte for byte as it was when any part
//!   of it fails (a full disk, a quota).
//! - [`replace`]: a locked rewrite through a temporary file in the same directory, synced and
//!   renamed over the original, with the original's owner and mode.
//! - [`create`]: a new file that never replaces one and is never seen half written.
//!
//! `upward add` appends, `upward fmt` replaces and `upward init` creates; nothing else writes
//! to a journal.

mod append;
mod create;
mod lock;
mod replace;

pub use append::{append, append_with};
pub use create::create_new;
pub use lock::{Locked, lock};
pub use replace::{Rewrite, rewrite_locked, write_atomic};
