//! The bridge between Python values and JS values: per-engine contexts, the handle table that
//! keeps Python objects alive while JS holds PyProxies of them, conversions both ways, the
//! `JsProxy` class (JS objects seen from Python), `JsException`, and the `js`/`jsffi` modules.

use std::cell::RefCell;
use std::rc::Rc;

use ferropy_vm::exceptions::ExcKind;
use ferropy_vm::types::{self, add_methods};
use ferropy_vm::value::{Layout, NativeObj, Obj, PyObject, Str};
use ferropy_vm::{PyErr, PyResult, Value, Vm};
use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::port::Shared;

/// Largest integer a JS Number holds exactly.
const MAX_SAFE: i64 = (1 << 53) - 1;

/// What the engine keeps about one VM (found again from `&mut Vm` inside natives).
pub struct EngineCtx {
    /// The VM (owned: created with `Box::into_raw`, never freed while JS may call it).
    pub vm: *mut Vm,
    /// State shared with the port.
    pub shared: Rc<Shared>,
    /// The `JsProxy` class.
    pub jsproxy: Obj,
    /// The `JsException` class.
    pub jsexc: Obj,
    /// The number the next `JsProxy` is shown with (`<JsProxy N>`, as MicroPython numbers its
    /// references to JS objects: 0 is the global object, 1 `undefined`).
    pub next_js_ref: std::cell::Cell<u32>,
}

/// A JS value held by a Python `JsProxy` object, with the `this` to call it with.
pub struct JsData {
    /// The JS value.
    pub value: JsValue,
    /// The object it was read from (the receiver when it is called).
    pub this: JsValue,
    /// The module name when registered with `registerJsModule` (submodules are found through it).
    pub module: Option<String>,
    /// Its number, shown by `repr()` (`<JsProxy N>`).
    pub id: u32,
}

/// Functions the JS glue gives the engine.
struct Hooks {
    make_proxy: Function,
    /// `handle_of(value)`: the handle of one of our PyProxies, else undefined (a WeakMap lookup,
    /// so JS proxies' traps never run).
    pyref: Function,
}

/// The handle table: Python values referenced from JS (each a GC root until released). One
/// object has one handle while it is referenced (`by_ptr`), so its PyProxy stays the same JS
/// object. Handles 0..=2 are never used (as MicroPython's first references, so proxies show
/// the same `_ref` numbers).
struct Handles {
    slots: Vec<Option<(u32, Value)>>,
    free: Vec<u32>,
    by_ptr: std::collections::HashMap<(u32, usize), u32>,
}

impl Default for Handles {
    fn default() -> Self {
        Handles {
            slots: vec![None, None, None],
            free: Vec::new(),
            by_ptr: std::collections::HashMap::new(),
        }
    }
}

/// The address of an object value (its identity), if it is one.
fn obj_ptr(v: &Value) -> Option<usize> {
    match v {
        Value::Obj(o) => Some(Rc::as_ptr(o) as *const u8 as usize),
        _ => None,
    }
}

thread_local! {
    static ENGINES: RefCell<Vec<EngineCtx>> = const { RefCell::new(Vec::new()) };
    static HANDLES: RefCell<Handles> = RefCell::new(Handles::default());
    static HOOKS: RefCell<Option<Hooks>> = const { RefCell::new(None) };
}

/// Install the glue's proxy factory (`make_proxy(handle, engine, kind)`) and the symbol that
/// marks PyProxies (reading it gives the handle).
pub fn set_hooks(make_proxy: Function, pyref: Function) {
    HOOKS.with(|h| *h.borrow_mut() = Some(Hooks { make_proxy, pyref }));
}

/// Register an engine; returns its id.
pub fn register_engine(ctx: EngineCtx) -> u32 {
    ENGINES.with(|e| {
        let mut e = e.borrow_mut();
        e.push(ctx);
        (e.len() - 1) as u32
    })
}

/// A new `JsProxy` number for a VM's engine (see [`EngineCtx::next_js_ref`]).
fn next_js_ref(vm: &Vm) -> u32 {
    let p = vm as *const Vm;
    ENGINES.with(|e| {
        e.borrow()
            .iter()
            .find(|c| std::ptr::eq(c.vm, p))
            .map(|c| {
                let n = c.next_js_ref.get();
                c.next_js_ref.set(n.saturating_add(1));
                n
            })
            .unwrap_or(0)
    })
}

/// Skip `n` `JsProxy` numbers: a top-level `await` of a JS promise takes three references in
/// MicroPython (the promise's `then`, and the resolve and reject functions), so later numbers
/// match.
pub fn skip_js_refs(vm: &Vm, n: u32) {
    let p = vm as *const Vm;
    ENGINES.with(|e| {
        if let Some(c) = e.borrow().iter().find(|c| std::ptr::eq(c.vm, p)) {
            c.next_js_ref.set(c.next_js_ref.get().saturating_add(n));
        }
    });
}

/// A JS `Error` with the given message.
pub fn js_error(msg: &str) -> JsValue {
    js_sys::Error::new(msg).into()
}

