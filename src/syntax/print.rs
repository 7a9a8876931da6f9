//! The tree → the bytes it came from.

use super::tree::Document;

/// Prints a tree back over its source: the result is the input, byte for byte.
pub fn print(doc: &Document, source: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(source.len());
    for line in &doc.lines {
        out.extend_from_slice(&source[line.full()]);
    }
    out
}
