//! The one place threads start: work split over two threads for large inputs, when it pays,
//! and joining the helper thread. Every stage reads top to bottom on one thread and reaches a
//! second only through [`both`] (`tests/layers.rs` holds every other file to that).

use std::thread::ScopedJoinHandle;

/// Whether the machine has a second core to share work with.
pub(crate) fn second_core() -> bool {
    std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
}

/// The helper thread's result; a panic there goes on in the caller.
fn join<T>(helper: ScopedJoinHandle<'_, T>) -> T {
    helper
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Runs `first` here and `second` on a helper thread when `split`, else one after the other.
pub(crate) fn both<A, B: Send>(
    split: bool,
    first: impl FnOnce() -> A,
    second: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !split {
        let a = first();
        return (a, second());
    }
    std::thread::scope(|scope| {
        let helper = scope.spawn(second);
        let a = first();
        (a, join(helper))
    })
}
