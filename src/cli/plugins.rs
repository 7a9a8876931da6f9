//! `upward plugins`: the `upward-NAME` programs on PATH, and whether each would run.

use serde::Serialize;

use super::args::{Format, Global, PluginsArgs};
use super::output::{self, Failure};
use super::{exit, external, journal};
use crate::plugin::{self, Guard};

#[derive(Debug, Serialize)]
struct Row {
    name: String,
    path: String,
    /// `ok`, `builtin` (a built-in command of that name wins) or `refused` (in the journal's
    /// folders, or on a relative PATH entry).
    status: &'static str,
}

pub fn run(global: &Global, _args: &PluginsArgs) -> Result<u8, Failure> {
    // The journal's own places, when there is a journal; its includes are not read here.
    let guard = journal::paths(global)
        .map(|paths| Guard::new(&paths, &[]))
        .unwrap_or_else(|_| Guard::new(&[], &[]));
    let builtins = external::builtins();
    let rows: Vec<Row> = plugin::list()
        .into_iter()
        .map(|found| Row {
            status: if builtins.contains(&found.name) {
                "builtin"
            } else if guard.refuses(&found.path).is_some() {
                "refused"
            } else {
                "ok"
            },
            name: found.name,
            path: found.path.display().to_string(),
        })
        .collect();
    match global.format {
        Format::Json => {
            output::print_data(&(serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"))?
        }
        Format::Csv => output::print_data(&csv(&rows))?,
        Format::Term | Format::Md | Format::Html => output::print(&term(&rows))?,
    }
    Ok(exit::OK)
}

fn term(rows: &[Row]) -> String {
    if rows.is_empty() {
        return format!(
            "no plugins on PATH (programs named `{}NAME`)\n",
            plugin::PREFIX
        );
    }
    let width = rows
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(0);
    rows.iter()
        .map(|r| {
            let note = match r.status {
                "builtin" => "  (not run: the built-in command of that name wins)",
                "refused" => {
                    "  (not run: it lies in the journal's folders or on a relative PATH entry)"
                }
                _ => "",
            };
            format!("{:width$}  {}{note}\n", r.name, r.path)
        })
        .collect()
}

fn csv(rows: &[Row]) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::from("name,path,status\n");
    for r in rows {
        out.push_str(&format!(
            "{},{},{}\n",
            quote(&r.name),
            quote(&r.path),
            r.status
        ));
    }
    out
}
