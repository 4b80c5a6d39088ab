//! Handing freed memory back to the system between the steps of a long run, and the
//! allocator the programs run with.
//!
//! An allocator with per-thread heaps (mimalloc, which the binary uses) keeps a page
//! freed by one of rayon's workers resident until that worker allocates again, and
//! the workers sit idle between parallel steps: what one step freed (the provenance
//! index's shingle list, a stage's working memory) then stays in the peak of the steps
//! after. The library does not know the allocator, so the program that chose it says
//! how to release; the library calls [`release`] where a large structure has just been
//! dropped. Without a registered hook it does nothing.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;
use std::sync::OnceLock;

/// mimalloc, asked as C's `malloc` is for what needs no more than a pointer's alignment.
///
/// The `mimalloc` crate's allocator passes every request to mimalloc's aligned entry
/// points, which check the alignment and take a slower road to the same block; nearly
/// every request of extraction (words, names, quotes) needs no more than eight bytes'
/// alignment, which every mimalloc block has. About 2% of extraction's instructions
/// (docs/PERFORMANCE.md).
pub struct Mimalloc;

/// Every mimalloc block is aligned to a pointer's size at least.
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

// SAFETY: each request goes to mimalloc's entry point for it; the plain ones only when
// the alignment asked is one every block has, and a block is freed by `mi_free` however
// it was allocated.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: `layout` has a non-zero size, as `GlobalAlloc::alloc` requires.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_malloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_zalloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator, so from mimalloc.
        unsafe { libmimalloc_sys::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`; the block keeps the
        // alignment asked, by the same rule as `alloc`.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

static RELEASE: OnceLock<fn()> = OnceLock::new();

/// Sets how [`release`] hands memory back (once; later calls are ignored).
pub fn on_release(hook: fn()) {
    let _ = RELEASE.set(hook);
}

/// Hands freed memory back, if the program said how.
pub fn release() {
    if let Some(hook) = RELEASE.get() {
        hook();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static CALLS: AtomicUsize = AtomicUsize::new(0);

    fn count() {
        CALLS.fetch_add(1, Ordering::SeqCst);
    }

    #[test]
    fn the_allocator_keeps_every_alignment_and_the_bytes_it_moves() {
        let a = Mimalloc;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 24, 100, 5000] {
                let size = size.max(align);
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: non-zero sizes; each block freed with the layout it has.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(
                        !p.is_null() && (p as usize).is_multiple_of(align),
                        "{size} {align}"
                    );
                    p.write_bytes(7, size);
                    let q = a.realloc(p, layout, size * 3);
                    assert!(
                        !q.is_null() && (q as usize).is_multiple_of(align),
                        "{size} {align}"
                    );
                    assert!((0..size).all(|k| *q.add(k) == 7), "{size} {align}");
                    a.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    let z = a.alloc_zeroed(layout);
                    assert!(
                        (z as usize).is_multiple_of(align) && (0..size).all(|k| *z.add(k) == 0)
                    );
                    a.dealloc(z, layout);
                }
            }
        }
    }

    #[test]
    fn release_calls_the_hook_set_first() {
        release();
        assert_eq!(
            CALLS.load(Ordering::SeqCst),
            0,
            "no hook yet: nothing called"
        );
        on_release(count);
        on_release(|| panic!("a second hook is ignored"));
        release();
        release();
        // Other tests of this binary run stages, which release too, in parallel.
        assert!(CALLS.load(Ordering::SeqCst) >= 2);
    }
}
