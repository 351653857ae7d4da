//! The insertion-ordered hash map behind `dict`, instance and class namespaces, module globals and
//! keyword arguments.
//!
//! Layout as in CPython 3.6+: a dense vector of entries in insertion order (deleted entries leave a
//! hole until the next compaction) plus an open-addressing index table of entry positions. Dicts of
//! up to `LINEAR_MAX` entries have no index and are scanned linearly, which is faster for the small
//! namespaces that dominate. Key equality for built-in key types is decided here without the VM;
//! keys with a Python `__eq__` go through `dict_lookup`, which calls back into the VM with no borrow
//! held.

use alloc::rc::Rc;
use alloc::vec;
use alloc::vec::Vec;
use core::cell::{Cell, RefCell};

use crate::value::{PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

const LINEAR_MAX: usize = 8;
const EMPTY: u32 = u32::MAX;

/// One key/value pair with the key's hash.
#[derive(Clone)]
pub struct DictEntry {
    /// The key's hash.
    pub hash: i64,
    /// The key.
    pub key: Value,
    /// The value.
    pub value: Value,
}

/// An insertion-ordered hash map of Python values.
#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Option<DictEntry>>,
    indices: Vec<u32>,
    len: usize,
    /// Incremented on every structural change (insertion or removal), so iterators and lookups
    /// that released a borrow can tell whether the dict changed underneath them.
    pub version: u64,
    /// A two-hash Bloom filter of the keys ever inserted since the last `clear`: bits
    /// `hash % 64` and `(hash / 64) % 64` are set for every key. A clear bit proves a key absent in a few instructions,
    /// which is what LoadGlobal of a builtin asks the module globals each time (removals leave
    /// their bit set; that only costs a full lookup).
    keys_bloom: u64,
}

/// The Bloom filter bits of a key hash (see `Dict::keys_bloom`).
#[inline(always)]
fn bloom_bits(hash: i64) -> u64 {
    let h = hash as u64;
    (1u64 << (h & 63)) | (1u64 << ((h >> 6) & 63))
}

/// The result of a lookup that needs no VM: found, absent, or candidates needing Python `__eq__`.
pub enum Probe {
    /// Found at this entry index.
    Found(usize),
    /// Definitely absent.
    Absent,
    /// These entries have the same hash but need a Python-level comparison.
    Ask(Vec<usize>),
}

/// Equality of keys decidable without running Python code: Some(answer), or None when a Python
/// `__eq__` might be involved.
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    fast_eq_depth(a, b, 0)
}

