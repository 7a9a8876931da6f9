//! `upward add`.

use super::args::{AddArgs, Global};
use super::output::Failure;

pub fn run(_global: &Global, _args: &AddArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward add` is not available in this build yet".into(),
    ))
}
