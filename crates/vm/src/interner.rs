//! Interned names (MicroPython's qstr idea): every identifier the compiler sees is stored once, so
//! attribute and global lookups usually compare pointers instead of text.

use alloc::collections::BTreeMap;
use alloc::rc::Rc;
use alloc::string::String;

use crate::value::{PyStr, Str};

/// The table of interned strings.
#[derive(Default)]
pub struct Interner {
    map: BTreeMap<String, Str>,
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
    /// Number of interned strings.
    pub fn len(&self) -> usize {
        self.map.len()
    }
    /// True when nothing is interned.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}
