//! Git blob ids of byte strings, to test "is this old version a prefix of the new one?"
//! without reading the old version: it is when the id of the new text's first `size` bytes
//! equals the old blob's id.

use sha1::{Digest, Sha1};

/// The git object id of a blob holding `content`.
pub fn blob_id(content: &[u8]) -> [u8; 20] {
    let mut h = Sha1::new();
    h.update(format!("blob {}\0", content.len()).as_bytes());
    h.update(content);
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_git_hash_object() {
        // `printf 'hello\n' | git hash-object --stdin`
        let id: String = blob_id(b"hello\n")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(id, "ce013625030ba8dba906f756967f9e9ca394464a");
        let empty: String = blob_id(b"").iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(empty, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    }
}
