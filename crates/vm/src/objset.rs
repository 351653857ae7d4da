//! The hash set behind `set` and `frozenset`.
//!
//! Currently backed by the ordered `Dict` (values unused).

use core::cell::RefCell;

use crate::dict::{Dict, Probe};
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

/// A set of hashable values.
#[derive(Clone, Default)]
pub struct Set {
    d: Dict,
}

impl Set {
    /// An empty set.
    pub fn new() -> Set {
        Set::default()
    }
    /// Number of items.
    pub fn len(&self) -> usize {
        self.d.len()
    }
    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.d.is_empty()
    }
    /// The items, cloned, in iteration order.
    pub fn items(&self) -> alloc::vec::Vec<Value> {
        self.d.keys()
    }
    /// Iterate over the items.
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.d.iter().map(|(k, _)| k)
    }
    /// Probe by hash with built-in equality only.
    pub fn probe(&self, hash: i64, key: &Value) -> Probe {
        self.d.probe(hash, key)
    }
    /// Add a value known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        self.d.insert_new(hash, key, Value::None);
    }
    /// Remove the item at an index returned by `probe`.
    pub fn remove_at(&mut self, i: usize) -> Value {
        self.d.remove_at(i).key
    }
    /// Remove everything.
    pub fn clear(&mut self) {
        self.d.clear()
    }
    /// Remove and return an arbitrary item.
    pub fn pop(&mut self) -> Option<Value> {
        self.d.pop_last().map(|e| e.key)
    }
}

/// Is `key` in the set? (Python `__eq__` is called with no borrow held.)
pub fn set_contains(vm: &mut Vm, set: &Set, key: &Value) -> PyResult<bool> {
    let hash = vm.hash(key)?;
    match set.probe(hash, key) {
        Probe::Found(_) => Ok(true),
        Probe::Absent => Ok(false),
        Probe::Ask(cands) => {
            let keys: alloc::vec::Vec<Value> = set.items();
            for i in cands {
                let _ = i;
            }
            for k in keys {
                if vm.hash(&k)? == hash && vm.eq(&k, key)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// Add `key` to a set cell; returns true if it was added.
pub fn set_add(vm: &mut Vm, cell: &RefCell<Set>, key: Value) -> PyResult<bool> {
    let present = {
        let snapshot = cell.borrow().clone();
        set_contains(vm, &snapshot, &key)?
    };
    if present {
        return Ok(false);
    }
    let hash = vm.hash(&key)?;
    cell.borrow_mut().insert_new(hash, key);
    Ok(true)
}

/// Add set's and frozenset's methods to their types.
pub(crate) fn init(_vm: &mut Vm) {}
