//! ferropy-wasm: the browser (wasm32) port of the Ferropy VM, the engine behind the `ferropy` npm
//! package. `Engine` is the low-level API the JS glue (`npm/ferropy.mjs`) drives: synchronous
//! runs, resumable runs stepped from JS (so sleeps, `input()` and awaited promises return to the
//! event loop), the `js`/`jsffi` FFI, the in-memory file system and a line REPL.

pub mod board;
pub mod ffi;
pub mod fs;
pub mod port;
pub mod repl;

use std::cell::RefCell;
use std::rc::Rc;

use ferropy_vm::embed::{RunState, Suspend};
use ferropy_vm::parser::{self, Mode};
use ferropy_vm::value::PyObject;
use ferropy_vm::{PyErr, Value, Vm, VmConfig};
use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::ffi::{enter, js_error, python_error, to_js, to_py};
use crate::port::{BrowserPort, Shared};

/// The name the value of a run's final expression statement is stored under.
const RESULT_NAME: &str = "__ferropy_result__";

/// Backward jumps and calls per time slice of a resumable run (a few milliseconds).
const SLICE_BUDGET: u32 = 20_000;

/// Backward jumps and calls per time slice of a synchronous run (see `Engine::run_sliced`).
const SYNC_SLICE_BUDGET: u32 = 200_000;

/// Install the panic hook (panics are bugs; this makes them readable in the console).
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Give the engine the glue's PyProxy factory `make(handle, engine, kind)` and the symbol that
/// marks PyProxies.
#[wasm_bindgen]
pub fn set_hooks(make_proxy: Function, pyref: JsValue) {
    ffi::set_hooks(make_proxy, pyref);
}

/// Number of Python objects currently referenced from JS (leak checks).
#[wasm_bindgen]
pub fn live_handles() -> usize {
    ffi::live_handles()
}

/// Release a PyProxy's handle.
#[wasm_bindgen]
pub fn py_release(h: u32) {
    ffi::release_handle(h);
}

fn handle(h: u32) -> Result<(&'static mut Vm, Value), JsValue> {
    let (engine, v) =
        ffi::handle_value(h).ok_or_else(|| js_error("This borrowed proxy was destroyed"))?;
    let vm = enter(engine)?;
    // JS-driven work (calls from event handlers...) may never run a Python loop, where the heap
    // is normally pruned: do the same cheap check here so freed objects' registrations go.
    vm.heap.maybe_collect();
    Ok((vm, v))
}

fn err_js(vm: &mut Vm, e: PyErr) -> JsValue {
    python_error(vm, &e)
}

/// Call a PyProxy's object with JS arguments.
#[wasm_bindgen]
pub fn py_call(h: u32, args: Array) -> Result<JsValue, JsValue> {
    let (vm, f) = handle(h)?;
    let mut pargs = Vec::with_capacity(args.length() as usize);
    for a in args.iter() {
        pargs.push(to_py(vm, &a, &JsValue::UNDEFINED).map_err(|e| err_js(vm, e))?);
    }
    match vm.call(&f, &pargs) {
        Ok(r) => Ok(to_js(vm, &r)),
        Err(e) => Err(err_js(vm, e)),
    }
}

fn is_dict(o: &Value) -> bool {
    matches!(o, Value::Obj(ob) if matches!(&**ob, PyObject::Dict(_)))
}

