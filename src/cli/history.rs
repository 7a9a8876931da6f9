//! `upward history`.

use super::args::{Global, HistoryArgs};
use super::output::Failure;

pub fn run(_global: &Global, _args: &HistoryArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward history` is not available in this build yet".into(),
    ))
}
