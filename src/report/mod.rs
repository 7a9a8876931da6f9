//! Reports: each a function of the journal and today returning a data struct (serialised as
//! JSON by serde), which also turns itself into a [`render::Doc`] for the terminal and
//! Markdown, and into a [`render::csv::Csv`] where the data is a table.
//!
//! Reports only read the model (and the rules' warnings); they never re-parse.

pub mod agenda;
pub mod agenda_doc;
pub mod brag;
pub mod calendar;
pub mod commitments;
pub mod dashboard;
pub mod draft;
pub mod draft_doc;
pub mod facts;
pub mod heatmap;
pub mod html;
pub mod range;
pub mod redact;
pub mod render;
pub mod rhythm;
pub mod scorecard;
pub mod scorecard_doc;
pub mod select;
pub mod streaks;
pub mod streaks_doc;
pub mod summary;
pub mod summary_doc;
pub mod warnings;

use render::Doc;
use render::csv::Csv;

/// An output format of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Term,
    Md,
    Json,
    Csv,
    Html,
}

/// What every report's data can be printed as.
pub trait Report {
    /// The command that prints it, for messages (`agenda`; empty for `upward` alone).
    fn command(&self) -> &'static str;
    /// The report as headings, lists and tables, for the terminal and Markdown.
    fn doc(&self) -> Doc;
    /// The report as JSON (stable field names, documented in docs/reports.md).
    fn json(&self) -> String;
    /// Whether the terminal shows the report's Markdown (a draft to paste) rather than the
    /// terminal layout.
    fn term_is_markdown(&self) -> bool {
        false
    }
    /// The report as one table, where its data is a table.
    fn csv(&self) -> Option<Csv> {
        None
    }
    /// The report as one self-contained HTML page, where it has one.
    fn html(&self) -> Option<String> {
        None
    }
}

/// Pretty JSON of a serialisable value, with a final newline.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
    text.push('\n');
    text
}

/// A report in one format. `width` is the terminal's width when printing to one. The error
/// is a sentence for a format the report does not have (CSV of a report that is no table).
pub fn render(report: &dyn Report, format: Format, width: Option<u16>) -> Result<String, String> {
    match format {
        Format::Term if report.term_is_markdown() => Ok(render::md::render(&report.doc())),
        Format::Term => Ok(render::term::render(&report.doc(), width)),
        Format::Md => Ok(render::md::render(&report.doc())),
        Format::Json => Ok(report.json()),
        Format::Csv => report
            .csv()
            .map(|csv| render::csv::render(&csv))
            .ok_or_else(|| {
                format!(
                    "`{}` has no CSV form; use --format term, md or json",
                    invocation(report)
                )
            }),
        Format::Html => report.html().ok_or_else(|| {
            let csv = if report.csv().is_some() { ", csv" } else { "" };
            format!(
                "`{}` has no HTML form; use --format term, md, json{csv}",
                invocation(report)
            )
        }),
    }
}

/// `upward agenda`, or `upward` for the dashboard.
fn invocation(report: &dyn Report) -> String {
    match report.command() {
        "" => "upward".into(),
        name => format!("upward {name}"),
    }
}
