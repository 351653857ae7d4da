//! Heap accounting and the cycle collector.
//!
//! Objects are reference counted, so acyclic garbage is freed the moment its last reference goes.
//! Reference cycles are found by tracing: every container object is registered here (weakly); a
//! collection computes, for each live container, how many of its references come from other
//! containers. Containers with references from anywhere else (frames, natives, the VM) are roots;
//! everything reachable from a root survives, and the rest is cyclic garbage whose references are
//! cleared, which frees it. This needs no knowledge of the Rust stack, so a collection is safe at
//! any instruction boundary and in `gc.collect()`, and an untraced edge can only keep an object
//! alive, never free a live one.

use alloc::collections::BTreeMap;
use alloc::rc::{Rc, Weak};
use alloc::vec::Vec;
use core::any::{Any, TypeId};

use crate::value::{Obj, PyObject, Value};

/// How the collector sees inside one Rust type of native object data (`PyObject::Native`).
/// Native data without a tracer is opaque: such objects are roots, so anything they hold stays
/// alive (safe, but a cycle through them is never freed).
#[derive(Clone, Copy)]
pub struct NativeTracer {
    /// Call the function on every value the data holds.
    pub visit: fn(&dyn Any, &mut dyn FnMut(&Value)),
    /// Move every value the data holds into the vector (the object is cyclic garbage).
    pub clear: fn(&mut dyn Any, &mut Vec<Value>),
}

/// Tracks container objects and decides when to collect.
pub struct Heap {
    tracked: Vec<Weak<PyObject>>,
    /// Tracers for native data types that hold Python values.
    native_tracers: Vec<(TypeId, NativeTracer)>,
    /// The heap limit in bytes.
    pub limit: usize,
    /// Number of collections run.
    pub collections: usize,
    /// Objects freed by the last collection.
    pub last_freed: usize,
    /// Automatic collection enabled (`gc.enable()`/`gc.disable()`).
    pub enabled: bool,
    /// Registrations at which the next prune/collect check happens.
    next_check: usize,
    /// Live containers right after the last cycle collection.
    last_collect_live: usize,
}

impl Heap {
    /// A heap with this byte limit.
    pub fn new(limit: usize) -> Heap {
        Heap {
            tracked: Vec::new(),
            native_tracers: Vec::new(),
            limit,
            collections: 0,
            last_freed: 0,
            enabled: true,
            next_check: 4096,
            last_collect_live: 0,
        }
    }

    /// Let the collector trace native objects whose data is a `T` (see [`NativeTracer`]).
    pub fn register_native<T: Any>(&mut self, tracer: NativeTracer) {
        let id = TypeId::of::<T>();
        if !self.native_tracers.iter().any(|(t, _)| *t == id) {
            self.native_tracers.push((id, tracer));
        }
    }

    /// Register a container object.
    #[inline]
    pub fn track(&mut self, o: &Obj) {
        self.tracked.push(Rc::downgrade(o));
    }

