//! `upward streaks`.

use super::args::{Global, StreaksArgs};
use super::output::Failure;
use super::report::{bosses, emit, load, redaction};
use crate::report::redact::Redact;
use crate::report::streaks_doc::{self, Options};

pub fn run(global: &Global, args: &StreaksArgs) -> Result<u8, Failure> {
    let (journal, today) = load(global)?;
    let strict = if args.strict {
        Some(backfilled(journal)?)
    } else {
        None
    };
    // The page shows no entry's text: only `--redact` takes `#private` entries out of the counts.
    let redaction = redaction(global, journal, args.redact, true);
    let shown = |e: &crate::model::Entry| {
        redaction
            .as_ref()
            .is_none_or(|r| !r.hides(&journal.sources.get(e.file).name, e.line + 1))
    };
    let counts =
        |e: &crate::model::Entry| strict.as_ref().is_none_or(|b| !b.contains(e)) && shown(e);
    let options = Options {
        bosses: bosses(global, journal, today)?,
        weeks: args.weeks,
        counts: &counts,
    };
    let mut report = streaks_doc::build(journal, today, &options);
    if let Some(r) = &redaction {
        report.redact(r);
    }
    emit(global, &report)
}

/// The entries git shows were first committed more than 3 days after their date.
#[cfg(feature = "git")]
fn backfilled(journal: &crate::model::Journal) -> Result<crate::git::Backfilled, Failure> {
    crate::git::backfilled(journal).map_err(|e| Failure::Usage(format!("streaks --strict: {e}")))
}

#[cfg(not(feature = "git"))]
fn backfilled(_journal: &crate::model::Journal) -> Result<Backfilled, Failure> {
    Err(Failure::Usage(
        "streaks --strict reads git history, and this build has no git support".into(),
    ))
}

/// Without git support nothing is known to be backfilled.
#[cfg(not(feature = "git"))]
struct Backfilled;

#[cfg(not(feature = "git"))]
impl Backfilled {
    fn contains(&self, _: &crate::model::Entry) -> bool {
        false
    }
}
