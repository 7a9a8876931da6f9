//! `upward streaks`.

use super::args::{Global, StreaksArgs};
use super::output::Failure;

pub fn run(_global: &Global, _args: &StreaksArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward streaks` is not available in this build yet".into(),
    ))
}