/// Read a PyProxy property: a dict's item (as MicroPython), else an attribute, else an item
/// (numeric keys index sequences); undefined when none exists.
#[wasm_bindgen]
pub fn py_get(h: u32, key: &str) -> Result<JsValue, JsValue> {
    let (vm, o) = handle(h)?;
    if is_dict(&o) {
        if let Ok(v) = vm.getitem(&o, &Value::str(key)) {
            return Ok(to_js(vm, &v));
        }
    }
    let name = vm.intern(key);
    match vm.getattr(&o, &name) {
        Ok(v) => return Ok(to_js(vm, &v)),
        Err(e) if !vm.err_matches(&e, ferropy_vm::exceptions::ExcKind::AttributeError) => {
            return Err(err_js(vm, e));
        }
        Err(_) => {}
    }
    let is_container = matches!(&o, Value::Obj(ob) if matches!(&**ob, PyObject::Dict(_) | PyObject::List(_) | PyObject::Tuple(_)));
    if is_container {
        let k = match (key.parse::<i64>(), &o) {
            (Ok(i), Value::Obj(ob)) if !matches!(&**ob, PyObject::Dict(_)) => Value::Int(i),
            _ => Value::str(key),
        };
        if let Ok(v) = vm.getitem(&o, &k) {
            return Ok(to_js(vm, &v));
        }
    }
    Ok(JsValue::UNDEFINED)
}

/// Set a PyProxy property (an item for dicts, an attribute otherwise); false when Python
/// refuses (the proxy's `set` trap is then falsish and JS raises its `TypeError`).
#[wasm_bindgen]
pub fn py_set(h: u32, key: &str, value: JsValue) -> Result<bool, JsValue> {
    let (vm, o) = handle(h)?;
    let v = to_py(vm, &value, &JsValue::UNDEFINED).map_err(|e| err_js(vm, e))?;
    let r = if is_dict(&o) {
        vm.setitem(&o, &Value::str(key), v)
    } else {
        let name = vm.intern(key);
        vm.setattr(&o, &name, v)
    };
    Ok(r.is_ok())
}

/// Delete a PyProxy property; false when Python refuses (as `py_set`).
#[wasm_bindgen]
pub fn py_delete(h: u32, key: &str) -> Result<bool, JsValue> {
    let (vm, o) = handle(h)?;
    let r = if is_dict(&o) {
        vm.delitem(&o, &Value::str(key))
    } else {
        let name = vm.intern(key);
        vm.delattr(&o, &name)
    };
    Ok(r.is_ok())
}

/// `key in proxy`: a dict's key, or another object's attribute.
#[wasm_bindgen]
pub fn py_has(h: u32, key: &str) -> Result<bool, JsValue> {
    let (vm, o) = handle(h)?;
    if is_dict(&o) {
        return Ok(vm.getitem(&o, &Value::str(key)).is_ok());
    }
    let name = vm.intern(key);
    Ok(vm.getattr(&o, &name).is_ok())
}

/// The own keys of a PyProxy (`Reflect.ownKeys`): a dict's string keys, else the names `dir()`
/// gives without the dunder ones.
#[wasm_bindgen]
pub fn py_own_keys(h: u32) -> Result<Array, JsValue> {
    let (vm, o) = handle(h)?;
    let names = if is_dict(&o) {
        vm.collect(&o).map_err(|e| err_js(vm, e))?
    } else {
        let b = vm.builtins_module();
        let dir = vm.getattr_str(&b, "dir").map_err(|e| err_js(vm, e))?;
        let l = vm.call(&dir, &[o]).map_err(|e| err_js(vm, e))?;
        vm.collect(&l).map_err(|e| err_js(vm, e))?
    };
    let arr = Array::new();
    for n in &names {
        if let Value::Str(s) = n {
            if !s.as_str().starts_with("__") {
                arr.push(&JsValue::from_str(s.as_str()));
            }
        }
    }
    Ok(arr)
}

/// Deep conversion of a PyProxy's object (lists/tuples to Arrays, dicts to Objects).
#[wasm_bindgen]
pub fn py_to_js(h: u32) -> Result<JsValue, JsValue> {
    let (vm, o) = handle(h)?;
    ffi::to_js_deep(vm, &o).map_err(|e| err_js(vm, e))
}

/// The items of an iterable PyProxy, as an Array (for `for...of`).
#[wasm_bindgen]
pub fn py_items(h: u32) -> Result<Array, JsValue> {
    let (vm, o) = handle(h)?;
    let items = vm.collect(&o).map_err(|e| err_js(vm, e))?;
    let arr = Array::new();
    for it in &items {
        arr.push(&to_js(vm, it));
    }
    Ok(arr)
}

