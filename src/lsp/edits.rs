//! Edits the server proposes: quick fixes for diagnostics, and formatting.

use std::collections::HashMap;

use chrono::Days;
use lsp_types as lsp;

use super::convert;
use super::documents::Analysis;
use crate::diag::{Diagnostic, Span, codes};
use crate::formatter;
use crate::source::SourceFile;
use crate::syntax::TokenKind;

/// Quick fixes for the diagnostics on the lines of `range`: the fix a diagnostic carries (a misspelt
/// kind, an unknown rule code), and `due:` for a promise or slip that lacks it.
pub fn code_actions(
    a: &Analysis,
    uri: &lsp::Uri,
    range: lsp::Range,
) -> Vec<lsp::CodeActionOrCommand> {
    let j = &a.journal;
    let mut out = Vec::new();
    for d in crate::check(j, a.today, &[]) {
        if d.span.file != a.file {
            continue;
        }
        // Any line the diagnostic touches offers its fix, wherever the cursor is on it.
        let at = convert::span_range(j, d.span);
        if at.end.line < range.start.line || range.end.line < at.start.line {
            continue;
        }
        let fix = match d.fix() {
            Some(f) => Some((f.title.clone(), f.span, f.replacement.clone())),
            None => missing_due(a, &d),
        };
        let Some((title, span, text)) = fix else {
            continue;
        };
        let edit = lsp::TextEdit {
            range: convert::span_range(j, span),
            new_text: text,
        };
        out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
            title,
            kind: Some(lsp::CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![convert::diagnostic(j, &d)]),
            edit: Some(lsp::WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                ..lsp::WorkspaceEdit::default()
            }),
            is_preferred: Some(true),
            ..lsp::CodeAction::default()
        }));
    }
    out
}

/// `this promise needs … due:YYYY-MM-DD`: insert `due:` a week after the entry's date, after
/// its handle (else after its kind).
fn missing_due(a: &Analysis, d: &Diagnostic) -> Option<(String, Span, String)> {
    if d.code != codes::MISSING || !d.message.contains("`due:") {
        return None;
    }
    let source = a.source();
    let doc = a.doc();
    let line = source.line_index(d.span.start) as u32;
    let tokens = doc.line_tokens(line);
    let date = tokens
        .iter()
        .find(|t| t.kind() == TokenKind::Date)
        .and_then(|t| crate::syntax::calendar_date(&source.text[t.range()]))?;
    let after = tokens
        .iter()
        .find(|t| t.kind() == TokenKind::Handle)
        .or_else(|| tokens.iter().find(|t| t.kind() == TokenKind::Kind))?;
    let due = date.checked_add_days(Days::new(7))?;
    let at = after.end() as usize;
    Some((
        format!("add `due:{due}`"),
        Span::new(a.file, at, at),
        format!(" due:{due}"),
    ))
}

/// The edits that put a buffer in the canonical layout. A buffer with parse errors is
/// formatted as `upward fmt --force` formats a file: its erroneous lines stay as they are
/// and every other line is laid out, so formatting never silently does nothing.
pub fn formatting(name: &str, text: &str) -> Option<Vec<lsp::TextEdit>> {
    let new = formatter::format_buffer(name, text);
    Some(line_edits(text, &new))
}

/// The smallest set of whole-line replacements that turns `old` into `new`.
pub fn line_edits(old: &str, new: &str) -> Vec<lsp::TextEdit> {
    let diff = similar::TextDiff::from_lines(old, new);
    let source = SourceFile::from_text("", old);
    let new_lines: Vec<&str> = diff.iter_new_slices().collect();
    let mut edits: Vec<lsp::TextEdit> = Vec::new();
    let mut pending: Option<(usize, usize, usize, usize)> = None;
    let flush = |p: Option<(usize, usize, usize, usize)>, edits: &mut Vec<lsp::TextEdit>| {
        if let Some((o1, o2, n1, n2)) = p {
            edits.push(lsp::TextEdit {
                range: convert::range(&source, source.line_start(o1), source.line_start(o2)),
                new_text: new_lines[n1..n2].concat(),
            });
        }
    };
    for op in diff.ops() {
        let (old_range, new_range) = (op.old_range(), op.new_range());
        if op.tag() == similar::DiffTag::Equal {
            flush(pending.take(), &mut edits);
            continue;
        }
        pending = Some(match pending {
            Some((o1, _, n1, _)) => (o1, old_range.end, n1, new_range.end),
            None => (
                old_range.start,
                old_range.end,
                new_range.start,
                new_range.end,
            ),
        });
    }
    flush(pending, &mut edits);
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(old: &str, edits: &[lsp::TextEdit]) -> String {
        let source = SourceFile::from_text("", old);
        let mut text = old.to_string();
        for e in edits.iter().rev() {
            let a = convert::offset(&source, e.range.start);
            let b = if e.range.end.line as usize >= source.line_count() {
                old.len()
            } else {
                convert::offset(&source, e.range.end)
            };
            text.replace_range(a..b, &e.new_text);
        }
        text
    }

    #[test]
    fn line_edits_rebuild_the_new_text() {
        let cases = [
            ("a\nb  \nc\n", "a\nb\nc\n"),
            ("x\n\n\n\ny", "x\n\ny\n"),
            ("2026-01-05   did a\n  - b\n", "2026-01-05 did a\n  - b\n"),
            ("", ""),
            ("a\r\nb \r\n", "a\r\nb\r\n"),
        ];
        for (old, new) in cases {
            assert_eq!(apply(old, &line_edits(old, new)), new, "{old:?}");
        }
    }
}
