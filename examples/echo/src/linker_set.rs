//! Kernel data that holds raw pointers: the kernel reads it at load time, never concurrently
//! with a Rust writer, so sharing it between threads is sound.
#[repr(transparent)]
pub struct Shared<T>(pub T);

unsafe impl<T> Sync for Shared<T> {}