/// `str()` (`repr=false`) or `repr()` of a PyProxy's object.
#[wasm_bindgen]
pub fn py_str(h: u32, repr: bool) -> Result<String, JsValue> {
    let (vm, o) = handle(h)?;
    let r = if repr { vm.repr(&o) } else { vm.str_of(&o) };
    match r {
        Ok(s) => Ok(String::from(s.as_str())),
        Err(e) => Err(err_js(vm, e)),
    }
}

/// The Python type name of a PyProxy's object.
#[wasm_bindgen]
pub fn py_type(h: u32) -> Result<String, JsValue> {
    let (vm, o) = handle(h)?;
    Ok(vm.type_name(&o))
}

/// `len()` of a PyProxy's object.
#[wasm_bindgen]
pub fn py_len(h: u32) -> Result<f64, JsValue> {
    let (vm, o) = handle(h)?;
    match vm.len(&o) {
        Ok(n) => Ok(n as f64),
        Err(e) => Err(err_js(vm, e)),
    }
}

/// Insert `RESULT_NAME = ` before a final expression statement, so a run keeps its value.
fn capture_last_expr(src: &str) -> Option<String> {
    let module = parser::parse(src, Mode::Exec).ok()?;
    let last = module.body.last()?;
    if !matches!(last.kind, ferropy_vm::ast::StmtKind::Expr(_)) {
        return None;
    }
    let line_start: usize = src
        .split_inclusive('\n')
        .take((last.loc.line as usize).checked_sub(1)?)
        .map(str::len)
        .sum();
    let rest = src.get(line_start..)?;
    let col: usize = rest
        .chars()
        .take(last.loc.col as usize)
        .map(char::len_utf8)
        .sum();
    let at = line_start + col;
    let mut out = String::with_capacity(src.len() + 24);
    out.push_str(src.get(..at)?);
    out.push_str(RESULT_NAME);
    out.push_str(" = ");
    out.push_str(src.get(at..)?);
    parser::parse(&out, Mode::Exec).ok()?;
    Some(out)
}

/// A suspension as a JS step: `["sleep", ms]`, `["input"]`, `["await", jsvalue]` or `["yield"]`.
fn suspend_step(vm: &mut Vm, s: Suspend) -> JsValue {
    let out = Array::new();
    match s {
        Suspend::Sleep(us) => {
            out.push(&"sleep".into());
            out.push(&JsValue::from_f64(us as f64 / 1000.0));
        }
        Suspend::Input => {
            out.push(&"input".into());
        }
        Suspend::Await(v) => {
            out.push(&"await".into());
            out.push(&to_js(vm, &v));
        }
        Suspend::Yield => {
            out.push(&"yield".into());
        }
    }
    out.into()
}

/// One Python interpreter with its port, file system and REPL.
#[wasm_bindgen]
pub struct Engine {
    id: u32,
    shared: Rc<Shared>,
    repl: RefCell<repl::Repl>,
    capture: RefCell<bool>,
}

fn opt_fn(v: &JsValue) -> Option<Function> {
    v.clone().dyn_into::<Function>().ok()
}

fn errno_error(op: &str, path: &str, errno: i32) -> JsValue {
    let err = js_sys::Error::new(&format!("{}: errno {} for '{}'", op, errno, path));
    let _ = Reflect::set(&err, &"errno".into(), &JsValue::from_f64(errno as f64));
    let code = match errno {
        2 => "ENOENT",
        17 => "EEXIST",
        20 => "ENOTDIR",
        21 => "EISDIR",
        39 => "ENOTEMPTY",
        _ => "EINVAL",
    };
    let _ = Reflect::set(&err, &"code".into(), &code.into());
    err.into()
}

