//! Plugin diagnostics in the terminal: `file:line:col: severity[code]: message` lines, styled
//! like upward's own (they carry positions but no source to quote).

use colored::Colorize;

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

/// One block per diagnostic: the head line, related places and help, then a blank line.
pub fn render_term(diags: &[JsonDiagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let label = match d.severity {
            Severity::Error => format!("{}[{}]", "error".red().bold(), d.code.red().bold()),
            Severity::Warning => {
                format!("{}[{}]", "warning".yellow().bold(), d.code.yellow().bold())
            }
        };
        if !d.file.is_empty() {
            let head = format!("{}:{}:{}:", d.file, d.line, d.column);
            out.push_str(&format!("{} ", head.bold()));
        }
        out.push_str(&format!("{label}: {}\n", d.message.bold()));
        for r in &d.related {
            out.push_str(&format!(
                "  {} {}:{}:{}: {}\n",
                "note:".bold(),
                r.file,
                r.line,
                r.column,
                r.message
            ));
        }
        if let Some(help) = &d.help {
            out.push_str(&format!("  {} {help}\n", "help:".bold()));
        }
        out.push('\n');
    }
    out
}
