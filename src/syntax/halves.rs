//! A large file parsed in two halves: where to cut it, and how the later half's tree is
//! appended to the earlier one.

use super::tree::{DirectiveNode, Document, EntryNode, Line, Node};

/// Where to cut a file in two: the start of an entry header near the middle. A header sets the
/// owner of the indented lines below it whether it reads or not, so the second half parses the
/// same as it would after the first.
pub(super) fn split_point(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = text.len() / 2;
    while let Some(i) = memchr::memchr(b'\n', &bytes[pos..]) {
        let next = pos + i + 1;
        if bytes.get(next).is_some_and(u8::is_ascii_digit) {
            return Some(next);
        }
        pos = next;
    }
    None
}

/// Appends the tree of a later part of the same file, moving its token and line indices.
pub(super) fn append(doc: &mut Document, later: Document) {
    let lines = doc.lines.len() as u32;
    let tokens = doc.tokens.len() as u32;
    let nodes = doc.nodes.len() as u32;
    let Document {
        lines: later_lines,
        tokens: later_tokens,
        nodes: later_nodes,
        directives: later_directives,
    } = later;
    let Document {
        lines: all_lines,
        tokens: all_tokens,
        nodes: all_nodes,
        directives: all_directives,
    } = doc;
    all_directives.extend(later_directives.iter().map(|&d| d + nodes));
    all_tokens.extend_from_slice(&later_tokens);
    all_lines.extend(later_lines.iter().map(|l| Line {
        first_token: l.first_token + tokens,
        ..*l
    }));
    all_nodes.extend(later_nodes.into_iter().map(|node| match node {
        Node::Entry(e) => Node::Entry(EntryNode {
            line: e.line + lines,
            body: e.body.start + lines..e.body.end + lines,
            ..e
        }),
        Node::Directive(d) => Node::Directive(DirectiveNode {
            line: d.line + lines,
            body: d.body.start + lines..d.body.end + lines,
            ..d
        }),
    }));
}

#[cfg(test)]
mod tests {
    use super::super::lines::parse_in;
    use super::split_point;
    use crate::diag::FileId;
    use crate::source::SourceFile;

    /// Lines of every kind, and the states a cut can fall in: under a header that does not
    /// read, after an invalid line, inside a directive's body, beside NUL bytes, invalid UTF-8
    /// and CRLF endings.
    const EDGES: &[u8] = b"2026-03-02 did fine #x @ann ^h1 due:2026-04-01\n  - a note #y\n\
        2026-13-45 did a date that is not one\n  - under the bad header\n  [ ] an action\n\n\
        2026-03-03 09:30 checkin @ann\n  continuation line ; comment\n; a comment\n\
        # A heading\nboss @zed Zed\n  cadence: weekly\n  - about Zed\n\
        2026-03-04 did NUL \0 here\n2026-03-05 did crlf\r\n  - body crlf\r\n\
        2026-03-06 did invalid \xff byte\n  - body\n9 not a date\n  - after it\n\
        2026-03-07 decision ^h1 outcome:accepted\n";

    /// Parsing in two halves gives exactly the tree, diagnostics and line starts of one pass,
    /// wherever the cut falls among the lines above.
    #[test]
    fn halves_parse_like_one_pass() {
        for pad in (0..EDGES.len()).step_by(41) {
            let mut bytes = b"\xef\xbb\xbf; a BOM first\n".to_vec();
            bytes.extend(std::iter::repeat_n(b'x', pad).chain(*b"\n"));
            for _ in 0..6 {
                bytes.extend_from_slice(EDGES);
            }
            let one = SourceFile::new("t.up", "t.up", bytes.clone());
            let two = SourceFile::new("t.up", "t.up", bytes.clone());
            assert!(split_point(&two.text).is_some());
            let (doc1, diags1) = parse_in(FileId(0), &one, false);
            let (doc2, diags2) = parse_in(FileId(0), &two, true);
            assert_eq!(doc1.lines, doc2.lines, "lines, pad {pad}");
            assert_eq!(doc1.tokens, doc2.tokens, "tokens, pad {pad}");
            assert_eq!(doc1.nodes, doc2.nodes, "nodes, pad {pad}");
            assert_eq!(diags1, diags2, "diagnostics, pad {pad}");
            assert!(
                diags1.len() >= 6 * 4,
                "the edge cases give errors: {diags1:?}"
            );
            let fresh = SourceFile::new("t.up", "t.up", bytes);
            let starts = |s: &SourceFile| {
                (0..s.line_count())
                    .map(|i| s.line_start(i))
                    .collect::<Vec<_>>()
            };
            assert_eq!(starts(&two), starts(&fresh), "line starts, pad {pad}");
        }
    }
}
