//! Rust's heap on malloc(9): allocations come from M_DEVBUF and may sleep, so they must not
//! be made with a non-sleepable lock held.
use core::alloc::{GlobalAlloc, Layout};
use core::ffi::{c_int, c_void};
use core::ptr::{addr_of_mut, null_mut};
use freebsd_kpi as kpi;

/// malloc(9) returns memory aligned to at least this for any size.
const MALLOC_ALIGN: usize = 16;

pub struct KernelAllocator;

fn devbuf() -> *mut kpi::malloc_type {
    addr_of_mut!(kpi::M_DEVBUF) as *mut kpi::malloc_type
}

unsafe impl GlobalAlloc for KernelAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() > MALLOC_ALIGN {
            return null_mut();
        }
        unsafe {
            kpi::malloc(
                layout.size() as kpi::size_t,
                devbuf(),
                kpi::M_WAITOK as c_int,
            ) as *mut u8
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() > MALLOC_ALIGN {
            return null_mut();
        }
        let flags = (kpi::M_WAITOK | kpi::M_ZERO) as c_int;
        unsafe { kpi::malloc(layout.size() as kpi::size_t, devbuf(), flags) as *mut u8 }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        unsafe { kpi::free(ptr as *mut c_void, devbuf()) }
    }
}
