//! The one renderer: rustc-style text for terminals, and JSON.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use colored::Colorize;
use serde::Serialize;

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

/// A diagnostic as JSON: 1-based line and column.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, serde::Deserialize)]
pub struct JsonDiagnostic {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub severity: Severity,
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub related: Vec<JsonRelated>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub help: Option<String>,
}

impl JsonDiagnostic {
    pub fn severity_str(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq, serde::Deserialize)]
pub struct JsonRelated {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl<'de> serde::Deserialize<'de> for Severity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match String::deserialize(d)?.as_str() {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            other => Err(serde::de::Error::custom(format!(
                "unknown severity `{other}`"
            ))),
        }
    }
}

pub fn to_json(diags: &[Diagnostic], sources: &Sources) -> Vec<JsonDiagnostic> {
    diags.iter().map(|d| json_of(d, sources)).collect()
}

fn json_of(d: &Diagnostic, sources: &Sources) -> JsonDiagnostic {
    let pos = sources.position(d.span);
    JsonDiagnostic {
        file: sources.get(d.span.file).name.clone(),
        line: pos.line,
        column: pos.column,
        severity: d.severity,
        code: d.code.to_string(),
        message: d.message.clone(),
        related: d
            .related()
            .iter()
            .map(|r| {
                let p = sources.position(r.span);
                JsonRelated {
                    file: sources.get(r.span.file).name.clone(),
                    line: p.line,
                    column: p.column,
                    message: r.message.clone(),
                }
            })
            .collect(),
        help: d.help().map(str::to_string),
    }
}

/// Diagnostics written as one JSON array, then `extra` (from plugins). Each is converted as it
/// is written rather than all at once: a large journal can have tens of thousands.
#[derive(Debug)]
pub struct JsonArray<'a> {
    pub diags: &'a [Diagnostic],
    pub sources: &'a Sources,
    pub extra: &'a [JsonDiagnostic],
}

impl Serialize for JsonArray<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.diags.len() + self.extra.len()))?;
        for d in self.diags {
            seq.serialize_element(&json_of(d, self.sources))?;
        }
        for d in self.extra {
            seq.serialize_element(d)?;
        }
        seq.end()
    }
}

/// One JSON array of every diagnostic.
pub fn render_json(diags: &[Diagnostic], sources: &Sources) -> String {
    let array = JsonArray {
        diags,
        sources,
        extra: &[],
    };
    serde_json::to_string_pretty(&array).unwrap_or_else(|_| "[]".into())
}