/// The VM of an engine, unless JS may not enter it now (an output callback is running).
pub fn enter(id: u32) -> Result<&'static mut Vm, JsValue> {
    let r = ENGINES.with(|e| {
        e.borrow()
            .get(id as usize)
            .map(|c| (c.vm, c.shared.in_callback.get()))
    });
    match r {
        None => Err(js_error("ferropy: no such interpreter")),
        Some((_, true)) => Err(js_error(
            "ferropy: Python cannot be called from inside a stdout/stderr/stdin callback",
        )),
        // SAFETY: the pointer comes from Box::into_raw and is never freed. wasm is single
        // threaded; a nested entry happens only while the outer user of the VM is waiting inside
        // a call out to JS (a native at an instruction boundary), so the two never run at once.
        Some((vm, false)) => Ok(unsafe { &mut *vm }),
    }
}

/// The engine id and the FFI classes of a VM.
fn ctx_of(vm: &Vm) -> Option<(u32, Obj, Obj)> {
    let p = vm as *const Vm;
    ENGINES.with(|e| {
        e.borrow()
            .iter()
            .enumerate()
            .find(|(_, c)| std::ptr::eq(c.vm, p))
            .map(|(i, c)| (i as u32, c.jsproxy.clone(), c.jsexc.clone()))
    })
}

/// The shared port state of an engine.
pub fn shared_of(id: u32) -> Option<Rc<Shared>> {
    ENGINES.with(|e| e.borrow().get(id as usize).map(|c| c.shared.clone()))
}

/// Keep a Python value alive for JS; returns its handle.
pub fn new_handle(engine: u32, v: Value) -> u32 {
    let key = obj_ptr(&v).map(|p| (engine, p));
    HANDLES.with(|h| {
        let mut h = h.borrow_mut();
        if let Some(k) = key {
            if let Some(&i) = h.by_ptr.get(&k) {
                return i;
            }
        }
        let i = match h.free.pop() {
            Some(i) if (i as usize) < h.slots.len() => {
                h.slots[i as usize] = Some((engine, v));
                i
            }
            _ => {
                h.slots.push(Some((engine, v)));
                (h.slots.len() - 1) as u32
            }
        };
        if let Some(k) = key {
            h.by_ptr.insert(k, i);
        }
        i
    })
}

/// The value and engine of a handle.
pub fn handle_value(h: u32) -> Option<(u32, Value)> {
    HANDLES.with(|t| t.borrow().slots.get(h as usize).cloned().flatten())
}

/// Release a handle (the JS proxy was destroyed or collected).
pub fn release_handle(h: u32) {
    let old = HANDLES.with(|t| {
        let mut t = t.borrow_mut();
        let old = t.slots.get_mut(h as usize).and_then(|s| s.take());
        if let Some((engine, v)) = &old {
            t.free.push(h);
            if let Some(p) = obj_ptr(v) {
                if t.by_ptr.get(&(*engine, p)) == Some(&h) {
                    t.by_ptr.remove(&(*engine, p));
                }
            }
        }
        old
    });
    // Dropped outside the table borrow (dropping may free other Python objects).
    drop(old);
}

/// Number of live handles (for leak tests).
pub fn live_handles() -> usize {
    HANDLES.with(|t| t.borrow().slots.iter().filter(|s| s.is_some()).count())
}

/// The JS value inside a Python `JsProxy`, if `v` is one.
pub fn js_of(v: &Value) -> Option<(JsValue, JsValue)> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            let d = n.data.borrow();
            if let Some(j) = d.downcast_ref::<JsData>() {
                return Some((j.value.clone(), j.this.clone()));
            }
        }
    }
    None
}

/// Wrap a JS value in a Python `JsProxy`.
pub fn new_jsproxy(vm: &mut Vm, value: JsValue, this: JsValue) -> Value {
    let id = next_js_ref(vm);
    new_jsproxy_numbered(vm, value, this, id)
}

/// Wrap a JS value in a Python `JsProxy` shown with number `id`.
fn new_jsproxy_numbered(vm: &mut Vm, value: JsValue, this: JsValue, id: u32) -> Value {
    let Some((_, cls, _)) = ctx_of(vm) else {
        return Value::None;
    };
    Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(JsData {
            value,
            this,
            module: None,
            id,
        })),
    })))
}

/// The `js.undefined` object (JS `undefined` seen from Python, shown `<undefined>`).
pub fn undefined(vm: &mut Vm) -> Value {
    new_jsproxy_numbered(vm, JsValue::UNDEFINED, JsValue::UNDEFINED, 1)
}

/// Wrap a JS object registered as the module `name`.
pub fn new_js_module(vm: &mut Vm, value: JsValue, name: &str) -> Value {
    let p = new_jsproxy(vm, value, JsValue::UNDEFINED);
    if let Value::Obj(o) = &p {
        if let PyObject::Native(n) = &**o {
            if let Some(d) = n.data.borrow_mut().downcast_mut::<JsData>() {
                d.module = Some(String::from(name));
            }
        }
    }
    p
}

/// `sys.modules["<module>.<attr>"]` for a registered JS module's missing attribute.
fn submodule(vm: &mut Vm, v: &Value, attr: &str) -> Option<Value> {
    let module = match v {
        Value::Obj(o) => match &**o {
            PyObject::Native(n) => n
                .data
                .borrow()
                .downcast_ref::<JsData>()
                .and_then(|d| d.module.clone())?,
            _ => return None,
        },
        _ => return None,
    };
    vm.sys_module(&format!("{}.{}", module, attr))
}

