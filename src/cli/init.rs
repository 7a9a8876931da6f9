//! `upward init`.

use super::args::{Global, InitArgs};
use super::output::Failure;

pub fn run(_global: &Global, _args: &InitArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward init` is not available in this build yet".into(),
    ))
}
