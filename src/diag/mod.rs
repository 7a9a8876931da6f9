//! The one diagnostic type, shared by the parser, the model, the rules and every front end.

mod json;
mod render;

pub use json::{JsonDiagnostic, JsonRelated, render_json, to_json, write_json};
pub use render::{render_term, render_term_unquoted};

use std::fmt;

/// Which file of the journal a span is in: an index into the loaded sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range in one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Span {
            file,
            start: start as u32,
            end: end as u32,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// Another place that belongs to a diagnostic ("declined here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// A machine-applicable fix: replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub span: Span,
    pub replacement: String,
}

/// One finding about the journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable code: a rule's code for warnings, an error class for errors.
    pub code: &'static str,
    pub message: String,
    pub span: Span,
    /// A warning about a past event that is old enough, or resolved, to need nothing more
    /// (docs/language.md §6): `check` and the dashboard leave it out.
    settled: bool,
    /// Related places, help and a fix. Most diagnostics have none, and a large journal can
    /// have tens of thousands of diagnostics, so they are kept apart.
    more: Option<Box<More>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct More {
    related: Vec<Related>,
    help: Option<String>,
    fix: Option<Fix>,
}

impl Diagnostic {
    pub fn error(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            span,
            settled: false,
            more: None,
        }
    }

    pub fn warning(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    /// Other places that explain this one.
    pub fn related(&self) -> &[Related] {
        self.more.as_ref().map_or(&[], |more| &more.related)
    }

    pub fn help(&self) -> Option<&str> {
        self.more.as_ref()?.help.as_deref()
    }

    /// An edit that fixes the problem.
    pub fn fix(&self) -> Option<&Fix> {
        self.more.as_ref()?.fix.as_ref()
    }

    fn more_mut(&mut self) -> &mut More {
        self.more.get_or_insert_default()
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.more_mut().help = Some(help.into());
        self
    }

    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.more_mut().related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_fix(
        mut self,
        title: impl Into<String>,
        span: Span,
        replacement: impl Into<String>,
    ) -> Self {
        self.more_mut().fix = Some(Fix {
            title: title.into(),
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// Marks a warning settled.
    pub fn settled(mut self) -> Self {
        self.settled = true;
        self
    }

    /// Whether the warning is settled: about a past event that nobody needs to act on now.
    pub fn is_settled(&self) -> bool {
        self.settled
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Stable codes of errors (warnings use their rule's code): each but `io` is a row of
/// [`crate::rules::codes::TABLE`].
pub mod codes {
    pub const ENCODING: &str = "encoding";
    pub const TOO_LONG: &str = "too-long";
    pub const SYNTAX: &str = "syntax";
    pub const DATE: &str = "date";
    pub const TIME: &str = "time";
    pub const UNKNOWN_KIND: &str = "unknown-kind";
    pub const MISSING: &str = "missing";
    pub const FIELD_VALUE: &str = "field-value";
    pub const FIELD_KIND: &str = "field-kind";
    pub const DUPLICATE_FIELD: &str = "duplicate-field";
    pub const HANDLE: &str = "handle";
    pub const BODY: &str = "orphan-body";
    pub const INDENTED_ENTRY: &str = "indented-entry";
    pub const INCLUDE: &str = "include";
    pub const BOSS: &str = "boss";
    pub const SET: &str = "set";
    pub const IO: &str = "io";
}
