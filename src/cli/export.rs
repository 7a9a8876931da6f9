//! `upward export`.

use super::args::{ExportArgs, Global};
use super::output::{self, Failure};
use super::{exit, journal};
use crate::export;

pub fn run(global: &Global, args: &ExportArgs) -> Result<u8, Failure> {
    let journal = journal::load(global)?;
    let mut model = export::export(journal);
    if args.redact {
        model = export::redact(&model);
    }
    output::print_data(&export::to_json(&model))?;
    let errors = journal.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors == 0 {
        return Ok(exit::OK);
    }
    let plural = if errors == 1 { "error" } else { "errors" };
    output::eprint(&format!(
        "note: the journal has {errors} {plural}; the export leaves out what could not be read (`upward check` shows where)\n"
    ));
    Ok(exit::FINDINGS)
}
