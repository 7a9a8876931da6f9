//! `upward man`: the man page, in roff, generated from the CLI definition. The commands are
//! listed on this one page (there are no `upward-NAME(1)` pages to point at), and examples
//! are printed without filling, so that each stays on its own line.

use std::io::Write;

use clap::CommandFactory;

use super::args::Cli;
use super::exit;
use super::output::{self, Failure};

pub fn run() -> Result<u8, Failure> {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    buf.write_all(b".SH COMMANDS\n")?;
    for sub in cmd.get_subcommands().filter(|c| !c.is_hide_set()) {
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        writeln!(
            buf,
            ".TP\n\\fBupward {}\\fR\n{}",
            sub.get_name(),
            escape(&about)
        )?;
        if let Some(examples) = sub.get_after_help() {
            verbatim(&mut buf, ".IP", &examples.to_string())?;
        }
    }
    if let Some(extra) = cmd.get_after_help() {
        buf.write_all(b".SH EXAMPLES\n")?;
        verbatim(&mut buf, ".PP", &extra.to_string())?;
    }
    man.render_version_section(&mut buf)?;
    output::print(&String::from_utf8_lossy(&buf))?;
    Ok(exit::OK)
}

/// Lines shown as written, after a `paragraph` macro: roff's no-fill mode, so they are
/// neither joined nor re-wrapped. The section or command already says these are examples,
/// so a leading `Examples:` line is left out.
fn verbatim(out: &mut Vec<u8>, paragraph: &str, text: &str) -> std::io::Result<()> {
    writeln!(out, "{paragraph}\n.nf")?;
    let text = text.strip_prefix("Examples:\n").unwrap_or(text);
    for line in text.lines() {
        writeln!(out, "{}", escape(line))?;
    }
    out.write_all(b".fi\n")
}

/// Text made safe for roff: backslashes and hyphens escaped, and a line that would start
/// with a control character (`.` or `'`) guarded.
fn escape(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with('.') || text.starts_with('\'') {
        format!("\\&{text}")
    } else {
        text
    }
}
