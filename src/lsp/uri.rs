//! `file:` URIs ↔ paths. Other schemes (an editor's unsaved `untitled:` buffer) get a path named
//! after the URI, so the buffer loads like a file whose includes are relative to the current
//! directory.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::Uri;

/// The path a URI names.
pub fn to_path(uri: &Uri) -> PathBuf {
    let text = uri.as_str();
    let Some(rest) = text.strip_prefix("file://") else {
        return PathBuf::from(text.replace(['/', '\\', ':'], "_"));
    };
    // `file:///path` or `file://host/path`: the path starts at the first `/`.
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    let decoded = percent_decode(path);
    // `/C:/dir` on Windows is `C:/dir`.
    let bytes = decoded.as_bytes();
    if cfg!(windows) && bytes.len() > 2 && bytes[2] == b':' {
        return PathBuf::from(&decoded[1..]);
    }
    PathBuf::from(decoded)
}

/// The `file:` URI of an absolute path.
pub fn from_path(path: &Path) -> Option<Uri> {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_spaces_and_non_ascii() {
        let path = Path::new("/home/zoë/my notes/journal.up");
        let uri = from_path(path).unwrap_or_else(|| panic!("no uri"));
        assert_eq!(uri.as_str(), "file:///home/zo%C3%AB/my%20notes/journal.up");
        assert_eq!(to_path(&uri), path);
    }

    #[test]
    fn untitled_buffers_get_a_flat_name() {
        let uri = Uri::from_str("untitled:Untitled-1").unwrap_or_else(|_| panic!("uri"));
        assert_eq!(to_path(&uri), PathBuf::from("untitled_Untitled-1"));
    }
}
