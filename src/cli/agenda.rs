//! `upward agenda`.

use super::args::{AgendaArgs, Global};
use super::output::Failure;

pub fn run(_global: &Global, _args: &AgendaArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward agenda` is not available in this build yet".into(),
    ))
}
