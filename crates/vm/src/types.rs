//! Type objects: the built-in types, class creation with C3 linearisation, and method lookup along
//! the MRO.

use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::dict::Dict;
use crate::value::{
    new_str, Builtin, Layout, NativeFn, NativeObj, Obj, PyObject, Str, TypeObj, Value,
};
use crate::vm::Vm;
use crate::PyResult;

/// The built-in type objects.
#[allow(missing_docs)]
pub struct BuiltinTypes {
    pub object: Obj,
    pub type_: Obj,
    pub none: Obj,
    pub notimplemented: Obj,
    pub ellipsis: Obj,
    pub int: Obj,
    pub bool_: Obj,
    pub float: Obj,
    pub complex: Obj,
    pub str_: Obj,
    pub bytes: Obj,
    pub bytearray: Obj,
    pub tuple: Obj,
    pub list: Obj,
    pub dict: Obj,
    pub set: Obj,
    pub frozenset: Obj,
    pub range: Obj,
    pub slice: Obj,
    pub function: Obj,
    pub builtin_function: Obj,
    pub bound_method: Obj,
    pub module: Obj,
    pub cell: Obj,
    pub generator: Obj,
    pub coroutine: Obj,
    pub async_generator: Obj,
    pub iterator: Obj,
    pub dict_keys: Obj,
    pub dict_values: Obj,
    pub dict_items: Obj,
    pub property: Obj,
    pub staticmethod: Obj,
    pub classmethod: Obj,
    pub super_: Obj,
    pub code: Obj,
    pub enumerate: Obj,
    pub zip: Obj,
    pub map: Obj,
    pub filter: Obj,
    pub reversed: Obj,
    pub async_gen_asend: Obj,
    pub memoryview: Obj,
    /// `member_descriptor`: the class attribute made for each name in `__slots__`.
    pub member_descriptor: Obj,
    /// `types.GenericAlias`: a parameterised built-in type such as `list[int]`.
    pub generic_alias: Obj,
    /// The named iterator types (`list_iterator`, `range_iterator`, ...), see `iter_type_name`.
    pub iter_kinds: Vec<Obj>,
}

/// Names of the built-in iterator types, as CPython 3.11 calls them.
pub const ITER_KIND_NAMES: &[&str] = &[
    "list_iterator",
    "tuple_iterator",
    "range_iterator",
    "str_ascii_iterator",
    "str_iterator",
    "bytes_iterator",
    "bytearray_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
    "list_reverseiterator",
    "callable_iterator",
];

/// Make a type object.
pub fn new_type(name: &str, bases: Vec<Obj>, layout: Layout, heap_type: bool) -> Obj {
    let mro = compute_mro_simple(&bases);
    Rc::new(PyObject::Type(alloc::boxed::Box::new(TypeObj {
        name: RefCell::new(new_str(name)),
        qualname: RefCell::new(new_str(name)),
        bases: RefCell::new(bases),
        mro: RefCell::new(mro),
        dict: RefCell::new(Dict::new()),
        layout,
        heap_type,
        metaclass: RefCell::new(None),
        shape: Default::default(),
    })))
}

/// The MRO for single inheritance chains (used for built-in types); classes defined in Python use
/// `c3_mro`.
fn compute_mro_simple(bases: &[Obj]) -> Vec<Obj> {
    let mut mro = Vec::new();
    if let Some(b) = bases.first() {
        mro.push(b.clone());
        if let Some(t) = as_type(b) {
            mro.extend(t.mro.borrow().iter().cloned());
        }
    }
    mro
}

/// C3 linearisation of a class with these bases (excluding the class itself). When no
/// consistent order exists, Err holds the classes in conflict (named by the TypeError).
pub fn c3_mro(bases: &[Obj]) -> Result<Vec<Obj>, Vec<Obj>> {
    let mut seqs: Vec<Vec<Obj>> = Vec::new();
    for b in bases {
        let mut s = vec![b.clone()];
        if let Some(t) = as_type(b) {
            s.extend(t.mro.borrow().iter().cloned());
        }
        seqs.push(s);
    }
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut cand = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|x| Rc::ptr_eq(x, head)));
            if !in_tail {
                cand = Some(head.clone());
                break;
            }
        }
        let Some(c) = cand else {
            // The classes still in conflict: the distinct heads, in order (CPython's message).
            let mut heads: Vec<Obj> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| Rc::ptr_eq(h, &s[0])) {
                    heads.push(s[0].clone());
                }
            }
            return Err(heads);
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// The `TypeObj` of a type object.
#[inline]
pub fn as_type(o: &Obj) -> Option<&TypeObj> {
    match &**o {
        PyObject::Type(t) => Some(t),
        _ => None,
    }
}