#[wasm_bindgen]
impl Engine {
    /// A new interpreter. `stdout`/`stderr`/`stdin` are functions or undefined.
    #[wasm_bindgen(constructor)]
    pub fn new(
        heapsize: f64,
        stdout: JsValue,
        stderr: JsValue,
        stdin: JsValue,
        linebuffer: bool,
    ) -> Result<Engine, JsValue> {
        console_error_panic_hook::set_once();
        let shared = Rc::new(Shared::default());
        let port = BrowserPort::new(
            opt_fn(&stdout),
            opt_fn(&stderr),
            opt_fn(&stdin),
            linebuffer,
            shared.clone(),
        );
        let mut config = VmConfig::default();
        if heapsize.is_finite() && heapsize > 0.0 {
            config.heap_size = heapsize as usize;
        }
        let vm = Box::into_raw(Box::new(Vm::new(config, Box::new(port))));
        // SAFETY: just created from Box::into_raw; no one else has it yet.
        let vmr = unsafe { &mut *vm };
        let (jsproxy, jsexc) = match ffi::install(vmr) {
            Ok(c) => c,
            Err(e) => return Err(python_error(vmr, &e)),
        };
        let id = ffi::register_engine(ffi::EngineCtx {
            vm,
            shared: shared.clone(),
            jsproxy: jsproxy.clone(),
            jsexc: jsexc.clone(),
            next_js_ref: std::cell::Cell::new(2),
        });
        if let Err(e) = ffi::install_modules(vmr, &jsproxy, &jsexc) {
            return Err(python_error(vmr, &e));
        }
        vmr.main_dict();
        Ok(Engine {
            id,
            shared,
            repl: RefCell::new(repl::Repl::default()),
            capture: RefCell::new(false),
        })
    }

    /// This engine's id (PyProxies carry it).
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> u32 {
        self.id
    }

    fn take_result(&self, vm: &mut Vm) -> JsValue {
        let d = vm.main_dict();
        let v = match &*d {
            PyObject::Dict(dd) => dd
                .borrow_mut()
                .remove_name(&ferropy_vm::value::new_str(RESULT_NAME)),
            _ => None,
        };
        match v {
            Some(v) => to_js(vm, &v),
            None => JsValue::NULL,
        }
    }

    /// Run code in `__main__`; returns the value of a final expression statement.
    #[wasm_bindgen(js_name = runPython)]
    pub fn run_python(&self, code: &str) -> Result<JsValue, JsValue> {
        let vm = enter(self.id)?;
        let src = capture_last_expr(code);
        if vm.native_depth == 0 && !vm.is_suspended() {
            return self.run_sliced(vm, src.as_deref().unwrap_or(code), src.is_some());
        }
        let d = vm.main_dict();
        match vm.exec_in(src.as_deref().unwrap_or(code), "<stdin>", &d) {
            Ok(_) => Ok(if src.is_some() {
                self.take_result(vm)
            } else {
                JsValue::NULL
            }),
            Err(e) => Err(err_js(vm, e)),
        }
    }

    /// A synchronous run made of time slices: the run loop is left and re-entered every few
    /// milliseconds, so a long run moves to the optimised code of the dispatch loop as soon as
    /// the JS engine has compiled it (wasm has no on-stack replacement: one long call of the
    /// loop would stay in the baseline tier, about twice as slow). Sleeps block, `input()`
    /// reads through the port, as in an unsliced run.
    fn run_sliced(&self, vm: &mut Vm, src: &str, capture: bool) -> Result<JsValue, JsValue> {
        vm.set_slice_budget(SYNC_SLICE_BUDGET);
        let mut r = vm.start(src, "<stdin>", false);
        loop {
            r = match r {
                Ok(RunState::Finished(_)) => {
                    return Ok(if capture {
                        self.take_result(vm)
                    } else {
                        JsValue::NULL
                    })
                }
                Err(e) => return Err(err_js(vm, e)),
                Ok(RunState::Suspended(Suspend::Yield)) => vm.resume(Value::None),
                Ok(RunState::Suspended(Suspend::Sleep(us))) => {
                    vm.port.sleep_us(us);
                    match vm.check_interrupt() {
                        Ok(()) => vm.resume(Value::None),
                        Err(e) => vm.resume_throw(e.0),
                    }
                }
                Ok(RunState::Suspended(Suspend::Input)) => match vm.port.read_line() {
                    Some(line) => vm.resume(Value::string(line)),
                    None => {
                        let e = vm.err(
                            ferropy_vm::exceptions::ExcKind::EOFError,
                            "EOF when reading a line",
                        );
                        vm.resume_throw(e.0)
                    }
                },
                Ok(RunState::Suspended(Suspend::Await(_))) => {
                    let e = vm.err(
                        ferropy_vm::exceptions::ExcKind::RuntimeError,
                        "cannot await a JS object in runPython: use runPythonAsync",
                    );
                    vm.resume_throw(e.0)
                }
            };
        }
    }

