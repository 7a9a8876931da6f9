//! `upward scorecard`.

use super::args::{Global, ScorecardArgs};
use super::output::Failure;
use super::report::{bosses, emit, load, since};
use crate::report::scorecard::{self, Options, default_since};

pub fn run(global: &Global, args: &ScorecardArgs) -> Result<u8, Failure> {
    let (journal, today) = load(global)?;
    let options = Options {
        since: since(args.since, today, default_since)?,
        bosses: bosses(global, journal, today)?,
    };
    emit(global, &scorecard::build(journal, today, &options))
}