/// The type's name.
pub fn type_name(o: &Obj) -> Str {
    match as_type(o) {
        Some(t) => t.name.borrow().clone(),
        None => new_str("?"),
    }
}

/// Look a name up along a class's MRO (the class first). Returns the raw attribute (unbound).
pub fn lookup(cls: &Obj, name: &Str) -> Option<Value> {
    let t = as_type(cls)?;
    if let Some(v) = t.dict.borrow().get_name(name) {
        return Some(v.clone());
    }
    for b in t.mro.borrow().iter() {
        if let Some(bt) = as_type(b) {
            if let Some(v) = bt.dict.borrow().get_name(name) {
                return Some(v.clone());
            }
        }
    }
    None
}

/// Look a name given as text up along a class's MRO.
pub fn lookup_str(cls: &Obj, name: &str) -> Option<Value> {
    lookup(cls, &new_str(name))
}

/// Is `sub` the class `sup` or derived from it?
pub fn is_subclass(sub: &Obj, sup: &Obj) -> bool {
    if Rc::ptr_eq(sub, sup) {
        return true;
    }
    match as_type(sub) {
        Some(t) => t.mro.borrow().iter().any(|b| Rc::ptr_eq(b, sup)),
        None => false,
    }
}

/// The layout a new class inherits from its bases.
pub fn inherited_layout(bases: &[Obj]) -> Layout {
    for b in bases {
        if let Some(t) = as_type(b) {
            match t.layout {
                Layout::Object | Layout::Other | Layout::NoneType => {}
                l => return l,
            }
        }
    }
    Layout::Object
}

