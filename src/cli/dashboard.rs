//! `upward` with no command: a short dashboard for today.

use super::args::Global;
use super::output::Failure;
use super::report::{bosses, emit, load};
use crate::report::dashboard::{self, Options};

pub fn run(global: &Global) -> Result<u8, Failure> {
    let (journal, today) = load(global)?;
    let options = Options {
        bosses: bosses(global, journal, today)?,
    };
    emit(global, &dashboard::build(journal, today, &options))
}