    /// The registered container objects that are still alive.
    pub fn live_objects(&self) -> impl Iterator<Item = Obj> + '_ {
        self.tracked.iter().filter_map(|w| w.upgrade())
    }

    /// Number of registered objects (live or not yet pruned).
    pub fn tracked_len(&self) -> usize {
        self.tracked.len()
    }

    /// Called regularly by the dispatch loop: drop registrations of freed objects (their weak
    /// references keep a little memory each) once they have doubled, and run a cycle collection
    /// when the live containers have doubled since the last one.
    pub fn maybe_collect(&mut self) {
        if self.tracked.len() < self.next_check {
            return;
        }
        self.prune();
        if self.enabled && self.tracked.len() > self.last_collect_live.saturating_mul(2) + 10_000 {
            self.collect();
        }
        self.next_check = (self.tracked.len() * 2).max(4096);
    }

    /// Drop registrations of objects that are already gone.
    pub fn prune(&mut self) {
        self.tracked.retain(|w| w.strong_count() > 0);
    }

    /// Empty every container still alive (the VM is going away): the references they hold
    /// are dropped together, so cycles the program left behind (modules and their functions,
    /// classes and their methods) are freed instead of outliving the VM.
    pub fn clear_all(&mut self) {
        let objs: Vec<Obj> = self.tracked.iter().filter_map(|w| w.upgrade()).collect();
        let mut dropped: Vec<Value> = Vec::new();
        for o in &objs {
            clear_refs(o, &self.native_tracers, &mut dropped);
        }
        drop(objs);
        drop(dropped);
        self.tracked.clear();
    }

    /// Run a full cycle collection; returns the number of objects freed.
    pub fn collect(&mut self) -> usize {
        self.prune();
        let objs: Vec<Obj> = self.tracked.iter().filter_map(|w| w.upgrade()).collect();
        let n = objs.len();
        let mut index: BTreeMap<usize, usize> = BTreeMap::new();
        for (i, o) in objs.iter().enumerate() {
            index.insert(Rc::as_ptr(o) as *const u8 as usize, i);
        }
        // References from outside the tracked set: total count minus our own temporary reference
        // minus references held by other tracked containers.
        let mut gc_refs: Vec<isize> = objs
            .iter()
            .map(|o| Rc::strong_count(o) as isize - 1)
            .collect();
        let mut traceable = alloc::vec![true; n];
        for (i, o) in objs.iter().enumerate() {
            let ok = visit_refs(o, &self.native_tracers, &mut |child: &Obj| {
                if let Some(&j) = index.get(&(Rc::as_ptr(child) as *const u8 as usize)) {
                    gc_refs[j] -= 1;
                }
            });
            if !ok {
                traceable[i] = false;
            }
        }
        // Everything with outside references (or that could not be traced) is a root.
        let mut reachable = alloc::vec![false; n];
        let mut work: Vec<usize> = Vec::new();
        for i in 0..n {
            if gc_refs[i] > 0 || !traceable[i] {
                reachable[i] = true;
                work.push(i);
            }
        }
        while let Some(i) = work.pop() {
            visit_refs(&objs[i], &self.native_tracers, &mut |child: &Obj| {
                if let Some(&j) = index.get(&(Rc::as_ptr(child) as *const u8 as usize)) {
                    if !reachable[j] {
                        reachable[j] = true;
                        work.push(j);
                    }
                }
            });
        }
        // Clear the garbage: take out every reference it holds, then drop them together.
        let mut dropped: Vec<Value> = Vec::new();
        let mut freed = 0;
        for i in 0..n {
            if !reachable[i] {
                freed += 1;
                clear_refs(&objs[i], &self.native_tracers, &mut dropped);
            }
        }
        drop(objs);
        drop(dropped);
        self.prune();
        self.last_collect_live = self.tracked.len();
        self.collections += 1;
        self.last_freed = freed;
        freed
    }
}

fn visit_value(v: &Value, f: &mut dyn FnMut(&Obj)) {
    if let Value::Obj(o) = v {
        f(o);
    }
}

fn visit_dict(d: &crate::dict::Dict, f: &mut dyn FnMut(&Obj)) {
    for (k, v) in d.iter() {
        visit_value(k, f);
        visit_value(v, f);
    }
}

fn visit_frame(fr: &crate::frame::Frame, f: &mut dyn FnMut(&Obj)) {
    f(&fr.globals);
    if let Some(ns) = &fr.namespace {
        f(ns);
    }
    for v in fr.locals.iter().flatten() {
        visit_value(v, f);
    }
    for v in fr.stack.iter().chain(fr.cells.iter()) {
        visit_value(v, f);
    }
    for b in &fr.blocks {
        if let crate::frame::Block::ExceptHandler { prev: Some(v) } = b {
            visit_value(v, f);
        }
    }
    // `generator` points back at the owning generator: that edge is real, report it.
    if let Some(g) = &fr.generator {
        f(g);
    }
}

