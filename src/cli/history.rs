//! `upward history`: priority churn, backfilled and edited entries, and a timeline, from git.

use super::args::{Global, HistoryArgs};
use super::output::Failure;

#[cfg(not(feature = "git"))]
pub fn run(_global: &Global, _args: &HistoryArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward history` needs git support, which this build of upward leaves out".into(),
    ))
}

#[cfg(feature = "git")]
pub fn run(global: &Global, args: &HistoryArgs) -> Result<u8, Failure> {
    use super::args::Format;
    use super::{exit, journal, output};
    use crate::git::{self, GitError};

    let journal = journal::load(global)?;
    let analysis = match git::analyse(journal, true) {
        Ok(a) => a,
        Err(e @ GitError::NotARepository(_)) => {
            output::error_line(&e.to_string());
            return Ok(exit::FINDINGS);
        }
        Err(e) => {
            output::error_line(&format!("cannot read the journal's history: {e}"));
            return Ok(exit::FINDINGS);
        }
    };
    let report = git::report(journal, &analysis, args.since);
    for note in &report.notes {
        output::eprint(&format!("note: {note}\n"));
    }
    match global.format {
        Format::Json => {
            let text = serde_json::to_string_pretty(&report).unwrap_or_default();
            output::print_data(&(text + "\n"))?;
        }
        _ => output::print(&term::render(&report))?,
    }
    Ok(exit::OK)
}

#[cfg(feature = "git")]
mod term {
    use colored::Colorize;

    use crate::git::HistoryReport;

    fn short(id: &str) -> &str {
        &id[..id.len().min(8)]
    }

    pub fn render(r: &HistoryReport) -> String {
        let mut out = String::new();
        let heading = |out: &mut String, title: &str| {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!("{}\n", title.bold()));
        };
        heading(&mut out, "Priority churn");
        if r.priorities.is_empty() {
            out.push_str("  no committed priorities\n");
        }
        for p in &r.priorities {
            out.push_str(&format!("  {} {}\n", p.title, format!("#{}", p.key).cyan()));
            // Both dates, labelled: the entry's (what JSON's `date` is) and the commit's.
            for c in &p.changes {
                out.push_str(&format!(
                    "    dated {}  committed {}  {}  {}\n",
                    c.date,
                    c.committed,
                    short(&c.commit).yellow(),
                    c.summary
                ));
            }
        }
        heading(
            &mut out,
            "Backfilled entries (first committed more than 3 days after their date)",
        );
        if r.backfilled.is_empty() {
            out.push_str("  none\n");
        }
        for b in &r.backfilled {
            let late = (b.committed - b.date).num_days();
            out.push_str(&format!(
                "  {}:{}  {} {}  committed {} ({} days later, {})\n",
                b.file,
                b.line,
                b.date,
                b.text,
                b.committed,
                late,
                short(&b.commit).yellow()
            ));
        }
        heading(
            &mut out,
            "Edited entries (changed after their first commit)",
        );
        if r.edited.is_empty() {
            out.push_str("  none\n");
        }
        for e in &r.edited {
            out.push_str(&format!(
                "  {}:{}  {} {}  edited {} ({})\n",
                e.file,
                e.line,
                e.date,
                e.text,
                e.committed,
                short(&e.commit).yellow()
            ));
        }
        heading(&mut out, "Timeline (by ISO week of the commit)");
        if r.timeline.is_empty() {
            out.push_str("  no commits\n");
        } else {
            out.push_str("  week      commits  entries added  edits  backfilled\n");
        }
        for w in &r.timeline {
            out.push_str(&format!(
                "  {}  {:>7}  {:>13}  {:>5}  {:>10}\n",
                w.week, w.commits, w.added, w.edits, w.backfilled
            ));
        }
        out
    }
}
