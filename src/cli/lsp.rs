//! `upward lsp`: the language server on stdio.

use super::args::{Global, LspArgs};
use super::exit;
use super::output::Failure;

pub fn run(_global: &Global, _args: &LspArgs) -> Result<u8, Failure> {
    crate::lsp::run_stdio().map_err(|e| Failure::Usage(e.to_string()))?;
    Ok(exit::OK)
}