/// `fast_eq` looking at most 32 tuples deep (deeper nesting is left to the guarded slow path, so
/// comparing deeply nested tuples neither overflows the stack nor takes quadratic time).
fn fast_eq_depth(a: &Value, b: &Value, depth: u32) -> Option<bool> {
    use Value::*;
    if a.is(b) {
        return Some(true);
    }
    Some(match (a, b) {
        (Str(x), Str(y)) => x.as_str() == y.as_str(),
        (Int(x), Int(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => (*x as f64) == *y && (*y as i64) == *x,
        (Float(x), Float(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Bool(x), Int(y)) | (Int(y), Bool(x)) => (*x as i64) == *y,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (None, _) | (_, None) | (Ellipsis, _) | (_, Ellipsis) => false,
        (NotImplemented, _) | (_, NotImplemented) => false,
        (Obj(x), Obj(y)) => match (&**x, &**y) {
            (PyObject::BigInt(p), PyObject::BigInt(q)) => p == q,
            (PyObject::Bytes(p), PyObject::Bytes(q)) => p == q,
            (PyObject::Complex(a1, b1), PyObject::Complex(a2, b2)) => a1 == a2 && b1 == b2,
            (PyObject::Tuple(p), PyObject::Tuple(q)) => {
                if p.len() != q.len() {
                    return Some(false);
                }
                if depth >= 32 {
                    return Option::None;
                }
                for (u, v) in p.iter().zip(q.iter()) {
                    if !fast_eq_depth(u, v, depth + 1)? {
                        return Some(false);
                    }
                }
                true
            }
            (PyObject::FrozenSet(_), _) | (_, PyObject::FrozenSet(_)) => return Option::None,
            (PyObject::BigInt(_), PyObject::Complex(..))
            | (PyObject::Complex(..), PyObject::BigInt(_)) => return Option::None,
            (PyObject::Instance(_), _) | (_, PyObject::Instance(_)) => return Option::None,
            (PyObject::Native(_), _) | (_, PyObject::Native(_)) => return Option::None,
            (PyObject::Type(_), _) | (_, PyObject::Type(_)) => return Option::None,
            (PyObject::List(_), PyObject::List(_))
            | (PyObject::Dict(_), PyObject::Dict(_))
            | (PyObject::Set(_), PyObject::Set(_))
            | (PyObject::Range { .. }, PyObject::Range { .. })
            | (
                PyObject::ByteArray(_) | PyObject::Bytes(_),
                PyObject::ByteArray(_) | PyObject::Bytes(_),
            )
            | (PyObject::DictView(..), _)
            | (_, PyObject::DictView(..))
            | (PyObject::Slice(..), PyObject::Slice(..))
            | (PyObject::BoundMethod(..), PyObject::BoundMethod(..))
            | (PyObject::Builtin(_), PyObject::Builtin(_)) => return Option::None,
            _ => false,
        },
        (Obj(o), _) | (_, Obj(o)) => match &**o {
            PyObject::Instance(_)
            | PyObject::Native(_)
            | PyObject::Complex(..)
            | PyObject::BigInt(_) => return Option::None,
            _ => false,
        },
        _ => false,
    })
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Dict {
        Dict::default()
    }

    /// An empty dict with room for `n` entries.
    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict {
            entries: Vec::with_capacity(n),
            ..Dict::default()
        };
        if n > LINEAR_MAX {
            d.indices = vec![EMPTY; (n * 3 / 2).next_power_of_two()];
        }
        d
    }

    /// Number of entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Find a key by hash using only built-in equality.
    pub fn probe(&self, hash: i64, key: &Value) -> Probe {
        let mut ask = Vec::new();
        let mut check = |i: usize, e: &DictEntry| -> Option<usize> {
            if e.hash != hash {
                return None;
            }
            match fast_eq(&e.key, key) {
                Some(true) => Some(i),
                Some(false) => None,
                None => {
                    ask.push(i);
                    None
                }
            }
        };
        if self.indices.is_empty() {
            for (i, e) in self.entries.iter().enumerate() {
                if let Some(e) = e {
                    if let Some(i) = check(i, e) {
                        return Probe::Found(i);
                    }
                }
            }
        } else {
            let mask = self.indices.len() - 1;
            let mut perturb = hash as u64;
            let mut slot = (hash as u64 as usize) & mask;
            loop {
                let ix = self.indices[slot];
                if ix == EMPTY {
                    break;
                }
                if let Some(Some(e)) = self.entries.get(ix as usize) {
                    if let Some(i) = check(ix as usize, e) {
                        return Probe::Found(i);
                    }
                }
                perturb >>= 5;
                slot = (slot * 5 + 1 + perturb as usize) & mask;
            }
        }
        if ask.is_empty() {
            Probe::Absent
        } else {
            Probe::Ask(ask)
        }
    }

    /// The entry index of a str key, comparing only str keys (str equality never runs Python
    /// code), without allocating.
    fn find_str(&self, hash: i64, key: &str) -> Option<usize> {
        self.find_by(hash, |e| {
            e.hash == hash && matches!(&e.key, Value::Str(s) if s.as_str() == key)
        })
    }

    /// The entry index of an (usually interned) str key: the same string object matches
    /// without comparing bytes.
    fn find_name(&self, key: &Str) -> Option<usize> {
        let hash = key.hash();
        self.find_by(hash, |e| {
            e.hash == hash
                && matches!(&e.key, Value::Str(s) if Rc::ptr_eq(s, key) || s.as_str() == key.as_str())
        })
    }

    /// Walk `hash`'s probe sequence for the first entry `matches` accepts (a linear scan while
    /// the table is small enough to have no index).
    #[inline(always)]
    fn find_by(&self, hash: i64, matches: impl Fn(&DictEntry) -> bool) -> Option<usize> {
        if self.indices.is_empty() {
            return self
                .entries
                .iter()
                .position(|e| e.as_ref().is_some_and(&matches));
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut slot = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[slot];
            if ix == EMPTY {
                return None;
            }
            if let Some(Some(e)) = self.entries.get(ix as usize) {
                if matches(e) {
                    return Some(ix as usize);
                }
            }
            perturb >>= 5;
            slot = (slot * 5 + 1 + perturb as usize) & mask;
        }
    }

    /// The value at entry `i` when that entry's key is the very string object `key`.
    #[inline]
    pub fn value_if_key_at(&self, i: usize, key: &Str) -> Option<&Value> {
        match self.entries.get(i) {
            Some(Some(e)) => match &e.key {
                Value::Str(s) if Rc::ptr_eq(s, key) => Some(&e.value),
                _ => None,
            },
            _ => None,
        }
    }

    /// Look a str key up, trying entry `hint` first; on a full lookup `hint` is updated to the
    /// entry found (a cache kept by the caller: a wrong hint only costs the full lookup).
    #[inline]
    pub fn get_name_hinted(&self, key: &Str, hint: &Cell<u32>) -> Option<&Value> {
        if let Some(v) = self.value_if_key_at(hint.get() as usize, key) {
            return Some(v);
        }
        let i = self.find_name(key)?;
        hint.set(i as u32);
        self.entries[i].as_ref().map(|e| &e.value)
    }

    /// Set a str key, trying entry `hint` first (see `get_name_hinted`).
    #[inline]
    pub fn set_name_hinted(&mut self, key: &Str, value: Value, hint: &Cell<u32>) {
        if let Some(Some(e)) = self.entries.get_mut(hint.get() as usize) {
            if matches!(&e.key, Value::Str(s) if Rc::ptr_eq(s, key)) {
                e.value = value;
                return;
            }
        }
        match self.find_name(key) {
            Some(i) => {
                hint.set(i as u32);
                self.set_value_at(i, value);
            }
            None => {
                hint.set(self.entries.len() as u32);
                self.insert_new(key.hash(), Value::Str(key.clone()), value);
            }
        }
    }

    /// Index of a str key (see `get_name_hinted`).
    #[inline]
    pub fn index_of_name(&self, key: &Str) -> Option<usize> {
        self.find_name(key)
    }

    /// Make `key` (an equal string, usually the interned name a code object looks up) the key
    /// object of entry `i`, so that later lookups hinted at `i` match it by identity (see
    /// `value_if_key_at`). Nothing happens unless entry `i` is a str key equal to `key`.
    pub fn adopt_name_at(&mut self, i: usize, key: &Str) {
        if let Some(Some(e)) = self.entries.get_mut(i) {
            if let Value::Str(s) = &e.key {
                if !Rc::ptr_eq(s, key) && s.as_str() == key.as_str() {
                    e.key = Value::Str(key.clone());
                }
            }
        }
    }

    /// False when the str key is certainly absent (no key with both of its hash's filter bits was
    /// ever inserted); true when it may be present and a lookup must tell.
    #[inline(always)]
    pub fn may_contain_name(&self, key: &Str) -> bool {
        let bits = bloom_bits(key.hash());
        self.keys_bloom & bits == bits
    }

    /// Look up a str key without the VM (str keys never need Python equality).
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        let i = self.find_str(crate::hash::hash_bytes(key.as_bytes()), key)?;
        self.entries[i].as_ref().map(|e| &e.value)
    }

    /// Look up an interned-or-not str key, using its cached hash.
    pub fn get_name(&self, key: &Str) -> Option<&Value> {
        let i = self.find_name(key)?;
        self.entries[i].as_ref().map(|e| &e.value)
    }

    /// Set a str key (no VM needed).
    pub fn set_name(&mut self, key: Str, value: Value) {
        let hash = key.hash();
        match self.find_name(&key) {
            Some(i) => self.set_value_at(i, value),
            None => self.insert_new(hash, Value::Str(key), value),
        }
    }

    /// Set a str key given as text.
    pub fn set_str(&mut self, key: &str, value: Value) {
        self.set_name(crate::value::new_str(key), value);
    }

    /// Remove a str key; returns the value if it was present.
    pub fn remove_name(&mut self, key: &Str) -> Option<Value> {
        let i = self.find_name(key)?;
        Some(self.remove_at(i).value)
    }

    /// The entry at an index (None for a hole or out of range).
    #[inline]
    pub fn entry(&self, i: usize) -> Option<&DictEntry> {
        self.entries.get(i).and_then(|e| e.as_ref())
    }

    /// Replace the value of the entry at index i.
    pub fn set_value_at(&mut self, i: usize, value: Value) {
        if let Some(Some(e)) = self.entries.get_mut(i) {
            e.value = value;
        }
    }

    /// Number of entry slots (holes included): iterate indices `0..entries_len()` with `entry`.
    #[inline]
    pub fn entries_len(&self) -> usize {
        self.entries.len()
    }

    /// Append a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        self.version = self.version.wrapping_add(1);
        if self.entries.len() >= LINEAR_MAX
            && (self.entries.len() + 1) * 3 >= self.indices.len() * 2
        {
            self.rebuild(self.len + 1);
        }
        let ix = self.entries.len() as u32;
        self.keys_bloom |= bloom_bits(hash);
        self.entries.push(Some(DictEntry { hash, key, value }));
        self.len += 1;
        if !self.indices.is_empty() {
            self.place(hash, ix);
        }
    }

    fn place(&mut self, hash: i64, ix: u32) {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut slot = (hash as u64 as usize) & mask;
        while self.indices[slot] != EMPTY {
            perturb >>= 5;
            slot = (slot * 5 + 1 + perturb as usize) & mask;
        }
        self.indices[slot] = ix;
    }

    /// Compact the entries (dropping holes) and rebuild the index for at least `need` entries.
    fn rebuild(&mut self, need: usize) {
        if self.len != self.entries.len() {
            self.entries.retain(|e| e.is_some());
        }
        if need <= LINEAR_MAX {
            self.indices = Vec::new();
            return;
        }
        let size = (need * 3).next_power_of_two().max(16);
        self.indices = vec![EMPTY; size];
        for i in 0..self.entries.len() {
            let h = self.entries[i].as_ref().map(|e| e.hash).unwrap_or(0);
            self.place(h, i as u32);
        }
    }

    /// Remove the entry at index i and return it.
    pub fn remove_at(&mut self, i: usize) -> DictEntry {
        self.version = self.version.wrapping_add(1);
        let e = self.entries[i].take().expect("dict entry present");
        self.len -= 1;
        if !self.indices.is_empty() {
            // Removing from an open-addressing table needs tombstones; rebuilding is simpler and the
            // cost is amortised by only doing it when many holes accumulate. Until then the slot
            // keeps pointing at a hole, which probing skips.
            if self.entries.len() > 2 * self.len + 8 {
                self.rebuild(self.len);
            }
        } else if self.entries.len() > 2 * self.len + 8 {
            self.entries.retain(|e| e.is_some());
        }
        if self.len == 0 {
            self.entries.clear();
            if !self.indices.is_empty() {
                self.indices.iter_mut().for_each(|x| *x = EMPTY);
            }
        }
        e
    }

    /// Remove every entry.
    pub fn clear(&mut self) {
        self.version = self.version.wrapping_add(1);
        self.entries.clear();
        self.indices.clear();
        self.len = 0;
        self.keys_bloom = 0;
    }

    /// Remove and return the last entry.
    pub fn pop_last(&mut self) -> Option<DictEntry> {
        let i = self.entries.iter().rposition(|e| e.is_some())?;
        let e = self.remove_at(i);
        while let Some(None) = self.entries.last() {
            self.entries.pop();
        }
        Some(e)
    }

    /// Iterate over (key, value) pairs in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|e| (&e.key, &e.value))
    }

    /// Mutable access to every value (keys stay put), in insertion order.
    pub(crate) fn values_mut(&mut self) -> impl Iterator<Item = &mut Value> {
        self.entries.iter_mut().flatten().map(|e| &mut e.value)
    }

    /// Iterate over entries in insertion order.
    pub fn entries(&self) -> impl Iterator<Item = &DictEntry> {
        self.entries.iter().flatten()
    }

    /// The keys, cloned.
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }

    /// The values, cloned.
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }

    /// The (key, value) pairs, cloned.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
}