    fn step(&self, vm: &mut Vm, r: Result<RunState, PyErr>) -> Result<JsValue, JsValue> {
        let out = Array::new();
        match r {
            Ok(RunState::Finished(_)) => {
                out.push(&"done".into());
                let v = if *self.capture.borrow() {
                    self.take_result(vm)
                } else {
                    JsValue::NULL
                };
                out.push(&v);
            }
            Ok(RunState::Suspended(s)) => return Ok(suspend_step(vm, s)),
            Err(e) => return Err(err_js(vm, e)),
        }
        Ok(out.into())
    }

    /// The step of the REPL's resumable run: `["done", 0 | 0x100]` (0x100: soft reset) or a
    /// suspension as `step` gives.
    fn repl_step(&self, vm: &mut Vm, r: Result<i32, Suspend>) -> JsValue {
        match r {
            Ok(code) => {
                let out = Array::new();
                out.push(&"done".into());
                out.push(&JsValue::from_f64(code as f64));
                out.into()
            }
            Err(s) => suspend_step(vm, s),
        }
    }

    /// Continue whichever run is suspended (the REPL's or `startAsync`'s) with a value or an
    /// exception.
    fn resume_any(&self, vm: &mut Vm, v: Result<Value, PyErr>) -> Result<JsValue, JsValue> {
        if let Ok(mut r) = self.repl.try_borrow_mut() {
            if r.is_suspended() {
                let st = r.resume(vm, v);
                return Ok(self.repl_step(vm, st));
            }
        }
        let r = match v {
            Ok(v) => vm.resume(v),
            Err(e) => vm.resume_throw(e.0),
        };
        self.step(vm, r)
    }

    /// Start a resumable run (top-level `await` allowed). Returns a step: `["done", value]`,
    /// `["sleep", ms]`, `["input"]`, `["await", jsvalue]` or `["yield"]`; the caller does what
    /// it asks and calls `resume`/`resumeThrow`.
    #[wasm_bindgen(js_name = startAsync)]
    pub fn start_async(&self, code: &str) -> Result<JsValue, JsValue> {
        let vm = enter(self.id)?;
        let src = capture_last_expr(code);
        *self.capture.borrow_mut() = src.is_some();
        vm.set_slice_budget(SLICE_BUDGET);
        let r = vm.start(src.as_deref().unwrap_or(code), "<stdin>", true);
        self.step(vm, r)
    }

    /// Continue a suspended run (a `startAsync` run or the REPL's) with a value.
    pub fn resume(&self, value: JsValue) -> Result<JsValue, JsValue> {
        let vm = enter(self.id)?;
        let v = to_py(vm, &value, &JsValue::UNDEFINED);
        self.resume_any(vm, v)
    }

    fn resume_py_throw(&self, vm: &mut Vm, e: PyErr) -> Result<JsValue, JsValue> {
        self.resume_any(vm, Err(e))
    }

    /// Continue a run suspended in `input()` when there is no line: KeyboardInterrupt if an
    /// interrupt is pending (`interrupt()` or the interrupt buffer), else EOFError.
    #[wasm_bindgen(js_name = resumeEof)]
    pub fn resume_eof(&self) -> Result<JsValue, JsValue> {
        let vm = enter(self.id)?;
        let e = match vm.check_interrupt() {
            Err(e) => e,
            Ok(()) => vm.err(
                ferropy_vm::exceptions::ExcKind::EOFError,
                "EOF when reading a line",
            ),
        };
        self.resume_py_throw(vm, e)
    }

