//! `upward export`.

use super::args::{ExportArgs, Global};
use super::output::Failure;

pub fn run(_global: &Global, _args: &ExportArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward export` is not available in this build yet".into(),
    ))
}
