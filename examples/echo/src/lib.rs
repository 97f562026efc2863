//! `/dev/echo`: writing stores a message, reading returns it.
//!
//! The classic first kernel module, in Rust against the generated `freebsd-kpi` crate:
//! module registration through the `modmetadata` and `sysinit` linker sets (what
//! `DECLARE_MODULE` expands to), a character device from `make_dev`, data moved with
//! `uiomove`, the message guarded by an sx lock, and heap memory from malloc(9) through a
//! `GlobalAlloc`.
#![no_std]

extern crate alloc;

mod kernel_alloc;
mod linker_set;

use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_void};
use core::ptr::{addr_of, addr_of_mut, null_mut};
use freebsd_kpi as kpi;
use linker_set::Shared;

#[global_allocator]
static ALLOCATOR: kernel_alloc::KernelAllocator = kernel_alloc::KernelAllocator;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    unsafe { kpi::panic(c"echo: Rust panic".as_ptr()) };
    #[allow(clippy::empty_loop)]
    loop {}
}

const NAME: &core::ffi::CStr = c"echo";
const MAX_MESSAGE: usize = 4096;

static mut MESSAGE: Vec<u8> = Vec::new();
static mut MESSAGE_LOCK: kpi::sx = unsafe { core::mem::zeroed() };
static mut DEVSW: kpi::cdevsw = unsafe { core::mem::zeroed() };
static mut DEVICE: *mut kpi::cdev = null_mut();

/// Runs `body` with the message locked exclusively.
unsafe fn with_message<R>(body: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    let file = c"echo".as_ptr();
    unsafe {
        kpi::_sx_xlock(addr_of_mut!(MESSAGE_LOCK), 0, file, line!() as c_int);
        let result = body(&mut *addr_of_mut!(MESSAGE));
        kpi::_sx_xunlock(addr_of_mut!(MESSAGE_LOCK), file, line!() as c_int);
        result
    }
}

unsafe extern "C" fn echo_read(_dev: *mut kpi::cdev, uio: *mut kpi::uio, _flags: c_int) -> c_int {
    unsafe {
        with_message(|message| {
            let offset = (*uio).uio_offset.max(0) as usize;
            if offset >= message.len() {
                return 0;
            }
            let remaining = message.len() - offset;
            let count = remaining.min((*uio).uio_resid.max(0) as usize);
            let start = message.as_mut_ptr().add(offset) as *mut c_void;
            kpi::uiomove(start, count as c_int, uio)
        })
    }
}

unsafe extern "C" fn echo_write(_dev: *mut kpi::cdev, uio: *mut kpi::uio, _flags: c_int) -> c_int {
    unsafe {
        let count = ((*uio).uio_resid.max(0) as usize).min(MAX_MESSAGE);
        with_message(|message| {
            message.clear();
            message.resize(count, 0);
            let error = kpi::uiomove(message.as_mut_ptr() as *mut c_void, count as c_int, uio);
            if error != 0 {
                message.clear();
            }
            error
        })
    }
}

unsafe fn load() -> c_int {
    unsafe {
        kpi::sx_init_flags(addr_of_mut!(MESSAGE_LOCK), NAME.as_ptr(), 0);
        let devsw = &mut *addr_of_mut!(DEVSW);
        devsw.d_version = kpi::D_VERSION as c_int;
        devsw.d_name = NAME.as_ptr();
        devsw.d_read = Some(echo_read);
        devsw.d_write = Some(echo_write);
        DEVICE = kpi::make_dev(
            devsw,
            0,
            kpi::UID_ROOT as kpi::uid_t,
            kpi::GID_WHEEL as kpi::gid_t,
            0o600,
            c"%s".as_ptr(),
            NAME.as_ptr(),
        );
        kpi::printf(c"echo: /dev/echo ready\n".as_ptr());
    }
    0
}

unsafe fn unload() -> c_int {
    unsafe {
        if !DEVICE.is_null() {
            kpi::destroy_dev(DEVICE);
            DEVICE = null_mut();
        }
        // The device is gone, so no reader or writer can still hold the lock.
        *addr_of_mut!(MESSAGE) = Vec::new();
        kpi::sx_destroy(addr_of_mut!(MESSAGE_LOCK));
    }
    0
}

unsafe extern "C" fn echo_event(_module: kpi::module_t, event: c_int, _arg: *mut c_void) -> c_int {
    match event as kpi::modeventtype {
        kpi::modeventtype_MOD_LOAD => unsafe { load() },
        kpi::modeventtype_MOD_UNLOAD | kpi::modeventtype_MOD_SHUTDOWN => unsafe { unload() },
        _ => kpi::EOPNOTSUPP as c_int,
    }
}

// What DECLARE_MODULE(echo, echo_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE) puts in the image.
static MODULE_DATA: Shared<kpi::moduledata_t> = Shared(kpi::moduledata_t {
    name: NAME.as_ptr(),
    evhand: Some(echo_event),
    priv_: null_mut(),
});

static MODULE_METADATA: Shared<kpi::mod_metadata> = Shared(kpi::mod_metadata {
    md_version: kpi::MDT_STRUCT_VERSION as c_int,
    md_type: kpi::MDT_MODULE as c_int,
    md_data: addr_of!(MODULE_DATA) as *const c_void,
    md_cval: NAME.as_ptr() as *const c_char,
});

static MODULE_SYSINIT: Shared<kpi::sysinit> = Shared(kpi::sysinit {
    subsystem: kpi::sysinit_sub_id_SI_SUB_DRIVERS,
    order: kpi::sysinit_elem_order_SI_ORDER_MIDDLE,
    func: Some(kpi::module_register_init),
    udata: addr_of!(MODULE_DATA) as *const c_void,
});

#[used]
#[link_section = "set_modmetadata_set"]
static MODULE_METADATA_ENTRY: Shared<*const kpi::mod_metadata> =
    Shared(addr_of!(MODULE_METADATA) as *const _);

#[used]
#[link_section = "set_sysinit_set"]
static MODULE_SYSINIT_ENTRY: Shared<*const kpi::sysinit> =
    Shared(addr_of!(MODULE_SYSINIT) as *const _);
