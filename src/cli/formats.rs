//! Which `--format`s each command produces. A command refuses any other with a usage error
//! naming the ones it has, so no format silently falls back to another.

use clap::ValueEnum;

use super::args::{Command, Format};
use super::output::Failure;

use Format::{Csv, Html, Json, Md, Term};

/// The command's name and the formats it produces. Giving a command a format is one edit
/// to its line here.
fn table(command: Option<&Command>) -> (&'static str, &'static [Format]) {
    let Some(command) = command else {
        return ("", &[Term, Md, Json]);
    };
    match command {
        Command::Check(_) => ("check", &[Term, Json, Csv]),
        Command::Explain(_) => ("explain", &[Term, Json]),
        Command::Report(_) => ("report", &[Term, Md, Json, Csv, Html]),
        Command::Streaks(_) => ("streaks", &[Term, Md, Json, Csv, Html]),
        Command::Agenda(_) => ("agenda", &[Term, Md, Json, Csv]),
        Command::Draft(_) => ("draft", &[Term, Md, Json]),
        Command::Brag(_) => ("brag", &[Term, Md, Json, Csv, Html]),
        Command::Scorecard(_) => ("scorecard", &[Term, Md, Json, Csv]),
        Command::History(_) => ("history", &[Term, Json]),
        Command::Init(_) => ("init", &[Term]),
        Command::Merge(_) => ("merge", &[Term]),
        Command::Sync(_) => ("sync", &[Term, Json]),
        Command::Add(_) => ("add", &[Term, Json]),
        Command::Fmt(_) => ("fmt", &[Term, Json]),
        Command::Lsp(_) => ("lsp", &[Term]),
        // The default format, term, prints the same JSON.
        Command::Export(_) => ("export", &[Term, Json]),
        Command::Plugins(_) => ("plugins", &[Term, Json, Csv]),
        Command::Completions(_) => ("completions", &[Term]),
        Command::Man => ("man", &[Term]),
        // A plugin reads the journal as JSON and prints what it likes.
        Command::External(_) => ("", Format::value_variants()),
    }
}

/// Ok when `command` produces `format`; else a usage error (exit 2) naming the formats it has.
pub fn accept(command: Option<&Command>, format: Format) -> Result<(), Failure> {
    let (name, has) = table(command);
    if has.contains(&format) {
        return Ok(());
    }
    let command = if name.is_empty() {
        "upward".to_string()
    } else {
        format!("upward {name}")
    };
    Err(Failure::Usage(format!(
        "`{command}` has no {} format; use --format {}",
        self::name(format),
        list(has)
    )))
}

fn name(format: Format) -> String {
    format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

/// `term`, `term or json`, `term, json or csv`.
fn list(formats: &[Format]) -> String {
    let names: Vec<String> = formats.iter().map(|&f| name(f)).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_name_what_the_command_has() {
        let check = Command::Check(Default::default());
        assert!(accept(Some(&check), Json).is_ok());
        let Err(Failure::Usage(message)) = accept(Some(&check), Md) else {
            panic!("md accepted");
        };
        assert_eq!(
            message,
            "`upward check` has no md format; use --format term, json or csv"
        );
        let Err(Failure::Usage(message)) = accept(Some(&Command::Init(Default::default())), Csv)
        else {
            panic!("csv accepted");
        };
        assert!(message.ends_with("use --format term"), "{message}");
    }
}
