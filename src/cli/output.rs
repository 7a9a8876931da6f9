//! Writing output: colour decisions, broken pipes, error lines.

use std::io::{self, Write};

use colored::Colorize;

use super::args::ColorChoice;

/// Why a command stopped early.
#[derive(Debug)]
pub enum Failure {
    /// The reader went away (`| head`): exit quietly.
    BrokenPipe,
    /// A usage error: one sentence, exit 2.
    Usage(String),
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Self {
        if err.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Io(err)
        }
    }
}

/// Styles are always produced; the output streams strip them unless colour is allowed
/// (a terminal, no non-empty NO_COLOR, not TERM=dumb), or `--color always|never` says otherwise.
pub fn init_color(choice: ColorChoice) {
    colored::control::set_override(true);
    let choice = match choice {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
}

/// Writes text to stdout.
pub fn print(text: &str) -> Result<(), Failure> {
    let mut out = anstream::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Whether text written to stdout keeps its styles (a terminal, or `--color always`): when it
/// does not, a command can render plain text and skip the stripping adapter, which is most of
/// the time spent printing many diagnostics.
pub fn stdout_styled() -> bool {
    anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
}

/// Writes data that never holds styles (JSON, CSV) to stdout as is: it needs no colour
/// decision, and skipping the stripping adapter matters for large outputs.
pub fn print_data(text: &str) -> Result<(), Failure> {
    write_data(|out| out.write_all(text.as_bytes()))
}

/// [`print_data`] for a writer function, through one buffer.
pub fn write_data(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Failure> {
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    write(&mut out)?;
    out.flush()?;
    Ok(())
}

/// Writes text to stderr, ignoring a closed stderr.
pub fn eprint(text: &str) {
    let mut err = anstream::stderr().lock();
    let _ = err.write_all(text.as_bytes());
}

/// `upward: error: MESSAGE` on stderr.
pub fn error_line(message: &str) {
    eprint(&format!("{} {message}\n", "error:".red().bold()));
}
