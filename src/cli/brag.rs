//! `upward brag`.

use super::args::{BragArgs, Global};
use super::output::Failure;

pub fn run(_global: &Global, _args: &BragArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward brag` is not available in this build yet".into(),
    ))
}
