//! `upward merge`: a three-way merge of journal files by entry, for git's merge driver.
//!
//! Each version is cut into chunks ([`chunk`]): an entry or a directive with the comments and
//! blank lines above it. The chunks both versions share are found byte for byte ([`align`]);
//! a chunk that changed is recognised by its identity ([`key`]) among the chunks between the
//! same unchanged neighbours ([`side`]). Then, per chunk ([`combine`]), what one side did goes
//! through; new chunks of both sides are kept once and placed by date and time; the only
//! conflict is one chunk changed two ways, with markers around it alone.
//!
//! The result is made only of the three versions' bytes (a chunk's line endings, a BOM and a
//! missing final line ending are kept); the one byte sequence it may add is a line ending
//! after a last line that had none, when another chunk follows it. A file that cannot be cut
//! into chunks ([`Trouble`]) is not merged here: the caller falls back to git's line merge.
//!
//! ```
//! let base = b"2026-11-01 did A\n";
//! let ours = b"2026-11-01 did A\n2026-11-03 did C\n";
//! let theirs = b"2026-11-01 did A\n2026-11-02 did B\n  - with a note\n";
//! let merged = upward::merge::merge(base, ours, theirs).unwrap();
//! assert!(merged.conflicts.is_empty());
//! assert_eq!(
//!     merged.bytes,
//!     b"2026-11-01 did A\n2026-11-02 did B\n  - with a note\n2026-11-03 did C\n"
//! );
//! ```

pub mod align;
pub mod attributes;
pub mod chunk;
pub mod combine;
pub mod file;
pub mod key;
pub mod side;

pub use chunk::Trouble;
pub use combine::Conflict;

/// A merged file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub bytes: Vec<u8>,
    /// Chunks changed two ways, in the file's order; empty for a clean merge.
    pub conflicts: Vec<Conflict>,
}

/// Which version a [`Trouble`] was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    Base,
    Ours,
    Theirs,
}

impl Version {
    pub fn name(self) -> &'static str {
        match self {
            Version::Base => "the common ancestor",
            Version::Ours => "our version",
            Version::Theirs => "their version",
        }
    }
}

/// Merges `ours` and `theirs`, two descendants of `base`, by entry.
pub fn merge(base: &[u8], ours: &[u8], theirs: &[u8]) -> Result<Merged, (Version, Trouble)> {
    let clean = |bytes: &[u8]| Merged {
        bytes: bytes.to_vec(),
        conflicts: Vec::new(),
    };
    if ours == theirs || theirs == base {
        return Ok(clean(ours));
    }
    if ours == base {
        return Ok(clean(theirs));
    }
    let cut = |version, bytes| chunk::split(bytes).map_err(|t| (version, t));
    let (b, o, t) = (
        cut(Version::Base, base)?,
        cut(Version::Ours, ours)?,
        cut(Version::Theirs, theirs)?,
    );
    let our_side = side::classify(&b.chunks, &o.chunks);
    let their_side = side::classify(&b.chunks, &t.chunks);
    let inputs = combine::Inputs {
        base: &b.chunks,
        ours: &o.chunks,
        theirs: &t.chunks,
        our_side: &our_side,
        their_side: &their_side,
    };
    let eol = line_ending(ours)
        .or_else(|| line_ending(theirs))
        .unwrap_or(b"\n");
    let (body, conflicts) = combine::combine(&inputs, eol);
    let bom = if o.bom == b.bom { t.bom } else { o.bom };
    let mut bytes = Vec::with_capacity(bom.len() + body.len());
    bytes.extend_from_slice(bom);
    bytes.extend_from_slice(&body);
    Ok(Merged { bytes, conflicts })
}

/// The line ending of a text's first line, when it has one.
fn line_ending(text: &[u8]) -> Option<&'static [u8]> {
    let at = memchr::memchr(b'\n', text)?;
    Some(if at > 0 && text[at - 1] == b'\r' {
        b"\r\n"
    } else {
        b"\n"
    })
}

#[cfg(test)]
mod tests;