/// Python -> JS, shallow: scalars, str and bytes by value, JsProxies unwrapped, everything else
/// as a PyProxy.
pub fn to_js(vm: &mut Vm, v: &Value) -> JsValue {
    match v {
        Value::None => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Int(i) => {
            if (-MAX_SAFE..=MAX_SAFE).contains(i) {
                JsValue::from_f64(*i as f64)
            } else {
                js_sys::BigInt::from(*i).into()
            }
        }
        Value::Float(f) => JsValue::from_f64(*f),
        Value::Str(s) => JsValue::from_str(s.as_str()),
        Value::Obj(o) => match &**o {
            PyObject::BigInt(b) => {
                let s = b.to_string();
                js_sys::BigInt::new(&JsValue::from_str(&s))
                    .map(JsValue::from)
                    .unwrap_or_else(|_| JsValue::from_f64(f64::NAN))
            }
            PyObject::Bytes(b) => Uint8Array::from(&b[..]).into(),
            PyObject::ByteArray(b) => Uint8Array::from(&b.borrow()[..]).into(),
            PyObject::Native(_) => match js_of(v) {
                Some((j, _)) => j,
                None => make_pyproxy(vm, v),
            },
            _ => match js_error_of(vm, v) {
                Some(j) => j,
                None => make_pyproxy(vm, v),
            },
        },
        _ => make_pyproxy(vm, v),
    }
}

/// The JS error inside a `JsException` (its first argument), as MicroPython hands it back.
fn js_error_of(vm: &mut Vm, v: &Value) -> Option<JsValue> {
    let (_, _, jsexc) = ctx_of(vm)?;
    if !Rc::ptr_eq(&vm.type_of(v), &jsexc) {
        return None;
    }
    let args = vm.getattr_str(v, "args").ok()?;
    let first = vm.getitem(&args, &Value::Int(0)).ok()?;
    js_of(&first).map(|(j, _)| j)
}

/// A PyProxy for a Python object (through the glue's factory).
fn make_pyproxy(vm: &mut Vm, v: &Value) -> JsValue {
    let Some((engine, _, _)) = ctx_of(vm) else {
        return JsValue::UNDEFINED;
    };
    let kind = match v {
        Value::Obj(o) => match &**o {
            PyObject::Function(_)
            | PyObject::Builtin(_)
            | PyObject::BoundMethod(..)
            | PyObject::Type(_) => "function",
            PyObject::List(_) | PyObject::Tuple(_) => "list",
            PyObject::Dict(_) => "dict",
            _ if is_callable(vm, v) => "function",
            _ => "object",
        },
        _ => "object",
    };
    let h = new_handle(engine, v.clone());
    let made = HOOKS.with(|hk| {
        hk.borrow().as_ref().map(|hk| {
            hk.make_proxy.call3(
                &JsValue::UNDEFINED,
                &JsValue::from_f64(h as f64),
                &JsValue::from_f64(engine as f64),
                &JsValue::from_str(kind),
            )
        })
    });
    match made {
        Some(Ok(p)) => p,
        _ => {
            release_handle(h);
            JsValue::UNDEFINED
        }
    }
}

/// `callable(v)`.
fn is_callable(vm: &mut Vm, v: &Value) -> bool {
    let b = vm.builtins_module();
    let Ok(f) = vm.getattr_str(&b, "callable") else {
        return false;
    };
    matches!(vm.call(&f, std::slice::from_ref(v)), Ok(Value::Bool(true)))
}

/// Python -> JS, deep: lists and tuples become Arrays and dicts Objects, recursively; the
/// rest as `to_js`.
pub fn to_js_deep(vm: &mut Vm, v: &Value) -> PyResult<JsValue> {
    to_js_deep_n(vm, v, 0)
}

fn to_js_deep_n(vm: &mut Vm, v: &Value, depth: usize) -> PyResult<JsValue> {
    if depth > 100 {
        return Err(vm.err(ExcKind::RecursionError, "to_js: structure too deep"));
    }
    if let Value::Obj(o) = v {
        match &**o {
            PyObject::List(_) | PyObject::Tuple(_) => {
                let items = vm.collect(v)?;
                let arr = Array::new_with_length(items.len() as u32);
                for (i, it) in items.iter().enumerate() {
                    arr.set(i as u32, to_js_deep_n(vm, it, depth + 1)?);
                }
                return Ok(arr.into());
            }
            PyObject::Dict(d) => {
                let items = d.borrow().items();
                let obj = Object::new();
                for (k, val) in items {
                    let key = match &k {
                        Value::Str(s) => JsValue::from_str(s.as_str()),
                        other => to_js(vm, other),
                    };
                    let jv = to_js_deep_n(vm, &val, depth + 1)?;
                    let _ = Reflect::set(&obj, &key, &jv);
                }
                return Ok(obj.into());
            }
            _ => {}
        }
    }
    Ok(to_js(vm, v))
}

/// The PyProxy handle of a JS value, if it is one of ours.
fn pyref_of(v: &JsValue) -> Option<u32> {
    if !(v.is_object() || v.is_function()) {
        return None;
    }
    let f = HOOKS.with(|h| h.borrow().as_ref().map(|h| h.pyref.clone()))?;
    let r = f.call1(&JsValue::UNDEFINED, v).ok()?;
    r.as_f64().map(|f| f as u32)
}

