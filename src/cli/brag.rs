//! `upward brag`.

use super::args::{BragArgs, Global};
use super::output::Failure;
use super::report::{emit, find_boss, load, since};
use crate::report::brag::{self, Options, default_since};

pub fn run(global: &Global, args: &BragArgs) -> Result<u8, Failure> {
    let (journal, today) = load(global)?;
    let bosses = match &global.boss {
        Some(asked) => vec![find_boss(journal, asked, today)?],
        None => Vec::new(),
    };
    let options = Options {
        since: since(args.since, today, default_since)?,
        bosses,
    };
    emit(global, &brag::build(journal, today, &options))
}