    /// Continue a suspended run by raising a JS error (as `JsException`) where it waited.
    #[wasm_bindgen(js_name = resumeThrow)]
    pub fn resume_throw(&self, err: JsValue) -> Result<JsValue, JsValue> {
        let vm = enter(self.id)?;
        let e = ffi::js_exception(vm, err);
        self.resume_py_throw(vm, e)
    }

    /// Continue a suspended run by raising KeyboardInterrupt where it waited.
    #[wasm_bindgen(js_name = resumeInterrupt)]
    pub fn resume_interrupt(&self) -> Result<JsValue, JsValue> {
        let vm = enter(self.id)?;
        let e = vm.err(ferropy_vm::exceptions::ExcKind::KeyboardInterrupt, "");
        let cls = vm.exc_type(ferropy_vm::exceptions::ExcKind::KeyboardInterrupt);
        let exc = vm.new_exception(&cls, Vec::new());
        drop(e);
        self.resume_py_throw(vm, PyErr(exc))
    }

    /// True while a resumable run is suspended.
    #[wasm_bindgen(js_name = isSuspended)]
    pub fn is_suspended(&self) -> bool {
        enter(self.id).map(|vm| vm.is_suspended()).unwrap_or(false)
    }

    /// Raise KeyboardInterrupt in running code at its next check.
    pub fn interrupt(&self) {
        self.shared.interrupt.set(true);
    }

    /// Watch element 0 of an `Int32Array` (normally over a `SharedArrayBuffer`): a non-zero
    /// value raises KeyboardInterrupt at the next check, also in synchronous runs (the REPL);
    /// `undefined` stops watching.
    #[wasm_bindgen(js_name = setInterruptBuffer)]
    pub fn set_interrupt_buffer(&self, buf: JsValue) {
        *self.shared.interrupt_buffer.borrow_mut() = buf.dyn_into::<js_sys::Int32Array>().ok();
    }

    /// Make a JS object importable as a module (`import name`); attribute reads stay live.
    #[wasm_bindgen(js_name = registerJsModule)]
    pub fn register_js_module(&self, name: &str, obj: JsValue) -> Result<(), JsValue> {
        let vm = enter(self.id)?;
        let p = ffi::new_js_module(vm, obj, name);
        ffi::set_module(vm, name, p);
        Ok(())
    }

    /// Import a module and return it (as a PyProxy).
    pub fn pyimport(&self, name: &str) -> Result<JsValue, JsValue> {
        let vm = enter(self.id)?;
        let d = vm.main_dict();
        let fromlist = vm.new_tuple(vec![Value::str("*")]);
        match vm.import_name(name, &fromlist, 0, &d) {
            Ok(m) => Ok(to_js(vm, &m)),
            Err(e) => Err(err_js(vm, e)),
        }
    }

    /// `__main__.name` converted to JS (undefined when missing).
    #[wasm_bindgen(js_name = globalsGet)]
    pub fn globals_get(&self, name: &str) -> Result<JsValue, JsValue> {
        let vm = enter(self.id)?;
        let d = vm.main_dict();
        let v = match &*d {
            PyObject::Dict(dd) => dd.borrow().get_str(name).cloned(),
            _ => None,
        };
        Ok(match v {
            Some(v) => to_js(vm, &v),
            None => JsValue::UNDEFINED,
        })
    }

    /// Set `__main__.name`.
    #[wasm_bindgen(js_name = globalsSet)]
    pub fn globals_set(&self, name: &str, value: JsValue) -> Result<(), JsValue> {
        let vm = enter(self.id)?;
        let v = to_py(vm, &value, &JsValue::UNDEFINED).map_err(|e| err_js(vm, e))?;
        let d = vm.main_dict();
        if let PyObject::Dict(dd) = &*d {
            dd.borrow_mut().set_str(name, v);
        }
        Ok(())
    }