/// A real `Map` (not, say, a JS `Proxy` whose target is one: those are used as objects).
fn as_map(v: &JsValue) -> Option<&js_sys::Map> {
    let m = v.dyn_ref::<js_sys::Map>()?;
    let proto = Object::get_prototype_of(&js_sys::Map::new().into());
    // `Map.prototype.size` is a getter that throws for anything but a real Map.
    let getter = Reflect::get_own_property_descriptor(&proto, &JsValue::from_str("size"))
        .ok()
        .and_then(|d| Reflect::get(&d, &JsValue::from_str("get")).ok())
        .and_then(|g| g.dyn_into::<Function>().ok())?;
    getter.call0(v).ok().map(|_| m)
}

/// JS -> Python, shallow: scalars, strings, BigInts and `Uint8Array`s by value, PyProxies back to
/// their Python objects, everything else as a `JsProxy`.
pub fn to_py(vm: &mut Vm, v: &JsValue, this: &JsValue) -> PyResult {
    if v.is_undefined() || v.is_null() {
        return Ok(Value::None);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(f) = v.as_f64() {
        if f.fract() == 0.0 && f.abs() <= MAX_SAFE as f64 {
            return Ok(Value::Int(f as i64));
        }
        return Ok(Value::Float(f));
    }
    if let Some(s) = v.as_string() {
        return Ok(Value::string(s));
    }
    if v.is_bigint() {
        let s: String = js_sys::BigInt::unchecked_from_js_ref(v)
            .to_string(10)
            .map(String::from)
            .unwrap_or_default();
        if let Ok(i) = s.parse::<i64>() {
            return Ok(Value::Int(i));
        }
        let b = vm.builtins_module();
        let int = vm.getattr_str(&b, "int")?;
        return vm.call(&int, &[Value::string(s)]);
    }
    if let Some(h) = pyref_of(v) {
        if let Some((_, val)) = handle_value(h) {
            return Ok(val);
        }
        return Err(vm.err(ExcKind::RuntimeError, "the PyProxy was destroyed"));
    }
    if let Some(a) = v.dyn_ref::<Uint8Array>() {
        let data = a.to_vec();
        return Ok(Value::Obj(
            vm.alloc(PyObject::Bytes(data.into_boxed_slice())),
        ));
    }
    Ok(new_jsproxy(vm, v.clone(), this.clone()))
}

/// JS -> Python, deep: Arrays to lists, plain Objects and Maps to dicts, recursively.
pub fn to_py_deep(vm: &mut Vm, v: &JsValue, depth: usize) -> PyResult {
    if depth > 100 {
        return Err(vm.err(ExcKind::RecursionError, "to_py: structure too deep"));
    }
    if pyref_of(v).is_none() {
        if Array::is_array(v) {
            let arr: &Array = v.unchecked_ref();
            let mut items = Vec::with_capacity(arr.length() as usize);
            for x in arr.iter() {
                items.push(to_py_deep(vm, &x, depth + 1)?);
            }
            return Ok(vm.new_list(items));
        }
        if let Some(m) = v.dyn_ref::<js_sys::Map>() {
            let d = vm.new_dict(ferropy_vm::dict::Dict::new());
            let mut err = None;
            m.for_each(&mut |val, key| {
                if err.is_some() {
                    return;
                }
                let r = (|| {
                    let k = to_py_deep(vm, &key, depth + 1)?;
                    let x = to_py_deep(vm, &val, depth + 1)?;
                    vm.setitem(&d, &k, x)
                })();
                if let Err(e) = r {
                    err = Some(e);
                }
            });
            return match err {
                Some(e) => Err(e),
                None => Ok(d),
            };
        }
        if is_plain_object(v) {
            let d = vm.new_dict(ferropy_vm::dict::Dict::new());
            for e in Object::entries(v.unchecked_ref()).iter() {
                let pair: &Array = e.unchecked_ref();
                let k = to_py(vm, &pair.get(0), &JsValue::UNDEFINED)?;
                let x = to_py_deep(vm, &pair.get(1), depth + 1)?;
                vm.setitem(&d, &k, x)?;
            }
            return Ok(d);
        }
    }
    to_py(vm, v, &JsValue::UNDEFINED)
}

fn is_plain_object(v: &JsValue) -> bool {
    if !v.is_object() {
        return false;
    }
    let proto = Object::get_prototype_of(v);
    let base = Object::get_prototype_of(&Object::new());
    proto.is_null() || JsValue::from(proto) == JsValue::from(base)
}

/// The text of a JS exception (`Name: message` for Errors).
fn js_error_text(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        let name: String = err.name().into();
        let msg: String = err.message().into();
        if let Ok(t) = Reflect::get(e, &JsValue::from_str("type")) {
            if name == "PythonError" {
                if let Some(t) = t.as_string() {
                    return format!("{} (from Python {})", msg.trim_end(), t);
                }
            }
        }
        return format!("{}: {}", name, msg);
    }
    js_string(e)
}

