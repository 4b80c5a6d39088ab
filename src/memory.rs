//! Handing freed memory back to the system between the steps of a long run.
//!
//! An allocator with per-thread heaps (mimalloc, which the binary uses) keeps a page
//! freed by one of rayon's workers resident until that worker allocates again, and
//! the workers sit idle between parallel steps: what one step freed (the provenance
//! index's shingle list, a stage's working memory) then stays in the peak of the steps
//! after. The library does not know the allocator, so the program that chose it says
//! how to release; the library calls [`release`] where a large structure has just been
//! dropped. Without a registered hook it does nothing.

use std::sync::OnceLock;

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