/// Add native methods to a type's namespace.
pub fn add_methods(cls: &Obj, methods: &[(&'static str, NativeFn)]) {
    if let Some(t) = as_type(cls) {
        let mut d = t.dict.borrow_mut();
        for (name, f) in methods {
            d.set_str(
                name,
                Value::Obj(Rc::new(PyObject::Builtin(Builtin {
                    name,
                    func: *f,
                    bound: None,
                    method: true,
                }))),
            );
        }
    }
}

/// Add native static methods (no self) to a type's namespace.
pub fn add_static_methods(cls: &Obj, methods: &[(&'static str, NativeFn)]) {
    if let Some(t) = as_type(cls) {
        let mut d = t.dict.borrow_mut();
        for (name, f) in methods {
            let b = Value::Obj(Rc::new(PyObject::Builtin(Builtin {
                name,
                func: *f,
                bound: None,
                method: true,
            })));
            d.set_str(name, Value::Obj(Rc::new(PyObject::StaticMethod(b))));
        }
    }
}

/// Add native class methods (receiving the class first) to a type's namespace.
pub fn add_class_methods(cls: &Obj, methods: &[(&'static str, NativeFn)]) {
    if let Some(t) = as_type(cls) {
        let mut d = t.dict.borrow_mut();
        for (name, f) in methods {
            let b = Value::Obj(Rc::new(PyObject::Builtin(Builtin {
                name,
                func: *f,
                bound: None,
                method: true,
            })));
            d.set_str(name, Value::Obj(Rc::new(PyObject::ClassMethod(b))));
        }
    }
}

/// Set a plain attribute on a type's namespace.
pub fn set_attr(cls: &Obj, name: &str, v: Value) {
    if let Some(t) = as_type(cls) {
        t.dict.borrow_mut().set_str(name, v);
    }
}

impl BuiltinTypes {
    /// Create every built-in type (without methods: each type's module adds those).
    pub fn new() -> BuiltinTypes {
        let object = new_type("object", vec![], Layout::Object, false);
        let t = |name: &str, layout: Layout| new_type(name, vec![object.clone()], layout, false);
        let int = t("int", Layout::Int);
        let bool_ = new_type("bool", vec![int.clone()], Layout::Bool, false);
        BuiltinTypes {
            type_: t("type", Layout::Type),
            none: t("NoneType", Layout::NoneType),
            notimplemented: t("NotImplementedType", Layout::Other),
            ellipsis: t("ellipsis", Layout::Other),
            bool_,
            int,
            float: t("float", Layout::Float),
            complex: t("complex", Layout::Complex),
            str_: t("str", Layout::Str),
            bytes: t("bytes", Layout::Bytes),
            bytearray: t("bytearray", Layout::ByteArray),
            tuple: t("tuple", Layout::Tuple),
            list: t("list", Layout::List),
            dict: t("dict", Layout::Dict),
            set: t("set", Layout::Set),
            frozenset: t("frozenset", Layout::FrozenSet),
            range: t("range", Layout::Other),
            slice: t("slice", Layout::Other),
            function: t("function", Layout::Other),
            builtin_function: t("builtin_function_or_method", Layout::Other),
            bound_method: t("method", Layout::Other),
            module: t("module", Layout::Other),
            cell: t("cell", Layout::Other),
            generator: t("generator", Layout::Other),
            coroutine: t("coroutine", Layout::Other),
            async_generator: t("async_generator", Layout::Other),
            iterator: t("iterator", Layout::Other),
            dict_keys: t("dict_keys", Layout::Other),
            dict_values: t("dict_values", Layout::Other),
            dict_items: t("dict_items", Layout::Other),
            property: t("property", Layout::Other),
            staticmethod: t("staticmethod", Layout::Other),
            classmethod: t("classmethod", Layout::Other),
            super_: t("super", Layout::Other),
            code: t("code", Layout::Other),
            enumerate: t("enumerate", Layout::Other),
            zip: t("zip", Layout::Other),
            map: t("map", Layout::Other),
            filter: t("filter", Layout::Other),
            reversed: t("reversed", Layout::Other),
            async_gen_asend: t("async_generator_asend", Layout::Other),
            memoryview: t("memoryview", Layout::Other),
            member_descriptor: t("member_descriptor", Layout::Other),
            // A heap type so that its repr names its module (`types.GenericAlias`).
            generic_alias: new_type("GenericAlias", vec![object.clone()], Layout::Other, true),
            iter_kinds: ITER_KIND_NAMES
                .iter()
                .map(|n| t(n, Layout::Other))
                .collect(),
            object,
        }
    }

    /// The named iterator type (falls back to the generic `iterator` type).
    pub fn iter_kind(&self, name: &str) -> Obj {
        match ITER_KIND_NAMES.iter().position(|n| *n == name) {
            Some(i) => self.iter_kinds[i].clone(),
            None => self.iterator.clone(),
        }
    }

    /// All built-in types with the names they have in `builtins`.
    pub fn exported(&self) -> Vec<(&'static str, Obj)> {
        vec![
            ("object", self.object.clone()),
            ("type", self.type_.clone()),
            ("int", self.int.clone()),
            ("bool", self.bool_.clone()),
            ("float", self.float.clone()),
            ("complex", self.complex.clone()),
            ("str", self.str_.clone()),
            ("bytes", self.bytes.clone()),
            ("bytearray", self.bytearray.clone()),
            ("tuple", self.tuple.clone()),
            ("list", self.list.clone()),
            ("dict", self.dict.clone()),
            ("set", self.set.clone()),
            ("frozenset", self.frozenset.clone()),
            ("range", self.range.clone()),
            ("slice", self.slice.clone()),
            ("property", self.property.clone()),
            ("staticmethod", self.staticmethod.clone()),
            ("classmethod", self.classmethod.clone()),
            ("super", self.super_.clone()),
            ("enumerate", self.enumerate.clone()),
            ("zip", self.zip.clone()),
            ("map", self.map.clone()),
            ("filter", self.filter.clone()),
            ("reversed", self.reversed.clone()),
            ("memoryview", self.memoryview.clone()),
        ]
    }
}

impl Default for BuiltinTypes {
    fn default() -> Self {
        Self::new()
    }
}

/// The `__name__` of a type as an owned string.
pub fn name_string(o: &Obj) -> String {
    String::from(type_name(o).as_str())
}

/// The data of a `types.GenericAlias` (`list[int]`): the built-in type and its arguments.
pub struct GenericAlias {
    /// The parameterised type (`__origin__`).
    pub origin: Value,
    /// The arguments, a tuple (`__args__`).
    pub args: Value,
}

/// `origin[index]` for the built-in container types that CPython parameterises (`list`,
/// `dict`, `tuple`, `set`, `frozenset`, `type`): a `types.GenericAlias`. None for the other
/// built-in types (their subscription stays the class itself).
pub fn generic_alias(vm: &mut Vm, origin: &Obj, index: &Value) -> Option<PyResult> {
    let t = &vm.types;
    let known = [&t.list, &t.dict, &t.tuple, &t.set, &t.frozenset, &t.type_];
    if !known.iter().any(|k| Rc::ptr_eq(k, origin)) {
        return None;
    }
    let cls = vm.types.generic_alias.clone();
    if lookup_str(&cls, "__mro_entries__").is_none() {
        set_attr(&cls, "__module__", Value::str("types"));
        add_methods(
            &cls,
            &[
                ("__repr__", alias_repr),
                ("__call__", alias_call),
                ("__eq__", alias_eq),
                ("__hash__", alias_hash),
                ("__getattr__", alias_getattr),
                ("__mro_entries__", alias_mro_entries),
            ],
        );
    }
    let args = match index {
        Value::Obj(o) if matches!(&**o, PyObject::Tuple(_)) => index.clone(),
        _ => vm.new_tuple(vec![index.clone()]),
    };
    let data = GenericAlias {
        origin: Value::Obj(origin.clone()),
        args,
    };
    Some(Ok(Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(alloc::boxed::Box::new(data)),
    })))))
}

/// The origin and arguments of a generic alias value.
fn alias_parts(v: Option<&Value>) -> Option<(Value, Value)> {
    let Some(Value::Obj(o)) = v else { return None };
    let PyObject::Native(n) = &**o else {
        return None;
    };
    let d = n.data.try_borrow().ok()?;
    let a = d.downcast_ref::<GenericAlias>()?;
    Some((a.origin.clone(), a.args.clone()))
}

/// The alias behind `args[0]`, or the TypeError for a wrong self.
fn alias_self(vm: &mut Vm, args: &[Value]) -> PyResult<(Value, Value)> {
    alias_parts(args.first())
        .ok_or_else(|| vm.type_error("descriptor requires a 'types.GenericAlias' object"))
}

/// How a type argument shows in an alias's repr: `int`, `mod.Cls`, `...`, else its repr.
fn alias_arg_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if matches!(v, Value::Ellipsis) {
        return Ok(String::from("..."));
    }
    if let Value::Obj(o) = v {
        if as_type(o).is_some() {
            let module = vm.getattr_str(v, "__module__")?;
            let qual = vm.getattr_str(v, "__qualname__")?;
            let q = vm.str_of(&qual)?;
            return Ok(match &module {
                Value::Str(m) if m.as_str() != "builtins" => {
                    alloc::format!("{}.{}", m.as_str(), q.as_str())
                }
                _ => String::from(q.as_str()),
            });
        }
    }
    Ok(String::from(vm.repr(v)?.as_str()))
}

/// `repr(list[int])`: `list[int]`.
fn alias_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (origin, targs) = alias_self(vm, args)?;
    let mut out = alias_arg_repr(vm, &origin)?;
    out.push('[');
    let items: Vec<Value> = targs.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, a) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let r = alias_arg_repr(vm, a)?;
        out.push_str(&r);
    }
    out.push(']');
    Ok(Value::str(&out))
}

