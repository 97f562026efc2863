// Written in rustfmt's shape, since the crate is checked with `rustfmt --check`.
// Helper types the generated bindings use, with the names and methods bindgen users call:
// a byte-array bitfield storage unit and a zero-length flexible array member.
export const SUPPORT_ITEMS = `/// Storage for adjacent C bitfields; bits are numbered in the target's allocation order.
#[repr(C)]
#[derive(Copy, Clone, Debug, Default, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub struct __BindgenBitfieldUnit<Storage> {
    storage: Storage,
}

impl<Storage> __BindgenBitfieldUnit<Storage> {
    #[inline]
    pub const fn new(storage: Storage) -> Self {
        Self { storage }
    }
}

impl<Storage: AsRef<[u8]> + AsMut<[u8]>> __BindgenBitfieldUnit<Storage> {
    #[inline]
    fn bit_position(index: usize) -> (usize, u8) {
        let within = if cfg!(target_endian = "big") {
            7 - (index % 8)
        } else {
            index % 8
        };
        (index / 8, 1u8 << within)
    }

    #[inline]
    pub fn get_bit(&self, index: usize) -> bool {
        let (byte, mask) = Self::bit_position(index);
        self.storage.as_ref()[byte] & mask == mask
    }

    #[inline]
    pub fn set_bit(&mut self, index: usize, val: bool) {
        let (byte, mask) = Self::bit_position(index);
        let slot = &mut self.storage.as_mut()[byte];
        if val {
            *slot |= mask;
        } else {
            *slot &= !mask;
        }
    }

    #[inline]
    pub fn get(&self, bit_offset: usize, bit_width: u8) -> u64 {
        debug_assert!(bit_width <= 64);
        let mut val = 0u64;
        for i in 0..bit_width as usize {
            if self.get_bit(bit_offset + i) {
                let shift = if cfg!(target_endian = "big") {
                    bit_width as usize - 1 - i
                } else {
                    i
                };
                val |= 1u64 << shift;
            }
        }
        val
    }

    #[inline]
    pub fn set(&mut self, bit_offset: usize, bit_width: u8, val: u64) {
        debug_assert!(bit_width <= 64);
        for i in 0..bit_width as usize {
            let bit = val >> i & 1 == 1;
            let index = if cfg!(target_endian = "big") {
                bit_width as usize - 1 - i
            } else {
                i
            };
            self.set_bit(bit_offset + index, bit);
        }
    }
}

/// A C flexible array member: no storage of its own, elements follow the struct.
#[repr(C)]
#[derive(Default)]
pub struct __IncompleteArrayField<T>(::core::marker::PhantomData<T>, [T; 0]);

impl<T> __IncompleteArrayField<T> {
    #[inline]
    pub const fn new() -> Self {
        __IncompleteArrayField(::core::marker::PhantomData, [])
    }

    #[inline]
    pub fn as_ptr(&self) -> *const T {
        self as *const _ as *const T
    }

    #[inline]
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self as *mut _ as *mut T
    }

    /// # Safety
    /// \`len\` elements must follow the struct in memory.
    #[inline]
    pub unsafe fn as_slice(&self, len: usize) -> &[T] {
        unsafe { ::core::slice::from_raw_parts(self.as_ptr(), len) }
    }

    /// # Safety
    /// \`len\` elements must follow the struct in memory.
    #[inline]
    pub unsafe fn as_mut_slice(&mut self, len: usize) -> &mut [T] {
        unsafe { ::core::slice::from_raw_parts_mut(self.as_mut_ptr(), len) }
    }
}

impl<T> ::core::fmt::Debug for __IncompleteArrayField<T> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str("__IncompleteArrayField")
    }
}
`;
