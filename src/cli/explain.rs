//! `upward explain [CODE]`.

use super::args::{ExplainArgs, Format, Global};
use super::exit;
use super::output::{self, Failure};
use crate::model::settings::{RULE_CODES, unknown_code};
use crate::rules::explain;

pub fn run(global: &Global, args: &ExplainArgs) -> Result<u8, Failure> {
    match &args.code {
        None => {
            let rows: Vec<(&str, &str)> = RULE_CODES
                .iter()
                .map(|r| (r.code, explain::summary(r.code)))
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
            None => Err(Failure::Usage(
                unknown_code("", code, Default::default()).message,
            )),
        },
    }
}
