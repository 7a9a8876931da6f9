use std::process::ExitCode;

fn main() -> ExitCode {
    upward::cli::main()
}
