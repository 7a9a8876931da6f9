//! `upward report`, and what every report command shares: loading, `--boss`, printing in
//! the chosen format.

use chrono::NaiveDate;

use super::args::{Format, Global, ReportArgs};
use super::output::{self, Failure};
use super::{exit, journal};
use crate::export::{self, Redaction};
use crate::model::{BossId, Journal};
use crate::report::redact::Redact;
use crate::report::{self, Report, range, select, summary};

pub fn run(global: &Global, args: &ReportArgs) -> Result<u8, Failure> {
    let (journal, today) = load(global)?;
    let period = range::parse_period(&args.period, today).map_err(Failure::Usage)?;
    let bosses = match &global.boss {
        Some(asked) => vec![find_boss(journal, asked, today)?],
        None => Vec::new(),
    };
    let options = summary::Options { period, bosses };
    let mut summary = summary::build(journal, today, &options);
    if let Some(r) = redaction(global, journal, args.redact, args.private) {
        summary.redact(&r);
    }
    emit(global, &summary)
}

/// What to leave out: with `--redact`, what `export --redact` leaves out (and people become
/// roles); else on an HTML page without `--private`, the `#private` entries.
pub(super) fn redaction(
    global: &Global,
    journal: &Journal,
    redact: bool,
    private: bool,
) -> Option<Redaction> {
    if redact {
        Some(Redaction::new(&export::export(journal)))
    } else if global.format == Format::Html && !private {
        Some(Redaction::private_only(&export::export(journal)))
    } else {
        None
    }
}

/// The journal and today. A journal with errors still reports; stderr says so once.
pub(super) fn load(global: &Global) -> Result<(&'static Journal, NaiveDate), Failure> {
    let today = journal::today(global)?;
    let journal = journal::load(global)?;
    let errors = journal.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        let noun = if errors == 1 { "error" } else { "errors" };
        output::eprint(&format!(
            "note: the journal has {errors} {noun}: a line that cannot be read counts for nothing here, and an entry with a wrong or missing field counts without it; run `upward check` to see them\n"
        ));
    }
    Ok((journal, today))
}

/// `--since`, else `default`; a date after today is a usage error, as a period that ends
/// before it starts is: the span would run backwards.
pub(super) fn since(
    since: Option<NaiveDate>,
    today: NaiveDate,
    default: fn(NaiveDate) -> NaiveDate,
) -> Result<NaiveDate, Failure> {
    match since {
        Some(date) if date > today => Err(Failure::Usage(format!(
            "`--since {date}` is after today ({today}); give a date on or before it"
        ))),
        Some(date) => Ok(date),
        None => Ok(default(today)),
    }
}

/// The boss `--boss` names; an unknown one is a usage error listing the journal's bosses.
pub(super) fn find_boss(
    journal: &Journal,
    asked: &str,
    today: NaiveDate,
) -> Result<BossId, Failure> {
    select::find(journal, asked, today).map_err(|e| Failure::Usage(e.to_string()))
}

/// `--boss`, else every boss active today.
pub(super) fn bosses(
    global: &Global,
    journal: &Journal,
    today: NaiveDate,
) -> Result<Vec<BossId>, Failure> {
    select::bosses(journal, global.boss.as_deref(), today)
        .map_err(|e| Failure::Usage(e.to_string()))
}

/// `--boss`, else the first-declared boss active today; a usage error when there is none.
pub(super) fn one_boss(
    global: &Global,
    journal: &Journal,
    today: NaiveDate,
) -> Result<BossId, Failure> {
    select::one(journal, global.boss.as_deref(), today)
        .map_err(|e| Failure::Usage(e.to_string()))?
        .ok_or_else(|| {
            Failure::Usage(format!(
                "no boss is active on {today}: name one with `--boss @id`, or declare one with a `boss @id Name` line"
            ))
        })
}

/// Prints a report in the chosen format.
pub(super) fn emit(global: &Global, report: &dyn Report) -> Result<u8, Failure> {
    let format = match global.format {
        Format::Term => report::Format::Term,
        Format::Md => report::Format::Md,
        Format::Json => report::Format::Json,
        Format::Csv => report::Format::Csv,
        Format::Html => report::Format::Html,
    };
    let width = (format == report::Format::Term)
        .then(|| comfy_table::Table::new().width())
        .flatten();
    let text = report::render(report, format, width).map_err(Failure::Usage)?;
    match format {
        report::Format::Json | report::Format::Csv | report::Format::Html => {
            output::print_data(&text)?
        }
        report::Format::Term | report::Format::Md => output::print(&text)?,
    }
    Ok(exit::OK)
}
