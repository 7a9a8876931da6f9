//! `upward scorecard`.

use super::args::{Global, ScorecardArgs};
use super::output::Failure;
use super::report::{emit, find_boss, load, since};
use crate::report::scorecard::{self, Options, default_since};
use crate::report::select;

pub fn run(global: &Global, args: &ScorecardArgs) -> Result<u8, Failure> {
    let (journal, today) = load(global)?;
    let since = since(args.since, today, default_since)?;
    // The boss named, else every boss active on any day of the window.
    let bosses = match &global.boss {
        Some(asked) => vec![find_boss(journal, asked, today)?],
        None => select::active_between(journal, since.min(today), today),
    };
    emit(
        global,
        &scorecard::build(journal, today, &Options { since, bosses }),
    )
}
