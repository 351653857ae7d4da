//! Attribute access: `getattr`/`setattr`/`delattr` with descriptors (property, staticmethod,
//! classmethod, user `__get__`/`__set__`/`__delete__`), instance and class namespaces, `__getattr__`,
//! `__setattr__`, `__delattr__`, modules, functions and `super`.

use alloc::format;
use alloc::rc::Rc;
use alloc::vec::Vec;

use crate::code::{AttrOp, AttrSite, Code, SiteKind};
use crate::dict::Dict;
use crate::exceptions::{exc_state, ExcKind};
use crate::shape::{Attrs, Shape};
use crate::types::{self, as_type};
use crate::value::{Builtin, Instance, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The data of a member descriptor: the class attribute made for a name in `__slots__`. Its
/// value lives in the instance's shape slots under `name`, like any instance attribute.
pub struct MemberDesc {
    /// The (mangled) slot name.
    pub name: Str,
    /// The `__name__` of the class that declared it (for the repr).
    pub owner: Str,
}

/// The slot name of a member descriptor, or None when `attr` is not one.
pub(crate) fn member_name(attr: &Value) -> Option<Str> {
    let Value::Obj(o) = attr else { return None };
    let PyObject::Native(n) = &**o else {
        return None;
    };
    let d = n.data.try_borrow().ok()?;
    d.downcast_ref::<MemberDesc>().map(|m| m.name.clone())
}

/// Is this class attribute a member descriptor?
fn is_member(attr: &Value) -> bool {
    match attr {
        Value::Obj(o) => match &**o {
            PyObject::Native(n) => n
                .data
                .try_borrow()
                .map(|d| d.is::<MemberDesc>())
                .unwrap_or(false),
            _ => false,
        },
        _ => false,
    }
}

/// Is this class attribute a data descriptor (takes priority over the instance dict)?
fn is_data_descriptor(vm: &mut Vm, attr: &Value) -> bool {
    match attr {
        Value::Obj(o) => match &**o {
            PyObject::Property { .. } => true,
            PyObject::Native(_) => is_member(attr),
            PyObject::Instance(_) => {
                vm.lookup_special(attr, "__set__").is_some()
                    || vm.lookup_special(attr, "__delete__").is_some()
            }
            _ => false,
        },
        _ => false,
    }
}

/// A class attribute that `bind_attr` hands back unchanged when read through an instance.
fn is_plain_class_attr(v: &Value) -> bool {
    match v {
        Value::Obj(o) => matches!(&**o, PyObject::Type(_) | PyObject::Tuple(_)),
        _ => true,
    }
}

/// Names the generic instance setattr treats specially (never cached as plain stores).
const SPECIAL_STORE_NAMES: &[&str] = &[
    "__class__",
    "__dict__",
    "args",
    "__cause__",
    "__context__",
    "__suppress_context__",
    "__traceback__",
];

/// What `Vm::super_call` made of a call of `super`.
pub(crate) enum SuperCall {
    /// Not the zero-argument `super()` form: the generic call.
    No,
    /// The super object.
    Object(Value),
    /// The method the following LoadMethod finds, and the instance (its self).
    Method(Value, Value),
}

/// The dict inside a dict object.
pub(crate) fn dict_of(o: &Obj) -> Option<&core::cell::RefCell<crate::dict::Dict>> {
    match &**o {
        PyObject::Dict(d) => Some(d),
        _ => None,
    }
}

impl Vm {
    /// The cache site of `code` for name `i` and `op` whose guard is `shape` at the current
    /// type version.
    #[inline]
    fn valid_site<'a>(
        &self,
        sites: &'a [AttrSite],
        i: usize,
        op: AttrOp,
        shape: &Rc<Shape>,
    ) -> Option<&'a AttrSite> {
        let base = (i * 3 + op as usize) * 2;
        let pair = sites.get(base..base + 2)?;
        pair.iter().find(|s| {
            s.version == self.type_version && s.shape.as_ref().is_some_and(|p| Rc::ptr_eq(p, shape))
        })
    }

    /// LoadAttr of name `i` of `code` answered from its inline cache, or None (then the caller
    /// takes `load_attr_slow`).
    #[inline]
    pub(crate) fn load_attr_cached(&self, code: &Code, i: usize, obj: &Value) -> Option<Value> {
        let Value::Obj(o) = obj else { return None };
        let PyObject::Instance(inst) = &**o else {
            return None;
        };
        let attrs = inst.attrs.try_borrow().ok()?;
        let Attrs::Slots(shape, values) = &*attrs else {
            return None;
        };
        let sites = code.caches.attr.try_borrow().ok()?;
        let site = self.valid_site(&sites, i, AttrOp::Load, shape)?;
        match &site.kind {
            SiteKind::Slot(ix) => values.get(*ix as usize).map(crate::frame::dup),
            SiteKind::Class(v) => Some(v.clone()),
            _ => None,
        }
    }

    /// LoadAttr of name `i` of `code` when the cache could not answer: the generic lookup,
    /// then the site is refilled.
    #[inline(never)]
    pub(crate) fn load_attr_slow(&mut self, code: &Code, i: usize, obj: &Value) -> PyResult {
        let Some(name) = code.names.get(i) else {
            return Err(self.err(ExcKind::SystemError, "bad name index"));
        };
        let v = self.getattr(obj, name)?;
        self.fill_attr_site(code, i, AttrOp::Load, obj, None);
        Ok(v)
    }

    /// LoadMethod of name `i` of `code` from its inline cache: the function to call with `obj`
    /// as self, or None.
    #[inline]
    pub(crate) fn load_method_cached(&self, code: &Code, i: usize, obj: &Value) -> Option<Value> {
        let Value::Obj(o) = obj else { return None };
        let PyObject::Instance(inst) = &**o else {
            return None;
        };
        let attrs = inst.attrs.try_borrow().ok()?;
        let Attrs::Slots(shape, _) = &*attrs else {
            return None;
        };
        let sites = code.caches.attr.try_borrow().ok()?;
        let site = self.valid_site(&sites, i, AttrOp::Method, shape)?;
        let SiteKind::Method(f) = &site.kind else {
            return None;
        };
        f.upgrade().map(Value::Obj)
    }

    /// StoreAttr of name `i` of `code` through its inline cache. Gives the value back when the
    /// cache cannot do the store (the caller then takes `store_attr_slow`).
    #[inline]
    pub(crate) fn store_attr_cached(
        &self,
        code: &Code,
        i: usize,
        obj: &Value,
        v: Value,
    ) -> Option<Value> {
        let Value::Obj(o) = obj else { return Some(v) };
        let PyObject::Instance(inst) = &**o else {
            return Some(v);
        };
        let Ok(mut attrs) = inst.attrs.try_borrow_mut() else {
            return Some(v);
        };
        let Attrs::Slots(shape, values) = &mut *attrs else {
            return Some(v);
        };
        let Ok(sites) = code.caches.attr.try_borrow() else {
            return Some(v);
        };
        let Some(site) = self.valid_site(&sites, i, AttrOp::Store, shape) else {
            return Some(v);
        };
        match &site.kind {
            SiteKind::SetSlot(ix) => match values.get_mut(*ix as usize) {
                Some(slot) => {
                    let old = core::mem::replace(slot, v);
                    drop(attrs);
                    drop(old);
                    None
                }
                None => Some(v),
            },
            SiteKind::AddSlot(next) if values.len() + 1 == next.keys().len() => {
                values.push(v);
                *shape = next.clone();
                None
            }
            _ => Some(v),
        }
    }

    /// StoreAttr of name `i` of `code` when the cache could not do it: the generic store, then
    /// the site is refilled for the shape the instance had before the store.
    #[inline(never)]
    pub(crate) fn store_attr_slow(
        &mut self,
        code: &Code,
        i: usize,
        obj: &Value,
        v: Value,
    ) -> PyResult<()> {
        let Some(name) = code.names.get(i) else {
            return Err(self.err(ExcKind::SystemError, "bad name index"));
        };
        let before = match obj {
            Value::Obj(o) => match &**o {
                PyObject::Instance(inst) => inst.shape(),
                _ => None,
            },
            _ => None,
        };
        self.setattr(obj, name, v)?;
        if before.is_some() {
            self.fill_attr_site(code, i, AttrOp::Store, obj, before);
        }
        Ok(())
    }

    /// Record in `code`'s cache site for name `i` and `op` what a generic access on `obj` (an
    /// instance) can skip next time. For a store, `before` is the instance's shape before it
    /// (the guard); loads are guarded by the current shape. Runs no Python code.
    pub(crate) fn fill_attr_site(
        &mut self,
        code: &Code,
        i: usize,
        op: AttrOp,
        obj: &Value,
        before: Option<Rc<Shape>>,
    ) {
        let Value::Obj(o) = obj else { return };
        let PyObject::Instance(inst) = &**o else {
            return;
        };
        let Some(name) = code.names.get(i) else {
            return;
        };
        let Some(shape) = inst.shape() else { return };
        let Ok(cls) = inst.class.try_borrow().map(|c| c.clone()) else {
            return;
        };
        // Reads of a class with its own __getattribute__ always take the generic path (the
        // flag can only change with the type version, which invalidates every site).
        if !matches!(op, AttrOp::Store) && self.custom_getattribute(&cls) {
            return;
        }
        let guard = match op {
            AttrOp::Store => match before {
                Some(b) => b,
                None => return,
            },
            _ => shape.clone(),
        };
        if let Ok(sites) = code.caches.attr.try_borrow() {
            if self.valid_site(&sites, i, op, &guard).is_some() {
                return;
            }
        }
        let attr = self.type_lookup(&cls, name);
        let kind = match op {
            AttrOp::Load => match shape.index_of(name) {
                Some(ix) => match &attr {
                    Some(a) if !is_member(a) && is_data_descriptor(self, a) => SiteKind::Slow,
                    _ => SiteKind::Slot(ix as u32),
                },
                None => match &attr {
                    Some(a) if is_plain_class_attr(a) => SiteKind::Class(a.clone()),
                    _ => SiteKind::Slow,
                },
            },
            AttrOp::Method => match &attr {
                Some(Value::Obj(ao))
                    if shape.index_of(name).is_none()
                        && (matches!(&**ao, PyObject::Function(_))
                            || matches!(&**ao, PyObject::Builtin(b) if b.bound.is_none() && b.method)) =>
                {
                    SiteKind::Method(Rc::downgrade(ao))
                }
                _ => SiteKind::Slow,
            },
            AttrOp::Store => {
                let sname = self.name("__setattr__");
                let custom = self
                    .type_lookup(&cls, &sname)
                    .map(|sa| !self.is_object_slot(&sa))
                    .unwrap_or(false);
                let plain = match &attr {
                    None => true,
                    Some(a) => {
                        is_plain_class_attr(a)
                            || is_member(a)
                            || matches!(a, Value::Obj(ao) if matches!(&**ao, PyObject::Function(_)))
                    }
                };
                if custom
                    || !plain
                    || Rc::ptr_eq(&cls, &self.types.object)
                    || SPECIAL_STORE_NAMES.contains(&name.as_str())
                {
                    SiteKind::Slow
                } else if Rc::ptr_eq(&guard, &shape) {
                    match shape.index_of(name) {
                        Some(ix) => SiteKind::SetSlot(ix as u32),
                        None => SiteKind::Slow,
                    }
                } else if shape.keys().len() == guard.keys().len() + 1
                    && shape.index_of(name) == Some(guard.keys().len())
                    && guard.index_of(name).is_none()
                {
                    SiteKind::AddSlot(shape.clone())
                } else {
                    SiteKind::Slow
                }
            }
        };
        let Ok(mut sites) = code.caches.attr.try_borrow_mut() else {
            return;
        };
        if sites.is_empty() {
            sites.resize_with(code.names.len() * 6, || AttrSite {
                shape: None,
                version: 0,
                kind: SiteKind::Slow,
            });
        }
        // Two ways per site (a method often sees a class and its subclass): the new entry goes
        // first, the previous first entry moves second unless it is stale.
        let base = (i * 3 + op as usize) * 2;
        let version = self.type_version;
        if let Some(pair) = sites.get_mut(base..base + 2) {
            let entry = AttrSite {
                shape: Some(guard),
                version,
                kind,
            };
            let old = core::mem::replace(&mut pair[0], entry);
            if old.version == version && old.shape.is_some() {
                pair[1] = old;
            }
        }
    }

    /// The dict object holding `inst`'s attributes, made from its slots on first use; the
    /// instance keeps the dict from then on (so `obj.__dict__` stays live).
    pub fn instance_dict(&mut self, inst: &Instance) -> Obj {
        let mut a = inst.attrs.borrow_mut();
        match &mut *a {
            Attrs::Dict(d) => d.clone(),
            Attrs::Slots(shape, values) => {
                let mut d = Dict::with_capacity(values.len());
                for (k, v) in shape.keys().iter().zip(values.take_all()) {
                    d.set_name(k.clone(), v);
                }
                let obj = self.new_dict_obj(d);
                *a = Attrs::Dict(obj.clone());
                obj
            }
        }
    }

    /// Set the instance's own attribute `name` (no descriptors, no `__setattr__`).
    pub fn instance_set(&mut self, inst: &Instance, name: &Str, value: Value) {
        let mut a = inst.attrs.borrow_mut();
        match &mut *a {
            Attrs::Slots(shape, values) => {
                if let Some(ix) = shape.index_of(name) {
                    if let Some(slot) = values.get_mut(ix) {
                        let old = core::mem::replace(slot, value);
                        drop(a);
                        drop(old);
                        return;
                    }
                } else if let Some(next) = shape.add(name) {
                    values.push(value);
                    *shape = next;
                    return;
                }
            }
            Attrs::Dict(d) => {
                if let Some(d) = dict_of(d) {
                    d.borrow_mut().set_name(name.clone(), value);
                }
                return;
            }
        }
        drop(a);
        let d = self.instance_dict(inst);
        if let Some(d) = dict_of(&d) {
            d.borrow_mut().set_name(name.clone(), value);
        };
    }

    /// Remove the instance's own attribute `name`; its value, or None when it had none.
    pub fn instance_remove(&mut self, inst: &Instance, name: &Str) -> Option<Value> {
        let root = self.shape_root(&inst.class.borrow());
        let mut a = inst.attrs.borrow_mut();
        match &mut *a {
            Attrs::Slots(shape, values) => {
                let ix = shape.index_of(name)?;
                // Replay the other names from the class's root shape (instances that drop the
                // same attribute share the result), else fall back to a dict.
                let mut s = root;
                for (k, key) in shape.keys().iter().enumerate() {
                    if k == ix {
                        continue;
                    }
                    match s.add(key) {
                        Some(n) => s = n,
                        None => {
                            drop(a);
                            let d = self.instance_dict(inst);
                            return dict_of(&d).and_then(|d| d.borrow_mut().remove_name(name));
                        }
                    }
                }
                let v = values.remove(ix)?;
                *shape = s;
                Some(v)
            }
            Attrs::Dict(d) => dict_of(d).and_then(|d| d.borrow_mut().remove_name(name)),
        }
    }

    /// Move `inst` to the shape tree of class `cls` (after `__class__` assignment).
    fn instance_reshape(&mut self, inst: &Instance, cls: &Obj) {
        let root = self.shape_root(cls);
        let mut a = inst.attrs.borrow_mut();
        if let Attrs::Slots(shape, _) = &mut *a {
            let mut s = root;
            for key in shape.keys() {
                match s.add(key) {
                    Some(n) => s = n,
                    None => {
                        drop(a);
                        self.instance_dict(inst);
                        return;
                    }
                }
            }
            *shape = s;
        }
    }

    /// The root of class `cls`'s shape tree.
    fn shape_root(&self, cls: &Obj) -> Rc<Shape> {
        match as_type(cls) {
            Some(t) => t.shape.get_or_init(Shape::root).clone(),
            None => Shape::root(),
        }
    }

    /// The attribute `name` as `super(start, <instance of owner>)` finds it: looked up along
    /// `owner`'s MRO after `start`. In single-inheritance chains that rest of the MRO is the
    /// MRO of the class right after `start`, so the lookup goes through the method cache.
    pub(crate) fn super_lookup(&mut self, start: &Obj, owner: &Obj, name: &Str) -> Option<Value> {
        let ot = as_type(owner)?;
        let next = {
            let mro = ot.mro.try_borrow().ok()?;
            let rest: &[Obj] = if Rc::ptr_eq(owner, start) {
                &mro
            } else {
                let p = mro.iter().position(|c| Rc::ptr_eq(c, start))?;
                &mro[p + 1..]
            };
            let b = rest.first()?;
            let bt = as_type(b)?;
            let bm = bt.mro.try_borrow().ok()?;
            if rest.len() == bm.len() + 1
                && rest[1..]
                    .iter()
                    .zip(bm.iter())
                    .all(|(x, y)| Rc::ptr_eq(x, y))
            {
                Ok(b.clone())
            } else {
                Err(rest.to_vec())
            }
        };
        match next {
            Ok(b) => self.type_lookup(&b, name),
            Err(rest) => rest
                .iter()
                .find_map(|c| as_type(c).and_then(|t| t.dict.borrow().get_name(name).cloned())),
        }
    }

    /// A call `super(cls, obj)` with `[super, cls, obj]` on the stack, as the compiler emits it
    /// for a zero-argument `super()` in a method: `super` the built-in type, `cls` a class and
    /// `obj` an instance of it. When the next instruction is `LoadMethod(name)` (`next`) and
    /// the method found is a plain Python function, the answer is that function and `obj` (the
    /// caller pushes both and skips the LoadMethod: no super object is made). Else a super
    /// object, or nothing for every other call (the generic call does the checks and errors).
    #[inline]
    pub(crate) fn super_call(&mut self, items: &[Value], next: Option<&Str>) -> SuperCall {
        let [Value::Obj(s), Value::Obj(cls), target @ Value::Obj(t)] = items else {
            return SuperCall::No;
        };
        if !Rc::ptr_eq(s, &self.types.super_) || !matches!(&**cls, PyObject::Type(_)) {
            return SuperCall::No;
        }
        let PyObject::Instance(inst) = &**t else {
            return SuperCall::No;
        };
        let Ok(tc) = inst.class.try_borrow().map(|c| c.clone()) else {
            return SuperCall::No;
        };
        if !Rc::ptr_eq(&tc, cls) && !types::is_subclass(&tc, cls) {
            return SuperCall::No;
        }
        if let Some(name) = next {
            if let Some(f) = self.super_lookup(cls, &tc, name) {
                if matches!(&f, Value::Obj(fo) if matches!(&**fo, PyObject::Function(_))) {
                    return SuperCall::Method(f, target.clone());
                }
            }
        }
        let start = Value::Obj(cls.clone());
        SuperCall::Object(Value::Obj(
            self.alloc(PyObject::Super(start, target.clone())),
        ))
    }

    /// Bind a class attribute found for `obj` (an instance, or None when accessed on the class
    /// `cls`).
    pub fn bind_attr(&mut self, attr: Value, obj: Option<&Value>, cls: &Obj) -> PyResult {
        if let Value::Obj(o) = &attr {
            match &**o {
                PyObject::Function(_) => {
                    return Ok(match obj {
                        Some(inst) => Value::Obj(
                            self.alloc(PyObject::BoundMethod(attr.clone(), inst.clone())),
                        ),
                        None => attr,
                    })
                }
                PyObject::Builtin(b) if b.bound.is_none() && b.method => {
                    return Ok(match obj {
                        Some(inst) => Value::Obj(self.alloc(PyObject::Builtin(Builtin {
                            name: b.name,
                            func: b.func,
                            bound: Some(inst.clone()),
                            method: true,
                        }))),
                        None => attr,
                    })
                }
                PyObject::StaticMethod(f) => return Ok(f.clone()),
                PyObject::ClassMethod(f) => {
                    let c = Value::Obj(cls.clone());
                    // A wrapped descriptor (3.9-3.12: `@classmethod @property`) binds to the
                    // class.
                    if let Value::Obj(fo) = f {
                        match &**fo {
                            PyObject::Property { fget, .. } => {
                                let g = fget.clone();
                                return self.call(&g, &[c]);
                            }
                            PyObject::Instance(_) => {
                                let f = f.clone();
                                if let Some(get) = self.lookup_special(&f, "__get__") {
                                    return self.call_unbound(&get, &[f, c.clone(), c]);
                                }
                            }
                            _ => {}
                        }
                    }
                    return Ok(Value::Obj(self.alloc(PyObject::BoundMethod(f.clone(), c))));
                }
                PyObject::Property { fget, .. } => {
                    return match obj {
                        Some(inst) => {
                            if fget.is_none() {
                                return Err(self.attribute_error("property has no getter"));
                            }
                            let g = fget.clone();
                            self.call(&g, core::slice::from_ref(inst))
                        }
                        None => Ok(attr),
                    }
                }
                PyObject::Native(_) if obj.is_some() => {
                    if let (Some(slot), Some(inst)) = (member_name(&attr), obj) {
                        return self.member_get(inst, &slot);
                    }
                }
                PyObject::Instance(_) => {
                    if let Some(get) = self.lookup_special(&attr, "__get__") {
                        let inst = obj.cloned().unwrap_or(Value::None);
                        return self
                            .call_unbound(&get, &[attr.clone(), inst, Value::Obj(cls.clone())]);
                    }
                }
                _ => {}
            }
        }
        Ok(attr)
    }

    /// `getattr(obj, name)` with the name as text.
    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult {
        let n = self.intern(name);
        self.getattr(obj, &n)
    }

    /// `getattr(obj, name, None)`-like: Ok(None) when the attribute is missing (AttributeError).
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let n = self.intern(name);
        self.getattr_or_none(obj, &n)
    }

    /// `getattr(obj, name)`, with Ok(None) for a missing attribute (AttributeError). A plain
    /// instance that lacks the attribute (no class attribute, no `__getattr__`) answers without
    /// making the exception.
    pub fn getattr_or_none(&mut self, obj: &Value, name: &Str) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = obj {
            if let PyObject::Instance(inst) = &**o {
                if inst.exc.is_none() && !name.as_str().starts_with("__") {
                    let cls = inst.class.borrow().clone();
                    if !self.custom_getattribute(&cls) && self.type_lookup(&cls, name).is_none() {
                        if let Some(v) = inst.attr_get(name) {
                            return Ok(Some(v));
                        }
                        let gname = self.name("__getattr__");
                        let plain = matches!(inst.base.try_borrow().as_deref(), Ok(Value::None));
                        if plain && self.type_lookup(&cls, &gname).is_none() {
                            return Ok(None);
                        }
                    }
                }
            }
        }
        match self.getattr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `getattr(obj, name)`.
    pub fn getattr(&mut self, obj: &Value, name: &Str) -> PyResult {
        if let Value::Obj(o) = obj {
            match &**o {
                PyObject::Instance(inst) => {
                    let cls = inst.class.borrow().clone();
                    if self.custom_getattribute(&cls) {
                        return self.call_getattribute(obj, &cls, name);
                    }
                    return self.instance_getattr(obj, o, inst, &cls, name, true);
                }
                PyObject::Type(_) => return self.type_getattr(o, name),
                PyObject::Module(m) => {
                    if let Some(d) = dict_of(&m.dict) {
                        if let Some(v) = d.borrow().get_name(name) {
                            return Ok(v.clone());
                        }
                    }
                    if name.as_str() == "__dict__" {
                        return Ok(Value::Obj(m.dict.clone()));
                    }
                    let ga =
                        dict_of(&m.dict).and_then(|d| d.borrow().get_str("__getattr__").cloned());
                    if let Some(ga) = ga {
                        return self.call(&ga, &[Value::Str(name.clone())]);
                    }
                    return Err(self.attribute_error(format!(
                        "module '{}' has no attribute '{}'",
                        m.name.as_str(),
                        name.as_str()
                    )));
                }
                PyObject::Super(start, target) => return self.super_getattr(start, target, name),
                _ => {}
            }
        }
        let cls = self.type_of(obj);
        if let Some(a) = self.type_lookup(&cls, name) {
            return self.bind_attr(a, Some(obj), &cls);
        }
        if let Some(v) = self.special_builtin_attr(obj, name)? {
            return Ok(v);
        }
        // Native objects (module-defined types such as JS proxies) may resolve attributes
        // dynamically through a `__getattr__` native on their class.
        if let Value::Obj(o) = obj {
            if matches!(&**o, PyObject::Native(_)) {
                let gname = self.name("__getattr__");
                if let Some(ga) = self.type_lookup(&cls, &gname) {
                    return self.call_unbound(&ga, &[obj.clone(), Value::Str(name.clone())]);
                }
            }
        }
        Err(self.no_attribute(obj, name))
    }

    /// `object.__getattribute__(obj, name)`: the generic lookup, without `__getattribute__`
    /// overrides and without the `__getattr__` fallback.
    pub fn object_getattribute(&mut self, obj: &Value, name: &Str) -> PyResult {
        if let Value::Obj(o) = obj {
            if let PyObject::Instance(inst) = &**o {
                let cls = inst.class.borrow().clone();
                return self.instance_getattr(obj, o, inst, &cls, name, false);
            }
        }
        self.getattr(obj, name)
    }

    /// Does class `cls` (or a base) define its own `__getattribute__`? Kept with the class
    /// for the current type version (a later `C.__getattribute__ = f` changes the version).
    #[inline]
    pub(crate) fn custom_getattribute(&mut self, cls: &Obj) -> bool {
        let Some(t) = as_type(cls) else { return false };
        let root = t.shape.get_or_init(Shape::root);
        let info = root.class_info();
        if info.ga_version.get() == self.type_version {
            return info.getattribute.get();
        }
        let n = self.name("__getattribute__");
        let custom = match self.type_lookup(cls, &n) {
            Some(v) => !self.is_object_slot(&v),
            None => false,
        };
        info.getattribute.set(custom);
        info.ga_version.set(self.type_version);
        custom
    }

    /// An attribute read on an instance whose class defines `__getattribute__`: that method,
    /// then `__getattr__` when it raised AttributeError.
    #[inline(never)]
    fn call_getattribute(&mut self, obj: &Value, cls: &Obj, name: &Str) -> PyResult {
        let n = self.name("__getattribute__");
        let Some(ga) = self.type_lookup(cls, &n) else {
            return self.object_getattribute(obj, name);
        };
        match self.call_unbound(&ga, &[obj.clone(), Value::Str(name.clone())]) {
            Err(e) if self.err_matches(&e, ExcKind::AttributeError) => {
                let gname = self.name("__getattr__");
                match self.type_lookup(cls, &gname) {
                    Some(f) => self.call_unbound(&f, &[obj.clone(), Value::Str(name.clone())]),
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    /// The generic attribute read on an instance: data descriptors, the instance's own
    /// attributes, class attributes, then (with `fallback`) `__getattr__`, which also gets
    /// an AttributeError raised by a descriptor.
    fn instance_getattr(
        &mut self,
        obj: &Value,
        o: &Obj,
        inst: &Instance,
        cls: &Obj,
        name: &Str,
        fallback: bool,
    ) -> PyResult {
        let attr = self.type_lookup(cls, name);
        if let Some(a) = &attr {
            if is_data_descriptor(self, a) {
                let r = self.bind_attr(a.clone(), Some(obj), cls);
                return self.descriptor_fallback(r, obj, cls, name, fallback);
            }
        }
        if let Some(v) = inst.attr_get(name) {
            return Ok(v);
        }
        if let Some(a) = attr {
            let r = self.bind_attr(a, Some(obj), cls);
            return self.descriptor_fallback(r, obj, cls, name, fallback);
        }
        if let Some(v) = self.special_instance_attr(obj, o, name)? {
            return Ok(v);
        }
        if !fallback {
            return Err(self.no_attribute(obj, name));
        }
        self.getattr_fallback(obj, cls, name)
    }

    /// A descriptor's result, with an AttributeError handed to `__getattr__` when the class
    /// has one (and `fallback` is set).
    #[inline]
    fn descriptor_fallback(
        &mut self,
        r: PyResult,
        obj: &Value,
        cls: &Obj,
        name: &Str,
        fallback: bool,
    ) -> PyResult {
        match r {
            Err(e) if fallback && self.err_matches(&e, ExcKind::AttributeError) => {
                let gname = self.name("__getattr__");
                match self.type_lookup(cls, &gname) {
                    Some(f) => self.call_unbound(&f, &[obj.clone(), Value::Str(name.clone())]),
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    /// Read slot `name` of instance `obj` through its member descriptor.
    fn member_get(&mut self, obj: &Value, name: &Str) -> PyResult {
        if let Value::Obj(o) = obj {
            if let PyObject::Instance(inst) = &**o {
                if let Some(v) = inst.attr_get(name) {
                    return Ok(v);
                }
            }
        }
        Err(self.no_attribute(obj, name))
    }

    fn no_attribute(&mut self, obj: &Value, name: &Str) -> crate::PyErr {
        let tn = self.type_name(obj);
        self.attribute_error(format!(
            "'{}' object has no attribute '{}'",
            tn,
            name.as_str()
        ))
    }

    fn getattr_fallback(&mut self, obj: &Value, cls: &Obj, name: &Str) -> PyResult {
        let gname = self.name("__getattr__");
        if let Some(ga) = types::lookup(cls, &gname) {
            return self.call_unbound(&ga, &[obj.clone(), Value::Str(name.clone())]);
        }
        // Subclasses of built-in types: methods of the built-in base were found by the MRO
        // lookup above; special attributes of the base value are handled here.
        Err(self.no_attribute(obj, name))
    }

    /// `__class__`, `__dict__` and exception attributes of instances.
    fn special_instance_attr(
        &mut self,
        obj: &Value,
        o: &Obj,
        name: &Str,
    ) -> PyResult<Option<Value>> {
        let PyObject::Instance(inst) = &**o else {
            return Ok(None);
        };
        match name.as_str() {
            "__class__" => return Ok(Some(Value::Obj(inst.class.borrow().clone()))),
            "__dict__" => {
                if class_no_dict(&inst.class.borrow()) {
                    return Ok(None);
                }
                return Ok(Some(Value::Obj(self.instance_dict(inst))));
            }
            _ => {}
        }
        if let Some(st) = exc_state(obj) {
            let v = match name.as_str() {
                "args" => Some(st.borrow().args.clone()),
                "__cause__" => Some(st.borrow().cause.clone()),
                "__context__" => Some(st.borrow().context.clone()),
                "__suppress_context__" => Some(Value::Bool(st.borrow().suppress_context)),
                "__traceback__" => {
                    if st.borrow().traceback.is_empty() {
                        Some(Value::None)
                    } else {
                        Some(crate::objexcept::traceback_object(self, obj))
                    }
                }
                "value" | "code" | "errno" | "strerror" | "filename" | "name" | "msg"
                | "lineno" | "offset" | "text" | "path" => {
                    crate::objexcept::derived_attr(self, obj, name.as_str())
                }
                _ => None,
            };
            return Ok(v);
        }
        let base = inst.base.borrow().clone();
        if !base.is_none() {
            if let Ok(v) = self.getattr(&base, name) {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }

    /// Attributes of built-in objects that are not methods (`__name__` of functions, ...).
    fn special_builtin_attr(&mut self, obj: &Value, name: &Str) -> PyResult<Option<Value>> {
        let n = name.as_str();
        if n == "__class__" {
            return Ok(Some(Value::Obj(self.type_of(obj))));
        }
        let Value::Obj(o) = obj else { return Ok(None) };
        Ok(match &**o {
            PyObject::Function(f) => match n {
                "__name__" => Some(Value::Str(f.name.borrow().clone())),
                "__qualname__" => Some(Value::Str(f.qualname.borrow().clone())),
                "__defaults__" => Some(f.defaults.borrow().clone()),
                "__kwdefaults__" => Some(f.kwdefaults.borrow().clone()),
                "__globals__" => Some(Value::Obj(f.globals.clone())),
                "__code__" => Some(Value::Obj(Rc::new(PyObject::Code(f.code.clone())))),
                "__closure__" => {
                    let c = f.closure.borrow().clone();
                    if c.is_empty() {
                        Some(Value::None)
                    } else {
                        Some(self.new_tuple(c))
                    }
                }
                "__dict__" => {
                    let d = f.dict.borrow().clone();
                    Some(self.new_dict(d))
                }
                "__doc__" => Some(
                    f.dict
                        .borrow()
                        .get_str("__doc__")
                        .cloned()
                        .unwrap_or_else(|| f.code.doc.clone().unwrap_or(Value::None)),
                ),
                "__module__" => Some(
                    f.dict
                        .borrow()
                        .get_str("__module__")
                        .cloned()
                        .unwrap_or_else(|| {
                            dict_of(&f.globals)
                                .and_then(|d| d.borrow().get_str("__name__").cloned())
                                .unwrap_or(Value::None)
                        }),
                ),
                "__annotations__" => {
                    let a = f.dict.borrow().get_str("__annotations__").cloned();
                    match a {
                        Some(a) => Some(a),
                        None => {
                            let d = self.new_dict(crate::dict::Dict::new());
                            f.dict.borrow_mut().set_str("__annotations__", d.clone());
                            Some(d)
                        }
                    }
                }
                _ => f.dict.borrow().get_name(name).cloned(),
            },
            PyObject::BoundMethod(func, slf) => match n {
                "__self__" => Some(slf.clone()),
                "__func__" => Some(func.clone()),
                _ => {
                    let func = func.clone();
                    self.getattr(&func, name).ok()
                }
            },
            PyObject::Builtin(b) => match n {
                "__name__" | "__qualname__" => {
                    let short = b.name.rsplit('.').next().unwrap_or(b.name);
                    Some(Value::str(short))
                }
                "__self__" => Some(b.bound.clone().unwrap_or(Value::None)),
                "__doc__" => Some(Value::None),
                "__module__" => Some(Value::str("builtins")),
                _ => None,
            },
            PyObject::Generator(g) => match n {
                "__name__" => Some(Value::Str(g.borrow().name.clone())),
                "__qualname__" => Some(Value::Str(g.borrow().qualname.clone())),
                "gi_running" | "cr_running" => Some(Value::Bool(g.borrow().running)),
                "gi_frame" | "cr_frame" | "ag_frame" | "gi_yieldfrom" | "cr_await" | "ag_await" => {
                    Some(Value::None)
                }
                _ => None,
            },
            PyObject::Property {
                fget,
                fset,
                fdel,
                doc,
            } => match n {
                "fget" => Some(fget.clone()),
                "fset" => Some(fset.clone()),
                "fdel" => Some(fdel.clone()),
                "__doc__" => Some(doc.clone()),
                _ => None,
            },
            PyObject::StaticMethod(f) | PyObject::ClassMethod(f) => match n {
                "__func__" | "__wrapped__" => Some(f.clone()),
                _ => {
                    let f = f.clone();
                    self.getattr(&f, name).ok()
                }
            },
            PyObject::Code(c) => match n {
                "co_name" => Some(Value::Str(c.name.clone())),
                "co_filename" => Some(Value::Str(c.filename.clone())),
                "co_firstlineno" => Some(Value::Int(c.firstlineno as i64)),
                "co_argcount" => Some(Value::Int(c.argcount as i64)),
                "co_posonlyargcount" => Some(Value::Int(c.posonlyargcount as i64)),
                "co_kwonlyargcount" => Some(Value::Int(c.kwonlyargcount as i64)),
                "co_nlocals" => Some(Value::Int(c.varnames.len() as i64)),
                "co_flags" => {
                    // CPython's bit values, which inspect-style code tests.
                    use crate::code::*;
                    let mut f = 0i64;
                    if c.flags & CO_VARARGS != 0 {
                        f |= 0x04;
                    }
                    if c.flags & CO_VARKEYWORDS != 0 {
                        f |= 0x08;
                    }
                    if c.flags & CO_GENERATOR != 0 {
                        f |= 0x20;
                    }
                    if c.flags & CO_COROUTINE != 0 {
                        f |= 0x80;
                    }
                    if c.flags & CO_ASYNC_GENERATOR != 0 {
                        f |= 0x200;
                    }
                    Some(Value::Int(f))
                }
                "co_varnames" => {
                    let v: Vec<Value> = c.varnames.iter().map(|s| Value::Str(s.clone())).collect();
                    Some(self.new_tuple(v))
                }
                _ => None,
            },
            PyObject::Cell(c) if n == "cell_contents" => match c.borrow().clone() {
                Some(v) => Some(v),
                None => return Err(self.value_error("Cell is empty")),
            },
            PyObject::Complex(re, im) => match n {
                "real" => Some(Value::Float(*re)),
                "imag" => Some(Value::Float(*im)),
                _ => None,
            },
            _ => None,
        })
    }

    /// Attribute lookup on a class object.
    fn type_getattr(&mut self, cls: &Obj, name: &Str) -> PyResult {
        let t = as_type(cls).expect("type");
        // Data descriptors of the metaclass would come first; metaclasses here rarely define them.
        if let Some(a) = types::lookup(cls, name) {
            return self.bind_attr(a, None, cls);
        }
        let v = match name.as_str() {
            "__name__" => Some(Value::Str(t.name.borrow().clone())),
            "__qualname__" => Some(Value::Str(t.qualname.borrow().clone())),
            "__bases__" => {
                let b: Vec<Value> = t.bases.borrow().iter().cloned().map(Value::Obj).collect();
                Some(self.new_tuple(b))
            }
            "__base__" => Some(
                t.bases
                    .borrow()
                    .first()
                    .cloned()
                    .map(Value::Obj)
                    .unwrap_or(Value::None),
            ),
            "__mro__" => {
                let mut m: Vec<Value> = alloc::vec![Value::Obj(cls.clone())];
                m.extend(t.mro.borrow().iter().cloned().map(Value::Obj));
                Some(self.new_tuple(m))
            }
            "__dict__" => {
                let d = t.dict.borrow().clone();
                Some(self.new_dict(d))
            }
            "__module__" => Some(Value::str("builtins")),
            "__doc__" => Some(Value::None),
            "__class__" => Some(Value::Obj(self.type_of(&Value::Obj(cls.clone())))),
            _ => None,
        };
        if let Some(v) = v {
            return Ok(v);
        }
        // Methods of the metaclass (`type.mro`, user metaclass methods), bound to the class.
        let meta = self.type_of(&Value::Obj(cls.clone()));
        if let Some(a) = types::lookup(&meta, name) {
            return self.bind_attr(a, Some(&Value::Obj(cls.clone())), &meta);
        }
        let gname = self.name("__getattr__");
        if !Rc::ptr_eq(&meta, &self.types.type_) {
            if let Some(ga) = types::lookup(&meta, &gname) {
                return self
                    .call_unbound(&ga, &[Value::Obj(cls.clone()), Value::Str(name.clone())]);
            }
        }
        Err(self.attribute_error(format!(
            "type object '{}' has no attribute '{}'",
            t.name.borrow().as_str(),
            name.as_str()
        )))
    }

    fn super_getattr(&mut self, start: &Value, target: &Value, name: &Str) -> PyResult {
        let Value::Obj(start_cls) = start else {
            return Err(self.type_error("super: bad start class"));
        };
        // The MRO to search: type(target)'s, or target's own when target is a class.
        let (mro_owner, is_class) = match target {
            Value::Obj(o)
                if matches!(&**o, PyObject::Type(_)) && types::is_subclass(o, start_cls) =>
            {
                (o.clone(), true)
            }
            _ => (self.type_of(target), false),
        };
        let mut mro: Vec<Obj> = alloc::vec![mro_owner.clone()];
        if let Some(t) = as_type(&mro_owner) {
            mro.extend(t.mro.borrow().iter().cloned());
        }
        let pos = mro
            .iter()
            .position(|c| Rc::ptr_eq(c, start_cls))
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        for c in &mro[pos..] {
            let found = as_type(c).and_then(|t| t.dict.borrow().get_name(name).cloned());
            if let Some(a) = found {
                return if is_class {
                    self.bind_attr(a, None, &mro_owner)
                } else {
                    self.bind_attr(a, Some(target), &mro_owner)
                };
            }
        }
        if name.as_str() == "__class__" {
            return Ok(Value::Obj(self.types.super_.clone()));
        }
        Err(self.attribute_error(format!(
            "'super' object has no attribute '{}'",
            name.as_str()
        )))
    }

    /// `setattr(obj, name, value)`.
    pub fn setattr(&mut self, obj: &Value, name: &Str, value: Value) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            match &**o {
                PyObject::Instance(inst) => {
                    let cls = inst.class.borrow().clone();
                    let sname = self.name("__setattr__");
                    if let Some(sa) = self.type_lookup(&cls, &sname) {
                        if !self.is_object_slot(&sa) {
                            self.call_unbound(
                                &sa,
                                &[obj.clone(), Value::Str(name.clone()), value],
                            )?;
                            return Ok(());
                        }
                    }
                    return self.generic_setattr(obj, name, value);
                }
                PyObject::Type(t) => {
                    if !t.heap_type {
                        let tn = t.name.borrow().clone();
                        return Err(self.type_error(format!(
                            "cannot set '{}' attribute of immutable type '{}'",
                            name.as_str(),
                            tn.as_str()
                        )));
                    }
                    match name.as_str() {
                        "__name__" => {
                            if let Value::Str(s) = &value {
                                *t.name.borrow_mut() = s.clone();
                            }
                        }
                        "__qualname__" => {
                            if let Value::Str(s) = &value {
                                *t.qualname.borrow_mut() = s.clone();
                            }
                        }
                        _ => {}
                    }
                    t.dict.borrow_mut().set_name(name.clone(), value);
                    self.types_changed();
                    return Ok(());
                }
                PyObject::Module(m) => {
                    if let Some(d) = dict_of(&m.dict) {
                        d.borrow_mut().set_name(name.clone(), value);
                    }
                    return Ok(());
                }
                PyObject::Function(f) => {
                    match name.as_str() {
                        "__name__" => {
                            if let Value::Str(s) = &value {
                                *f.name.borrow_mut() = s.clone();
                            }
                        }
                        "__qualname__" => {
                            if let Value::Str(s) = &value {
                                *f.qualname.borrow_mut() = s.clone();
                            }
                        }
                        "__defaults__" => *f.defaults.borrow_mut() = value,
                        "__kwdefaults__" => *f.kwdefaults.borrow_mut() = value,
                        "__globals__" | "__closure__" | "__builtins__" => {
                            return Err(self.attribute_error("readonly attribute"));
                        }
                        _ => f.dict.borrow_mut().set_name(name.clone(), value),
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        let tn = self.type_name(obj);
        let cls = self.type_of(obj);
        if let Value::Obj(o) = obj {
            if matches!(&**o, PyObject::Native(_)) {
                let sname = self.name("__setattr__");
                // object.__setattr__ itself lands back here: only a class's own __setattr__
                // takes over.
                if let Some(sa) = self.type_lookup(&cls, &sname) {
                    if !self.is_object_slot(&sa) {
                        self.call_unbound(&sa, &[obj.clone(), Value::Str(name.clone()), value])?;
                        return Ok(());
                    }
                }
            }
        }
        if let Some(found) = self.type_lookup(&cls, name) {
            // A built-in type's data attribute (int.real) reads as CPython's getset message.
            let getset =
                matches!(&found, Value::Obj(o) if matches!(&**o, PyObject::Property { .. }));
            return Err(self.attribute_error(if getset {
                format!(
                    "attribute '{}' of '{}' objects is not writable",
                    name.as_str(),
                    tn
                )
            } else {
                format!("'{}' object attribute '{}' is read-only", tn, name.as_str())
            }));
        }
        Err(self.attribute_error(format!(
            "'{}' object has no attribute '{}'",
            tn,
            name.as_str()
        )))
    }

    /// `object.__setattr__`: descriptors, then the instance dict.
    pub fn generic_setattr(&mut self, obj: &Value, name: &Str, value: Value) -> PyResult<()> {
        let Value::Obj(o) = obj else {
            return Err(self.no_attribute(obj, name));
        };
        if let PyObject::Instance(inst) = &**o {
            // Plain `object()` instances have no __dict__.
            if Rc::ptr_eq(&*inst.class.borrow(), &self.types.object) {
                return Err(self.no_attribute(obj, name));
            }
        }
        let PyObject::Instance(inst) = &**o else {
            return self.setattr(obj, name, value);
        };
        let cls = inst.class.borrow().clone();
        if let Some(a) = self.type_lookup(&cls, name) {
            if let Value::Obj(ao) = &a {
                match &**ao {
                    PyObject::Property { fset, .. } => {
                        if fset.is_none() {
                            let tn = self.type_name(obj);
                            return Err(self.attribute_error(format!(
                                "property '{}' of '{}' object has no setter",
                                name.as_str(),
                                tn
                            )));
                        }
                        let s = fset.clone();
                        self.call(&s, &[obj.clone(), value])?;
                        return Ok(());
                    }
                    PyObject::Instance(_) => {
                        if let Some(set) = self.lookup_special(&a, "__set__") {
                            self.call_unbound(&set, &[a.clone(), obj.clone(), value])?;
                            return Ok(());
                        }
                    }
                    PyObject::Native(_) => {
                        if let Some(slot) = member_name(&a) {
                            self.instance_set(inst, &slot, value);
                            return Ok(());
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Some(st) = exc_state(obj) {
            match name.as_str() {
                "args" => {
                    let items = self.collect(&value)?;
                    st.borrow_mut().args = self.new_tuple(items);
                    return Ok(());
                }
                "__cause__" => {
                    let mut s = st.borrow_mut();
                    s.cause = value;
                    s.suppress_context = true;
                    return Ok(());
                }
                "__context__" => {
                    st.borrow_mut().context = value;
                    return Ok(());
                }
                "__suppress_context__" => {
                    let b = self.truthy(&value)?;
                    st.borrow_mut().suppress_context = b;
                    return Ok(());
                }
                "__traceback__" => {
                    // None clears it; another exception's __traceback__ (our tuple of
                    // (filename, name, line) entries, innermost last) replaces it.
                    let entries = if value.is_none() {
                        Some(Vec::new())
                    } else {
                        crate::objexcept::traceback_entries(&value)
                    };
                    let Some(entries) = entries else {
                        return Err(self.type_error("__traceback__ must be a traceback or None"));
                    };
                    st.borrow_mut().traceback = entries;
                    return Ok(());
                }
                _ => {}
            }
        }
        if name.as_str() == "__class__" {
            if let Value::Obj(c) = &value {
                if matches!(&**c, PyObject::Type(_)) {
                    *inst.class.borrow_mut() = c.clone();
                    self.instance_reshape(inst, c);
                    return Ok(());
                }
            }
            return Err(self.type_error("__class__ must be set to a class"));
        }
        if class_no_dict(&cls) {
            return Err(self.no_attribute(obj, name));
        }
        if name.as_str() == "__dict__" {
            return Err(self.type_error("__dict__ assignment is not supported"));
        }
        self.instance_set(inst, name, value);
        Ok(())
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&mut self, obj: &Value, name: &Str) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            match &**o {
                PyObject::Instance(inst) => {
                    let cls = inst.class.borrow().clone();
                    let dname = self.name("__delattr__");
                    if let Some(da) = self.type_lookup(&cls, &dname) {
                        if !self.is_object_slot(&da) {
                            self.call_unbound(&da, &[obj.clone(), Value::Str(name.clone())])?;
                            return Ok(());
                        }
                    }
                    return self.generic_delattr(obj, name);
                }
                PyObject::Type(t) if t.heap_type => {
                    self.types_changed();
                    if t.dict.borrow_mut().remove_name(name).is_none() {
                        let tn = t.name.borrow().clone();
                        return Err(self.attribute_error(format!(
                            "type object '{}' has no attribute '{}'",
                            tn.as_str(),
                            name.as_str()
                        )));
                    }
                    return Ok(());
                }
                PyObject::Module(m) => {
                    let removed = dict_of(&m.dict).and_then(|d| d.borrow_mut().remove_name(name));
                    if removed.is_none() {
                        return Err(self.attribute_error(format!(
                            "module '{}' has no attribute '{}'",
                            m.name.as_str(),
                            name.as_str()
                        )));
                    }
                    return Ok(());
                }
                PyObject::Function(f) => {
                    f.dict.borrow_mut().remove_name(name);
                    return Ok(());
                }
                PyObject::Native(_) => {
                    let cls = self.type_of(obj);
                    let dname = self.name("__delattr__");
                    if let Some(da) = self.type_lookup(&cls, &dname) {
                        self.call_unbound(&da, &[obj.clone(), Value::Str(name.clone())])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        Err(self.no_attribute(obj, name))
    }

    /// `object.__delattr__`.
    pub fn generic_delattr(&mut self, obj: &Value, name: &Str) -> PyResult<()> {
        let Value::Obj(o) = obj else {
            return Err(self.no_attribute(obj, name));
        };
        let PyObject::Instance(inst) = &**o else {
            return Err(self.no_attribute(obj, name));
        };
        let cls = inst.class.borrow().clone();
        if let Some(a) = self.type_lookup(&cls, name) {
            if let Value::Obj(ao) = &a {
                match &**ao {
                    PyObject::Property { fdel, .. } => {
                        if fdel.is_none() {
                            let tn = self.type_name(obj);
                            return Err(self.attribute_error(format!(
                                "property '{}' of '{}' object has no deleter",
                                name.as_str(),
                                tn
                            )));
                        }
                        let d = fdel.clone();
                        self.call(&d, core::slice::from_ref(obj))?;
                        return Ok(());
                    }
                    PyObject::Instance(_) => {
                        if let Some(del) = self.lookup_special(&a, "__delete__") {
                            self.call_unbound(&del, &[a.clone(), obj.clone()])?;
                            return Ok(());
                        }
                    }
                    PyObject::Native(_) => {
                        if let Some(slot) = member_name(&a) {
                            if self.instance_remove(inst, &slot).is_none() {
                                return Err(self.attribute_error(slot.as_str()));
                            }
                            return Ok(());
                        }
                    }
                    _ => {}
                }
            }
        }
        if self.instance_remove(inst, name).is_none() {
            return Err(self.no_attribute(obj, name));
        }
        Ok(())
    }

    /// `hasattr`-style check without raising.
    pub fn has_attr(&mut self, obj: &Value, name: &str) -> bool {
        matches!(self.getattr_opt(obj, name), Ok(Some(_)))
    }
}

/// True when instances of class `cls` have no `__dict__` (it and its bases define
/// `__slots__` without `'__dict__'`).
#[inline]
pub(crate) fn class_no_dict(cls: &Obj) -> bool {
    match as_type(cls).and_then(|t| t.shape.get()) {
        Some(root) => root.class_info().no_dict.get(),
        None => false,
    }
}

/// Can instances of base `b` do without a `__dict__` (so a subclass's `__slots__` removes
/// it)? `object`, built-in types other than exceptions, and classes with `__slots__` only.
fn base_without_dict(vm: &Vm, b: &Obj) -> bool {
    if Rc::ptr_eq(b, &vm.types.object) {
        return true;
    }
    match as_type(b) {
        Some(t) if t.heap_type => class_no_dict(b),
        Some(t) => t.layout != crate::value::Layout::Exception,
        None => false,
    }
}

/// The name a slot gets in class `cls_name`: private names (`__x`) are mangled like
/// attribute names in the class body.
fn mangle(cls_name: &str, name: &str) -> alloc::string::String {
    let stripped = cls_name.trim_start_matches('_');
    if name.starts_with("__") && !name.ends_with("__") && !stripped.is_empty() {
        format!("_{}{}", stripped, name)
    } else {
        alloc::string::String::from(name)
    }
}

/// Is `s` a valid identifier (ASCII letters, digits, `_`, or any non-ASCII character)?
fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

impl Vm {
    /// Finish a new class `cls` made by `type.__new__`: when its namespace has `__slots__`,
    /// check the names, put a member descriptor in the class for each, and mark the class
    /// as having no `__dict__` when no base gives it one (CPython's rules; MicroPython
    /// ignores `__slots__`).
    pub fn init_class_slots(&mut self, cls: &Obj) -> PyResult<()> {
        let Some(t) = as_type(cls) else { return Ok(()) };
        let slots = t.dict.borrow().get_str("__slots__").cloned();
        let Some(slots) = slots else { return Ok(()) };
        let items = match &slots {
            Value::Str(_) => alloc::vec![slots.clone()],
            _ => self.collect(&slots)?,
        };
        let cls_name = t.name.borrow().clone();
        let mut names: Vec<Str> = Vec::new();
        let mut with_dict = false;
        for it in &items {
            let Value::Str(s) = it else {
                let tn = self.type_name(it);
                return Err(
                    self.type_error(format!("__slots__ items must be strings, not '{}'", tn))
                );
            };
            if !is_identifier(s.as_str()) {
                return Err(self.type_error("__slots__ must be identifiers"));
            }
            match s.as_str() {
                "__dict__" => {
                    if with_dict {
                        return Err(self.type_error("__dict__ slot disallowed: we already got one"));
                    }
                    with_dict = true;
                    continue;
                }
                "__weakref__" => continue,
                _ => {}
            }
            let m = self.intern(&mangle(cls_name.as_str(), s.as_str()));
            if t.dict.borrow().get_name(&m).is_some() {
                return Err(self.value_error(format!(
                    "'{}' in __slots__ conflicts with class variable",
                    s.as_str()
                )));
            }
            if !names.iter().any(|n| n.as_str() == m.as_str()) {
                names.push(m);
            }
        }
        let bases = t.bases.borrow().clone();
        let no_dict = !with_dict && bases.iter().all(|b| base_without_dict(self, b));
        self.init_member_type();
        let mtype = self.types.member_descriptor.clone();
        for n in names {
            let d = MemberDesc {
                name: n.clone(),
                owner: cls_name.clone(),
            };
            let desc = self.alloc(PyObject::Native(crate::value::NativeObj {
                class: mtype.clone(),
                data: core::cell::RefCell::new(alloc::boxed::Box::new(d)),
            }));
            t.dict.borrow_mut().set_name(n, Value::Obj(desc));
        }
        t.shape
            .get_or_init(Shape::root)
            .class_info()
            .no_dict
            .set(no_dict);
        self.types_changed();
        Ok(())
    }

    /// Give `member_descriptor` its methods (on the first class with `__slots__`).
    fn init_member_type(&mut self) {
        let mtype = self.types.member_descriptor.clone();
        if types::lookup_str(&mtype, "__get__").is_some() {
            return;
        }
        types::add_methods(
            &mtype,
            &[
                ("__get__", member_get_native),
                ("__set__", member_set_native),
                ("__delete__", member_delete_native),
                ("__repr__", member_repr_native),
                ("__getattr__", member_getattr_native),
            ],
        );
    }
}

/// The member descriptor's data (name, owner) of `args[0]`.
fn member_of(vm: &mut Vm, args: &[Value]) -> PyResult<(Str, Str)> {
    if let Some(Value::Obj(o)) = args.first() {
        if let PyObject::Native(n) = &**o {
            if let Ok(d) = n.data.try_borrow() {
                if let Some(m) = d.downcast_ref::<MemberDesc>() {
                    return Ok((m.name.clone(), m.owner.clone()));
                }
            }
        }
    }
    Err(vm.type_error("descriptor requires a 'member_descriptor' object"))
}

/// `member.__get__(obj, type=None)`.
fn member_get_native(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (name, _) = member_of(vm, args)?;
    match args.get(1) {
        None | Some(Value::None) => Ok(args[0].clone()),
        Some(obj) => vm.member_get(obj, &name),
    }
}

/// `member.__set__(obj, value)`.
fn member_set_native(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (name, _) = member_of(vm, args)?;
    if let (Some(Value::Obj(o)), Some(v)) = (args.get(1), args.get(2)) {
        if let PyObject::Instance(inst) = &**o {
            vm.instance_set(inst, &name, v.clone());
            return Ok(Value::None);
        }
    }
    Err(vm.type_error("descriptor '__set__' needs an instance and a value"))
}

/// `member.__delete__(obj)`.
fn member_delete_native(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (name, _) = member_of(vm, args)?;
    if let Some(Value::Obj(o)) = args.get(1) {
        if let PyObject::Instance(inst) = &**o {
            if vm.instance_remove(inst, &name).is_none() {
                return Err(vm.attribute_error(name.as_str()));
            }
            return Ok(Value::None);
        }
    }
    Err(vm.type_error("descriptor '__delete__' needs an instance"))
}

/// `repr(member)`: `<member 'x' of 'C' objects>`.
fn member_repr_native(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (name, owner) = member_of(vm, args)?;
    Ok(Value::str(&format!(
        "<member '{}' of '{}' objects>",
        name.as_str(),
        owner.as_str()
    )))
}

/// `member.__name__` and `member.__qualname__`.
fn member_getattr_native(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (name, owner) = member_of(vm, args)?;
    match args.get(1) {
        Some(Value::Str(a)) if a.as_str() == "__name__" => Ok(Value::Str(name)),
        Some(Value::Str(a)) if a.as_str() == "__qualname__" => {
            Ok(Value::str(&format!("{}.{}", owner.as_str(), name.as_str())))
        }
        Some(Value::Str(a)) => Err(vm.attribute_error(format!(
            "'member_descriptor' object has no attribute '{}'",
            a.as_str()
        ))),
        _ => Err(vm.type_error("attribute name must be string")),
    }
}

#[cfg(test)]
mod tests {
    use alloc::boxed::Box;
    use alloc::rc::Rc;
    use alloc::string::String;
    use alloc::vec::Vec;
    use core::cell::RefCell;

    /// A port collecting what the program prints.
    struct Out(Rc<RefCell<Vec<u8>>>);

    impl crate::port::Port for Out {
        fn write_stdout(&mut self, data: &[u8]) {
            self.0.borrow_mut().extend_from_slice(data);
        }
    }

    /// Run `src` and give back its output.
    fn run(src: &str) -> String {
        let out = Rc::new(RefCell::new(Vec::new()));
        let mut vm = crate::vm::Vm::new(crate::VmConfig::default(), Box::new(Out(out.clone())));
        let st = vm.start(src, "<t>", false);
        assert!(matches!(st, Ok(crate::embed::RunState::Finished(_))));
        let text = String::from_utf8_lossy(&out.borrow()).into_owned();
        text
    }

    #[test]
    fn getattribute_assigned_after_the_sites_are_warm() {
        let src = "class C:\n    def __init__(self):\n        self.v = 1\n    def m(self):\n        return 2\n\
def read(o):\n    return (o.v, o.m())\nc = C()\nfor i in range(5):\n    read(c)\n\
C.__getattribute__ = lambda self, n: (lambda: n) if n == 'm' else n\nprint(read(c))\n\
del C.__getattribute__\nprint(read(c))\n";
        assert_eq!(run(src), "('v', 'm')\n(1, 2)\n");
    }

    #[test]
    fn slots_refuse_other_names_at_a_warm_store_site() {
        let src = "class A:\n    pass\nclass S:\n    __slots__ = ('x',)\n\
def mk(cls):\n    o = cls()\n    o.x = 1\n    o.y = 2\n    return o\n\
for i in range(5):\n    mk(A)\ntry:\n    mk(S)\nexcept AttributeError as e:\n    print(e)\n\
s = S()\nfor i in range(5):\n    s.x = i\nprint(s.x, S.x)\n";
        assert_eq!(
            run(src),
            "'S' object has no attribute 'y'\n4 <member 'x' of 'S' objects>\n"
        );
    }
}
