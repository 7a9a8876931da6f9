//! Finding and loading the journal (docs/language.md §8), and today's date (docs/language.md §5).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::args::Global;
use super::output::Failure;
use crate::model::{self, Disk, Journal};

/// The journal's paths: `-f`, else `UPWARD_JOURNAL`, else `./journal.up` or `./notes/`.
pub fn paths(global: &Global) -> Result<Vec<PathBuf>, Failure> {
    if !global.files.is_empty() {
        return Ok(global.files.clone());
    }
    if let Some(value) = std::env::var_os("UPWARD_JOURNAL").filter(|v| !v.is_empty()) {
        return Ok(std::env::split_paths(&value).collect());
    }
    for candidate in ["journal.up", "notes"] {
        let path = PathBuf::from(candidate);
        if path.exists() {
            return Ok(vec![path]);
        }
    }
    Err(Failure::Usage(
        "no journal found: pass `-f FILE` or `-f DIR`, set UPWARD_JOURNAL, run where ./journal.up or ./notes/ exists, or start one with `upward init`"
            .into(),
    ))
}

/// Loads and builds the journal, which then lives until the program exits: a command runs
/// once, and freeing a large journal a block at a time would only delay the exit.
pub fn load(global: &Global) -> Result<&'static Journal, Failure> {
    let paths = paths(global)?;
    for p in &paths {
        if !p.exists() {
            return Err(Failure::Usage(format!(
                "cannot read journal `{}`: no such file or directory",
                p.display()
            )));
        }
        if p.is_dir() && model::load::walk(p).is_ok_and(|files| files.is_empty()) {
            return Err(Failure::Usage(format!(
                "no journal found in `{}`: it holds no *.up file; pass a file, or start one with `upward init {}`",
                p.display(),
                p.display()
            )));
        }
    }
    load_paths(&paths).map(|journal| &*Box::leak(Box::new(journal)))
}

/// Loads and builds the journal at `paths`; a path that cannot be read is a usage error.
pub fn load_paths(paths: &[PathBuf]) -> Result<Journal, Failure> {
    let loaded = model::load(paths, &Disk).map_err(|e| {
        Failure::Usage(format!(
            "cannot read journal `{}`: {}",
            e.path,
            model::load::plain_io(&e.source)
        ))
    })?;
    Ok(Journal::build(loaded))
}

/// `--today`, else `UPWARD_TODAY`, else the local date.
pub fn today(global: &Global) -> Result<NaiveDate, Failure> {
    if let Some(today) = global.today {
        return Ok(today);
    }
    if let Ok(value) = std::env::var("UPWARD_TODAY")
        && !value.is_empty()
    {
        return super::args::parse_date(&value)
            .map_err(|e| Failure::Usage(format!("UPWARD_TODAY: {e}")));
    }
    Ok(chrono::Local::now().date_naive())
}