    /// Delete `__main__.name` (no error when missing).
    #[wasm_bindgen(js_name = globalsDelete)]
    pub fn globals_delete(&self, name: &str) -> Result<(), JsValue> {
        let vm = enter(self.id)?;
        let d = vm.main_dict();
        let old = match &*d {
            PyObject::Dict(dd) => dd
                .borrow_mut()
                .remove_name(&ferropy_vm::value::new_str(name)),
            _ => None,
        };
        drop(old);
        Ok(())
    }

    /// Start the REPL: banner and prompt.
    #[wasm_bindgen(js_name = replInit)]
    pub fn repl_init(&self) -> Result<(), JsValue> {
        let vm = enter(self.id)?;
        let mut r = self
            .repl
            .try_borrow_mut()
            .map_err(|_| js_error("ferropy: the REPL is busy"))?;
        r.init(vm);
        Ok(())
    }

    /// Feed the REPL one byte; typed code runs to completion (0x100 after a soft reset, else 0).
    #[wasm_bindgen(js_name = replProcessChar)]
    pub fn repl_process_char(&self, c: u32) -> Result<i32, JsValue> {
        let vm = enter(self.id)?;
        let mut r = self
            .repl
            .try_borrow_mut()
            .map_err(|_| js_error("ferropy: the REPL is busy"))?;
        Ok(r.process_byte(vm, (c & 0xff) as u8))
    }

    /// Feed the REPL one byte; typed code runs resumably. Returns a step as `startAsync` does,
    /// `["done", 0 | 0x100]` when the code (if any) finished (0x100: soft reset); the caller
    /// continues a suspension with `resume`/`resumeThrow`/`resumeInterrupt`/`resumeEof`. While
    /// the REPL's code is suspended, Ctrl-C (3) interrupts it and other bytes are ignored
    /// (queue them until the run is done).
    #[wasm_bindgen(js_name = replProcessCharAsync)]
    pub fn repl_process_char_async(&self, c: u32) -> Result<JsValue, JsValue> {
        let vm = enter(self.id)?;
        let mut r = self
            .repl
            .try_borrow_mut()
            .map_err(|_| js_error("ferropy: the REPL is busy"))?;
        vm.set_slice_budget(SLICE_BUDGET);
        let st = r.process_byte_async(vm, (c & 0xff) as u8);
        Ok(self.repl_step(vm, st))
    }

    /// True while code typed at the REPL (`replProcessCharAsync`) is suspended.
    #[wasm_bindgen(js_name = replIsSuspended)]
    pub fn repl_is_suspended(&self) -> bool {
        self.repl
            .try_borrow()
            .map(|r| r.is_suspended())
            .unwrap_or(false)
    }

    /// `FS.writeFile`: data is a `Uint8Array` or a string.
    #[wasm_bindgen(js_name = fsWriteFile)]
    pub fn fs_write_file(&self, path: &str, data: JsValue) -> Result<(), JsValue> {
        let bytes = match data.as_string() {
            Some(s) => s.into_bytes(),
            None => match data.dyn_ref::<Uint8Array>() {
                Some(a) => a.to_vec(),
                None => {
                    return Err(js_error(
                        "FS.writeFile: data must be a string or Uint8Array",
                    ))
                }
            },
        };
        self.shared
            .fs
            .borrow_mut()
            .write(path, bytes)
            .map_err(|e| errno_error("writeFile", path, e))
    }

    /// `FS.readFile` as bytes.
    #[wasm_bindgen(js_name = fsReadFile)]
    pub fn fs_read_file(&self, path: &str) -> Result<Uint8Array, JsValue> {
        let d = self
            .shared
            .fs
            .borrow()
            .read(path)
            .map_err(|e| errno_error("readFile", path, e))?;
        Ok(Uint8Array::from(&d[..]))
    }

