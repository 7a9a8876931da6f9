//! `upward explain [CODE]`.

use super::args::{ExplainArgs, Format, Global};
use super::exit;
use super::output::{self, Failure};
use crate::rules::explain;

pub fn run(global: &Global, args: &ExplainArgs) -> Result<u8, Failure> {
    match &args.code {
        None => {
            let rows: Vec<(&str, &str)> = explain::codes()
                .map(|code| (code, explain::summary(code)))
                .collect();
            if global.format == Format::Json {
                let json: Vec<_> = rows
                    .iter()
                    .map(|(code, summary)| serde_json::json!({"code": code, "summary": summary}))
                    .collect();
                output::print_data(
                    &(serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"),
                )?;
            } else {
                let width = rows.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
                let text: String = rows
                    .iter()
                    .map(|(c, s)| format!("{c:width$}  {s}\n"))
                    .collect();
                output::print(&text)?;
            }
            Ok(exit::OK)
        }
        Some(code) => match explain::text(code) {
            Some(text) => {
                if global.format == Format::Json {
                    let json = serde_json::json!({"code": code, "summary": explain::summary(code), "text": text});
                    output::print_data(
                        &(serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"),
                    )?;
                } else {
                    output::print(text)?;
                }
                Ok(exit::OK)
            }
            None => {
                let near = crate::syntax::names::suggest(code, explain::codes())
                    .map(|near| format!("; did you mean `{near}`?"))
                    .unwrap_or_default();
                Err(Failure::Usage(format!(
                    "unknown code `{code}`{near} (`upward explain` lists every code)"
                )))
            }
        },
    }
}