/// `String(v)`, never throwing.
pub fn js_string(v: &JsValue) -> String {
    if let Some(s) = v.as_string() {
        return s;
    }
    let f: Option<Function> = Reflect::get(&js_sys::global(), &JsValue::from_str("String"))
        .ok()
        .and_then(|f| f.dyn_into().ok());
    f.and_then(|f| f.call1(&JsValue::UNDEFINED, v).ok())
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| String::from("<unprintable>"))
}

/// A JS exception as a Python `JsException` (its `js_error` attribute is the JS value).
pub fn js_exception(vm: &mut Vm, e: JsValue) -> PyErr {
    let Some((_, _, cls)) = ctx_of(vm) else {
        return vm.err(ExcKind::RuntimeError, js_error_text(&e));
    };
    // As MicroPython: the arguments are the error, its `name` and its `message`.
    let proxy = to_py(vm, &e, &JsValue::UNDEFINED).unwrap_or(Value::None);
    let field = |k: &str| -> JsValue {
        if e.is_object() || e.is_function() {
            Reflect::get(&e, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        }
    };
    let (n, m) = (field("name"), field("message"));
    let n = to_py(vm, &n, &JsValue::UNDEFINED).unwrap_or(Value::None);
    let m = if e.is_object() || e.is_function() {
        to_py(vm, &m, &JsValue::UNDEFINED).unwrap_or(Value::None)
    } else {
        Value::string(js_error_text(&e))
    };
    let exc = vm.new_exception(&cls, vec![proxy.clone(), n, m]);
    let name = vm.intern("js_error");
    let _ = vm.setattr(&exc, &name, proxy);
    PyErr(exc)
}

/// A Python exception as a JS `Error` named `PythonError` with `type` (the class name) and the
/// traceback text as its message.
pub fn python_error(vm: &mut Vm, e: &PyErr) -> JsValue {
    let text = vm.format_exception(&e.0);
    let tname = vm.type_name(&e.0);
    let err = js_sys::Error::new(&text);
    err.set_name("PythonError");
    let _ = Reflect::set(&err, &JsValue::from_str("type"), &JsValue::from_str(&tname));
    err.into()
}

fn this_js(vm: &mut Vm, args: &[Value]) -> PyResult<(JsValue, JsValue)> {
    match args.first().and_then(js_of) {
        Some(j) => Ok(j),
        None => Err(vm.type_error("expected a JsProxy")),
    }
}

fn name_arg(vm: &mut Vm, args: &[Value], i: usize) -> PyResult<Str> {
    match args.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(vm.type_error("attribute name must be a string")),
    }
}

fn js_getattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (obj, _) = this_js(vm, args)?;
    let name = name_arg(vm, args, 1)?;
    let key = JsValue::from_str(name.as_str());
    if !(obj.is_object() || obj.is_function()) {
        return Err(vm.err(
            ExcKind::AttributeError,
            format!("'JsProxy' object has no attribute '{}'", name.as_str()),
        ));
    }
    // Functions read from the global object are called with `this` undefined (MicroPython).
    let this_for = |v: &JsValue| -> JsValue {
        if v.is_function() && obj == JsValue::from(js_sys::global()) {
            JsValue::UNDEFINED
        } else {
            obj.clone()
        }
    };
    match Reflect::has(&obj, &key) {
        Ok(true) => {}
        Ok(false) => {
            // Proxies without a `has` trap still answer `get`.
            let v = Reflect::get(&obj, &key).unwrap_or(JsValue::UNDEFINED);
            if v.is_undefined() {
                if let Some(m) = submodule(vm, &args[0], name.as_str()) {
                    return Ok(m);
                }
                if name.as_str() == "undefined" && obj == JsValue::from(js_sys::global()) {
                    return Ok(undefined(vm));
                }
                if name.as_str() == "new" {
                    // `Obj.new(...)` constructs (Pyodide's idiom), unless the JS object has its
                    // own `new`.
                    let f = ferropy_vm::modbuiltins::builtin_fn("new", js_new);
                    return Ok(Value::Obj(
                        vm.alloc(PyObject::BoundMethod(f, args[0].clone())),
                    ));
                }
                return Err(vm.err(
                    ExcKind::AttributeError,
                    format!("'JsProxy' object has no attribute '{}'", name.as_str()),
                ));
            }
            return to_py(vm, &v, &this_for(&v));
        }
        Err(e) => return Err(js_exception(vm, e)),
    }
    match Reflect::get(&obj, &key) {
        Ok(v) if v.is_function() && name.as_str() == "then" => wrap_then(vm, &v, &obj),
        // An existing attribute whose value is `undefined`.
        Ok(v) if v.is_undefined() => Ok(undefined(vm)),
        Ok(v) => to_py(vm, &v, &this_for(&v)),
        Err(e) => Err(js_exception(vm, e)),
    }
}

/// A thenable's `then`, seen from Python: the rejection callback gets a `JsException` (so a
/// task awaiting a rejected promise in asyncio raises `JsException`, as a top-level `await`
/// does), not a bare JsProxy of the JS error.
fn wrap_then(vm: &mut Vm, then: &JsValue, this: &JsValue) -> PyResult {
    let f = to_py(vm, then, this)?;
    let Some((_, cls, _)) = ctx_of(vm) else {
        return Ok(f);
    };
    let factory = vm.getattr_str(&Value::Obj(cls), "_ferropy_then")?;
    let conv = ferropy_vm::modbuiltins::builtin_fn("_to_exception", ffi_to_exception);
    vm.call(&factory, &[f, conv])
}

