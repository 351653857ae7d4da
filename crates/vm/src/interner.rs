//! Interned names (MicroPython's qstr idea): every identifier the compiler sees is stored once, so
//! attribute and global lookups usually compare pointers instead of text.

use alloc::collections::BTreeMap;
use alloc::rc::Rc;
use alloc::string::String;

use crate::value::{PyStr, Str};

const STATIC_SLOTS: usize = 512;
const RECENT_SLOTS: usize = 128;

/// The table of interned strings.
pub struct Interner {
    map: BTreeMap<String, Str>,
    /// Direct-mapped cache for names given as `&'static str` (keyed by the text's address, which
    /// never changes for static text), so natives can look up `"__eq__"` without a tree search.
    statics: alloc::vec::Vec<Option<(usize, usize, Str)>>,
    /// Direct-mapped cache for str objects interned recently (`intern_str`: `getattr(obj,
    /// name)` with a name computed or taken from data), keyed by the object's address. An entry
    /// holds the object it was made for, so that address cannot be reused while it is cached.
    recent: alloc::vec::Vec<Option<(Str, Str)>>,
}

impl Default for Interner {
    fn default() -> Self {
        Interner {
            map: BTreeMap::new(),
            statics: alloc::vec![None; STATIC_SLOTS],
            recent: alloc::vec::Vec::new(),
        }
    }
}

impl Interner {
    /// An empty table.
    pub fn new() -> Interner {
        Interner::default()
    }
    /// The unique `Str` for this text.
    pub fn intern(&mut self, s: &str) -> Str {
        if let Some(v) = self.map.get(s) {
            return v.clone();
        }
        let v = Rc::new(PyStr::new(s));
        self.map.insert(String::from(s), v.clone());
        v
    }
    /// The unique `Str` with the text of the str object `s` (`s` itself when it is the
    /// interned one).
    #[inline]
    pub fn intern_str(&mut self, s: &Str) -> Str {
        let slot = (Rc::as_ptr(s) as usize >> 4).wrapping_mul(0x9E37_79B9) % RECENT_SLOTS;
        if let Some(Some((k, v))) = self.recent.get(slot) {
            if Rc::ptr_eq(k, s) {
                return v.clone();
            }
        }
        let v = self.intern(s.as_str());
        if self.recent.is_empty() {
            self.recent.resize(RECENT_SLOTS, None);
        }
        if let Some(e) = self.recent.get_mut(slot) {
            *e = Some((s.clone(), v.clone()));
        }
        v
    }

    /// The unique `Str` for static text (fast path for names written in the VM's source).
    #[inline]
    pub fn intern_static(&mut self, s: &'static str) -> Str {
        let addr = s.as_ptr() as usize;
        let slot = (addr >> 3).wrapping_mul(0x9E37_79B9) % STATIC_SLOTS;
        if let Some((a, l, v)) = &self.statics[slot] {
            if *a == addr && *l == s.len() {
                return v.clone();
            }
        }
        let v = self.intern(s);
        self.statics[slot] = Some((addr, s.len(), v.clone()));
        v
    }

    /// Number of interned strings.
    pub fn len(&self) -> usize {
        self.map.len()
    }
    /// True when nothing is interned.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    /// The interned strings, in sorted order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(|k| k.as_str())
    }
}
