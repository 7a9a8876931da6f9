//! Byte offsets and spans ↔ LSP positions (0-based lines, UTF-16 columns), and upward's
//! diagnostics as LSP diagnostics.

use lsp_types as lsp;

use super::uri;
use crate::diag::{Diagnostic, Severity, Span};
use crate::model::Journal;
use crate::source::SourceFile;

pub fn position(source: &SourceFile, offset: usize) -> lsp::Position {
    let (line, character) = source.utf16_position(offset as u32);
    lsp::Position { line, character }
}

pub fn range(source: &SourceFile, start: usize, end: usize) -> lsp::Range {
    lsp::Range {
        start: position(source, start),
        end: position(source, end.max(start)),
    }
}

pub fn offset(source: &SourceFile, position: lsp::Position) -> usize {
    source.offset_of_utf16(position.line, position.character)
}

pub fn span_range(journal: &Journal, span: Span) -> lsp::Range {
    range(
        journal.sources.get(span.file),
        span.start as usize,
        span.end as usize,
    )
}

/// Where a span is, for a reference into any file of the journal.
pub fn location(journal: &Journal, span: Span) -> Option<lsp::Location> {
    let source = journal.sources.get(span.file);
    let uri = uri::from_path(&super::documents::normalize(&source.path))?;
    Some(lsp::Location {
        uri,
        range: span_range(journal, span),
    })
}

/// One diagnostic for the editor: code, message (with its help), related places.
pub fn diagnostic(journal: &Journal, d: &Diagnostic) -> lsp::Diagnostic {
    let mut message = d.message.clone();
    if let Some(help) = d.help() {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .related()
        .iter()
        .filter_map(|r| {
            Some(lsp::DiagnosticRelatedInformation {
                location: location(journal, r.span)?,
                message: r.message.clone(),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: span_range(journal, d.span),
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        }),
        code: Some(lsp::NumberOrString::String(d.code.to_string())),
        source: Some("upward".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp::Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_count_surrogate_pairs() {
        let source = SourceFile::from_text("t.up", "2026-01-05 did 😀 #tag\n");
        let tag = source.text.find('#').unwrap_or_default();
        let p = position(&source, tag);
        assert_eq!((p.line, p.character), (0, 18));
        assert_eq!(offset(&source, p), tag);
    }
}
