//! `upward check`: parse, model, rules; print diagnostics.

use super::args::{CheckArgs, Format, Global};
use super::output::{self, Failure};
use super::{exit, journal};
use crate::diag::{self, Diagnostic};
use crate::model::Journal;
use crate::model::settings::{rule_index, unknown_code};

pub fn run(global: &Global, args: &CheckArgs) -> Result<u8, Failure> {
    for code in &args.allow {
        if rule_index(code).is_none() {
            return Err(Failure::Usage(
                unknown_code("", code, Default::default()).message + " (in --allow)",
            ));
        }
    }
    let today = journal::today(global)?;
    let journal = journal::load(global)?;
    let diags = crate::check(&journal, today, &args.allow);
    match global.format {
        Format::Json => output::print(&(diag::render_json(&diags, &journal.sources) + "\n"))?,
        Format::Csv => output::print(&csv(&diags, &journal))?,
        Format::Term | Format::Md => {
            output::print(&diag::render_term(&diags, &journal.sources, true))?;
            output::eprint(&summary(&diags));
        }
    }
    let errors = diags.iter().any(Diagnostic::is_error);
    let denied = args.deny.is_some() && !diags.is_empty();
    Ok(if errors || denied {
        exit::FINDINGS
    } else {
        exit::OK
    })
}

fn summary(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if diags.is_empty() {
        String::new()
    } else {
        format!(
            "{}, {}\n",
            plural(errors, "error"),
            plural(warnings, "warning")
        )
    }
}

fn csv(diags: &[Diagnostic], journal: &Journal) -> String {
    let mut out = String::from("file,line,column,severity,code,message\n");
    for d in diag::to_json(diags, &journal.sources) {
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            quote(&d.file),
            d.line,
            d.column,
            d.severity_str(),
            d.code,
            quote(&d.message)
        ));
    }
    out
}
