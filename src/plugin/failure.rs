//! The error that stands for a rule plugin that failed (plugin diagnostics reach the terminal
//! through `diag::render_term_unquoted`).

use crate::diag::{JsonDiagnostic, Severity};

/// The code of the error that stands for a rule plugin that failed.
pub const CODE: &str = "plugin";

/// The one error that stands for a rule plugin that failed. It has no position: `file` is
/// empty and `line` and `column` are 0.
pub fn failure(program: &str, why: &str) -> JsonDiagnostic {
    JsonDiagnostic {
        file: String::new(),
        line: 0,
        column: 0,
        severity: Severity::Error,
        code: CODE.to_string(),
        message: format!("plugin `{program}` {why}"),
        related: Vec::new(),
        help: None,
    }
}