/// Find the entry index of `key` in a dict cell, calling Python `__eq__` (with no borrow held)
/// when needed. Returns the key's hash too, for a following insertion.
pub fn dict_lookup(
    vm: &mut Vm,
    cell: &RefCell<Dict>,
    key: &Value,
) -> PyResult<(i64, Option<usize>)> {
    let hash = vm.hash(key)?;
    loop {
        let probe = cell.borrow().probe(hash, key);
        match probe {
            Probe::Found(i) => return Ok((hash, Some(i))),
            Probe::Absent => return Ok((hash, None)),
            Probe::Ask(cands) => {
                let version = cell.borrow().version;
                let mut found = None;
                for i in cands {
                    let k = match cell.borrow().entry(i) {
                        Some(e) => e.key.clone(),
                        None => continue,
                    };
                    if vm.eq(&k, key)? {
                        found = Some(i);
                        break;
                    }
                }
                if cell.borrow().version != version {
                    continue; // mutated during __eq__: look again
                }
                return Ok((hash, found));
            }
        }
    }
}

/// `d[key]` for a dict cell: the value, or None when absent.
pub fn dict_get(vm: &mut Vm, cell: &RefCell<Dict>, key: &Value) -> PyResult<Option<Value>> {
    let (_, i) = dict_lookup(vm, cell, key)?;
    Ok(i.and_then(|i| cell.borrow().entry(i).map(|e| e.value.clone())))
}

/// `d[key] = value` for a dict cell.
pub fn dict_set(vm: &mut Vm, cell: &RefCell<Dict>, key: Value, value: Value) -> PyResult<()> {
    let (hash, i) = dict_lookup(vm, cell, &key)?;
    let mut d = cell.borrow_mut();
    match i {
        Some(i) => d.set_value_at(i, value),
        None => d.insert_new(hash, key, value),
    }
    Ok(())
}

/// `del d[key]` for a dict cell: the removed value, or None when absent.
pub fn dict_remove(vm: &mut Vm, cell: &RefCell<Dict>, key: &Value) -> PyResult<Option<Value>> {
    let (_, i) = dict_lookup(vm, cell, key)?;
    Ok(i.map(|i| cell.borrow_mut().remove_at(i).value))
}
