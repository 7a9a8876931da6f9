//! The program's allocator: the system's, asking Linux to back large blocks with huge pages,
//! with one arena for all threads that keeps what is freed for reuse.
//!
//! Checking a large journal writes a few hundred megabytes of fresh memory, and with 4 KiB
//! pages a third of that time goes to page faults. Where transparent huge pages are enabled
//! for memory that asks for them (`madvise`, the common default), a 2 MiB page takes one fault
//! instead of 512. The advice is a hint: where the kernel gives no huge pages, nothing changes.
//!
//! Contract: the tuning is an opt-in of the binary for one-shot commands ([`configure`]); a
//! process that never calls it (the language server, every library user) gets the system
//! allocator's behaviour unchanged.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by [`configure`]: until then the allocator is the system's, unchanged.
static ONE_SHOT: AtomicBool = AtomicBool::new(false);

/// The system allocator, advising huge pages for large blocks.
#[derive(Debug)]
pub struct HugePages;

/// Blocks from this size up are advised.
const LARGE: usize = upward::tuning::LARGE_BLOCK;
const HUGE_PAGE: usize = 2 << 20;

// SAFETY: every call is forwarded unchanged to `System`, which upholds `GlobalAlloc`'s
// contract; `advise` only gives the kernel a hint about a block just returned and never reads
// or writes it.
unsafe impl GlobalAlloc for HugePages {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract, passed on as is.
        let ptr = unsafe { System.alloc(layout) };
        advise(ptr, layout.size());
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        advise(ptr, layout.size());
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System` through this allocator, with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`; the caller upholds `realloc`'s contract on `new_size`.
        let ptr = unsafe { System.realloc(ptr, layout, new_size) };
        advise(ptr, new_size);
        ptr
    }
}

/// Advises huge pages for the whole 2 MiB pages inside the block at `ptr` of `size` bytes.
fn advise(ptr: *mut u8, size: usize) {
    if ptr.is_null() || size < LARGE || !ONE_SHOT.load(Ordering::Relaxed) {
        return;
    }
    let start = (ptr as usize).next_multiple_of(HUGE_PAGE);
    let end = (ptr as usize + size) / HUGE_PAGE * HUGE_PAGE;
    if start < end {
        // SAFETY: the range lies inside a block this process owns; `MADV_HUGEPAGE` changes
        // how it is backed, never its contents. A failure (an old kernel) is harmless.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
        }
    }
}

/// Tunes the allocator for a command that loads a journal once and exits. Call it before
/// starting any thread, and never for a long-running process (the language server):
///
/// - Large blocks are advised to be backed by huge pages.
/// - One arena for all threads. Helper threads hand what they build to the main thread, which
///   frees it; with an arena per thread (glibc's default) that memory would go back to the
///   helper's arena, out of reach of the main thread's next allocations, and the program would
///   hold more memory than it uses.
/// - Blocks up to 32 MiB come from the heap, which keeps up to 64 MiB of freed memory: the limits
///   glibc itself moves to once it has seen such blocks freed, set from the start. Parsing a
///   large file builds part of its tree in temporary blocks; given back to the kernel and asked
///   for again, that memory would be zeroed again page by page, which costs more than reusing
///   it.
pub fn configure() {
    ONE_SHOT.store(true, Ordering::Relaxed);
    #[cfg(target_env = "gnu")]
    // SAFETY: `mallopt` only changes settings of the allocator; no other thread exists yet.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
    }
}
