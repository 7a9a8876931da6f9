//! The one renderer for terminals: rustc-style text, for upward's own diagnostics and those of
//! rule plugins (JSON is in `json`).

use std::fmt::Write;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use colored::Colorize;

use super::{Diagnostic, JsonDiagnostic, Severity, Span};
use crate::source::Sources;

/// Renders diagnostics as `file:line:col: severity[code]: message`, the source line with a
/// caret under the span, related places and help. Styled when `styled`; the output stream
/// strips styles where colour is not allowed.
pub fn render_term(diags: &[Diagnostic], sources: &Sources, styled: bool) -> String {
    render(diags, sources, styled, true)
}

/// [`render_term`], writing short plain lines directly when `quick`.
fn render(diags: &[Diagnostic], sources: &Sources, styled: bool, quick: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diags {
        let pos = sources.position(d.span);
        let file = &sources.get(d.span.file).name;
        head(
            &mut out,
            Some((file, pos.line, pos.column)),
            d.severity,
            d.code,
            &d.message,
            styled,
        );
        let alone = d.related().is_empty() && d.help().is_none() && d.fix().is_none();
        if quick && !styled && alone && quick_snippet(&mut out, sources, d.span) {
            out.push_str("\n\n");
            continue;
        }
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

/// Renders diagnostics that carry positions but no source to quote (those of rule plugins):
/// the head line, related places and help, then a blank line. A diagnostic without a file has
/// no position in its head. Styled; the output stream strips styles where colour is not allowed.
pub fn render_term_unquoted(diags: &[JsonDiagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let at = (!d.file.is_empty()).then_some((d.file.as_str(), d.line, d.column));
        head(&mut out, at, d.severity, &d.code, &d.message, true);
        for r in &d.related {
            let _ = writeln!(
                out,
                "  {} {}:{}:{}: {}",
                "note:".bold(),
                r.file,
                r.line,
                r.column,
                r.message
            );
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "  {} {help}", "help:".bold());
        }
        out.push('\n');
    }
    out
}

/// The head line, `file:line:col: severity[code]: message`, bold, with the severity and code
/// in its colour when `styled`.
fn head(
    out: &mut String,
    at: Option<(&str, u32, u32)>,
    severity: Severity,
    code: &str,
    message: &str,
    styled: bool,
) {
    if !styled {
        if let Some((file, line, column)) = at {
            let _ = write!(out, "{file}:{line}:{column}: ");
        }
        let _ = writeln!(out, "{severity}[{code}]: {message}");
        return;
    }
    if let Some((file, line, column)) = at {
        let _ = write!(out, "{} ", format!("{file}:{line}:{column}:").bold());
    }
    let (label, code) = match severity {
        Severity::Error => ("error".red().bold(), code.red().bold()),
        Severity::Warning => ("warning".yellow().bold(), code.yellow().bold()),
    };
    let _ = writeln!(out, "{label}[{code}]: {}", message.bold());
}

/// Longest line, in bytes, that [`quick_snippet`] writes: annotate-snippets starts cutting
/// lines that with the margin pass its terminal width of 140 columns.
const QUICK_LINE: usize = 120;

/// The snippet annotate-snippets renders for one unlabelled annotation on one line, written
/// directly when the line is short, printable ASCII: the common case, and most of `check`'s
/// output on a large journal. Returns false, writing nothing, for any other line.
fn quick_snippet(out: &mut String, sources: &Sources, span: Span) -> bool {
    let file = sources.get(span.file);
    let index = file.line_index(span.start);
    let line = file.line_text(index);
    let start = file.line_start(index);
    let from = (span.start as usize).saturating_sub(start);
    let to = (span.end as usize).saturating_sub(start).min(line.len());
    let to = if to <= from { from + 1 } else { to };
    let plain = |b: &u8| (b' '..=b'~').contains(b);
    if line.len() > QUICK_LINE
        || to > line.len()
        || !line.bytes().all(|b| plain(&b))
        || line.ends_with(' ')
    {
        return false;
    }
    let number = index + 1;
    let width = number.checked_ilog10().unwrap_or(0) as usize + 1;
    let _ = write!(
        out,
        "{:pad$}|\n{number} | {line}\n{:pad$}| {:from$}{}",
        "",
        "",
        "",
        "^".repeat(to - from),
        pad = width + 1,
    );
    true
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::FileId;
    use crate::source::SourceFile;

    /// Renders one warning on each line of `text`, over `span` relative to the line's start.
    fn both_ways(text: &str, span: (usize, usize)) -> (String, String) {
        let mut sources = Sources::default();
        let file = sources.add(SourceFile::new("a.up", "a.up", text.as_bytes().to_vec()));
        let mut diags = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let end = start + line.trim_end_matches('\n').len();
            // Spans start and end on characters.
            let on_char = |mut at: usize| {
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                at
            };
            let from = on_char((start + span.0).min(end));
            let to = on_char((start + span.1).clamp(from, end));
            diags.push(Diagnostic::warning(
                "repitch",
                Span::new(file, from, to),
                "a message",
            ));
            start += line.len();
        }
        (
            render(&diags, &sources, false, true),
            render(&diags, &sources, false, false),
        )
    }

    #[test]
    fn quick_snippets_are_what_annotate_snippets_renders() {
        let mut text = String::new();
        for n in 0..1200 {
            let len = n % 160;
            let word = ["did", "a  b", " lead", "x;y ", "(@ann)", "#t"][n % 6];
            let mut line = format!("{n} {word} ");
            while line.len() < len {
                line.push_str(word);
            }
            line.truncate(len);
            text.push_str(&line);
            text.push('\n');
        }
        text.push_str("2026-01-01 did caf\u{e9}\tthen\n\n   \nlast");
        for span in [
            (0, 0),
            (0, 1),
            (0, 10),
            (3, 7),
            (0, 500),
            (11, 12),
            (40, 200),
        ] {
            let (quick, slow) = both_ways(&text, span);
            assert_eq!(quick, slow, "span {span:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_line_renders_as_annotate_snippets_does(
            line in "[ -~\t\u{e9}\u{4e2d}]{0,170}",
            from in 0usize..180,
            len in 0usize..180,
        ) {
            let text = format!("first line\n{line}\nlast");
            let (quick, slow) = both_ways(&text, (from, from + len));
            proptest::prop_assert_eq!(quick, slow);
        }
    }

    #[test]
    fn a_unquoted_diagnostic_without_a_file_has_no_position() {
        let d = JsonDiagnostic {
            file: String::new(),
            line: 0,
            column: 0,
            severity: Severity::Error,
            code: "plugin".into(),
            message: "failed".into(),
            related: Vec::new(),
            help: Some("try again".into()),
        };
        let text = render_term_unquoted(&[d]);
        let plain =
            String::from_utf8(anstream::adapter::strip_bytes(text.as_bytes()).into_vec()).unwrap();
        assert_eq!(plain, "error[plugin]: failed\n  help: try again\n\n");
        let _ = FileId(0);
    }
}
