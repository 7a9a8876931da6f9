//! Diagnostics as JSON: one pretty-printed array of `{file, line, column, severity, code,
//! message}` with 1-based lines and columns, plus `related` and `help` when present.

use std::io::{self, Write};

use serde::Serialize;

use super::{Diagnostic, Severity};
use crate::source::Sources;
use crate::tuning::CHUNK;

/// A diagnostic as JSON: 1-based line and column. Its text is owned (`String`), or borrowed
/// from the diagnostic (`&str`) while it is written.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, serde::Deserialize)]
pub struct JsonDiagnostic<S = String> {
    pub file: S,
    pub line: u32,
    pub column: u32,
    pub severity: Severity,
    pub code: S,
    pub message: S,
    #[serde(skip_serializing_if = "Vec::is_empty", default = "Vec::new")]
    pub related: Vec<JsonRelated<S>>,
    #[serde(skip_serializing_if = "Option::is_none", default = "none")]
    pub help: Option<S>,
}

fn none<S>() -> Option<S> {
    None
}

impl<S> JsonDiagnostic<S> {
    /// The same diagnostic, its text converted by `f`.
    fn map<T>(self, f: impl Fn(S) -> T) -> JsonDiagnostic<T> {
        JsonDiagnostic {
            file: f(self.file),
            line: self.line,
            column: self.column,
            severity: self.severity,
            code: f(self.code),
            message: f(self.message),
            related: (self.related.into_iter())
                .map(|r| JsonRelated {
                    file: f(r.file),
                    line: r.line,
                    column: r.column,
                    message: f(r.message),
                })
                .collect(),
            help: self.help.map(&f),
        }
    }

    pub fn severity_str(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq, serde::Deserialize)]
pub struct JsonRelated<S = String> {
    pub file: S,
    pub line: u32,
    pub column: u32,
    pub message: S,
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
    (diags.iter())
        .map(|d| json_of(d, sources).map(str::to_string))
        .collect()
}

/// A diagnostic as JSON, borrowing its text.
fn json_of<'a>(d: &'a Diagnostic, sources: &'a Sources) -> JsonDiagnostic<&'a str> {
    let pos = sources.position(d.span);
    JsonDiagnostic {
        file: sources.get(d.span.file).name.as_str(),
        line: pos.line,
        column: pos.column,
        severity: d.severity,
        code: d.code,
        message: d.message.as_str(),
        related: d
            .related()
            .iter()
            .map(|r| {
                let p = sources.position(r.span);
                JsonRelated {
                    file: sources.get(r.span.file).name.as_str(),
                    line: p.line,
                    column: p.column,
                    message: r.message.as_str(),
                }
            })
            .collect(),
        help: d.help(),
    }
}

/// One JSON array of every diagnostic.
pub fn render_json(diags: &[Diagnostic], sources: &Sources) -> String {
    let mut out = Vec::new();
    match write_json(&mut out, diags, sources, &[]) {
        Ok(()) => String::from_utf8(out).unwrap_or_else(|_| "[]".into()),
        Err(_) => "[]".into(),
    }
}

/// Writes `diags` and then `extra` (from plugins) as one JSON array: the bytes
/// `serde_json::to_writer_pretty` gives for them all. A large journal can have tens of
/// thousands of diagnostics, so they are converted a chunk at a time, never all at once.
pub fn write_json(
    out: &mut dyn Write,
    diags: &[Diagnostic],
    sources: &Sources,
    extra: &[JsonDiagnostic],
) -> io::Result<()> {
    if diags.is_empty() && extra.is_empty() {
        return out.write_all(b"[]");
    }
    let mut array = Elements { out, any: false };
    let chunk = |diags: &[Diagnostic]| elements(&Chunk { diags, sources });
    for diags in diags.chunks(CHUNK) {
        array.push(&chunk(diags)?)?;
    }
    if !extra.is_empty() {
        array.push(&elements(extra)?)?;
    }
    array.out.write_all(b"\n]")
}

/// The elements of a JSON array being written, after its `[`.
struct Elements<'w> {
    out: &'w mut dyn Write,
    any: bool,
}

impl Elements<'_> {
    /// Writes elements from [`elements`].
    fn push(&mut self, elements: &[u8]) -> io::Result<()> {
        self.out.write_all(if self.any { b",\n" } else { b"[\n" })?;
        self.any = true;
        self.out.write_all(elements)
    }
}

/// Diagnostics that serialize as a JSON array, each converted as it is written.
struct Chunk<'a> {
    diags: &'a [Diagnostic],
    sources: &'a Sources,
}

impl Serialize for Chunk<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.diags.iter().map(|d| json_of(d, self.sources)))
    }
}

/// The elements of the pretty-printed non-empty array `items`, indented as inside it, without
/// the brackets and the line breaks next to them.
fn elements<T: Serialize + ?Sized>(items: &T) -> io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(items)?;
    let inner = bytes.len().saturating_sub(2);
    if !(bytes.starts_with(b"[\n") && bytes.ends_with(b"\n]")) {
        return Err(io::Error::other("a JSON array was expected"));
    }
    bytes.truncate(inner);
    bytes.drain(..2);
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{FileId, Span};
    use crate::source::SourceFile;

    /// Chunked, the output is byte for byte what serde_json prints for the whole array, for
    /// sizes around every chunk boundary.
    #[test]
    fn chunks_join_into_the_whole_array() {
        let text: String = (0..5000)
            .map(|i| format!("line {i} \"quoted\"\n"))
            .collect();
        let mut sources = Sources::default();
        sources.add(SourceFile::new("a.up", "a.up", text.into_bytes()));
        let extra = [JsonDiagnostic {
            file: "plugin".into(),
            line: 1,
            column: 1,
            severity: Severity::Error,
            code: "plugin".into(),
            message: "from a plugin".into(),
            related: Vec::new(),
            help: Some("help".into()),
        }];
        for n in [
            0,
            1,
            2,
            CHUNK - 1,
            CHUNK,
            CHUNK + 1,
            3 * CHUNK,
            9 * CHUNK + 7,
        ] {
            let diags: Vec<Diagnostic> = (0..n)
                .map(|i| {
                    let span = Span::new(FileId(0), i % 4000 * 10, i % 4000 * 10 + 4);
                    let d = Diagnostic::warning("rule", span, format!("warning \"{i}\"\n"));
                    if i % 3 == 0 {
                        d.with_related(span, "here").with_help("try this")
                    } else {
                        d
                    }
                })
                .collect();
            for extra in [&[][..], &extra[..]] {
                let mut all = to_json(&diags, &sources);
                all.extend(extra.iter().cloned());
                let expected = serde_json::to_string_pretty(&all).expect("serializes");
                let mut out = Vec::new();
                write_json(&mut out, &diags, &sources, extra).expect("writes to memory");
                assert_eq!(
                    String::from_utf8(out).expect("UTF-8"),
                    expected,
                    "{n} diagnostics"
                );
            }
        }
    }
}
