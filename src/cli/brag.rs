//! `upward brag`.

use super::args::{BragArgs, Global};
use super::output::Failure;
use super::report::{emit, find_boss, load, redaction, since};
use crate::report::brag::{self, Options, default_since};
use crate::report::redact::Redact;

pub fn run(global: &Global, args: &BragArgs) -> Result<u8, Failure> {
    let (journal, today) = load(global)?;
    let bosses = match &global.boss {
        Some(asked) => vec![find_boss(journal, asked, today)?],
        None => Vec::new(),
    };
    let options = Options {
        since: since(args.since, today, default_since)?,
        bosses,
        private: args.private && !args.redact,
    };
    let mut brag = brag::build(journal, today, &options);
    if let Some(r) = redaction(global, journal, args.redact, options.private) {
        brag.redact(&r);
    }
    emit(global, &brag)
}