/// A rejection reason as a Python exception: exceptions stay, JS values become `JsException`.
fn ffi_to_exception(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = args.first().cloned().unwrap_or(Value::None);
    if let Some((j, _)) = js_of(&v) {
        return Ok(js_exception(vm, j).0);
    }
    let base = vm.exc_type(ExcKind::BaseException);
    let cls = vm.type_of(&v);
    if types::is_subclass(&cls, &base) {
        return Ok(v);
    }
    let j = to_js(vm, &v);
    Ok(js_exception(vm, j).0)
}

fn js_setattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (obj, _) = this_js(vm, args)?;
    let name = name_arg(vm, args, 1)?;
    let v = to_js(vm, args.get(2).unwrap_or(&Value::None));
    match Reflect::set(&obj, &JsValue::from_str(name.as_str()), &v) {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(js_exception(vm, e)),
    }
}

fn js_delattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (obj, _) = this_js(vm, args)?;
    let name = name_arg(vm, args, 1)?;
    match Reflect::delete_property(
        obj.unchecked_ref::<Object>(),
        &JsValue::from_str(name.as_str()),
    ) {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(js_exception(vm, e)),
    }
}

fn call_args(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Array> {
    let arr = Array::new();
    for a in args {
        arr.push(&to_js(vm, a));
    }
    if !kw.is_empty() {
        let o = Object::new();
        for (k, v) in kw {
            let jv = to_js(vm, v);
            let _ = Reflect::set(&o, &JsValue::from_str(k.as_str()), &jv);
        }
        arr.push(&o);
    }
    Ok(arr)
}

fn js_call(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let (f, this) = this_js(vm, args)?;
    let Some(f) = f.dyn_ref::<Function>() else {
        return Err(vm.type_error("'JsProxy' object is not callable"));
    };
    let arr = call_args(vm, &args[1..], kw)?;
    match Reflect::apply(f, &this, &arr) {
        Ok(v) => to_py(vm, &v, &JsValue::UNDEFINED),
        Err(e) => Err(js_exception(vm, e)),
    }
}

fn js_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let (f, _) = this_js(vm, args)?;
    let Some(f) = f.dyn_ref::<Function>() else {
        return Err(vm.type_error("'JsProxy' object is not a constructor"));
    };
    let arr = call_args(vm, &args[1..], kw)?;
    match Reflect::construct(f, &arr) {
        Ok(v) => to_py(vm, &v, &JsValue::UNDEFINED),
        Err(e) => Err(js_exception(vm, e)),
    }
}

fn js_key(vm: &mut Vm, k: &Value) -> JsValue {
    to_js(vm, k)
}

fn js_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (obj, _) = this_js(vm, args)?;
    let key = js_key(vm, args.get(1).unwrap_or(&Value::None));
    if let Some(m) = as_map(&obj) {
        if !m.has(&key) {
            return Err(vm.err_args(ExcKind::KeyError, vec![args[1].clone()]));
        }
        return to_py(vm, &m.get(&key), &JsValue::UNDEFINED);
    }
    if !(obj.is_object() || obj.is_function()) {
        return Err(vm.type_error("'JsProxy' object is not subscriptable"));
    }
    let v = Reflect::get(&obj, &key).map_err(|e| js_exception(vm, e))?;
    if v.is_undefined() && !Reflect::has(&obj, &key).unwrap_or(false) {
        let kind = if Array::is_array(&obj) {
            ExcKind::IndexError
        } else {
            ExcKind::KeyError
        };
        return Err(vm.err_args(kind, vec![args[1].clone()]));
    }
    to_py(vm, &v, &JsValue::UNDEFINED)
}

fn js_setitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (obj, _) = this_js(vm, args)?;
    let key = js_key(vm, args.get(1).unwrap_or(&Value::None));
    let v = to_js(vm, args.get(2).unwrap_or(&Value::None));
    if let Some(m) = as_map(&obj) {
        m.set(&key, &v);
        return Ok(Value::None);
    }
    Reflect::set(&obj, &key, &v).map_err(|e| js_exception(vm, e))?;
    Ok(Value::None)
}

fn js_delitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (obj, _) = this_js(vm, args)?;
    let key = js_key(vm, args.get(1).unwrap_or(&Value::None));
    if let Some(m) = as_map(&obj) {
        m.delete(&key);
        return Ok(Value::None);
    }
    if !obj.is_object() {
        return Err(vm.type_error("'JsProxy' object does not support item deletion"));
    }
    Reflect::delete_property(obj.unchecked_ref::<Object>(), &key)
        .map_err(|e| js_exception(vm, e))?;
    Ok(Value::None)
}

fn js_len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (obj, _) = this_js(vm, args)?;
    if obj.is_object() || obj.is_function() {
        for k in ["length", "size"] {
            if let Ok(n) = Reflect::get(&obj, &JsValue::from_str(k)) {
                if let Some(n) = n.as_f64() {
                    return Ok(Value::Int(n as i64));
                }
            }
        }
    }
    Err(vm.type_error("object of type 'JsProxy' has no len()"))
}