/// Report every object reference held by `o`. Returns false when some part could not be inspected
/// (a borrow is active), in which case the object must be treated as a root.
pub fn visit_refs(
    o: &PyObject,
    tracers: &[(TypeId, NativeTracer)],
    f: &mut dyn FnMut(&Obj),
) -> bool {
    match o {
        PyObject::Tuple(items) => items.iter().for_each(|v| visit_value(v, f)),
        PyObject::List(l) => match l.try_borrow() {
            Ok(l) => l.iter().for_each(|v| visit_value(v, f)),
            Err(_) => return false,
        },
        PyObject::Dict(d) => match d.try_borrow() {
            Ok(d) => visit_dict(&d, f),
            Err(_) => return false,
        },
        PyObject::Set(s) => match s.try_borrow() {
            Ok(s) => s.iter().for_each(|v| visit_value(v, f)),
            Err(_) => return false,
        },
        PyObject::FrozenSet(s) => s.iter().for_each(|v| visit_value(v, f)),
        PyObject::Slice(a, b, c) => {
            visit_value(a, f);
            visit_value(b, f);
            visit_value(c, f);
        }
        PyObject::Type(t) => {
            let (Ok(d), Ok(b), Ok(m), Ok(mc)) = (
                t.dict.try_borrow(),
                t.bases.try_borrow(),
                t.mro.try_borrow(),
                t.metaclass.try_borrow(),
            ) else {
                return false;
            };
            visit_dict(&d, f);
            b.iter().for_each(&mut *f);
            m.iter().for_each(&mut *f);
            if let Some(mc) = &*mc {
                f(mc);
            }
        }
        PyObject::Instance(i) => {
            let (Ok(c), Ok(b), Ok(a)) = (
                i.class.try_borrow(),
                i.base.try_borrow(),
                i.attrs.try_borrow(),
            ) else {
                return false;
            };
            f(&c);
            match &*a {
                crate::shape::Attrs::Slots(_, values) => {
                    values.iter().for_each(|v| visit_value(v, f))
                }
                crate::shape::Attrs::Dict(d) => f(d),
            }
            visit_value(&b, f);
            if let Some(e) = &i.exc {
                let Ok(e) = e.try_borrow() else { return false };
                visit_value(&e.args, f);
                visit_value(&e.cause, f);
                visit_value(&e.context, f);
            }
        }
        PyObject::Function(func) => {
            f(&func.globals);
            let (Ok(d), Ok(kd), Ok(cl), Ok(dict)) = (
                func.defaults.try_borrow(),
                func.kwdefaults.try_borrow(),
                func.closure.try_borrow(),
                func.dict.try_borrow(),
            ) else {
                return false;
            };
            visit_value(&d, f);
            visit_value(&kd, f);
            cl.iter().for_each(|v| visit_value(v, f));
            visit_dict(&dict, f);
        }
        PyObject::Builtin(b) => {
            if let Some(v) = &b.bound {
                visit_value(v, f);
            }
        }
        PyObject::BoundMethod(a, b) | PyObject::Super(a, b) => {
            visit_value(a, f);
            visit_value(b, f);
        }
        PyObject::Module(m) => f(&m.dict),
        PyObject::Cell(c) => match c.try_borrow() {
            Ok(c) => {
                if let Some(v) = &*c {
                    visit_value(v, f);
                }
            }
            Err(_) => return false,
        },
        PyObject::Generator(g) => match g.try_borrow() {
            Ok(g) => {
                if let Some(fr) = &g.frame {
                    visit_frame(fr, f);
                }
                if let Some(p) = &g.pend {
                    visit_value(p, f);
                }
            }
            Err(_) => return false,
        },
        PyObject::Iter(it) => match it.try_borrow() {
            Ok(it) => visit_iter(&it, f),
            Err(_) => return false,
        },
        PyObject::DictView(d, _) => f(d),
        PyObject::Property {
            fget,
            fset,
            fdel,
            doc,
        } => {
            for v in [fget, fset, fdel, doc] {
                visit_value(v, f);
            }
        }
        PyObject::StaticMethod(v) | PyObject::ClassMethod(v) => visit_value(v, f),
        PyObject::Native(n) => {
            f(&n.class);
            let Ok(d) = n.data.try_borrow() else {
                return false;
            };
            let data: &dyn Any = &**d;
            match tracers.iter().find(|(t, _)| *t == data.type_id()) {
                Some((_, tr)) => (tr.visit)(data, &mut |v: &Value| visit_value(v, f)),
                // Opaque native data: a root, so nothing it holds is freed.
                None => return false,
            }
        }
        PyObject::BigInt(_)
        | PyObject::Complex(..)
        | PyObject::Bytes(_)
        | PyObject::ByteArray(_)
        | PyObject::Range { .. }
        | PyObject::Code(_) => {}
    }
    true
}

