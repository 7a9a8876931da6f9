//! `upward` with no command: a short dashboard for today.

use super::args::{CheckArgs, Global};
use super::output::Failure;

pub fn run(global: &Global) -> Result<u8, Failure> {
    super::check::run(global, &CheckArgs::default())
}
