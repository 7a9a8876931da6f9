//! `upward draft`.

use super::args::{DraftArgs, Global};
use super::output::Failure;

pub fn run(_global: &Global, _args: &DraftArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward draft` is not available in this build yet".into(),
    ))
}
