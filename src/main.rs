use std::process::ExitCode;

#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
mod allocator;

#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: allocator::HugePages = allocator::HugePages;

fn main() -> ExitCode {
    #[cfg(target_os = "linux")]
    allocator::configure();
    upward::cli::main()
}
