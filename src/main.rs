use std::process::ExitCode;

#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
mod allocator;

#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: allocator::HugePages = allocator::HugePages;

fn main() -> ExitCode {
    // The tuning is for commands that load a journal once and exit; the language server runs
    // for hours and keeps the system allocator's own behaviour.
    #[cfg(target_os = "linux")]
    if !std::env::args_os().skip(1).any(|a| a == "lsp") {
        allocator::configure();
    }
    upward::cli::main()
}
