//! The `set` and `frozenset` types: the hash table behind them and their methods.
//!
//! The table follows CPython's `Objects/setobject.c` exactly (open addressing; 8 slots to start;
//! runs of `LINEAR_PROBES` neighbouring slots, then perturbed probing; dummies on deletion; growth
//! when `fill * 5 >= mask * 3`), so iteration order (and so the printed order of sets) is the same
//! as CPython's for keys whose hashes agree (ints, floats, tuples of those, ...). Lookups decide
//! equality of built-in keys without the VM; keys that may have a Python `__eq__` are compared with
//! no borrow held, restarting the probe when the table changed meanwhile (as CPython does).

use alloc::format;
use alloc::vec;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::dict::{fast_eq, Probe};
use crate::exceptions::ExcKind;
use crate::seqops::{is_subclass_instance, iterate, no_kwargs};
use crate::types;
use crate::value::{Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

const MINSIZE: usize = 8;
const LINEAR_PROBES: u64 = 9;
const PERTURB_SHIFT: u32 = 5;
const DUMMY_HASH: i64 = -1;

/// One slot: empty (no key, hash 0), dummy (no key, hash -1) or active.
#[derive(Clone)]
struct Entry {
    hash: i64,
    key: Option<Value>,
}

const EMPTY: Entry = Entry { hash: 0, key: None };

/// A set of hashable values (CPython's table layout).
#[derive(Clone)]
pub struct Set {
    table: Vec<Entry>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` starts searching.
    finger: usize,
    /// Bumped on every change, so a lookup that called Python code can tell the table moved.
    version: u64,
}

impl Default for Set {
    fn default() -> Self {
        Set {
            table: vec![EMPTY; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }
}

/// The probe sequence of a hash in a table: runs of up to `LINEAR_PROBES + 1` slots from
/// perturbed starting points (CPython's order).
#[derive(Clone, Copy)]
struct ProbeSeq {
    base: u64,
    off: u64,
    run: u64,
    perturb: u64,
    mask: u64,
}

impl ProbeSeq {
    fn new(hash: i64, mask: usize) -> ProbeSeq {
        let mask = mask as u64;
        let base = hash as u64 & mask;
        ProbeSeq {
            base,
            off: 0,
            run: if base + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            },
            perturb: hash as u64,
            mask,
        }
    }
    #[inline]
    fn next_slot(&mut self) -> usize {
        if self.off > self.run {
            self.perturb >>= PERTURB_SHIFT;
            self.base = self
                .base
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb)
                & self.mask;
            self.off = 0;
            self.run = if self.base + LINEAR_PROBES <= self.mask {
                LINEAR_PROBES
            } else {
                0
            };
        }
        let s = self.base + self.off;
        self.off += 1;
        s as usize
    }
}

/// Where a probe stopped.
enum Find {
    /// The key is at this slot.
    Found(usize),
    /// The key is absent; insert it at `slot` (`fresh` when the slot was empty, not a dummy).
    Missing { slot: usize, fresh: bool },
    /// The key at `slot` has the same hash and needs a Python comparison; resume with `seq`.
    Ask {
        slot: usize,
        seq: ProbeSeq,
        freeslot: Option<usize>,
    },
}

impl Set {
    /// An empty set.
    pub fn new() -> Set {
        Set::default()
    }
    /// Number of items.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }
    /// True when empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    #[inline]
    fn mask(&self) -> usize {
        self.table.len() - 1
    }
    /// The items, cloned, in iteration order.
    pub fn items(&self) -> Vec<Value> {
        self.iter().cloned().collect()
    }
    /// Iterate over the items (in CPython's order).
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.table.iter().filter_map(|e| e.key.as_ref())
    }
    /// Iterate over (hash, item) pairs in iteration order.
    pub fn entries(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table
            .iter()
            .filter_map(|e| e.key.as_ref().map(|k| (e.hash, k)))
    }
    /// The (hash, item) pairs, cloned, in iteration order.
    pub fn entries_vec(&self) -> Vec<(i64, Value)> {
        self.entries().map(|(h, k)| (h, k.clone())).collect()
    }

    fn find_from(
        &self,
        hash: i64,
        key: &Value,
        mut seq: ProbeSeq,
        mut freeslot: Option<usize>,
    ) -> Find {
        loop {
            let s = seq.next_slot();
            let e = match self.table.get(s) {
                Some(e) => e,
                None => {
                    return Find::Missing {
                        slot: 0,
                        fresh: true,
                    }
                }
            };
            match &e.key {
                None => {
                    if e.hash == DUMMY_HASH {
                        freeslot = Some(s);
                    } else {
                        return match freeslot {
                            Some(f) => Find::Missing {
                                slot: f,
                                fresh: false,
                            },
                            None => Find::Missing {
                                slot: s,
                                fresh: true,
                            },
                        };
                    }
                }
                Some(k) if e.hash == hash => match fast_eq(k, key) {
                    Some(true) => return Find::Found(s),
                    Some(false) => {}
                    None => {
                        return Find::Ask {
                            slot: s,
                            seq,
                            freeslot,
                        }
                    }
                },
                Some(_) => {}
            }
        }
    }

    fn find(&self, hash: i64, key: &Value) -> Find {
        self.find_from(hash, key, ProbeSeq::new(hash, self.mask()), None)
    }

    /// Probe by hash with built-in equality only (slot indices).
    pub fn probe(&self, hash: i64, key: &Value) -> Probe {
        let mut seq = ProbeSeq::new(hash, self.mask());
        let mut ask = Vec::new();
        loop {
            match self.find_from(hash, key, seq, None) {
                Find::Found(i) => return Probe::Found(i),
                Find::Missing { .. } => break,
                Find::Ask { slot, seq: s, .. } => {
                    ask.push(slot);
                    seq = s;
                }
            }
        }
        if ask.is_empty() {
            Probe::Absent
        } else {
            Probe::Ask(ask)
        }
    }

    /// Store a key at a slot found by `find` (CPython's `found_unused_or_dummy`).
    fn place(&mut self, slot: usize, fresh: bool, hash: i64, key: Value) {
        self.version = self.version.wrapping_add(1);
        if let Some(e) = self.table.get_mut(slot) {
            e.hash = hash;
            e.key = Some(key);
        } else {
            return;
        }
        self.used += 1;
        if fresh {
            self.fill += 1;
            if self.fill * 5 >= self.mask() * 3 {
                self.resize(if self.used > 50000 {
                    self.used * 2
                } else {
                    self.used * 4
                });
            }
        }
    }

    /// Add a value known to be absent (or whose keys never need Python equality).
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        match self.find(hash, &key) {
            Find::Found(_) => {}
            Find::Missing { slot, fresh } => self.place(slot, fresh, hash, key),
            Find::Ask { seq, freeslot, .. } => {
                // Known absent: skip candidates needing Python equality.
                let mut r = self.find_from(hash, &key, seq, freeslot);
                loop {
                    match r {
                        Find::Missing { slot, fresh } => return self.place(slot, fresh, hash, key),
                        Find::Found(_) => return,
                        Find::Ask { seq, freeslot, .. } => {
                            r = self.find_from(hash, &key, seq, freeslot)
                        }
                    }
                }
            }
        }
    }

    fn insert_clean(table: &mut [Entry], hash: i64, key: Value) {
        let mut seq = ProbeSeq::new(hash, table.len() - 1);
        loop {
            let s = seq.next_slot();
            if let Some(e) = table.get_mut(s) {
                if e.key.is_none() {
                    e.hash = hash;
                    e.key = Some(key);
                    return;
                }
            }
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = core::mem::replace(&mut self.table, vec![EMPTY; newsize]);
        self.fill = self.used;
        self.version = self.version.wrapping_add(1);
        for e in old {
            if let Some(k) = e.key {
                Set::insert_clean(&mut self.table, e.hash, k);
            }
        }
    }

    /// Remove the item at a slot (as returned by `probe`), leaving a dummy.
    pub fn remove_at(&mut self, i: usize) -> Value {
        let e = match self.table.get_mut(i) {
            Some(e) => e,
            None => return Value::None,
        };
        match e.key.take() {
            Some(k) => {
                e.hash = DUMMY_HASH;
                self.used -= 1;
                self.version = self.version.wrapping_add(1);
                k
            }
            None => Value::None,
        }
    }

    /// Remove everything.
    pub fn clear(&mut self) {
        self.table = vec![EMPTY; MINSIZE];
        self.fill = 0;
        self.used = 0;
        self.version = self.version.wrapping_add(1);
    }

    /// Remove and return an arbitrary item (CPython's choice: scanning from the finger).
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while self.table[i].key.is_none() {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let k = self.remove_at(i);
        self.finger = i + 1;
        Some(k)
    }

    /// Copy `src`'s items into this set, which must be empty (fill 0): no Python code runs.
    fn merge_into_empty(&mut self, src: &Set) {
        if src.used == 0 {
            return;
        }
        if (self.fill + src.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + src.used) * 2);
        }
        self.version = self.version.wrapping_add(1);
        if self.mask() == src.mask() && src.fill == src.used {
            self.table.clone_from(&src.table);
        } else {
            for (h, k) in src.entries() {
                Set::insert_clean(&mut self.table, h, k.clone());
            }
        }
        self.fill = src.used;
        self.used = src.used;
    }

    /// A copy built the way CPython's `set.copy()` builds it (which can differ in layout).
    pub fn copy(&self) -> Set {
        let mut s = Set::new();
        s.merge_into_empty(self);
        s
    }

    /// The frozenset constant CPython's compiler makes for a set display of more than two constant
    /// items (`{3, 1, 2}` compiles to `BUILD_SET 0; LOAD_CONST frozenset(...); SET_UPDATE`): built
    /// from the items in source order, then rebuilt from that set's iteration order (the
    /// compiler's constant merging does this), so that `SET_UPDATE` (`update_from`) then yields
    /// CPython's order. Items are (hash, value) pairs of hashable constants.
    pub fn from_const_items(items: &[(i64, Value)]) -> Set {
        let mut first = Set::new();
        for (h, v) in items {
            first.insert_new(*h, v.clone());
        }
        let mut second = Set::new();
        for (h, v) in first.entries() {
            second.insert_new(h, v.clone());
        }
        second
    }

    /// CPython's frozenset hash, computed from the stored item hashes.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for (h, _) in self.entries() {
            hash ^= shuffle(h as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            590923713
        } else {
            hash as i64
        }
    }
}

/// Read access to a set, whether in a `RefCell` (set) or not (frozenset, a local set).
pub trait SetCell {
    /// Run `f` with the set borrowed.
    fn with<R>(&self, f: impl FnOnce(&Set) -> R) -> R;
}

impl SetCell for RefCell<Set> {
    #[inline]
    fn with<R>(&self, f: impl FnOnce(&Set) -> R) -> R {
        f(&self.borrow())
    }
}

impl SetCell for Set {
    #[inline]
    fn with<R>(&self, f: impl FnOnce(&Set) -> R) -> R {
        f(self)
    }
}

/// Look a key up, calling Python `__eq__` with no borrow held; Found or Missing.
fn lookup<S: SetCell + ?Sized>(vm: &mut Vm, s: &S, hash: i64, key: &Value) -> PyResult<Find> {
    'restart: loop {
        let mut r = s.with(|set| set.find(hash, key));
        loop {
            match r {
                Find::Ask {
                    slot,
                    seq,
                    freeslot,
                } => {
                    let (k, ver) = s
                        .with(|set| (set.table.get(slot).and_then(|e| e.key.clone()), set.version));
                    let k = match k {
                        Some(k) => k,
                        None => continue 'restart,
                    };
                    let eq = vm.eq(&k, key)?;
                    let next = s.with(|set| {
                        if set.version != ver {
                            None
                        } else if eq {
                            Some(Find::Found(slot))
                        } else {
                            Some(set.find_from(hash, key, seq, freeslot))
                        }
                    });
                    match next {
                        Some(n) => r = n,
                        None => continue 'restart,
                    }
                }
                other => return Ok(other),
            }
        }
    }
}

/// The hash of a set key; an unhashable `set` is looked up as the equal frozenset (as CPython).
fn key_hash(vm: &mut Vm, key: &Value) -> PyResult<(i64, Value)> {
    match vm.hash(key) {
        Ok(h) => Ok((h, key.clone())),
        Err(e) => {
            if let Value::Obj(o) = key {
                if let PyObject::Set(s) = &**o {
                    let copy = s.borrow().copy();
                    let h = copy.frozen_hash();
                    let fs = vm.new_frozenset(copy);
                    return Ok((h, fs));
                }
            }
            Err(e)
        }
    }
}

fn contains_entry<S: SetCell + ?Sized>(
    vm: &mut Vm,
    s: &S,
    hash: i64,
    key: &Value,
) -> PyResult<bool> {
    Ok(matches!(lookup(vm, s, hash, key)?, Find::Found(_)))
}

/// Is `key` in the set? (Python `__eq__` is called with no borrow held.)
pub fn set_contains(vm: &mut Vm, set: &Set, key: &Value) -> PyResult<bool> {
    let (hash, key) = key_hash(vm, key)?;
    contains_entry(vm, set, hash, &key)
}

/// Is `key` in a set cell? (No snapshot is taken: prefer this to `set_contains` for `set`s.)
pub fn set_cell_contains(vm: &mut Vm, cell: &RefCell<Set>, key: &Value) -> PyResult<bool> {
    let (hash, key) = key_hash(vm, key)?;
    contains_entry(vm, cell, hash, &key)
}

fn add_entry(vm: &mut Vm, cell: &RefCell<Set>, hash: i64, key: Value) -> PyResult<bool> {
    match lookup(vm, cell, hash, &key)? {
        Find::Missing { slot, fresh } => {
            cell.borrow_mut().place(slot, fresh, hash, key);
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// Add `key` to a set cell; returns true if it was added.
pub fn set_add(vm: &mut Vm, cell: &RefCell<Set>, key: Value) -> PyResult<bool> {
    let hash = vm.hash(&key)?;
    add_entry(vm, cell, hash, key)
}

/// Remove `key` from a set cell; returns true if it was present.
fn discard_entry(vm: &mut Vm, cell: &RefCell<Set>, hash: i64, key: &Value) -> PyResult<bool> {
    match lookup(vm, cell, hash, key)? {
        Find::Found(slot) => {
            cell.borrow_mut().remove_at(slot);
            Ok(true)
        }
        _ => Ok(false),
    }
}

// ----- helpers over values ------------------------------------------------------------------------

/// The set object behind a value (set or frozenset, also inside an instance of a subclass).
pub fn any_set(vm: &Vm, v: &Value) -> Option<Obj> {
    let b = vm.builtin_base(v);
    match b {
        Value::Obj(o) if matches!(&*o, PyObject::Set(_) | PyObject::FrozenSet(_)) => Some(o),
        _ => None,
    }
}

/// Run `f` on the set payload of a set or frozenset object.
pub fn with_obj<R>(o: &Obj, f: impl FnOnce(&Set) -> R) -> Option<R> {
    match &**o {
        PyObject::Set(s) => Some(f(&s.borrow())),
        PyObject::FrozenSet(s) => Some(f(s)),
        _ => None,
    }
}

fn obj_len(o: &Obj) -> usize {
    with_obj(o, |s| s.len()).unwrap_or(0)
}

fn obj_contains(vm: &mut Vm, o: &Obj, hash: i64, key: &Value) -> PyResult<bool> {
    match &**o {
        PyObject::Set(s) => contains_entry(vm, s, hash, key),
        PyObject::FrozenSet(s) => contains_entry(vm, s, hash, key),
        _ => Ok(false),
    }
}

fn is_frozen(o: &Obj) -> bool {
    matches!(&**o, PyObject::FrozenSet(_))
}

/// Wrap a set payload as a set or frozenset value.
pub fn make_set(vm: &mut Vm, frozen: bool, s: Set) -> Value {
    if frozen {
        vm.new_frozenset(s)
    } else {
        vm.new_set(s)
    }
}

/// `set_update_internal`: add the items of any iterable to a set cell.
pub fn update_from(vm: &mut Vm, cell: &RefCell<Set>, other: &Value) -> PyResult<()> {
    if let Some(o) = any_set(vm, other) {
        if let PyObject::Set(c) = &*o {
            if core::ptr::eq(c, cell) {
                return Ok(());
            }
        }
        let (empty, src_used) = (cell.borrow().fill == 0, obj_len(&o));
        if src_used == 0 {
            return Ok(());
        }
        if empty {
            let src = with_obj(&o, |s| s.clone()).unwrap_or_default();
            cell.borrow_mut().merge_into_empty(&src);
            return Ok(());
        }
        {
            let mut s = cell.borrow_mut();
            if (s.fill + src_used) * 5 >= s.mask() * 3 {
                let n = (s.used + src_used) * 2;
                s.resize(n);
            }
        }
        let entries = with_obj(&o, |s| s.entries_vec()).unwrap_or_default();
        for (h, k) in entries {
            add_entry(vm, cell, h, k)?;
        }
        return Ok(());
    }
    if let Value::Obj(o) = other {
        if let PyObject::Dict(d) = &**o {
            let entries: Vec<(i64, Value)> = d
                .borrow()
                .entries()
                .map(|e| (e.hash, e.key.clone()))
                .collect();
            {
                let mut s = cell.borrow_mut();
                if (s.fill + entries.len()) * 5 >= s.mask() * 3 {
                    let n = (s.used + entries.len()) * 2;
                    s.resize(n);
                }
            }
            for (h, k) in entries {
                add_entry(vm, cell, h, k)?;
            }
            return Ok(());
        }
    }
    iterate(vm, other, &mut |vm, item| {
        set_add(vm, cell, item)?;
        Ok(true)
    })
}

/// A new set payload holding the items of an iterable.
pub fn set_from_iterable(vm: &mut Vm, it: &Value) -> PyResult<Set> {
    let cell = RefCell::new(Set::new());
    update_from(vm, &cell, it)?;
    Ok(cell.into_inner())
}

/// `so & other` / `so.intersection(other)` (CPython's algorithm, iterating the smaller set).
fn intersection(vm: &mut Vm, so: &Obj, other: &Value) -> PyResult<Set> {
    if let Value::Obj(oo) = other {
        if alloc::rc::Rc::ptr_eq(so, oo) {
            return Ok(with_obj(so, |s| s.copy()).unwrap_or_default());
        }
    }
    let result = RefCell::new(Set::new());
    if let Some(o) = any_set(vm, other) {
        let (mut a, mut b) = (so.clone(), o);
        if obj_len(&b) > obj_len(&a) {
            core::mem::swap(&mut a, &mut b);
        }
        let entries = with_obj(&b, |s| s.entries_vec()).unwrap_or_default();
        for (h, k) in entries {
            if obj_contains(vm, &a, h, &k)? {
                add_entry(vm, &result, h, k)?;
            }
        }
        return Ok(result.into_inner());
    }
    let so = so.clone();
    iterate(vm, other, &mut |vm, item| {
        let hash = vm.hash(&item)?;
        if obj_contains(vm, &so, hash, &item)? {
            add_entry(vm, &result, hash, item)?;
            if result.borrow().len() >= obj_len(&so) {
                return Ok(false);
            }
        }
        Ok(true)
    })?;
    Ok(result.into_inner())
}

/// `set_difference_update_internal`.
fn difference_update(vm: &mut Vm, cell: &RefCell<Set>, other: &Value) -> PyResult<()> {
    if let Some(o) = any_set(vm, other) {
        if let PyObject::Set(c) = &*o {
            if core::ptr::eq(c, cell) {
                cell.borrow_mut().clear();
                return Ok(());
            }
        }
        let len = cell.borrow().len();
        let entries = if (obj_len(&o) >> 3) > len {
            let tmp = vm.new_set(cell.borrow().clone());
            let tmp = match &tmp {
                Value::Obj(t) => t.clone(),
                _ => return Ok(()),
            };
            intersection(vm, &tmp, &Value::Obj(o))?.entries_vec()
        } else {
            with_obj(&o, |s| s.entries_vec()).unwrap_or_default()
        };
        for (h, k) in entries {
            discard_entry(vm, cell, h, &k)?;
        }
    } else {
        iterate(vm, other, &mut |vm, item| {
            let (h, k) = key_hash(vm, &item)?;
            discard_entry(vm, cell, h, &k)?;
            Ok(true)
        })?;
    }
    let mut s = cell.borrow_mut();
    if s.fill - s.used > s.mask() / 4 {
        let n = if s.used > 50000 {
            s.used * 2
        } else {
            s.used * 4
        };
        s.resize(n);
    }
    Ok(())
}

/// `so - other` / `so.difference(other)`.
fn difference(vm: &mut Vm, so: &Obj, other: &Value) -> PyResult<Set> {
    let other_set = any_set(vm, other);
    let other_size = match (&other_set, other) {
        (Some(o), _) => Some(obj_len(o)),
        (None, Value::Obj(o)) => match &**o {
            PyObject::Dict(d) => Some(d.borrow().len()),
            _ => None,
        },
        _ => None,
    };
    let copy_and_diff = match other_size {
        None => true,
        Some(n) => (obj_len(so) >> 2) > n,
    };
    if copy_and_diff {
        let cell = RefCell::new(with_obj(so, |s| s.copy()).unwrap_or_default());
        difference_update(vm, &cell, other)?;
        return Ok(cell.into_inner());
    }
    let result = RefCell::new(Set::new());
    let entries = with_obj(so, |s| s.entries_vec()).unwrap_or_default();
    for (h, k) in entries {
        let present = match (&other_set, other) {
            (Some(o), _) => obj_contains(vm, o, h, &k)?,
            (None, Value::Obj(o)) => match &**o {
                PyObject::Dict(d) => crate::dict::dict_lookup(vm, d, &k)?.1.is_some(),
                _ => false,
            },
            _ => false,
        };
        if !present {
            add_entry(vm, &result, h, k)?;
        }
    }
    Ok(result.into_inner())
}

/// `set_symmetric_difference_update`.
fn symmetric_difference_update(vm: &mut Vm, cell: &RefCell<Set>, other: &Value) -> PyResult<()> {
    let entries: Vec<(i64, Value)> = if let Some(o) = any_set(vm, other) {
        if let PyObject::Set(c) = &*o {
            if core::ptr::eq(c, cell) {
                cell.borrow_mut().clear();
                return Ok(());
            }
        }
        with_obj(&o, |s| s.entries_vec()).unwrap_or_default()
    } else if let Some(d) = other.as_obj().and_then(|o| {
        if let PyObject::Dict(d) = &**o {
            Some(d)
        } else {
            None
        }
    }) {
        d.borrow()
            .entries()
            .map(|e| (e.hash, e.key.clone()))
            .collect()
    } else {
        set_from_iterable(vm, other)?.entries_vec()
    };
    for (h, k) in entries {
        if !discard_entry(vm, cell, h, &k)? {
            add_entry(vm, cell, h, k)?;
        }
    }
    Ok(())
}

/// `so.issubset(other)`.
fn issubset(vm: &mut Vm, so: &Obj, other: &Value) -> PyResult<bool> {
    let o = match any_set(vm, other) {
        Some(o) => o,
        None => {
            let tmp = intersection(vm, so, other)?;
            return Ok(tmp.len() == obj_len(so));
        }
    };
    if obj_len(so) > obj_len(&o) {
        return Ok(false);
    }
    let entries = with_obj(so, |s| s.entries_vec()).unwrap_or_default();
    for (h, k) in entries {
        if !obj_contains(vm, &o, h, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `so.issuperset(other)`.
fn issuperset(vm: &mut Vm, so: &Obj, other: &Value) -> PyResult<bool> {
    if let Some(o) = any_set(vm, other) {
        return issubset(vm, &o, &Value::Obj(so.clone()));
    }
    let so = so.clone();
    let mut result = true;
    iterate(vm, other, &mut |vm, item| {
        let (h, k) = key_hash(vm, &item)?;
        if !obj_contains(vm, &so, h, &k)? {
            result = false;
            return Ok(false);
        }
        Ok(true)
    })?;
    Ok(result)
}

fn isdisjoint(vm: &mut Vm, so: &Obj, other: &Value) -> PyResult<bool> {
    if let Some(o) = any_set(vm, other) {
        let (mut a, mut b) = (so.clone(), o);
        if obj_len(&a) > obj_len(&b) {
            core::mem::swap(&mut a, &mut b);
        }
        let entries = with_obj(&a, |s| s.entries_vec()).unwrap_or_default();
        for (h, k) in entries {
            if obj_contains(vm, &b, h, &k)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let so = so.clone();
    let mut result = true;
    iterate(vm, other, &mut |vm, item| {
        let (h, k) = key_hash(vm, &item)?;
        if obj_contains(vm, &so, h, &k)? {
            result = false;
            return Ok(false);
        }
        Ok(true)
    })?;
    Ok(result)
}

/// Set algebra between two set/frozenset objects for the operators `| & - ^`; the result has the
/// left operand's kind. None when either operand is not a set.
pub fn set_binop(vm: &mut Vm, op: crate::ast::BinOp, a: &Value, b: &Value) -> Option<PyResult> {
    use crate::ast::BinOp;
    if !matches!(
        op,
        BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
    ) {
        return None;
    }
    let sa = any_set(vm, a)?;
    any_set(vm, b)?;
    Some(binop_sets(vm, op, &sa, b))
}

fn binop_sets(vm: &mut Vm, op: crate::ast::BinOp, sa: &Obj, b: &Value) -> PyResult {
    use crate::ast::BinOp;
    let frozen = is_frozen(sa);
    let s = match op {
        BinOp::BitOr => {
            let cell = RefCell::new(with_obj(sa, |s| s.copy()).unwrap_or_default());
            update_from(vm, &cell, b)?;
            cell.into_inner()
        }
        BinOp::BitAnd => intersection(vm, sa, b)?,
        BinOp::Sub => difference(vm, sa, b)?,
        _ => {
            let cell = RefCell::new(set_from_iterable(vm, b)?);
            symmetric_difference_update(vm, &cell, &Value::Obj(sa.clone()))?;
            cell.into_inner()
        }
    };
    Ok(make_set(vm, frozen, s))
}

/// `a OP= b` when `a` is a (mutable) set and `b` any set: mutates `a` in place and returns it.
/// None when not applicable (the VM then falls back to `a OP b`).
pub fn set_inplace(vm: &mut Vm, op: crate::ast::BinOp, a: &Value, b: &Value) -> Option<PyResult> {
    use crate::ast::BinOp;
    if !matches!(
        op,
        BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
    ) {
        return None;
    }
    let sa = any_set(vm, a)?;
    if is_frozen(&sa) {
        return None;
    }
    any_set(vm, b)?;
    Some(inplace(vm, &[a.clone(), b.clone()], op))
}

/// Comparisons between sets and frozensets (subset semantics); None unless both are sets.
pub fn set_compare(vm: &mut Vm, a: &Value, b: &Value, op: crate::ast::CmpOp) -> Option<PyResult> {
    use crate::ast::CmpOp;
    let sa = any_set(vm, a)?;
    let sb = any_set(vm, b)?;
    let bv = Value::Obj(sb.clone());
    let (la, lb) = (obj_len(&sa), obj_len(&sb));
    let r = match op {
        CmpOp::Eq => {
            if la != lb {
                Ok(false)
            } else {
                issubset(vm, &sa, &bv)
            }
        }
        CmpOp::NotEq => {
            if la != lb {
                Ok(true)
            } else {
                issubset(vm, &sa, &bv).map(|x| !x)
            }
        }
        CmpOp::LtE => issubset(vm, &sa, &bv),
        CmpOp::GtE => issuperset(vm, &sa, &bv),
        CmpOp::Lt => {
            if la >= lb {
                Ok(false)
            } else {
                issubset(vm, &sa, &bv)
            }
        }
        CmpOp::Gt => {
            if la <= lb {
                Ok(false)
            } else {
                issuperset(vm, &sa, &bv)
            }
        }
        _ => return None,
    };
    Some(r.map(Value::Bool))
}

// ----- natives ------------------------------------------------------------------------------------

fn self_set(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Obj> {
    match any_set(vm, v) {
        Some(o) => Ok(o),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{}' requires a 'set' object but received a '{}'",
                name, tn
            )))
        }
    }
}

fn self_mut(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Obj> {
    let o = self_set(vm, v, name)?;
    if is_frozen(&o) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "descriptor '{}' for 'set' objects doesn't apply to a '{}' object",
            name, tn
        )));
    }
    Ok(o)
}

fn cell_of(o: &Obj) -> Option<&RefCell<Set>> {
    match &**o {
        PyObject::Set(c) => Some(c),
        _ => None,
    }
}

fn one_arg(vm: &mut Vm, name: &str, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult<()> {
    no_kwargs(vm, name, kwargs)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "{}() takes exactly one argument ({} given)",
            name,
            args.len().saturating_sub(1)
        )));
    }
    Ok(())
}

fn no_arg(vm: &mut Vm, name: &str, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult<()> {
    no_kwargs(vm, name, kwargs)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "{}() takes no arguments ({} given)",
            name,
            args.len().saturating_sub(1)
        )));
    }
    Ok(())
}

fn new_common(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)], frozen: bool) -> PyResult {
    let name = if frozen { "frozenset" } else { "set" };
    let cls = match args.first() {
        Some(Value::Obj(c)) => c.clone(),
        _ => return Err(vm.type_error(format!("{}.__new__(X): X is not a type object", name))),
    };
    let base = if frozen {
        vm.types.frozenset.clone()
    } else {
        vm.types.set.clone()
    };
    let exact = alloc::rc::Rc::ptr_eq(&cls, &base);
    if exact && !kwargs.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    if (exact || frozen) && args.len() > 2 {
        return Err(vm.type_error(format!(
            "{} expected at most 1 argument, got {}",
            name,
            args.len() - 1
        )));
    }
    if frozen && exact {
        if let Some(a @ Value::Obj(o)) = args.get(1) {
            if matches!(&**o, PyObject::FrozenSet(_)) {
                return Ok(a.clone());
            }
        }
    }
    // Instances of Python subclasses of `set` get their items from `__init__` (as in CPython).
    let s = match args.get(1) {
        Some(it) if frozen || exact => set_from_iterable(vm, it)?,
        _ => Set::new(),
    };
    let v = make_set(vm, frozen, s);
    if exact {
        Ok(v)
    } else {
        Ok(vm.new_subclass_instance(&cls, v))
    }
}

fn set_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    vm.heap_check()?;
    new_common(vm, args, kwargs, false)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    new_common(vm, args, kwargs, true)
}

fn set_init(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let o = self_mut(vm, args.first().unwrap_or(&Value::None), "__init__")?;
    no_kwargs(vm, "set", kwargs)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "set expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    // An exact set was filled by `__new__`; only instances of Python subclasses fill here.
    if !is_subclass_instance(&args[0]) {
        return Ok(Value::None);
    }
    if let Some(c) = cell_of(&o) {
        c.borrow_mut().clear();
        if let Some(it) = args.get(1) {
            update_from(vm, c, it)?;
        }
    }
    Ok(Value::None)
}

fn set_add_m(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    one_arg(vm, "set.add", args, kwargs)?;
    let o = self_mut(vm, &args[0], "add")?;
    if let Some(c) = cell_of(&o) {
        set_add(vm, c, args[1].clone())?;
    }
    Ok(Value::None)
}

fn remove_common(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Str, Value)],
    name: &str,
    raise: bool,
) -> PyResult {
    one_arg(vm, name, args, kwargs)?;
    let o = self_mut(vm, &args[0], name)?;
    let (h, k) = key_hash(vm, &args[1])?;
    let found = match cell_of(&o) {
        Some(c) => discard_entry(vm, c, h, &k)?,
        None => false,
    };
    if !found && raise {
        return Err(vm.key_error(args[1].clone()));
    }
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    remove_common(vm, args, kwargs, "set.remove", true)
}

fn set_discard(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    remove_common(vm, args, kwargs, "set.discard", false)
}

fn set_pop(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_arg(vm, "set.pop", args, kwargs)?;
    let o = self_mut(vm, &args[0], "pop")?;
    let r = cell_of(&o).and_then(|c| c.borrow_mut().pop());
    match r {
        Some(v) => Ok(v),
        None => Err(vm.err(ExcKind::KeyError, "pop from an empty set")),
    }
}

fn set_clear(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_arg(vm, "set.clear", args, kwargs)?;
    let o = self_mut(vm, &args[0], "clear")?;
    if let Some(c) = cell_of(&o) {
        c.borrow_mut().clear();
    }
    Ok(Value::None)
}

fn set_copy(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_arg(vm, "set.copy", args, kwargs)?;
    let o = self_set(vm, &args[0], "copy")?;
    if !is_frozen(&o) {
        vm.heap_check()?;
    }
    if is_frozen(&o) && matches!(&args[0], Value::Obj(x) if alloc::rc::Rc::ptr_eq(x, &o)) {
        return Ok(args[0].clone());
    }
    let s = with_obj(&o, |s| s.copy()).unwrap_or_default();
    Ok(make_set(vm, is_frozen(&o), s))
}

fn set_update(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "set.update", kwargs)?;
    let o = self_mut(vm, args.first().unwrap_or(&Value::None), "update")?;
    if let Some(c) = cell_of(&o) {
        for other in args.iter().skip(1) {
            update_from(vm, c, other)?;
        }
    }
    Ok(Value::None)
}

fn set_union(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "set.union", kwargs)?;
    let o = self_set(vm, args.first().unwrap_or(&Value::None), "union")?;
    let cell = RefCell::new(with_obj(&o, |s| s.copy()).unwrap_or_default());
    for other in args.iter().skip(1) {
        if matches!(other, Value::Obj(x) if alloc::rc::Rc::ptr_eq(x, &o)) {
            continue;
        }
        update_from(vm, &cell, other)?;
    }
    Ok(make_set(vm, is_frozen(&o), cell.into_inner()))
}

fn intersection_multi(vm: &mut Vm, o: &Obj, others: &[Value]) -> PyResult<Set> {
    if others.is_empty() {
        return Ok(with_obj(o, |s| s.copy()).unwrap_or_default());
    }
    let mut cur = o.clone();
    let mut result = Set::new();
    for (i, other) in others.iter().enumerate() {
        result = intersection(vm, &cur, other)?;
        if i + 1 < others.len() {
            cur = vm.alloc(PyObject::Set(RefCell::new(result.clone())));
        }
    }
    Ok(result)
}

fn set_intersection(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "set.intersection", kwargs)?;
    let o = self_set(vm, args.first().unwrap_or(&Value::None), "intersection")?;
    let s = intersection_multi(vm, &o, &args[1..])?;
    Ok(make_set(vm, is_frozen(&o), s))
}

fn set_intersection_update(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "set.intersection_update", kwargs)?;
    let o = self_mut(
        vm,
        args.first().unwrap_or(&Value::None),
        "intersection_update",
    )?;
    let s = intersection_multi(vm, &o, &args[1..])?;
    if let Some(c) = cell_of(&o) {
        let mut b = c.borrow_mut();
        let ver = b.version;
        *b = s;
        b.version = ver.wrapping_add(1);
    }
    Ok(Value::None)
}

fn set_difference(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "set.difference", kwargs)?;
    let o = self_set(vm, args.first().unwrap_or(&Value::None), "difference")?;
    let s = match args.get(1) {
        None => with_obj(&o, |s| s.copy()).unwrap_or_default(),
        Some(first) => {
            let cell = RefCell::new(difference(vm, &o, first)?);
            for other in &args[2..] {
                difference_update(vm, &cell, other)?;
            }
            cell.into_inner()
        }
    };
    Ok(make_set(vm, is_frozen(&o), s))
}

fn set_difference_update(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "set.difference_update", kwargs)?;
    let o = self_mut(
        vm,
        args.first().unwrap_or(&Value::None),
        "difference_update",
    )?;
    if let Some(c) = cell_of(&o) {
        for other in args.iter().skip(1) {
            difference_update(vm, c, other)?;
        }
    }
    Ok(Value::None)
}

fn set_symmetric_difference(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    one_arg(vm, "set.symmetric_difference", args, kwargs)?;
    let o = self_set(vm, &args[0], "symmetric_difference")?;
    let cell = RefCell::new(set_from_iterable(vm, &args[1])?);
    symmetric_difference_update(vm, &cell, &Value::Obj(o.clone()))?;
    Ok(make_set(vm, is_frozen(&o), cell.into_inner()))
}

fn set_symmetric_difference_update(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Str, Value)],
) -> PyResult {
    one_arg(vm, "set.symmetric_difference_update", args, kwargs)?;
    let o = self_mut(vm, &args[0], "symmetric_difference_update")?;
    if let Some(c) = cell_of(&o) {
        symmetric_difference_update(vm, c, &args[1])?;
    }
    Ok(Value::None)
}

fn set_issubset(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    one_arg(vm, "set.issubset", args, kwargs)?;
    let o = self_set(vm, &args[0], "issubset")?;
    Ok(Value::Bool(issubset(vm, &o, &args[1])?))
}

fn set_issuperset(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    one_arg(vm, "set.issuperset", args, kwargs)?;
    let o = self_set(vm, &args[0], "issuperset")?;
    Ok(Value::Bool(issuperset(vm, &o, &args[1])?))
}

fn set_isdisjoint(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    one_arg(vm, "set.isdisjoint", args, kwargs)?;
    let o = self_set(vm, &args[0], "isdisjoint")?;
    Ok(Value::Bool(isdisjoint(vm, &o, &args[1])?))
}

fn inplace(vm: &mut Vm, args: &[Value], op: crate::ast::BinOp) -> PyResult {
    use crate::ast::BinOp;
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let o = self_mut(vm, &args[0], "__ior__")?;
    if any_set(vm, &args[1]).is_none() {
        return Ok(Value::NotImplemented);
    }
    if let Some(c) = cell_of(&o) {
        match op {
            BinOp::BitOr => update_from(vm, c, &args[1])?,
            BinOp::BitAnd => {
                let s = intersection(vm, &o, &args[1])?;
                let mut b = c.borrow_mut();
                let ver = b.version;
                *b = s;
                b.version = ver.wrapping_add(1);
            }
            BinOp::Sub => difference_update(vm, c, &args[1])?,
            _ => symmetric_difference_update(vm, c, &args[1])?,
        }
    }
    Ok(args[0].clone())
}

fn set_ior(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    inplace(vm, args, crate::ast::BinOp::BitOr)
}
fn set_iand(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    inplace(vm, args, crate::ast::BinOp::BitAnd)
}
fn set_isub(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    inplace(vm, args, crate::ast::BinOp::Sub)
}
fn set_ixor(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    inplace(vm, args, crate::ast::BinOp::BitXor)
}

fn binop_native(vm: &mut Vm, args: &[Value], op: crate::ast::BinOp, reflected: bool) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let (a, b) = if reflected {
        (&args[1], &args[0])
    } else {
        (&args[0], &args[1])
    };
    match (any_set(vm, a), any_set(vm, b)) {
        (Some(sa), Some(_)) => binop_sets(vm, op, &sa, b),
        _ => Ok(Value::NotImplemented),
    }
}

fn set_or(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, crate::ast::BinOp::BitOr, false)
}
fn set_and(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, crate::ast::BinOp::BitAnd, false)
}
fn set_sub(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, crate::ast::BinOp::Sub, false)
}
fn set_xor(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, crate::ast::BinOp::BitXor, false)
}
fn set_ror(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, crate::ast::BinOp::BitOr, true)
}
fn set_rand(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, crate::ast::BinOp::BitAnd, true)
}
fn set_rsub(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, crate::ast::BinOp::Sub, true)
}
fn set_rxor(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, crate::ast::BinOp::BitXor, true)
}

fn set_len(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_arg(vm, "set.__len__", args, kwargs)?;
    let o = self_set(vm, &args[0], "__len__")?;
    Ok(Value::Int(obj_len(&o) as i64))
}

fn set_contains_m(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    one_arg(vm, "set.__contains__", args, kwargs)?;
    let o = self_set(vm, &args[0], "__contains__")?;
    let (h, k) = key_hash(vm, &args[1])?;
    Ok(Value::Bool(obj_contains(vm, &o, h, &k)?))
}

fn cmp_native(vm: &mut Vm, args: &[Value], op: crate::ast::CmpOp) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    match set_compare(vm, &args[0], &args[1], op) {
        Some(r) => r,
        None => Ok(Value::NotImplemented),
    }
}

fn set_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp_native(vm, args, crate::ast::CmpOp::Eq)
}
fn set_ne(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp_native(vm, args, crate::ast::CmpOp::NotEq)
}
fn set_lt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp_native(vm, args, crate::ast::CmpOp::Lt)
}
fn set_le(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp_native(vm, args, crate::ast::CmpOp::LtE)
}
fn set_gt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp_native(vm, args, crate::ast::CmpOp::Gt)
}
fn set_ge(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp_native(vm, args, crate::ast::CmpOp::GtE)
}

/// Add set's and frozenset's methods to their types.
pub(crate) fn init(vm: &mut Vm) {
    let common: &[(&'static str, crate::value::NativeFn)] = &[
        ("copy", set_copy),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("__len__", set_len),
        ("__contains__", set_contains_m),
        ("__or__", set_or),
        ("__and__", set_and),
        ("__sub__", set_sub),
        ("__xor__", set_xor),
        ("__ror__", set_ror),
        ("__rand__", set_rand),
        ("__rsub__", set_rsub),
        ("__rxor__", set_rxor),
        ("__eq__", set_eq),
        ("__ne__", set_ne),
        ("__lt__", set_lt),
        ("__le__", set_le),
        ("__gt__", set_gt),
        ("__ge__", set_ge),
    ];
    let set = vm.types.set.clone();
    let frozenset = vm.types.frozenset.clone();
    types::add_methods(&set, common);
    types::add_methods(&frozenset, common);
    types::add_methods(
        &set,
        &[
            ("__init__", set_init),
            ("add", set_add_m),
            ("remove", set_remove),
            ("discard", set_discard),
            ("pop", set_pop),
            ("clear", set_clear),
            ("update", set_update),
            ("intersection_update", set_intersection_update),
            ("difference_update", set_difference_update),
            (
                "symmetric_difference_update",
                set_symmetric_difference_update,
            ),
            ("__ior__", set_ior),
            ("__iand__", set_iand),
            ("__isub__", set_isub),
            ("__ixor__", set_ixor),
        ],
    );
    types::set_attr(&set, "__hash__", Value::None);
    types::add_static_methods(&set, &[("__new__", set_new)]);
    types::add_static_methods(&frozenset, &[("__new__", frozenset_new)]);
}

/// Call one of set's methods natively with a single argument (used by the dict-view operators):
/// `update`, `intersection`, `difference_update` or `symmetric_difference_update`.
pub fn set_method(vm: &mut Vm, s: &Value, name: &str, arg: &Value) -> PyResult {
    let args = [s.clone(), arg.clone()];
    match name {
        "update" => set_update(vm, &args, &[]),
        "intersection" => set_intersection(vm, &args, &[]),
        "difference_update" => set_difference_update(vm, &args, &[]),
        "symmetric_difference_update" => set_symmetric_difference_update(vm, &args, &[]),
        _ => Ok(Value::NotImplemented),
    }
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::vm::VmConfig;
    use alloc::boxed::Box;

    fn vm() -> Vm {
        Vm::new(
            VmConfig::default(),
            Box::new(crate::port::NullPort::default()),
        )
    }

    fn int_of(s: &str) -> Value {
        Value::Int(s.parse::<i64>().unwrap())
    }

    fn build(vm: &mut Vm, ops: &str) -> Value {
        let v = vm.new_set(Set::new());
        for op in ops.split_whitespace() {
            let (c, rest) = op.split_at(1);
            match c {
                "a" => {
                    set_add_m(vm, &[v.clone(), int_of(rest)], &[]).unwrap();
                }
                "d" => {
                    set_discard(vm, &[v.clone(), int_of(rest)], &[]).unwrap();
                }
                _ => {
                    set_pop(vm, &[v.clone()], &[]).unwrap();
                }
            }
        }
        v
    }

    fn ints(v: &Value) -> Vec<i64> {
        let o = v.as_obj().unwrap();
        with_obj(o, |s| s.iter().map(|x| x.as_int().unwrap()).collect()).unwrap()
    }

    #[test]
    fn small_orders() {
        let mut vm = vm();
        assert_eq!(ints(&build(&mut vm, "a3 a1 a2")), [1, 2, 3]);
        assert_eq!(ints(&build(&mut vm, "a100 a5 a37")), [37, 100, 5]);
        // A new key reuses the last dummy on its probe chain (CPython 3.11: [3, 25, 17]).
        assert_eq!(ints(&build(&mut vm, "a1 a9 a17 a3 d1 d9 a25")), [3, 25, 17]);
        // Constant displays: `list({100, 5, 37})` is [5, 100, 37] in CPython 3.11, and
        // `list({100, 5, 37, 61, 29, 93, 8})` is [29, 100, 5, 37, 93, 8, 61].
        for (src, exp) in [
            (&[100i64, 5, 37][..], &[5i64, 100, 37][..]),
            (&[100, 5, 37, 61, 29, 93, 8], &[29, 100, 5, 37, 93, 8, 61]),
        ] {
            let items: Vec<(i64, Value)> = src.iter().map(|&x| (x, Value::Int(x))).collect();
            let fs = vm.new_frozenset(Set::from_const_items(&items));
            let s = vm.new_set(Set::new());
            set_update(&mut vm, &[s.clone(), fs], &[]).unwrap();
            assert_eq!(ints(&s), exp);
        }
    }

    #[test]
    fn orders_match_cpython() {
        let mut vm = vm();
        for (ops, expected) in ORDER_CASES {
            let s = build(&mut vm, ops);
            assert_eq!(&ints(&s), expected, "ops: {}", ops);
        }
    }

    #[test]
    fn algebra_matches_cpython() {
        let mut vm = vm();
        let setty = Value::Obj(vm.types.set.clone());
        let fsty = Value::Obj(vm.types.frozenset.clone());
        for (oa, ob, lb, exp) in ALG_CASES {
            let a = build(&mut vm, oa);
            let b = build(&mut vm, ob);
            let l = vm.new_list(lb.iter().map(|&x| Value::Int(x)).collect());
            use crate::ast::BinOp::*;
            let got = [
                seq_binop_unwrap(&mut vm, BitOr, &a, &b),
                seq_binop_unwrap(&mut vm, BitAnd, &a, &b),
                seq_binop_unwrap(&mut vm, Sub, &a, &b),
                seq_binop_unwrap(&mut vm, BitXor, &a, &b),
                seq_binop_unwrap(&mut vm, Sub, &b, &a),
                set_copy(&mut vm, &[a.clone()], &[]).unwrap(),
                set_new(&mut vm, &[setty.clone(), a.clone()], &[]).unwrap(),
                set_union(&mut vm, &[a.clone(), l.clone()], &[]).unwrap(),
                set_intersection(&mut vm, &[a.clone(), l.clone()], &[]).unwrap(),
                set_difference(&mut vm, &[a.clone(), l.clone()], &[]).unwrap(),
                set_symmetric_difference(&mut vm, &[a.clone(), l.clone()], &[]).unwrap(),
                frozenset_new(&mut vm, &[fsty.clone(), l.clone()], &[]).unwrap(),
            ];
            for (k, (g, e)) in got.iter().zip(exp.iter()).enumerate() {
                assert_eq!(&ints(g), e, "case {} {} / {} op {}", oa, ob, lb.len(), k);
            }
        }
    }

    fn seq_binop_unwrap(vm: &mut Vm, op: crate::ast::BinOp, a: &Value, b: &Value) -> Value {
        crate::seqops::seq_binop(vm, op, a, b).unwrap().unwrap()
    }

    #[test]
    fn methods_and_errors() {
        let mut vm = vm();
        let fsty = Value::Obj(vm.types.frozenset.clone());
        let s = build(&mut vm, "a1 a2 a3");
        let e = set_remove(&mut vm, &[s.clone(), Value::Int(9)], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::KeyError));
        let empty = build(&mut vm, "");
        let e = set_pop(&mut vm, &[empty.clone()], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::KeyError));
        assert!(set_add_m(&mut vm, &[s.clone()], &[]).is_err());
        let sub = build(&mut vm, "a1 a2");
        let r = set_compare(&mut vm, &sub, &s, crate::ast::CmpOp::Lt)
            .unwrap()
            .unwrap();
        assert!(matches!(r, Value::Bool(true)));
        let r = set_compare(&mut vm, &s, &s, crate::ast::CmpOp::Lt)
            .unwrap()
            .unwrap();
        assert!(matches!(r, Value::Bool(false)));
        let fs = frozenset_new(&mut vm, &[fsty.clone(), s.clone()], &[]).unwrap();
        let r = set_compare(&mut vm, &fs, &s, crate::ast::CmpOp::Eq)
            .unwrap()
            .unwrap();
        assert!(matches!(r, Value::Bool(true)));
        let same = frozenset_new(&mut vm, &[fsty.clone(), fs.clone()], &[]).unwrap();
        assert!(same.is(&fs));
        // |= mutates in place and returns self.
        let t = build(&mut vm, "a7");
        let r = set_ior(&mut vm, &[s.clone(), t.clone()], &[]).unwrap();
        assert!(r.is(&s));
        assert_eq!(ints(&s), [1, 2, 3, 7]);
        set_intersection_update(&mut vm, &[s.clone(), sub.clone()], &[]).unwrap();
        assert_eq!(ints(&s), [1, 2]);
        assert!(matches!(
            set_isdisjoint(&mut vm, &[s.clone(), t.clone()], &[]).unwrap(),
            Value::Bool(true)
        ));
        // frozenset hash equals CPython's: hash(frozenset({1, 2, 3})) == -272375401224217160
        let s123 = build(&mut vm, "a1 a2 a3");
        let f = frozenset_new(&mut vm, &[fsty, s123], &[]).unwrap();
        let h = with_obj(f.as_obj().unwrap(), |s| s.frozen_hash()).unwrap();
        assert_eq!(h, -272375401224217160);
    }

    const ORDER_CASES: &[(&str, &[i64])] = &[
        ("a27 a51 a3056 a2305843009213693951 a-1878871560754526850 a87 a23 a11312 d11312 d2305843009213693951 a67 a1473761646834372945 d-1878871560754526850 a142657880700646033 a15704 a-1 p d51 a29 a71 a82 p d87 a1984 a60 a3151228869412903404 p a64 a1304 a-1 a16 a69 a43 d-2305843009213693952 a6648 a3075408190364140565 a2305843009213693952 a30 a13488 a32 a-5 a4 a12272 a-1 a45 a13080 a2102196258889676006 d4 a27", &[1984, 64, 2305843009213693952, 69, 16, 1473761646834372945, 142657880700646033, 82, 3075408190364140565, 23, 1304, 15704, 13080, 27, 29, 30, 32, 2102196258889676006, 43, 45, 3056, 13488, 12272, 6648, -5, 60, -1]),
        ("a27 a13 a-14 a24 a60", &[13, -14, 24, 27, 60]),
        ("a3072 d3072 a4611686018427387904 a58 a3122257262326514560 a84 a5 a45 a-2 a-8 a4240", &[3122257262326514560, 4611686018427387904, 5, 45, 4240, 84, -8, 58, -2]),
        ("a74 a2305843009213693951 a44 a47 a9640 a12800 d74 a14216 a8856 a40 a29 d2305843009213693951 a-5 a100 a-2832393194150607340 a34 a75 d47 a-2 p p a4611686018427387904 a7456 d9640 a2305843009213693951 a13 a15 a68 a11 a2305843009213693950 a96 a3912 a6904 a36 a2800 a15080 a10424 d2305843009213693951 a4230125422854424064 d-2832393194150607340 d2305843009213693950 a51 p a2305843009213693952 a264 a15216 d11 d75 a30 p a-1684875788662333717 d264 d20 d96 a62 a59 a60 a66 a0 a5176 a68 a24 a57 d3912 d50 a-19 a32 p a8048 a2305843009213693952 d29 a12456 d7456", &[0, 4230125422854424064, 4611686018427387904, 2305843009213693952, 8856, 24, 30, 32, 36, 40, 12456, 44, 51, 10424, 5176, 57, 59, 60, 62, 66, 68, 100, 15080, -1684875788662333717, -19, 2800, 15216, 8048, -2, 6904, -5]),
        ("a64 a13 a10080 a9384 a-18 a7208 a-8 a-13 a5 d7208 p a2305843009213693952 d10080 d2305843009213693952 a33 a4611686018427387904 a84 a-1734813523339045268 a-2174058498924134900 p a5 a22 a50 a-4157724479147446997 a-1 a9096 d84 a2337522203526821093 a4611686018427387904 a44 a9608 a-1 p d-2174058498924134900 a47 a-1359161338437340922 a15 a20 a12952 d20 a17 p d-18 a-7 a-15 a3584 p a-2305843009213693952 a2305843009213693950 a62", &[3584, 4611686018427387904, 9608, 13, 15, 17, 22, 12952, 62, 2337522203526821093, 9384, -4157724479147446997, -1734813523339045268, 44, 47, -15, 50, -13, -2305843009213693952, 2305843009213693950, -8, -7, -1]),
        ("", &[]),
        ("a-2305843009213693952 p a4271026104670759254 a61 a32 a-12 a-2 a64 a2966581904379165722 d-2 a-2 p a69 a-2401902511008878468", &[32, 64, 69, -2401902511008878468, 4271026104670759254, 2966581904379165722, 61, -2]),
        ("a424 a21 p a75 a-5 a-7 a-19 a44 a14 p a11736 p p a78 a13408 a3633767481121172730 a-15 a-4105615135363015623 p d11736 a4320 a2 d-5 a49 a1104039145203012724 a11336 a38 d-15 d38 a1903590192691858674 a32 p a25 d-1970835328035536653 a2305843009213693951 a66 a2952 a-1 d13408 d2305843009213693951 a-2305843009213693952 a4611686018427387904 a100 d-3 a5776 a-8 a-2305843009213693952 d1903590192691858674 a-2305843009213693952 a29 a6 a9112 a459751955173304929 a2305843009213693952 a12520 a15 a1440125391661558024 d1104039145203012724 a-130089268991514786 a3665342301596102298 a80 d4320 a1375307051345496731 a-7 a68 a54 d2305843009213693952 d33 d-1 p a3315613138953052021 a89 p a152 a-4390369864865596172 a41 a90 d2", &[4611686018427387904, 6, 2952, 1440125391661558024, 15, 5776, 152, 3665342301596102298, 1375307051345496731, 29, 32, 41, 49, 54, -4105615135363015623, 66, 68, 11336, 78, 80, 89, 90, -130089268991514786, 459751955173304929, 100, 12520, -4390369864865596172, 3315613138953052021, -8, -7, 3633767481121172730, -2305843009213693952]),
        ("a0 a97", &[0, 97]),
        ("a2407319653301064242 p a6888 a70 a4611686018427387904 a5 a2769046619392728086 a69 d2769046619392728086 d70 a5 a317546882444401316 a7264 a4323343250518496834 a-11 a2700100180219994017 d12064 a5656 a2305843009213693950 a46 a-2305843009213693952 a1496 a97 a4912 a2505275636810777093 d-4410770448812152552 a12336 d4323343250518496834 a2305843009213693951 a-4578627465522791523 p d2700100180219994017 d2505275636810777093 a3956518040846659795 a10656 d-4578627465522791523 a3574910736611144054 a31 d72 a51 p a-2489466854761933408 a14 a10832 a2535073471534144553 a2506736433667553841 a55 p a-1 d46 a25 d-11 a2305843009213693951 a66 a2305843009213693951 a4 a873453529760325530 a3509751043567794205 d4 p a2305843009213693952 d2305843009213693952 p d2506736433667553841", &[2305843009213693951, 4611686018427387904, 14, 25, 873453529760325530, 3509751043567794205, 317546882444401316, 2535073471534144553, 4912, 12336, 51, 55, 66, 69, 10832, 3956518040846659795, 1496, 7264, 97, 6888, 2305843009213693950, 3574910736611144054, -1, -2305843009213693952]),
        ("a-2172820032099177544 a-2 d-2172820032099177544 p a29 d29 a15 p a35 d35 a40 a4368 p a4632 a10848 d78 d10848 d4368 p a15944 a-6 d15944 a14976 p a85 p a7 p a45 d45 a808 a49 a12848 a13 d808 p a-15 a4611686018427387904 d49 a-14 d-14 d12848 a0 p a1256 a6632 a-2313486314363936576 a79 a91 a3085273658185503301 p d3085273658185503301 p p a55 a7224 a1161145416179419418 p d7224 a75 a2305843009213693951 a-554675710678952989 a72 a61 p p d55 p a0 d0 a2305843009213693952", &[2305843009213693951, 4611686018427387904, 2305843009213693952, 72, 75, 1161145416179419418, 61]),
        ("a-3 a49 a2305843009213693951 a2978197376147414270 d49 p a2305843009213693951 d-3 a-11 p a4 a67 a49 d67 a48 d-1 p a13416 a15192 a6264 d85 a5864 a13056 d48 a-16 p a14 a42 a22 a62 p a-15 d22 a17 p a3272", &[13056, 3272, 14, 17, 42, -16, 49, -15, -11, 6264, 62, 2978197376147414270]),
        ("a100 d100 a-1359402837492131950 d-1359402837492131950 a15160 a2305843009213693952 d2305843009213693952 d15160 a-20 a13936 a30 a-3737742570040930679 a10336 a17 p a20 a44 a-10 a-7 a54 a-3202612965464238560 a14592 a78 a51 d54 a78 a2305843009213693951 a47 a95 a18 a48 p d-10 a-3061317991934460512 a-20 a-2 a-46650348229161814 a11 d48 p a1224 a73 a-9 a-2305843009213693952 a90 d-46650348229161814 a63 a46 p a55 d78 p a69 p a77 a3238818593860925979 a54 d51 d77", &[14592, 69, 1224, 18, 20, 55, 90, 3238818593860925979, 30, -3202612965464238560, 10336, 95, -3061317991934460512, 44, -20, 46, 47, -2305843009213693952, -9, 54, -7, -2, 63]),
        ("a3058795254962180489 d3058795254962180489 a21 a-1757240118517013613 a4432 a20 a46 a-6 a-4070404576627176073 d13 a11656 a8856 a84 a62 p a-4382195497171045150 d-4070404576627176073 d8856 a246453066966339625 a9 a2305843009213693951 p p a26 p a82 d21 a3626034456060845633 p p p d49 a-4 a-230165622744234397 a2792 p a11064 d2305843009213693951 d13680 a744 a10360 a-2102872528185919680", &[-2102872528185919680, 3626034456060845633, 84, 26, 10360, -4382195497171045150, -230165622744234397, 2792, 744, 11064, -6, -4, 62]),
        ("a68 d68 a58 a-11 a-5 d58 d-5 a2305843009213693950 a3944 a10736 a94 d-11 a-1 a2305843009213693951 a22 a15520 a52 a663848578136622329 a880 d22 a488 d2305843009213693951 a719850953715638114 a10800 a-1 p a-1142775012530530141 d488 a78 a1494611156265096890 d880 d10736 a4611686018427387904 a112 a47 d78 a1 p a77", &[1, 4611686018427387904, 77, 719850953715638114, -1142775012530530141, 3944, 47, 112, 10800, 52, 2305843009213693950, 663848578136622329, 1494611156265096890, -1]),
        ("a43 a2305843009213693951 a2789139010008054168 a53 a-7 a33 a7328 a-3 a88 a8", &[2305843009213693951, 33, 7328, 8, 43, -3, 53, 88, 2789139010008054168, -7]),
        ("a2305843009213693952 a-2845607952133535280 a2305843009213693951", &[2305843009213693951, 2305843009213693952, -2845607952133535280]),
        ("a-2 a4728 a-1 p a81 d82 a5 a25 d-1 p a775604964163950811 a-2305843009213693952 d25 p d-1 a47 a10 d10 a-693125906952404565 a4368888697556998885 a-9 p a4611686018427387904 a64 a3 a4012196518146652862 a64 a-1127844056104839607 a45 d-2 p d47 a21 a-1179051822376232279 a-3143461158465687123 a12192 a-2 a3648 a21 a6480 a-7 a44 a27 d3648 d27 a2168 a15 a57 a65 p p d6480 a-2305843009213693952 a3728 d3 a91 a4398169135262923841 p d-1127844056104839607 a-2 a66 p a78 a53 d4611686018427387904 p d64", &[65, 4398169135262923841, 66, 78, 15, 3728, 21, 91, -693125906952404565, -3143461158465687123, 45, 44, 53, -2305843009213693952, 2168, -7, -2, 4012196518146652862]),
        ("a4490171466470895478 a6136 a96 a4210374062949395909 d4490171466470895478 d6136 d96 p a4611686018427387904 d4611686018427387904 a57 a11344 a-3357236914866279649 a43 a38 a53 d57 a7392 p d53 a32 p a57 d38 d7392 a-2 a2305843009213693950 a54 d23 a12320", &[12320, 32, -2, 2305843009213693950, 54, 57, -3357236914866279649]),
        ("a5488 p a54 d54 a69 a14464 a-5 a6472 a74 p p d16000 p a35 a7032 a76 a-6 a75 a4760 d4760 d75 a81 a-2305843009213693952 a19 a-83237746339776301 a-18 a811463200530350495 a2305843009213693951 p a2305843009213693952 a7360 a52 a2305843009213693952 a26 a48 a17 a-20 p d7032 a10384 a6664 d35 d-18 a0 p a94 a84 a15 d2305843009213693952 d14464 a9616 a-1 a5656 a7528", &[2305843009213693951, 7360, 0, 6664, 15, 10384, 9616, 19, -83237746339776301, 84, 5656, 26, 94, 811463200530350495, 7528, -20, 48, 52, -1, -6, -5, -2305843009213693952]),
        ("a55 d55 a2410066612321016766 a14192 a15648 a71 a82 a12 d82 p a14840 a2305843009213693952 a11856 a94 a2305843009213693952 a3720 a30 a15464 d12 a17 a77 a67 a4611686018427387904 a4144 a6552 d17 d-1938714936392291762 a15936 a27 a45 a3661127648422112211 a10056 a50 a1464 a95 p a39 a-1 a-2 a-1 d77 a14616 d-2 a70 a-1596063239069769383 a93 a1835919405298734712 d15464 a14120 d3720 a59 a-19 a2137399476875026653 a56 a14456 d15936 a2305843009213693952 a2656 a12224 a70 a5960 d6552 p a36 a49 a71", &[2305843009213693952, 1835919405298734712, 14616, 27, 14456, 30, 36, 39, 14120, 45, 4144, 49, 50, 1464, 56, 59, 2410066612321016766, 12224, 67, 70, 71, 10056, 5960, 11856, 3661127648422112211, -1596063239069769383, 93, 94, 95, 2137399476875026653, 2656, -19, 14192, 14840, -1]),
        ("a74 a0 a71 a23 a-8 a9336 a51 p a1232 a-1 p a4392 p p a5832 a78 p a39 a1 a-14 d23 p a14136 a-4371217400757313196 a10384 a94 a-20 d1 d2305843009213693950 d2305843009213693951 p a2305843009213693950 a4611686018427387904 p a15176 a-586519551453022530 a90 a95 d39 a2305843009213693952 a70 d70 d95 d62 p a3 a7 a2305843009213693951 d-586519551453022530 a11928 a44 a58 a54", &[2305843009213693951, 2305843009213693952, 4611686018427387904, 3, 7, 5832, 15176, 10384, 11928, 90, 94, -20, 44, 51, -1, 54, 14136, 58, 9336, 2305843009213693950]),
        ("a71 d71 a79 a2455963086779952534 a-2305843009213693952 a66 a6696 d6696 d2455963086779952534 d-2305843009213693952 a41 d63 a-1 a14 a-16 a-1 a2 a4063495770766497625 a2384 d4063495770766497625 a4384 a3080 d93 p a13296 p a60 d79 a5616 d41 a58 a7632 a67 a50 a10064 a-4498952434162131330 d14", &[2, 67, 3080, 2384, 7632, 10064, -16, 13296, 5616, 50, 58, 60, -4498952434162131330, -1]),
        ("a7240 a2400 a5 a4808 a-2687004248756614939 a9112 a4611686018427387904 a82 a2 a35 a1688 a1852274353971440306 a47 a2305843009213693950 d4611686018427387904 a-1 d2400 a4611686018427387904 a23 p a-3075004559418737032 a-2 d35 a63 d47 a-18 p a62 p a14320 a4611686018427387904 a-2704352119446640317 a8208 d76 p d62 a2305843009213693952 d9112 d31 a11760 a2305843009213693950 a1903453752311853164 a3960 a4320281748535210539", &[2305843009213693952, 2, 4611686018427387904, 8208, 4320281748535210539, 1852274353971440306, 63, -2704352119446640317, 7240, 4808, 82, 3960, -2687004248756614939, 1903453752311853164, -18, 14320, 11760, -2, -3075004559418737032, 2305843009213693950, -1]),
    ];
    const ALG_CASES: &[(&str, &str, &[i64], [&[i64]; 12])] = &[
        ("a38 a-4243293461638894390 a6 a-3884656219151464017 a493531539446543416 a28 a14 a26 a3 a29 a26 a78 a2305843009213693950 a48 a8 a5 a19 a0 a29 a7 a23 a0 a15 a5136 a-742376559494881273 a2305843009213693952 a36 a5 a13 a8712 a4 a27 a5 a6352 a3 a63 a-2364317577015997429 a30 a67 a85", "a11680 a8 a-4366240795746509517 a16 a39 a-19 a23 a19 a26 a6368 a3 a-2305843009213693952 a27 a4 a35 a15160 a23 a11 a23 a17 a12 a3424 a21 a952 a8 a5 a1788994752458192310 a0 a42 a94 a80 a16 a-8 a21", &[16, 21, 3, 8, 17, 94, 19, 11, 26, 4, 3424, 39, 5, 6368, -2305843009213693952, 952, 11680, 23, 15160, 12, -8, 27, -4366240795746509517, 42, -19, 0, 1788994752458192310, 35, 80], [&[0, 2305843009213693952, 3, 4, 5, 6, 7, 8, -742376559494881273, 8712, -2364317577015997429, 11, 13, 14, 15, 5136, 12, 16, 19, 17, 21, 23, 26, 27, 28, 29, 30, 11680, 35, 36, 38, 39, 42, -3884656219151464017, 48, -4366240795746509517, 1788994752458192310, 493531539446543416, 15160, 952, 63, 67, -4243293461638894390, 78, 6352, 80, 85, 94, 6368, 3424, -19, -2305843009213693952, -8, 2305843009213693950], &[0, 3, 4, 5, 8, 19, 23, 26, 27], &[2305843009213693952, 6, -742376559494881273, 8712, 7, -2364317577015997429, 13, 14, 15, 5136, 28, 29, 30, 36, 38, -3884656219151464017, 48, 493531539446543416, 63, 67, -4243293461638894390, 78, 6352, 85, 2305843009213693950], &[2305843009213693952, 6, 7, -742376559494881273, 8712, -2364317577015997429, 11, 12, 13, 14, 15, 16, 17, 5136, 21, 28, 29, 30, 35, 36, 38, 39, 42, 48, -4366240795746509517, 15160, 493531539446543416, 63, 67, 78, 80, 85, 94, 3424, 11680, -3884656219151464017, 1788994752458192310, 952, -4243293461638894390, 6352, 6368, -19, 2305843009213693950, -8, -2305843009213693952], &[11, 12, 16, 17, 21, 11680, 35, 39, 42, -4366240795746509517, 1788994752458192310, 952, 15160, 80, 94, 6368, 3424, -19, -8, -2305843009213693952], &[0, 2305843009213693952, 3, 4, 5, 6, 7, 8, -742376559494881273, 8712, -2364317577015997429, 13, 14, 15, 5136, 19, 23, 26, 27, 28, 29, 30, 36, 38, -3884656219151464017, 48, 493531539446543416, 63, 67, -4243293461638894390, 78, 6352, 85, 2305843009213693950], &[0, 2305843009213693952, 3, 4, 5, 6, 7, 8, -742376559494881273, 8712, -2364317577015997429, 13, 14, 15, 5136, 19, 23, 26, 27, 28, 29, 30, 36, 38, -3884656219151464017, 48, 493531539446543416, 63, 67, -4243293461638894390, 78, 6352, 85, 2305843009213693950], &[0, 2305843009213693952, 3, 4, 5, 6, 7, 8, -742376559494881273, 8712, -2364317577015997429, 11, 13, 14, 15, 5136, 16, 17, 19, 12, 21, 23, 26, 27, 28, 29, 30, 11680, 35, 36, 38, 39, 42, -3884656219151464017, 48, -4366240795746509517, 1788994752458192310, 493531539446543416, 952, 15160, 63, 67, -4243293461638894390, 78, 6352, 80, 85, 94, 3424, 6368, -19, -2305843009213693952, -8, 2305843009213693950], &[0, 3, 4, 5, 8, 19, 23, 26, 27], &[2305843009213693952, 6, 7, -742376559494881273, 8712, -2364317577015997429, 13, 14, 15, 5136, 28, 29, 30, 36, 38, -3884656219151464017, 48, 493531539446543416, 63, 67, -4243293461638894390, 78, 6352, 85, 2305843009213693950], &[2305843009213693952, 6, 7, -742376559494881273, 8712, -2364317577015997429, 11, 12, 13, 14, 15, 16, 17, 5136, 21, 28, 29, 30, 11680, 35, 36, 38, 39, 42, -3884656219151464017, 48, -4366240795746509517, 1788994752458192310, 15160, 952, 493531539446543416, 63, 67, -4243293461638894390, 78, 80, 6352, 85, 94, 3424, 6368, -19, 2305843009213693950, -8, -2305843009213693952], &[0, 3, 4, 5, 8, 11, 12, 16, 17, 19, 21, 23, 26, 27, 11680, 35, 39, 42, -4366240795746509517, 1788994752458192310, 15160, 952, 80, 94, 3424, 6368, -19, -8, -2305843009213693952]]),
        ("a14 a2", "a19 a-6 a27 a6 a97 a6", &[-6, 6, 27, 97, 19], [&[97, 2, 19, 6, -6, 27, 14], &[], &[2, 14], &[97, 2, 19, 6, -6, 27, 14], &[97, 6, 19, -6, 27], &[2, 14], &[2, 14], &[97, 2, 6, 14, 19, -6, 27], &[], &[2, 14], &[97, 2, 6, 14, 19, -6, 27], &[97, 6, 19, -6, 27]]),
        ("a8 a10 a95 a51 a6128 a28 a12504 a2305843009213693952 a21 a9 a9256 a29 a9 a22 a27", "a28 a12 a29 a3 a6 a28 a21 a0 a15 a1 a22", &[15, 22, 12, 28, 21, 0, 3, 1, 29, 6], [&[0, 2305843009213693952, 1, 3, 6, 8, 9, 10, 12, 15, 21, 22, 12504, 27, 28, 29, 95, 9256, 6128, 51], &[29, 28, 21, 22], &[2305843009213693952, 8, 9256, 10, 9, 6128, 51, 12504, 27, 95], &[0, 1, 2305843009213693952, 3, 6, 8, 9, 10, 12, 15, 27, 9256, 51, 12504, 95, 6128], &[0, 1, 3, 6, 12, 15], &[2305843009213693952, 8, 9, 10, 9256, 6128, 51, 21, 22, 12504, 27, 28, 29, 95], &[2305843009213693952, 8, 9, 10, 9256, 6128, 51, 21, 22, 12504, 27, 28, 29, 95], &[0, 2305843009213693952, 1, 3, 6, 8, 9, 10, 12, 15, 21, 22, 27, 28, 29, 9256, 51, 12504, 95, 6128], &[29, 28, 21, 22], &[2305843009213693952, 8, 9, 10, 9256, 6128, 51, 12504, 27, 95], &[0, 1, 2305843009213693952, 3, 6, 8, 9, 10, 12, 15, 27, 9256, 51, 12504, 95, 6128], &[0, 1, 3, 6, 12, 15, 21, 22, 28, 29]]),
        ("a24 a27 a3 a8832 a81 a86 a17 a46 a12 a19 a25 a4 a-264460594102596040 a21 a25 a1 a26 a34 a18 a22 a28 a-1 a43 a32 a4180993457782331983 a14", "a28 a7728 a2 a1552 a10 a-3698422601574438184 a22 a19 a-13 a71 a46 a18 a11 a18 a6688 a16 a18 a28 a25 a8 a-2 a6 a-3 a27 a34 a78 a2305843009213693951 a18 a66 a14 a7 a-11 a10336 a-17 a-2", &[78, -11, 6688, 14, 34, 1552, 25, 71, 7, 18, -3698422601574438184, -13, 66, -3, 8, 19, -17, 7728, 27, 16, 10, 2305843009213693951, 28, 46, 2, 22, 6, 10336, 11, -2], [&[8832, 1, 2305843009213693951, 3, 4, 2, 6, 7, 8, 10, 11, 12, 14, 1552, 17, 18, 19, 16, 21, 22, 24, 25, 26, 27, 28, 32, 6688, 34, 43, 46, 7728, -264460594102596040, 66, 71, 78, 4180993457782331983, 81, 86, -3698422601574438184, 10336, -17, -13, -11, -2, -3, -1], &[34, 14, 46, 18, 19, 22, 25, 27, 28], &[8832, 1, 32, 3, 4, -264460594102596040, 43, 12, 4180993457782331983, 17, 81, 21, 86, 24, 26, -1], &[2305843009213693951, 1, 2, 3, 4, 6, 7, 8, 10, 11, 12, 1552, 16, 17, 21, 24, 26, 6688, 32, 43, 7728, -264460594102596040, 66, 71, 78, 4180993457782331983, 81, 86, 10336, 8832, -3698422601574438184, -17, -13, -11, -1, -3, -2], &[2305843009213693951, 2, 6, 7, 8, 10, 11, 1552, 16, 6688, 7728, 66, 71, 78, -3698422601574438184, 10336, -17, -13, -11, -3, -2], &[8832, 1, 3, 4, 12, 14, 4180993457782331983, 17, 18, 19, 81, 21, 22, 86, 24, 25, 26, 27, 28, 32, 34, 43, 46, -264460594102596040, -1], &[8832, 1, 3, 4, 12, 14, 4180993457782331983, 17, 18, 19, 81, 21, 22, 86, 24, 25, 26, 27, 28, 32, 34, 43, 46, -264460594102596040, -1], &[2305843009213693951, 1, 2, 3, 4, 6, 7, 8, 10, 11, 12, 14, 1552, 17, 18, 19, 16, 21, 22, 24, 25, 26, 27, 28, 32, 6688, 34, 43, 46, 7728, -264460594102596040, 66, 71, 78, 4180993457782331983, 81, 86, 10336, 8832, -3698422601574438184, -17, -13, -11, -2, -3, -1], &[34, 14, 46, 18, 19, 22, 25, 27, 28], &[8832, 1, 3, 4, 12, 4180993457782331983, 17, 81, 21, 86, 24, 26, 32, 43, -264460594102596040, -1], &[2305843009213693951, 8832, 2, 1, 3, 4, 6, 7, 8, 10, 11, 12, 1552, 16, 17, 21, 24, 26, 6688, 32, 43, 7728, -264460594102596040, 66, 71, 78, 4180993457782331983, 81, 86, -3698422601574438184, 10336, -17, -13, -11, -1, -3, -2], &[2305843009213693951, 2, 6, 7, 8, 10, 11, 14, 1552, 16, 18, 19, 22, 25, 27, 28, 6688, 34, 46, 7728, 66, 71, 78, -3698422601574438184, 10336, -17, -13, -11, -3, -2]]),
        ("a656 a6432 a1 a13488 a2305843009213693950 a30 a2305843009213693952 a-1 a42 a4611686018427387904 a8 a277217853071748802 a56 a3405827152201575360 a30 a27 a21 a8 a95 a2 a8 a8 a83 a26 a2 a10 a0 a18 a3 a9 a7 a2305843009213693952 a11 a5 a29 a23 a3265264745126948295", "a21 a2 a20 a11 a13 a28 a62 a30 a20 a2305843009213693950 a15 a2895273483436061141 a21 a29 a15656 a21 a99 a7 a67 a16 a22 a30 a17 a13344 a6 a1212306486501212170 a-1 a8 a86 a100 a22 a37 a-2305843009213693952 a3496 a25 a84 a4072", &[28, 21, 2, 86, 30, 67, -2305843009213693952, 37, 8, 25, 99, 1212306486501212170, 13, 17, -1, 22, 84, 15656, 16, 3496, 2305843009213693950, 13344, 15, 6, 2895273483436061141, 62, 20, 4072, 11, 100, 29, 7], [&[0, 1, 2305843009213693952, 4611686018427387904, 2, 3, 5, 7, 8, 9, 10, 11, 6, 1212306486501212170, 13, 15, 656, 16, 18, 17, 20, 21, 22, 23, 25, 26, 27, 28, 29, 30, 6432, 13344, 37, 15656, 3496, 42, 13488, 56, 62, 3405827152201575360, 277217853071748802, 67, 3265264745126948295, 83, 84, 2895273483436061141, 86, 95, 99, 100, 4072, 2305843009213693950, -2305843009213693952, -1], &[2, 7, 8, 11, 21, 2305843009213693950, -1, 29, 30], &[0, 1, 4611686018427387904, 3, 2305843009213693952, 5, 9, 10, 656, 18, 23, 26, 27, 6432, 42, 13488, 56, 3405827152201575360, 277217853071748802, 3265264745126948295, 83, 95], &[0, 1, 2305843009213693952, 4611686018427387904, 3, 6, 5, 1212306486501212170, 9, 13, 10, 15, 16, 17, 656, 18, 20, 22, 23, 25, 26, 27, 28, 13344, 6432, 37, 15656, 3496, 42, 13488, 56, 62, 3405827152201575360, 277217853071748802, 67, 3265264745126948295, 83, 84, 2895273483436061141, 86, 95, 99, 100, 4072, -2305843009213693952], &[6, 1212306486501212170, 13, 15, 16, 17, 20, 22, 25, 28, 13344, 37, 15656, 3496, 62, 67, 84, 2895273483436061141, 86, 99, 100, 4072, -2305843009213693952], &[0, 1, 2305843009213693952, 4611686018427387904, 2, 3, 5, 7, 8, 9, 10, 11, 3265264745126948295, 656, 18, 83, 21, 23, 26, 27, 29, 30, 95, 6432, 3405827152201575360, 42, 13488, -1, 56, 2305843009213693950, 277217853071748802], &[0, 1, 2305843009213693952, 4611686018427387904, 2, 3, 5, 7, 8, 9, 10, 11, 3265264745126948295, 656, 18, 83, 21, 23, 26, 27, 29, 30, 95, 6432, 3405827152201575360, 42, 13488, -1, 56, 2305843009213693950, 277217853071748802], &[0, 1, 2305843009213693952, 4611686018427387904, 2, 3, 5, 7, 8, 9, 10, 11, 1212306486501212170, 13, 6, 15, 16, 17, 18, 20, 21, 22, 23, 25, 26, 27, 28, 29, 30, 6432, 13344, 37, 15656, 42, 56, 62, 67, 83, 84, 86, 95, 99, 100, 656, 3496, 13488, 3405827152201575360, 277217853071748802, 3265264745126948295, 2895273483436061141, 4072, -2305843009213693952, 2305843009213693950, -1], &[2, 7, 8, 11, 21, -1, 2305843009213693950, 29, 30], &[0, 1, 2305843009213693952, 4611686018427387904, 3, 5, 9, 10, 3265264745126948295, 656, 18, 83, 23, 26, 27, 95, 6432, 3405827152201575360, 42, 13488, 56, 277217853071748802], &[0, 1, 2305843009213693952, 4611686018427387904, 3, 6, 5, 1212306486501212170, 9, 13, 10, 15, 16, 17, 656, 18, 20, 22, 23, 25, 26, 27, 28, 13344, 6432, 37, 15656, 3496, 42, 13488, 56, 62, 3405827152201575360, 277217853071748802, 67, 3265264745126948295, 83, 84, 86, 2895273483436061141, 95, 99, 100, 4072, -2305843009213693952], &[2, 6, 7, 8, 1212306486501212170, 11, 13, 15, 16, 17, 20, 21, 22, 25, 28, 29, 30, 13344, 37, 15656, 3496, 62, 67, 84, 86, 2895273483436061141, 99, 100, 4072, -1, 2305843009213693950, -2305843009213693952]]),
        ("a22 a1 a-2 a23 a20 a-1 a83 a13 a-2768151605913349335 a-1147302200290621288 a3 a98776335300683423 a-2 a99 a-7 a3 a24 a0 a35 a58 a1781138194344227450 a72 a11 a2 a-2305843009213693952 a2305843009213693950 a18 a15320 a39 a-4026547754610814183 a1 a31 a8976 a15600 a58 a9 a3328 a19 a24 a8", "a10 a-4411816451307915688 a5 a-192054035067044257 a9 a11 a29 a93 a6 a19 a26 a50", &[19, 93, 9, 10, 26, -4411816451307915688, 11, -192054035067044257, 29, 5, 6, 50], [&[0, 1, 2, 3, 3328, 5, 6, 8, 9, 10, 11, 13, 8976, 18, 19, 20, 22, 23, 24, -1147302200290621288, -4026547754610814183, 26, 29, 98776335300683423, 31, 35, 39, -2768151605913349335, 50, 58, 72, 83, -4411816451307915688, 15320, 93, -192054035067044257, 99, 15600, -2, -2305843009213693952, 2305843009213693950, -7, 1781138194344227450, -1], &[19, 9, 11], &[0, 1, 2, 3, 3328, 8, 13, 8976, 18, 20, 22, 23, -4026547754610814183, 24, -1147302200290621288, 31, 98776335300683423, 35, 39, -2768151605913349335, 58, 72, 83, 15320, 99, 15600, -2305843009213693952, 2305843009213693950, -1, -7, 1781138194344227450, -2], &[0, 1, 2, 3, 3328, 5, 6, 8, 10, 13, 8976, 18, 20, 22, 23, 24, -1147302200290621288, 26, -4026547754610814183, 29, 98776335300683423, 31, 35, 39, -2768151605913349335, 50, 58, 72, 83, -4411816451307915688, 15320, 93, -192054035067044257, 99, 15600, -2305843009213693952, 2305843009213693950, -1, -7, 1781138194344227450, -2], &[5, 6, 10, 50, 29, -4411816451307915688, 26, 93, -192054035067044257], &[0, 1, 2, 3, 3328, 8, 9, 11, 13, 8976, 18, 19, 20, 22, 23, 24, -1147302200290621288, -4026547754610814183, 98776335300683423, 31, 35, 39, -2768151605913349335, 58, 72, 83, 15320, 99, 15600, -2, -2305843009213693952, 2305843009213693950, -7, 1781138194344227450, -1], &[0, 1, 2, 3, 3328, 8, 9, 11, 13, 8976, 18, 19, 20, 22, 23, 24, -1147302200290621288, -4026547754610814183, 98776335300683423, 31, 35, 39, -2768151605913349335, 58, 72, 83, 15320, 99, 15600, -2, -2305843009213693952, 2305843009213693950, -7, 1781138194344227450, -1], &[0, 1, 2, 3, 3328, 5, 6, 8, 9, 10, 11, 13, 8976, 18, 19, 20, 22, 23, 24, -1147302200290621288, -4026547754610814183, 26, 29, 98776335300683423, 31, 35, 39, -2768151605913349335, 50, 58, 72, 83, -4411816451307915688, 15320, 93, -192054035067044257, 99, 15600, -2, -2305843009213693952, 2305843009213693950, -7, 1781138194344227450, -1], &[11, 9, 19], &[0, 1, 2, 3, 3328, 8, 13, 8976, 18, 20, 22, 23, 24, -1147302200290621288, -4026547754610814183, 98776335300683423, 31, 35, 39, -2768151605913349335, 58, 72, 83, 15320, 99, 15600, -2, -2305843009213693952, 2305843009213693950, -7, 1781138194344227450, -1], &[0, 1, 2, 3, 3328, 5, 6, 8, 10, 13, 8976, 18, 20, 22, 23, 24, -1147302200290621288, 26, -4026547754610814183, 29, 98776335300683423, 31, 35, 39, -2768151605913349335, 50, 58, 72, 83, -4411816451307915688, 15320, 93, -192054035067044257, 99, 15600, -2305843009213693952, 2305843009213693950, -1, -7, 1781138194344227450, -2], &[5, 6, 9, 10, 11, 29, 19, 50, -4411816451307915688, 26, 93, -192054035067044257]]),
        ("a16 a11 a0 a39 a0 a4048 a-4314052245777362208 a13 a3 a10 a23 a0 a968550153358895417 a4052731759561700277 a26 a13 a22", "a82 a-2 a21 a22 a30 a2305843009213693951 a3376 a4 a6984 a3880 a2 a1346063980431245932 a20 a4368 a19 a34 a13 a21 a82", &[34, 1346063980431245932, 3376, 3880, 19, 20, 6984, 13, 82, 2305843009213693951, -2, 4368, 22, 4, 2, 21, 30], [&[0, 2305843009213693951, 2, 3, 4, 6984, 10, 11, 13, 16, 4048, 4368, 82, 19, 20, 22, 23, 21, 26, 30, -4314052245777362208, 34, 39, 3880, 1346063980431245932, 3376, 4052731759561700277, 968550153358895417, -2], &[13, 22], &[0, 3, 39, 10, 11, 16, 4048, 4052731759561700277, 23, 968550153358895417, 26, -4314052245777362208], &[2305843009213693951, 0, 2, 3, 4, 6984, 10, 11, 4368, 16, 82, 19, 20, 21, 4048, 23, 26, 30, -4314052245777362208, 34, 39, 3880, 1346063980431245932, 3376, 4052731759561700277, 968550153358895417, -2], &[2305843009213693951, 2, 34, 4, 6984, 3880, 1346063980431245932, 3376, 4368, 82, 19, 20, 21, 30, -2], &[0, 3, 39, 10, 11, 13, 16, 4048, 4052731759561700277, 23, 22, 968550153358895417, 26, -4314052245777362208], &[0, 3, 39, 10, 11, 13, 16, 4048, 4052731759561700277, 23, 22, 968550153358895417, 26, -4314052245777362208], &[0, 2305843009213693951, 2, 3, 4, 10, 11, 13, 16, 4368, 19, 20, 21, 22, 23, 26, 30, 34, 39, 3880, 3376, 4052731759561700277, 968550153358895417, 6984, 4048, 82, -4314052245777362208, 1346063980431245932, -2], &[13, 22], &[0, 3, 39, 10, 11, 16, 4048, 4052731759561700277, 23, 968550153358895417, 26, -4314052245777362208], &[2305843009213693951, 0, 2, 3, 4, 10, 11, 4368, 16, 19, 20, 21, 23, 26, 30, 34, 39, 3880, 3376, 4052731759561700277, 968550153358895417, 6984, 4048, 82, -4314052245777362208, 1346063980431245932, -2], &[2305843009213693951, 34, 2, 4, 3880, 6984, 1346063980431245932, 13, 3376, 4368, 82, 19, 20, 21, 22, 30, -2]]),
        ("a2 a11 a8392 a21 a18 a27 a7 a8 a19 a11 a52 a30 a3 a7112 a-18 a14368 a59 a24 a11 a23", "a5 a-11 a11 a26 a3 a9 a2246510642908188492 a28 a16 a-1 a50 a9 a2305843009213693952 a-1587372193362312883 a-1 a17 a8 a9 a-2 a72 a18 a37 a30 a0 a17 a14032 a5 a20 a84 a42 a27 a25 a1 a8 a-2305843009213693952 a9 a16 a2 a1080771512519465336 a1", &[84, 16, 11, 2, 9, -1587372193362312883, 37, 0, 27, 28, -11, 1080771512519465336, 8, 26, -2, -1, 18, 72, 14032, 30, 2246510642908188492, -2305843009213693952, 2305843009213693952, 3, 5, 50, 42, 1, 25, 20, 17], [&[0, 2305843009213693952, 2, 3, 1, 5, 7, 8, 9, 11, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28, 30, 14368, 37, 42, 50, 52, 59, 8392, 7112, 72, 2246510642908188492, -1587372193362312883, 14032, 84, -18, -11, -2305843009213693952, -2, 1080771512519465336, -1], &[2, 3, 8, 11, 18, 27, 30], &[14368, 7, 7112, 8392, -18, 19, 52, 21, 23, 24, 59], &[0, 2305843009213693952, 1, 5, 7, 9, 16, 17, 19, 20, 21, 23, 24, 25, 26, 28, 14368, 37, 42, 50, 52, 59, 72, 2246510642908188492, -1587372193362312883, 84, 1080771512519465336, 7112, 8392, 14032, -18, -11, -2, -1, -2305843009213693952], &[0, 2305843009213693952, 1, 5, 9, 16, 17, 20, 25, 26, 28, 37, 42, 50, 72, 2246510642908188492, -1587372193362312883, 14032, 84, -11, -2305843009213693952, -2, 1080771512519465336, -1], &[2, 3, 7, 8392, 8, 7112, 11, 18, 19, 21, 23, 24, 27, 30, 14368, -18, 52, 59], &[2, 3, 7, 8392, 8, 7112, 11, 18, 19, 21, 23, 24, 27, 30, 14368, -18, 52, 59], &[0, 2305843009213693952, 2, 3, 1, 5, 7, 8, 9, 11, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28, 30, 14368, 37, 42, 50, 52, 59, 72, 2246510642908188492, -1587372193362312883, 84, 1080771512519465336, 8392, 7112, 14032, -18, -11, -2305843009213693952, -2, -1], &[2, 3, 8, 11, 18, 27, 30], &[7, 8392, 7112, 19, 21, 23, 24, 14368, -18, 52, 59], &[0, 2305843009213693952, 1, 5, 7, 9, 16, 17, 19, 20, 21, 23, 24, 25, 26, 28, 14368, 37, 42, 50, 52, 59, 72, 8392, 7112, 2246510642908188492, -1587372193362312883, 14032, 84, -18, -11, -2, -2305843009213693952, 1080771512519465336, -1], &[0, 2305843009213693952, 2, 3, 1, 5, 8, 9, 11, 16, 17, 18, 20, 25, 26, 27, 28, 30, 37, 42, 50, 72, 2246510642908188492, -1587372193362312883, 14032, 84, -11, -2, -2305843009213693952, 1080771512519465336, -1]]),
        ("a24 a3555706265521346352 a76 a66 a30 a8 a2 a12 a15552 a24 a6 a14 a4 a23 a16 a7 a26 a1995909157004332409 a2305843009213693950 a27 a3 a29 a81 a40 a23 a20 a1 a27 a16 a25 a11 a19 a14 a22 a19 a24 a18", "a18 a49 a-12 a-4611047757325668106 a-799959642717468520 a13 a5", &[-799959642717468520, 5, 18, -12, 13, -4611047757325668106, 49], [&[15552, 1, 2, 3, 4, 66, 6, 7, 8, 5, 11, 12, 76, 14, 13, 16, 81, 18, 19, 20, 22, 23, 24, 25, 26, 27, -799959642717468520, 29, 30, 40, 3555706265521346352, 49, -12, -4611047757325668106, 1995909157004332409, 2305843009213693950], &[18], &[1, 2, 3, 4, 6, 7, 8, 11, 12, 14, 16, 19, 20, 22, 23, 24, 25, 26, 27, 29, 30, 40, 3555706265521346352, 15552, 66, 76, 81, 1995909157004332409, 2305843009213693950], &[15552, 1, 2, 3, 4, 5, 6, 7, 8, 66, 11, 12, 13, 14, 76, 16, 81, 19, 20, 22, 23, -799959642717468520, 24, 25, 26, 27, 29, 30, 40, 49, 3555706265521346352, -12, -4611047757325668106, 1995909157004332409, 2305843009213693950], &[5, 13, 49, -12, -4611047757325668106, -799959642717468520], &[15552, 1, 2, 3, 4, 66, 6, 7, 8, 11, 12, 76, 14, 16, 81, 18, 19, 20, 22, 23, 24, 25, 26, 27, 29, 30, 40, 3555706265521346352, 1995909157004332409, 2305843009213693950], &[15552, 1, 2, 3, 4, 66, 6, 7, 8, 11, 12, 76, 14, 16, 81, 18, 19, 20, 22, 23, 24, 25, 26, 27, 29, 30, 40, 3555706265521346352, 1995909157004332409, 2305843009213693950], &[15552, 1, 2, 3, 4, 66, 6, 7, 8, 5, 11, 12, 76, 14, 13, 16, 81, 18, 19, 20, 22, 23, 24, 25, 26, 27, -799959642717468520, 29, 30, 40, 3555706265521346352, 49, -12, -4611047757325668106, 1995909157004332409, 2305843009213693950], &[18], &[15552, 1, 2, 3, 4, 66, 6, 7, 8, 11, 12, 76, 14, 16, 81, 19, 20, 22, 23, 24, 25, 26, 27, 29, 30, 40, 3555706265521346352, 1995909157004332409, 2305843009213693950], &[1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 16, 19, 20, 22, 23, -799959642717468520, 24, 25, 26, 27, 29, 30, 40, 49, 3555706265521346352, 15552, 66, 76, 81, -12, -4611047757325668106, 1995909157004332409, 2305843009213693950], &[5, 13, 49, 18, -12, -4611047757325668106, -799959642717468520]]),
        ("a15 a98 a-3131873668786329705 a57 a29 a60 a7 a17 a18 a65 a76 a4976 a-2284951906094574521 a16 a14 a41 a17 a29 a-15 a16 a-20 a28 a16 a8 a10000 a22 a17 a0 a1 a-11 a21 a26", "a4 a23 a20 a9 a-2 a6 a14 a30 a78 a17 a28 a-12 a18 a2305843009213693951 a100 a95 a62", &[4, 18, 23, 78, 100, 14, -2, 2305843009213693951, 17, 30, 9, 62, -12, 28, 95, 6, 20], [&[0, 1, 2305843009213693951, 4, 6, 7, 8, 9, 14, 15, 16, 17, 18, 10000, 20, 21, -3131873668786329705, 22, 23, 26, 28, 29, 30, 41, 57, 60, 62, 65, -2284951906094574521, 76, 78, 95, 98, 100, -20, 4976, -15, -12, -11, -2], &[17, 18, 28, 14], &[0, 1, 7, 8, 15, 16, 10000, 21, -3131873668786329705, 22, 26, 29, 41, 57, 60, 65, -2284951906094574521, 76, 98, -20, 4976, -15, -11], &[2305843009213693951, 0, 1, 4, 6, 7, 8, 9, 15, 10000, 16, 20, 21, 22, 23, 26, 29, 30, 41, 57, 60, 62, 65, -2284951906094574521, 76, 78, 95, 98, 100, 4976, -3131873668786329705, -20, -15, -12, -11, -2], &[2305843009213693951, 100, 4, 6, 9, 78, 20, -12, -2, 23, 62, 30, 95], &[0, 1, 65, 7, 8, -2284951906094574521, 76, 14, 15, 16, 17, 18, 10000, 21, -3131873668786329705, 22, 26, 28, 29, 98, 41, -20, 4976, -15, -11, 57, 60], &[0, 1, 65, 7, 8, -2284951906094574521, 76, 14, 15, 16, 17, 18, 10000, 21, -3131873668786329705, 22, 26, 28, 29, 98, 41, -20, 4976, -15, -11, 57, 60], &[0, 1, 2305843009213693951, 4, 6, 7, 8, 9, 14, 15, 16, 17, 18, 10000, 20, 21, 22, 23, 26, 28, 29, 30, 41, 57, 60, 62, 65, -2284951906094574521, 76, 78, 95, 98, 100, 4976, -3131873668786329705, -20, -15, -12, -11, -2], &[17, 18, 28, 14], &[0, 1, 65, 7, 8, -2284951906094574521, 76, 15, 16, 10000, 21, -3131873668786329705, 22, 26, 29, 98, 41, -20, 4976, -15, -11, 57, 60], &[2305843009213693951, 0, 1, 4, 6, 7, 8, 9, 15, 16, 10000, 20, 21, -3131873668786329705, 23, 22, 26, 29, 30, 41, 57, 60, 62, 65, -2284951906094574521, 76, 78, 95, 98, 100, -20, 4976, -15, -12, -11, -2], &[2305843009213693951, 100, 4, 6, 9, 78, 14, 17, 18, 30, -12, 20, 23, 62, 28, -2, 95]]),
        ("a52 a27 a368 a877202503214930789 a21 a3623428065418517541 a41 a20 a82 a-4205856557630836341 a2 a18 a65 a27 a-2839244432197603100 a-857437082806821822 a15 a14 a13 a0 a11 a23", "a63 a17 a17 a18 a3 a25 a11 a12648 a13400 a1929492525692710404 a7 a26 a7832 a17 a1 a75 a19", &[63, 11, 7832, 1, 17, 1929492525692710404, 7, 12648, 18, 13400, 75, 19, 3, 26, 25], [&[0, 65, 2, -857437082806821822, 1, 3, 1929492525692710404, 7, -4205856557630836341, 11, 75, 13, 14, 15, 17, 18, 82, 20, 21, 19, 23, 7832, 13400, 25, 27, 26, -2839244432197603100, 877202503214930789, 3623428065418517541, 12648, 41, 368, 52, 63], &[18, 11], &[0, 2, -4205856557630836341, 13, 14, 15, 20, 21, 23, 27, 3623428065418517541, 41, 52, 65, -857437082806821822, 82, -2839244432197603100, 877202503214930789, 368], &[0, 1, 2, 3, 1929492525692710404, 7, -4205856557630836341, 13, 14, 15, 17, 19, 20, 21, 23, 7832, 25, 26, 27, 3623428065418517541, 41, 52, 63, 65, -857437082806821822, 75, 82, 13400, -2839244432197603100, 877202503214930789, 12648, 368], &[1, 3, 1929492525692710404, 7, 12648, 75, 17, 19, 7832, 25, 26, 13400, 63], &[0, 65, 2, -857437082806821822, -4205856557630836341, 11, 13, 14, 15, 18, 82, 20, 21, 23, 27, -2839244432197603100, 877202503214930789, 3623428065418517541, 41, 368, 52], &[0, 65, 2, -857437082806821822, -4205856557630836341, 11, 13, 14, 15, 18, 82, 20, 21, 23, 27, -2839244432197603100, 877202503214930789, 3623428065418517541, 41, 368, 52], &[0, 65, 2, -857437082806821822, 1, 1929492525692710404, 3, 7, -4205856557630836341, 11, 75, 13, 14, 15, 17, 18, 82, 20, 21, 19, 23, 7832, 13400, 26, 27, 25, -2839244432197603100, 877202503214930789, 3623428065418517541, 12648, 41, 368, 52, 63], &[18, 11], &[0, 65, 2, -857437082806821822, -4205856557630836341, 13, 14, 15, 82, 20, 21, 23, 27, -2839244432197603100, 877202503214930789, 3623428065418517541, 41, 368, 52], &[0, 1, 2, 3, 1929492525692710404, 7, -4205856557630836341, 13, 14, 15, 17, 19, 20, 21, 23, 7832, 25, 26, 27, 3623428065418517541, 41, 52, 63, 65, -857437082806821822, 75, 82, 13400, -2839244432197603100, 877202503214930789, 12648, 368], &[1, 3, 1929492525692710404, 7, 12648, 11, 75, 17, 18, 19, 7832, 25, 26, 13400, 63]]),
        ("a10 a78 a30 a8 a10 a-6 a29 a23 a1 a19 a15120 a9 a24 a24 a5 a-3372466236958332475 a15 a16 a21 a17 a8 a9624 a62 a1 a13 a23 a29 a8 a-1 a9 a24 a-2 a-1 a27 a20 a54 a2464", "a23 a13472 a9 a9 a24 a-11 a67 a9016 a5976 a91 a6 a4 a8 a480 a2305843009213693951 a12 a16 a6 a3 a7 a2 a18 a11744 a61 a-2305843009213693952 a91 a7304 a19 a7", &[3, 19, 12, 9, 18, 23, 5976, 91, 13472, 11744, 4, 9016, 6, -11, 16, 24, 7, 480, 7304, 61, 2305843009213693951, 67, 8, 2, -2305843009213693952], [&[2305843009213693951, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 7304, 12, 13, 15, 15120, 16, 17, 19, 20, 21, 18, 23, 9624, 24, 27, 29, 30, 2464, 13472, 54, 9016, 61, 62, 67, -3372466236958332475, 78, 5976, 91, 480, 11744, -11, -1, -2305843009213693952, -6, -2], &[8, 9, 16, 19, 23, 24], &[1, 5, 10, 13, 15, 15120, 17, 20, 21, 9624, 27, 29, 30, 2464, 54, 62, -3372466236958332475, 78, -1, -6, -2], &[2305843009213693951, 1, 2, 3, 4, 5, 6, 7, 10, 12, 13, 15, 15120, 17, 18, 20, 21, 27, 29, 30, 54, 9016, 61, 62, 67, 78, 5976, 91, 7304, 9624, 13472, 2464, -3372466236958332475, 480, 11744, -11, -2, -1, -6, -2305843009213693952], &[2305843009213693951, 2, 3, 4, 6, 7, 7304, 12, 18, 13472, 9016, 61, 67, 5976, 91, 480, 11744, -11, -2305843009213693952], &[1, -3372466236958332475, 5, 8, 9, 10, 13, 78, 15, 15120, 16, 17, 19, 20, 21, 23, 9624, 24, 27, 29, 30, 2464, 54, -2, -1, -6, 62], &[1, -3372466236958332475, 5, 8, 9, 10, 13, 78, 15, 15120, 16, 17, 19, 20, 21, 23, 9624, 24, 27, 29, 30, 2464, 54, -2, -1, -6, 62], &[2305843009213693951, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 15120, 16, 17, 19, 20, 21, 18, 23, 24, 27, 29, 30, 54, 9016, 61, 62, 67, 78, 5976, 91, 7304, 9624, 2464, 13472, -3372466236958332475, 11744, 480, -11, -1, -2305843009213693952, -6, -2], &[8, 9, 16, 19, 23, 24], &[1, -3372466236958332475, 5, 10, 13, 78, 15, 15120, 17, 20, 21, 9624, 27, 29, 30, 2464, 54, -2, -1, -6, 62], &[2305843009213693951, 1, 2, 3, 4, 5, 6, 7, 7304, 10, 12, 13, 15, 15120, 18, 17, 20, 21, 9624, 27, 29, 30, 13472, 2464, 54, 9016, 61, 62, 67, -3372466236958332475, 78, 5976, 91, 11744, 480, -11, -2, -1, -6, -2305843009213693952], &[2305843009213693951, 2, 3, 4, 6, 7, 7304, 9, 8, 12, 16, 18, 19, 23, 24, 13472, 9016, 61, 67, 5976, 91, 11744, 480, -11, -2305843009213693952]]),
    ];
}