    /// `FS.mkdir`.
    #[wasm_bindgen(js_name = fsMkdir)]
    pub fn fs_mkdir(&self, path: &str) -> Result<(), JsValue> {
        self.shared
            .fs
            .borrow_mut()
            .mkdir(path)
            .map_err(|e| errno_error("mkdir", path, e))
    }

    /// `FS.mkdirTree` (idempotent).
    #[wasm_bindgen(js_name = fsMkdirTree)]
    pub fn fs_mkdir_tree(&self, path: &str) -> Result<(), JsValue> {
        self.shared
            .fs
            .borrow_mut()
            .mkdir_tree(path)
            .map_err(|e| errno_error("mkdirTree", path, e))
    }

    /// `FS.readdir` (with `.` and `..`, as Emscripten's).
    #[wasm_bindgen(js_name = fsReaddir)]
    pub fn fs_readdir(&self, path: &str) -> Result<Array, JsValue> {
        let names = self
            .shared
            .fs
            .borrow()
            .list(path)
            .map_err(|e| errno_error("readdir", path, e))?;
        let arr = Array::new();
        arr.push(&".".into());
        arr.push(&"..".into());
        for n in names {
            arr.push(&JsValue::from_str(&n));
        }
        Ok(arr)
    }

    /// `FS.unlink`.
    #[wasm_bindgen(js_name = fsUnlink)]
    pub fn fs_unlink(&self, path: &str) -> Result<(), JsValue> {
        self.shared
            .fs
            .borrow_mut()
            .unlink(path)
            .map_err(|e| errno_error("unlink", path, e))
    }

    /// `FS.rmdir`.
    #[wasm_bindgen(js_name = fsRmdir)]
    pub fn fs_rmdir(&self, path: &str) -> Result<(), JsValue> {
        self.shared
            .fs
            .borrow_mut()
            .rmdir(path)
            .map_err(|e| errno_error("rmdir", path, e))
    }

    /// `FS.rename`.
    #[wasm_bindgen(js_name = fsRename)]
    pub fn fs_rename(&self, from: &str, to: &str) -> Result<(), JsValue> {
        self.shared
            .fs
            .borrow_mut()
            .rename(from, to)
            .map_err(|e| errno_error("rename", from, e))
    }

    /// `FS.stat`: `{mode, size, mtime, isDir}` (mode has the POSIX file-type bits).
    #[wasm_bindgen(js_name = fsStat)]
    pub fn fs_stat(&self, path: &str) -> Result<JsValue, JsValue> {
        let fs = self.shared.fs.borrow();
        let node = fs.get(path).ok_or_else(|| errno_error("stat", path, 2))?;
        let o = Object::new();
        let (mode, size, mtime, dir) = match node {
            fs::Node::File(d, t) => (0o100644, d.len() as f64, *t, false),
            fs::Node::Dir => (0o40755, 4096.0, 0.0, true),
        };
        let _ = Reflect::set(&o, &"mode".into(), &JsValue::from_f64(mode as f64));
        let _ = Reflect::set(&o, &"size".into(), &JsValue::from_f64(size));
        let _ = Reflect::set(&o, &"mtime".into(), &js_sys::Date::new(&mtime.into()));
        let _ = Reflect::set(&o, &"isDir".into(), &JsValue::from_bool(dir));
        Ok(o.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_expression_is_captured() {
        assert_eq!(
            capture_last_expr("x = 1\nx + 1\n").as_deref(),
            Some("x = 1\n__ferropy_result__ = x + 1\n")
        );
        assert_eq!(
            capture_last_expr("a = 1; a").as_deref(),
            Some("a = 1; __ferropy_result__ = a")
        );
        assert_eq!(
            capture_last_expr("é = 2\n(é,\n 3)").as_deref(),
            Some("é = 2\n__ferropy_result__ = (é,\n 3)")
        );
        assert_eq!(capture_last_expr("x = 1\n"), None);
        assert_eq!(capture_last_expr("def f(:"), None);
    }
}
