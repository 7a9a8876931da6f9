//! `upward report`.

use super::args::{Global, ReportArgs};
use super::output::Failure;

pub fn run(_global: &Global, _args: &ReportArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward report` is not available in this build yet".into(),
    ))
}