fn js_iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (obj, _) = this_js(vm, args)?;
    let it = match js_sys::try_iter(&obj) {
        Ok(Some(it)) => it,
        Ok(None) => return Err(vm.type_error("'JsProxy' object is not iterable")),
        Err(e) => return Err(js_exception(vm, e)),
    };
    let mut items = Vec::new();
    for x in it {
        match x {
            Ok(x) => items.push(to_py(vm, &x, &JsValue::UNDEFINED)?),
            Err(e) => return Err(js_exception(vm, e)),
        }
    }
    let l = vm.new_list(items);
    vm.iter(&l)
}

fn js_contains(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (obj, _) = this_js(vm, args)?;
    let key = js_key(vm, args.get(1).unwrap_or(&Value::None));
    if let Some(m) = as_map(&obj) {
        return Ok(Value::Bool(m.has(&key)));
    }
    if let Some(s) = obj.dyn_ref::<js_sys::Set>() {
        return Ok(Value::Bool(s.has(&key)));
    }
    if let Some(a) = obj.dyn_ref::<Array>() {
        return Ok(Value::Bool(a.includes(&key, 0)));
    }
    if !obj.is_object() {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(Reflect::has(&obj, &key).unwrap_or(false)))
}

fn js_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (a, _) = this_js(vm, args)?;
    match args.get(1).and_then(js_of) {
        Some((b, _)) => Ok(Value::Bool(Object::is(&a, &b))),
        None => Ok(Value::NotImplemented),
    }
}

fn js_ne(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    match js_eq(vm, args, kw)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        v => Ok(v),
    }
}

fn js_hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (a, _) = this_js(vm, args)?;
    // Identity is not observable from wasm: hash primitives by value and objects by type.
    let s = if a.is_object() || a.is_function() {
        a.js_typeof().as_string().unwrap_or_default()
    } else {
        js_string(&a)
    };
    let mut h: i64 = 5381;
    for b in s.bytes() {
        h = h.wrapping_mul(33) ^ b as i64;
    }
    Ok(Value::Int(h >> 2))
}

fn js_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (a, _) = this_js(vm, args)?;
    let id = match args.first() {
        Some(Value::Obj(o)) => match &**o {
            PyObject::Native(n) => n.data.borrow().downcast_ref::<JsData>().map(|d| d.id),
            _ => None,
        },
        _ => None,
    }
    .unwrap_or(0);
    // As MicroPython's: the number of the reference (`js` itself is a module there).
    if a.is_undefined() {
        return Ok(Value::str("<undefined>"));
    }
    if id == 0 && a == JsValue::from(js_sys::global()) {
        return Ok(Value::str("<module 'js'>"));
    }
    Ok(Value::string(format!("<JsProxy {}>", id)))
}

fn js_typeof(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (a, _) = this_js(vm, args)?;
    Ok(Value::string(a.js_typeof().as_string().unwrap_or_default()))
}

fn js_to_py(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (a, _) = this_js(vm, args)?;
    to_py_deep(vm, &a, 0)
}

fn js_bool(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (a, _) = this_js(vm, args)?;
    Ok(Value::Bool(a.is_truthy()))
}

fn ffi_to_js(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = args.first().cloned().unwrap_or(Value::None);
    let j = to_js_deep(vm, &v)?;
    if j.is_object() || j.is_function() {
        Ok(new_jsproxy(vm, j, JsValue::UNDEFINED))
    } else {
        to_py(vm, &j, &JsValue::UNDEFINED)
    }
}

/// `jsffi.create_proxy(obj)`: a `JsProxy` of the JS proxy of `obj` (scalars stay as they are),
/// so JS keeps a reference to the Python object.
fn ffi_create_proxy(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let Some(v) = args.first() else {
        return Err(vm.type_error("create_proxy() takes 1 argument"));
    };
    let j = to_js(vm, v);
    if pyref_of(&j).is_some() {
        return Ok(new_jsproxy(vm, j, JsValue::UNDEFINED));
    }
    Ok(v.clone())
}