fn visit_iter(it: &crate::value::IterState, f: &mut dyn FnMut(&Obj)) {
    use crate::value::IterState::*;
    match it {
        Seq { seq, .. } | Bytes { seq, .. } | Reversed { seq, .. } => visit_value(seq, f),
        Dict { dict, .. } => f(dict),
        Snapshot { items, .. } => items.iter().for_each(|v| visit_value(v, f)),
        Enumerate { it, count } => {
            visit_value(it, f);
            visit_value(count, f);
        }
        Zip { its, .. } => its.iter().for_each(|v| visit_value(v, f)),
        Map { func, its } => {
            visit_value(func, f);
            its.iter().for_each(|v| visit_value(v, f));
        }
        Filter { func, it } => {
            visit_value(func, f);
            visit_value(it, f);
        }
        Callable { func, sentinel } => {
            visit_value(func, f);
            visit_value(sentinel, f);
        }
        GetItem { obj, .. } => visit_value(obj, f),
        Range { .. } | Str { .. } | Done => {}
    }
}

/// Take every reference out of a garbage object (breaking its cycles); the taken values are
/// pushed to `out` so they are dropped after all garbage has been cleared.
fn clear_refs(o: &PyObject, tracers: &[(TypeId, NativeTracer)], out: &mut Vec<Value>) {
    match o {
        PyObject::Native(n) => {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                let data: &mut dyn Any = &mut **d;
                let id = (*data).type_id();
                if let Some((_, tr)) = tracers.iter().find(|(t, _)| *t == id) {
                    (tr.clear)(data, out);
                }
            }
        }
        PyObject::List(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                out.append(&mut l);
            }
        }
        PyObject::Dict(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                let taken = core::mem::take(&mut *d);
                for (k, v) in taken.items() {
                    out.push(k);
                    out.push(v);
                }
            }
        }
        PyObject::Set(s) => {
            if let Ok(mut s) = s.try_borrow_mut() {
                out.extend(s.items());
                s.clear();
            }
        }
        PyObject::Type(t) => {
            if let Ok(mut d) = t.dict.try_borrow_mut() {
                let taken = core::mem::take(&mut *d);
                for (k, v) in taken.items() {
                    out.push(k);
                    out.push(v);
                }
            }
            if let Ok(mut m) = t.mro.try_borrow_mut() {
                out.extend(m.drain(..).map(Value::Obj));
            }
            if let Ok(mut b) = t.bases.try_borrow_mut() {
                out.extend(b.drain(..).map(Value::Obj));
            }
        }
        PyObject::Instance(i) => {
            if let Ok(mut b) = i.base.try_borrow_mut() {
                out.push(core::mem::replace(&mut *b, Value::None));
            }
            if let Ok(mut a) = i.attrs.try_borrow_mut() {
                if let crate::shape::Attrs::Slots(_, values) = &mut *a {
                    out.append(&mut values.take_all());
                }
            }
            if let Some(e) = &i.exc {
                if let Ok(mut e) = e.try_borrow_mut() {
                    out.push(core::mem::replace(&mut e.args, Value::None));
                    out.push(core::mem::replace(&mut e.cause, Value::None));
                    out.push(core::mem::replace(&mut e.context, Value::None));
                }
            }
        }
        PyObject::Function(func) => {
            if let Ok(mut d) = func.defaults.try_borrow_mut() {
                out.push(core::mem::replace(&mut *d, Value::None));
            }
            if let Ok(mut d) = func.kwdefaults.try_borrow_mut() {
                out.push(core::mem::replace(&mut *d, Value::None));
            }
            if let Ok(mut c) = func.closure.try_borrow_mut() {
                out.append(&mut c);
            }
            if let Ok(mut d) = func.dict.try_borrow_mut() {
                let taken = core::mem::take(&mut *d);
                for (k, v) in taken.items() {
                    out.push(k);
                    out.push(v);
                }
            }
        }
        PyObject::Cell(c) => {
            if let Ok(mut c) = c.try_borrow_mut() {
                if let Some(v) = c.take() {
                    out.push(v);
                }
            }
        }
        PyObject::Generator(g) => {
            if let Ok(mut g) = g.try_borrow_mut() {
                out.extend(g.pend.take());
                if g.defer_close() {
                    return;
                }
                if let Some(mut fr) = g.frame.take() {
                    out.extend(fr.locals.drain(..).flatten());
                    out.append(&mut fr.stack);
                    out.append(&mut fr.cells);
                    if let Some(gen) = fr.generator.take() {
                        out.push(Value::Obj(gen));
                    }
                    g.finished = true;
                }
            }
        }
        PyObject::Iter(it) => {
            if let Ok(mut it) = it.try_borrow_mut() {
                let old = core::mem::replace(&mut *it, crate::value::IterState::Done);
                drop(old);
            }
        }
        _ => {}
    }
}
