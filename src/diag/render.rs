//! The one renderer for terminals: rustc-style text (JSON is in `json`).

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use colored::Colorize;

use super::{Diagnostic, Severity, Span};
use crate::source::Sources;

/// Renders diagnostics as `file:line:col: severity[code]: message`, the source line with a
/// caret under the span, related places and help. Styled when `styled`; the output stream
/// strips styles where colour is not allowed.
pub fn render_term(diags: &[Diagnostic], sources: &Sources, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diags {
        let pos = sources.position(d.span);
        let file = &sources.get(d.span.file).name;
        let (label, code) = match d.severity {
            Severity::Error => ("error".red().bold(), d.code.red().bold()),
            Severity::Warning => ("warning".yellow().bold(), d.code.yellow().bold()),
        };
        let head = format!("{file}:{}:{}:", pos.line, pos.column);
        let head = if styled {
            head.bold().to_string()
        } else {
            head
        };
        let (label, code, message) = if styled {
            (
                label.to_string(),
                code.to_string(),
                d.message.bold().to_string(),
            )
        } else {
            (
                d.severity.to_string(),
                d.code.to_string(),
                d.message.clone(),
            )
        };
        out.push_str(&format!("{head} {label}[{code}]: {message}\n"));
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let mut group = Group::with_level(level.clone()).element(snippet(sources, d.span, None));
        for r in d.related() {
            let rfile = sources.get(r.span.file).name.as_str();
            group = group.element(snippet(sources, r.span, Some(&r.message)).path(rfile));
        }
        if let Some(help) = d.help() {
            group = group.element(Level::HELP.message(help));
        }
        if let Some(fix) = d.fix()
            && d.help().is_none()
        {
            group = group.element(Level::HELP.message(fix.title.as_str()));
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out
}

/// One source line with an annotation under `span` (clamped to that line).
fn snippet<'a>(
    sources: &'a Sources,
    span: Span,
    label: Option<&'a str>,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let file = sources.get(span.file);
    let index = file.line_index(span.start);
    let line = file.line_text(index);
    let start = file.line_start(index);
    let from = (span.start as usize).saturating_sub(start).min(line.len());
    let mut to = (span.end as usize)
        .saturating_sub(start)
        .clamp(from, line.len());
    if to == from {
        to = line[from..]
            .chars()
            .next()
            .map_or(from, |c| from + c.len_utf8());
    }
    let kind = if label.is_some() {
        AnnotationKind::Context
    } else {
        AnnotationKind::Primary
    };
    let annotation = match label {
        Some(l) => kind.span(from..to).label(l),
        None => kind.span(from..to),
    };
    Snippet::source(line)
        .line_start(index + 1)
        .annotation(annotation)
}
