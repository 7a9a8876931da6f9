//! `upward check`: parse, model, rules; print diagnostics.

use super::args::{CheckArgs, Format, Global};
use super::output::{self, Failure};
use super::{exit, external, journal};
use crate::diag::{self, JsonDiagnostic};
use crate::model::Journal;
use crate::model::settings::unknown_code;
use crate::plugin::{self, Context, RuleFailure};
use crate::rules::codes::rule_index;

pub fn run(global: &Global, args: &CheckArgs) -> Result<u8, Failure> {
    for code in &args.allow {
        if rule_index(code).is_none() {
            return Err(Failure::Usage(
                unknown_code("", code, Default::default()).message + " (in --allow)",
            ));
        }
    }
    let today = journal::today(global)?;
    let journal = journal::load(global)?;
    driver_note(global)?;
    // Like the journal, the diagnostics live until the process exits: freeing tens of
    // thousands of them one by one would only delay the exit.
    let checked = crate::check_shown(journal, today, &args.allow, args.all);
    let diags: &[diag::Diagnostic] = Vec::leak(checked.shown);
    let extra = rule_plugins(global, args, journal, today)?;
    let extra_term = diag::render_term_unquoted(&extra);
    let all = || {
        let mut all = diag::to_json(diags, &journal.sources);
        all.extend(extra.iter().cloned());
        all
    };
    match global.format {
        Format::Json => output::write_data(|out| {
            diag::write_json(out, diags, &journal.sources, &extra)?;
            out.write_all(b"\n")
        })?,
        Format::Csv => output::print_data(&csv(&all()))?,
        Format::Term | Format::Md | Format::Html => {
            // Rendered plain where styles would be stripped anyway: the same bytes, sooner.
            if output::stdout_styled() {
                output::print(&diag::render_term(diags, &journal.sources, true))?;
            } else {
                output::print_data(&diag::render_term(diags, &journal.sources, false))?;
            }
            output::print(&extra_term)?;
            output::eprint(&summary(diags, &extra));
        }
    }
    if checked.settled > 0 {
        output::eprint(&settled_note(checked.settled));
    }
    let errors = diags.iter().any(diag::Diagnostic::is_error)
        || extra.iter().any(|d| d.severity == diag::Severity::Error);
    let denied = args.deny.is_some() && !(diags.is_empty() && extra.is_empty());
    Ok(if errors || denied {
        exit::FINDINGS
    } else {
        exit::OK
    })
}

/// Says once when the journal's repository asks for the merge driver that its git lacks.
#[cfg(feature = "git")]
fn driver_note(global: &Global) -> Result<(), Failure> {
    let paths = journal::paths(global)?;
    if let Some(note) = paths
        .first()
        .and_then(|p| crate::git::driver::missing_driver(p))
    {
        output::eprint(&format!("note: {note}\n"));
    }
    Ok(())
}

#[cfg(not(feature = "git"))]
fn driver_note(_global: &Global) -> Result<(), Failure> {
    Ok(())
}

/// `--with NAME`: runs each rule plugin and collects what it prints. A plugin that cannot
/// run, fails, runs past `--plugin-timeout` or prints invalid JSON becomes one `plugin`
/// error, and the others still run.
fn rule_plugins(
    global: &Global,
    args: &CheckArgs,
    journal: &Journal,
    today: chrono::NaiveDate,
) -> Result<Vec<JsonDiagnostic>, Failure> {
    if args.with.is_empty() {
        return Ok(Vec::new());
    }
    let paths = journal::paths(global)?;
    let guard = external::guard(&paths, journal);
    let input = crate::export::to_json(&crate::export::export(journal));
    let ctx = Context {
        journal: paths,
        today,
        path: guard.clean_path(),
    };
    let timeout = std::time::Duration::from_secs(args.plugin_timeout);
    let mut out = Vec::new();
    for name in &args.with {
        let result = plugin::find(name, &guard)
            .map_err(RuleFailure::from)
            .and_then(|program| plugin::run_rule(&program, &input, &ctx, timeout));
        match result {
            Ok(diags) => out.extend(diags),
            Err(why) => out.push(plugin::failure(
                &format!("{}{name}", plugin::PREFIX),
                &why.to_string(),
            )),
        }
    }
    Ok(out)
}

/// `N errors, M warnings`, or nothing when there are none.
fn summary(diags: &[diag::Diagnostic], extra: &[JsonDiagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count()
        + (extra.iter())
            .filter(|d| d.severity == diag::Severity::Error)
            .count();
    let total = diags.len() + extra.len();
    let warnings = total - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if total == 0 {
        String::new()
    } else {
        format!(
            "{}, {}\n",
            plural(errors, "error"),
            plural(warnings, "warning")
        )
    }
}

/// The note on how many settled warnings were left out, and how to see them.
fn settled_note(n: usize) -> String {
    let noun = if n == 1 { "warning" } else { "warnings" };
    format!("{n} settled {noun} left out; `upward check --all` shows them\n")
}

fn csv(diags: &[JsonDiagnostic]) -> String {
    let mut out = String::from("file,line,column,severity,code,message\n");
    for d in diags {
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            quote(&d.file),
            d.line,
            d.column,
            d.severity_str(),
            d.code,
            quote(&d.message)
        ));
    }
    out
}
