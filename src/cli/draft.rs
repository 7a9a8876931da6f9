//! `upward draft`.

use super::args::{DraftArgs, Global};
use super::output::Failure;
use super::report::{emit, load, one_boss};
use crate::report::draft::{self, Options};

pub fn run(global: &Global, _args: &DraftArgs) -> Result<u8, Failure> {
    let (journal, today) = load(global)?;
    let options = Options {
        boss: one_boss(global, journal, today)?,
    };
    emit(global, &draft::build(journal, today, &options))
}
