//! `upward lsp`.

use super::args::{Global, LspArgs};
use super::output::Failure;

pub fn run(_global: &Global, _args: &LspArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward lsp` is not available in this build yet".into(),
    ))
}
