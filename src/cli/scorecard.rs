//! `upward scorecard`.

use super::args::{Global, ScorecardArgs};
use super::output::Failure;

pub fn run(_global: &Global, _args: &ScorecardArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward scorecard` is not available in this build yet".into(),
    ))
}
