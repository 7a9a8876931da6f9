//! `upward streaks`.

use super::args::{Global, StreaksArgs};
use super::output::Failure;
use super::report::{bosses, emit, load};
use crate::report::streaks_doc::{self, Options};

pub fn run(global: &Global, args: &StreaksArgs) -> Result<u8, Failure> {
    if args.strict {
        // Backfilled entries are known only from git history; until that is wired in,
        // `--strict` says so instead of silently counting every entry.
        return Err(Failure::Usage(
            "`upward streaks --strict` needs the journal's git history, which this build cannot read yet; run it without --strict".into(),
        ));
    }
    let (journal, today) = load(global)?;
    let options = Options {
        bosses: bosses(global, &journal, today)?,
        weeks: args.weeks,
        counts: &|_| true,
    };
    emit(global, &streaks_doc::build(&journal, today, &options))
}