/// The Python half of the FFI, run once per VM: `__await__` for JsProxy (yield the proxy to the
/// host, which awaits it and sends the result back).
/// `_ferropy_then` wraps a thenable's `then` so rejections reach Python as exceptions.
const PY_SUPPORT: &str = concat!(
    "def __await__(self):\n",
    "    r = yield self\n",
    "    return r\n",
    "def _ferropy_then(f, exc):\n",
    "    def then(ok=None, err=None):\n",
    "        if err is None:\n",
    "            return f(ok)\n",
    "        return f(ok, lambda reason=None: err(exc(reason)))\n",
    "    return then\n",
    // The port's asyncio loop: top-level code of runPythonAsync that uses asyncio runs as a
    // task of asyncio's scheduler (so it may await events, tasks, locks...), and tasks created
    // outside a loop run in it (`coro` None: until no task is left). Unlike asyncio.run's loop it
    // never sees a deadlock: with nothing ready it awaits `wait(ms)` (a JS promise that
    // resolves early when JS calls into Python, which may wake a task).
    "async def _ferropy_loop(coro, wait):\n",
    "    from asyncio import core\n",
    "    from heapq import heappop\n",
    "    t = None\n",
    "    if coro is not None:\n",
    "        t = core.create_task(coro)\n",
    "        t._observed = True\n",
    "    while t is None or not t._done:\n",
    "        heap = core._heap\n",
    "        if heap:\n",
    "            now = core._now()\n",
    "            while heap and heap[0][0] <= now:\n",
    "                e = heappop(heap)\n",
    "                core._ready.append((e[1], e[2]))\n",
    "        if core._ready:\n",
    "            batch = core._ready\n",
    "            core._ready = []\n",
    "            for seq, x in batch:\n",
    "                if x._seq == seq and not x._done:\n",
    "                    x._seq = 0\n",
    "                    core._step(x)\n",
    "            continue\n",
    "        while heap and heap[0][2]._seq != heap[0][1]:\n",
    "            heappop(heap)\n",
    "        if heap:\n",
    "            d = heap[0][0] - core._now()\n",
    "        elif t is None and not core._polling:\n",
    "            return\n",
    "        else:\n",
    "            d = 1000\n",
    "        if d > 0:\n",
    "            await wait(d)\n",
    "    if t._exc is not None:\n",
    "        raise t._exc\n",
    "    return t._result\n",
);
/// Create the FFI classes and the `js` and `jsffi` modules of a VM (put straight into
/// `sys.modules`); returns the JsProxy and JsException classes.
pub fn install(vm: &mut Vm) -> PyResult<(Obj, Obj)> {
    let object = vm.types.object.clone();
    let jsproxy = types::new_type("JsProxy", vec![object], Layout::Other, true);
    add_methods(
        &jsproxy,
        &[
            ("__getattr__", js_getattr),
            ("__setattr__", js_setattr),
            ("__delattr__", js_delattr),
            ("__call__", js_call),
            ("__getitem__", js_getitem),
            ("__setitem__", js_setitem),
            ("__delitem__", js_delitem),
            ("__len__", js_len),
            ("__iter__", js_iter),
            ("__contains__", js_contains),
            ("__eq__", js_eq),
            ("__ne__", js_ne),
            ("__hash__", js_hash),
            ("__repr__", js_repr),
            ("__bool__", js_bool),
            ("typeof", js_typeof),
            ("to_py", js_to_py),
        ],
    );
    let exc_base = vm.exc_type(ExcKind::Exception);
    let jsexc = types::new_type("JsException", vec![exc_base], Layout::Exception, true);
    let d = vm.new_dict_obj(ferropy_vm::dict::Dict::new());
    vm.exec_in(PY_SUPPORT, "<jsffi>", &d)?;
    let aw = vm.getitem(&Value::Obj(d.clone()), &Value::str("__await__"))?;
    types::set_attr(&jsproxy, "__await__", aw);
    let th = vm.getitem(&Value::Obj(d.clone()), &Value::str("_ferropy_then"))?;
    let th = vm.call(&Value::Obj(vm.types.staticmethod.clone()), &[th])?;
    types::set_attr(&jsproxy, "_ferropy_then", th);
    let top = vm.getitem(&Value::Obj(d.clone()), &Value::str("_ferropy_loop"))?;
    let top = vm.call(&Value::Obj(vm.types.staticmethod.clone()), &[top])?;
    types::set_attr(&jsproxy, "_ferropy_loop", top);
    Ok((jsproxy, jsexc))
}

/// `_ferropy_loop(coro, wait)`: the coroutine of the port's asyncio loop (see `PY_SUPPORT`),
/// running `coro` as a task (or, with None, the tasks there are).
pub fn asyncio_loop(vm: &mut Vm, coro: Value) -> PyResult {
    let Some((id, cls, _)) = ctx_of(vm) else {
        return Ok(coro);
    };
    let waiter = shared_of(id)
        .and_then(|s| s.loop_waiter.borrow().clone())
        .map(JsValue::from)
        .unwrap_or(JsValue::UNDEFINED);
    let wait = new_jsproxy(vm, waiter, JsValue::UNDEFINED);
    let f = vm.getattr_str(&Value::Obj(cls), "_ferropy_loop")?;
    vm.call(&f, &[coro, wait])
}

/// Put `js` (the JS global object) and `jsffi` into `sys.modules`.
pub fn install_modules(vm: &mut Vm, jsproxy: &Obj, jsexc: &Obj) -> PyResult<()> {
    let g = new_jsproxy_numbered(vm, js_sys::global().into(), JsValue::UNDEFINED, 0);
    set_module(vm, "js", g);
    let m = vm.new_module("jsffi");
    let mv = Value::Obj(m);
    let fns: [(&'static str, ferropy_vm::value::NativeFn); 2] =
        [("to_js", ffi_to_js), ("create_proxy", ffi_create_proxy)];
    for (name, f) in fns {
        let b = ferropy_vm::modbuiltins::builtin_fn(name, f);
        let n = vm.intern(name);
        vm.setattr(&mv, &n, b)?;
    }
    let n = vm.intern("JsProxy");
    vm.setattr(&mv, &n, Value::Obj(jsproxy.clone()))?;
    let n = vm.intern("JsException");
    vm.setattr(&mv, &n, Value::Obj(jsexc.clone()))?;
    set_module(vm, "jsffi", mv);
    Ok(())
}

/// `sys.modules[name] = v`.
pub fn set_module(vm: &mut Vm, name: &str, v: Value) {
    if let PyObject::Dict(d) = &*vm.modules {
        d.borrow_mut().set_str(name, v);
    }
}
