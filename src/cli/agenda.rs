//! `upward agenda`.

use super::args::{AgendaArgs, Global};
use super::output::Failure;
use super::report::{emit, load, one_boss};
use crate::report::agenda::{self, Options};

pub fn run(global: &Global, _args: &AgendaArgs) -> Result<u8, Failure> {
    let (journal, today) = load(global)?;
    let options = Options {
        boss: one_boss(global, journal, today)?,
    };
    emit(global, &agenda::build(journal, today, &options))
}
