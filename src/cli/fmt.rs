//! `upward fmt`.

use super::args::{FmtArgs, Global};
use super::output::Failure;

pub fn run(_global: &Global, _args: &FmtArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward fmt` is not available in this build yet".into(),
    ))
}