/// `list[int](...)`: calls the origin.
fn alias_call(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let (origin, _) = alias_self(vm, args)?;
    vm.call_kw(&origin, &args[1..], kw)
}

/// Aliases are equal when their origins are the same and their arguments equal.
fn alias_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (o1, a1) = alias_self(vm, args)?;
    let Some((o2, a2)) = alias_parts(args.get(1)) else {
        return Ok(Value::NotImplemented);
    };
    if !o1.is(&o2) {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(vm.eq(&a1, &a2)?))
}

/// `hash(list[int])`: from the origin's and the arguments' hashes.
fn alias_hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (origin, targs) = alias_self(vm, args)?;
    let h = vm.hash(&origin)? ^ vm.hash(&targs)?;
    Ok(Value::Int(h))
}

/// `__origin__`, `__args__`, `__parameters__`; other names are the origin's attributes.
fn alias_getattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (origin, targs) = alias_self(vm, args)?;
    let Some(Value::Str(name)) = args.get(1) else {
        return Err(vm.type_error("attribute name must be string"));
    };
    match name.as_str() {
        "__origin__" => Ok(origin),
        "__args__" => Ok(targs),
        "__parameters__" => Ok(vm.new_tuple(Vec::new())),
        _ => {
            let n = name.clone();
            vm.getattr(&origin, &n)
        }
    }
}

/// `class C(list[int])` derives from `list`.
fn alias_mro_entries(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (origin, _) = alias_self(vm, args)?;
    Ok(vm.new_tuple(vec![origin]))
}
