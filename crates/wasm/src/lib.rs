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

use ferropy_vm::embed::{RunState, SavedRun, Suspend};
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

/// Give the engine the glue's PyProxy factory `make(handle, engine, kind)` and its
/// `handle_of(value)` (the handle of a PyProxy, else undefined).
#[wasm_bindgen]
pub fn set_hooks(make_proxy: Function, pyref: Function) {
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
        Ok(r) if is_coroutine(&r) => {
            // `["coro", proxy]`: the glue starts it as a run of its own and gives a promise.
            let out = Array::new();
            out.push(&"coro".into());
            out.push(&to_js(vm, &r));
            Ok(out.into())
        }
        Ok(r) => Ok(to_js(vm, &r)),
        Err(e) => Err(err_js(vm, e)),
    }
}

/// True for a coroutine object (what calling an `async def` function gives).
fn is_coroutine(v: &Value) -> bool {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Generator(g) => g
                .try_borrow()
                .map(|g| g.flags & ferropy_vm::code::CO_COROUTINE != 0)
                .unwrap_or(false),
            _ => false,
        },
        _ => false,
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

/// Remove the whitespace all non-blank lines start with (as MicroPython's port does for
/// `runPython`, so code in an indented JS template string runs).
fn dedent(src: &str) -> std::borrow::Cow<'_, str> {
    let is_ws = |c: char| matches!(c, ' ' | '\t' | '\r' | '\x0b' | '\x0c');
    let prefix = src
        .split('\n')
        .filter_map(|l| {
            let n = l.len() - l.trim_start_matches(is_ws).len();
            (n < l.len()).then_some(n)
        })
        .min()
        .unwrap_or(0);
    if prefix == 0 {
        return std::borrow::Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len());
    for (i, l) in src.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let n = (l.len() - l.trim_start_matches(is_ws).len()).min(prefix);
        out.push_str(l.get(n..).unwrap_or(""));
    }
    std::borrow::Cow::Owned(out)
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

/// A suspension of run `run` as a JS step: `["sleep", ms, run]`, `["input", null, run]`,
/// `["await", jsvalue, run]` or `["yield", null, run]`.
fn suspend_step(vm: &mut Vm, s: Suspend, run: u32) -> JsValue {
    let out = Array::new();
    match s {
        Suspend::Sleep(us) => {
            out.push(&"sleep".into());
            out.push(&JsValue::from_f64(us as f64 / 1000.0));
        }
        Suspend::Input => {
            out.push(&"input".into());
            out.push(&JsValue::NULL);
        }
        Suspend::Await(v) => {
            out.push(&"await".into());
            out.push(&to_js(vm, &v));
        }
        Suspend::Yield => {
            out.push(&"yield".into());
            out.push(&JsValue::NULL);
        }
    }
    out.push(&JsValue::from_f64(run as f64));
    out.into()
}

/// One Python interpreter with its port, file system and REPL.
#[wasm_bindgen]
pub struct Engine {
    id: u32,
    shared: Rc<Shared>,
    repl: RefCell<repl::Repl>,
    /// The `sys` module (put back into `sys.modules` by `pyimport` if code removed it).
    sys: Option<Value>,
    /// Runs by number: 0 is the REPL's, the others `startAsync`'s and `startCoroutine`'s while
    /// they are suspended (None: a free slot).
    runs: RefCell<Vec<Option<Run>>>,
}

/// What a run's `["done", value]` step gives.
#[derive(Clone, Copy)]
enum RunResult {
    /// null.
    Nothing,
    /// The value of the code's final expression statement.
    Capture,
    /// The coroutine's return value.
    Value,
    /// A program: null at the end, `["exit", status]` for an uncaught exception.
    Program,
}

/// A run of an engine (see `Engine::runs`).
struct Run {
    /// Its state while suspended (taken out of the VM so other runs can go on).
    saved: Option<SavedRun>,
    /// What its end gives.
    result: RunResult,
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
        // Wasm frames live on the JS engine's machine stack (about 1 MB on a page's main
        // thread): comparing dicts nested 200 deep overflowed it ("Maximum call stack size
        // exceeded", a dead interpreter) before the native default limit was reached. At 100
        // levels the deepest path measured (nested dict ==) uses about half of it.
        let mut config = VmConfig {
            native_depth_limit: 100,
            ..VmConfig::default()
        };
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
        // Modules written to /lib (`FS.writeFile`) are importable, as in MicroPython's port.
        let sys = vmr.sys_module("sys");
        if let Some(sys) = &sys {
            if let Ok(path) = vmr.getattr_str(sys, "path") {
                let _ = vmr.call_method(&path, "append", &[Value::str("/lib")]);
            }
        }
        Ok(Engine {
            sys,
            id,
            shared,
            repl: RefCell::new(repl::Repl::default()),
            runs: RefCell::new(vec![Some(Run {
                saved: None,
                result: RunResult::Nothing,
            })]),
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
        let code = &*dedent(code);
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
        let r = vm.start(src, "<stdin>", false);
        match vm.run_blocking_with(
            r,
            ferropy_vm::exceptions::ExcKind::RuntimeError,
            "cannot await a JS object in runPython: use runPythonAsync",
        ) {
            Ok(_) if capture => Ok(self.take_result(vm)),
            Ok(_) => Ok(JsValue::NULL),
            Err(e) => Err(err_js(vm, e)),
        }
    }

    /// The JS step for the outcome of a run's start or resumption: `["done", value]`, a
    /// suspension (`[kind, value, run]`, the run saved out of the VM meanwhile), `["exit",
    /// status]` for a program's uncaught exception (reported on stderr), or a thrown
    /// `PythonError`.
    fn settle(
        &self,
        vm: &mut Vm,
        run: u32,
        r: Result<RunState, PyErr>,
    ) -> Result<JsValue, JsValue> {
        match r {
            Ok(RunState::Suspended(s)) => {
                if let Suspend::Await(v) = &s {
                    if ffi::js_of(v).is_some() {
                        ffi::skip_js_refs(vm, 3);
                    }
                }
                let saved = vm.save_run();
                if let Some(Some(slot)) = self.runs.borrow_mut().get_mut(run as usize) {
                    slot.saved = saved;
                }
                Ok(suspend_step(vm, s, run))
            }
            Ok(RunState::Finished(v)) => {
                let slot = self.take_run(run);
                let out = Array::new();
                out.push(&"done".into());
                let v = match slot.map(|s| s.result) {
                    Some(RunResult::Capture) => self.take_result(vm),
                    Some(RunResult::Value) => to_js(vm, &v),
                    _ => JsValue::NULL,
                };
                out.push(&v);
                Ok(out.into())
            }
            Err(e) => {
                let slot = self.take_run(run);
                if matches!(slot.map(|s| s.result), Some(RunResult::Program)) {
                    let status = match vm.system_exit_status(&e) {
                        Some(code) => code,
                        None => {
                            vm.print_exception(&e.0);
                            1
                        }
                    };
                    let out = Array::new();
                    out.push(&"exit".into());
                    out.push(&JsValue::from_f64(status as f64));
                    return Ok(out.into());
                }
                Err(err_js(vm, e))
            }
        }
    }

    /// The step of the REPL's resumable run (run 0): `["done", 0 | 0x100]` (0x100: soft reset)
    /// or a suspension as `settle` gives.
    fn repl_step(&self, vm: &mut Vm, r: Result<i32, Suspend>) -> JsValue {
        match r {
            Ok(code) => {
                let out = Array::new();
                out.push(&"done".into());
                out.push(&JsValue::from_f64(code as f64));
                out.into()
            }
            Err(s) => {
                let saved = vm.save_run();
                if let Some(Some(slot)) = self.runs.borrow_mut().get_mut(0) {
                    slot.saved = saved;
                }
                suspend_step(vm, s, 0)
            }
        }
    }

    /// A new run slot (1 and up; 0 is the REPL's).
    fn new_run(&self, result: RunResult) -> u32 {
        let mut runs = self.runs.borrow_mut();
        let slot = Run {
            saved: None,
            result,
        };
        if let Some(i) = runs.iter().skip(1).position(Option::is_none) {
            runs[i + 1] = Some(slot);
            return (i + 1) as u32;
        }
        runs.push(Some(slot));
        (runs.len() - 1) as u32
    }

    /// Free a run slot (the REPL's stays).
    fn take_run(&self, run: u32) -> Option<Run> {
        let mut runs = self.runs.borrow_mut();
        let slot = runs.get_mut(run as usize)?;
        if run == 0 {
            return slot.as_mut().map(|s| Run {
                saved: s.saved.take(),
                result: RunResult::Nothing,
            });
        }
        slot.take()
    }

    /// The VM, idle (no Python running, no run inside it), for starting a run.
    fn idle_vm(&self) -> Result<&'static mut Vm, JsValue> {
        let vm = enter(self.id)?;
        if vm.native_depth != 0 || vm.is_suspended() {
            return Err(js_error(
                "ferropy: Python is running (start async runs from the event loop)",
            ));
        }
        Ok(vm)
    }

    /// Continue suspended run `run` with a value or an exception.
    fn resume_run(&self, run: u32, v: Result<Value, PyErr>) -> Result<JsValue, JsValue> {
        let vm = self.idle_vm()?;
        let saved = self
            .runs
            .borrow_mut()
            .get_mut(run as usize)
            .and_then(|s| s.as_mut())
            .and_then(|s| s.saved.take());
        if let Some(saved) = saved {
            if vm.restore_run(saved).is_err() {
                return Err(js_error("ferropy: Python is busy"));
            }
        }
        vm.set_slice_budget(SLICE_BUDGET);
        if run == 0 {
            let st = match self.repl.try_borrow_mut() {
                Ok(mut r) if r.is_suspended() => r.resume(vm, v),
                _ => return Err(js_error("ferropy: the REPL is not suspended")),
            };
            return Ok(self.repl_step(vm, st));
        }
        if !vm.is_suspended() {
            self.take_run(run);
            return Err(js_error("ferropy: no such suspended run"));
        }
        let r = match v {
            Ok(v) => vm.resume(v),
            Err(e) => vm.resume_throw(e.0),
        };
        self.settle(vm, run, r)
    }

    /// Start a resumable run (top-level `await` allowed) of code in `__main__` (as file
    /// `filename`, default `<stdin>`). Returns a step: `["done", value]` or a suspension
    /// `[kind, value, run]` with kind `"sleep"` (value: ms), `"input"`, `"await"` (value: what is
    /// awaited) or `"yield"`; the caller does what it asks and calls `resume(run, ...)` /
    /// `resumeThrow(run, ...)`. Several runs may be suspended at once. With `program`, the code
    /// is a program (`node ferropy.mjs file.py`): its uncaught exception is printed on stderr as
    /// CPython does and the step is `["exit", status]`.
    #[wasm_bindgen(js_name = startAsync)]
    pub fn start_async(
        &self,
        code: &str,
        filename: Option<String>,
        program: Option<bool>,
    ) -> Result<JsValue, JsValue> {
        let vm = self.idle_vm()?;
        let program = program.unwrap_or(false);
        let dedented = if program {
            std::borrow::Cow::Borrowed(code)
        } else {
            dedent(code)
        };
        let code = &*dedented;
        let src = if program {
            None
        } else {
            capture_last_expr(code)
        };
        let result = if program {
            RunResult::Program
        } else if src.is_some() {
            RunResult::Capture
        } else {
            RunResult::Nothing
        };
        let run = self.new_run(result);
        vm.set_slice_budget(SLICE_BUDGET);
        let name = filename.unwrap_or_else(|| String::from("<stdin>"));
        let text = src.as_deref().unwrap_or(code);
        if !program && text.contains("asyncio") {
            // Top-level awaits may be of asyncio objects: run the code as an asyncio task.
            let r = match self.asyncio_coroutine(vm, text, &name) {
                Ok(Some(coro)) => vm.start_coroutine(coro),
                Ok(None) => vm.start(text, &name, true),
                Err(e) => Err(e),
            };
            return self.settle(vm, run, r);
        }
        let r = vm.start(text, &name, true);
        self.settle(vm, run, r)
    }

    /// The code as a coroutine running it as an asyncio task (`_ferropy_top`), or None when it
    /// has no top-level `await`.
    fn asyncio_coroutine(
        &self,
        vm: &mut Vm,
        src: &str,
        filename: &str,
    ) -> Result<Option<ferropy_vm::value::Obj>, PyErr> {
        let module = match parser::parse(src, Mode::Exec) {
            Ok(m) => m,
            Err(e) => return Err(vm.syntax_error(&e, filename, src)),
        };
        let code = match ferropy_vm::compiler::compile_with_options(
            &module,
            filename,
            Mode::Exec,
            &mut vm.interner,
            true,
        ) {
            Ok(c) => c,
            Err(e) => return Err(vm.syntax_error(&e, filename, src)),
        };
        if code.flags & ferropy_vm::code::CO_COROUTINE == 0 {
            return Ok(None);
        }
        let d = vm.main_dict();
        let frame = ferropy_vm::frame::Frame::new(code.clone(), d.clone(), Some(d));
        let coro = vm.new_generator(frame, code.name.clone(), code.qualname.clone());
        match ffi::asyncio_loop(vm, Value::Obj(coro))? {
            Value::Obj(o) => Ok(Some(o)),
            _ => Ok(None),
        }
    }

    /// Give the port's asyncio loop its `wait(ms)` (see `Shared::loop_waiter`).
    #[wasm_bindgen(js_name = setLoopWaiter)]
    pub fn set_loop_waiter(&self, f: Function) {
        *self.shared.loop_waiter.borrow_mut() = Some(f);
    }

    /// Start the port's asyncio loop as a run of its own, running the tasks there are until none
    /// is left (tasks created outside a loop); steps as `startAsync`.
    #[wasm_bindgen(js_name = startAsyncio)]
    pub fn start_asyncio(&self) -> Result<JsValue, JsValue> {
        let vm = self.idle_vm()?;
        let run = self.new_run(RunResult::Nothing);
        vm.set_slice_budget(SLICE_BUDGET);
        let r = match ffi::asyncio_loop(vm, Value::None) {
            Ok(Value::Obj(o)) => vm.start_coroutine(o),
            Ok(_) => Ok(RunState::Finished(Value::None)),
            Err(e) => Err(e),
        };
        self.settle(vm, run, r)
    }

    /// Start a Python coroutine (from an `async def` function JS called) as a run of its own;
    /// steps as `startAsync`, `["done", its return value]` at the end.
    #[wasm_bindgen(js_name = startCoroutine)]
    pub fn start_coroutine(&self, coro: JsValue) -> Result<JsValue, JsValue> {
        let vm = self.idle_vm()?;
        let c = to_py(vm, &coro, &JsValue::UNDEFINED).map_err(|e| err_js(vm, e))?;
        let Value::Obj(o) = c else {
            return Err(js_error("ferropy: not a coroutine"));
        };
        let run = self.new_run(RunResult::Value);
        vm.set_slice_budget(SLICE_BUDGET);
        let r = vm.start_coroutine(o);
        self.settle(vm, run, r)
    }

    /// Continue suspended run `run` (a `startAsync`/`startCoroutine` run, or 0: the REPL's) with
    /// a value.
    pub fn resume(&self, run: u32, value: JsValue) -> Result<JsValue, JsValue> {
        let vm = enter(self.id)?;
        let v = to_py(vm, &value, &JsValue::UNDEFINED);
        self.resume_run(run, v)
    }

    /// Continue a run suspended in `input()` when there is no line: KeyboardInterrupt if an
    /// interrupt is pending (`interrupt()` or the interrupt buffer), else EOFError.
    #[wasm_bindgen(js_name = resumeEof)]
    pub fn resume_eof(&self, run: u32) -> Result<JsValue, JsValue> {
        let vm = enter(self.id)?;
        let e = match vm.check_interrupt() {
            Err(e) => e,
            Ok(()) => vm.err(
                ferropy_vm::exceptions::ExcKind::EOFError,
                "EOF when reading a line",
            ),
        };
        self.resume_run(run, Err(e))
    }

    /// Continue a suspended run by raising a JS error (as `JsException`) where it waited.
    #[wasm_bindgen(js_name = resumeThrow)]
    pub fn resume_throw(&self, run: u32, err: JsValue) -> Result<JsValue, JsValue> {
        let vm = enter(self.id)?;
        let e = ffi::js_exception(vm, err);
        self.resume_run(run, Err(e))
    }

    /// Continue a suspended run by raising KeyboardInterrupt where it waited.
    #[wasm_bindgen(js_name = resumeInterrupt)]
    pub fn resume_interrupt(&self, run: u32) -> Result<JsValue, JsValue> {
        let vm = enter(self.id)?;
        let cls = vm.exc_type(ferropy_vm::exceptions::ExcKind::KeyboardInterrupt);
        let exc = vm.new_exception(&cls, Vec::new());
        self.resume_run(run, Err(PyErr(exc)))
    }

    /// True while any run (the REPL's included) is suspended.
    #[wasm_bindgen(js_name = isSuspended)]
    pub fn is_suspended(&self) -> bool {
        self.runs
            .try_borrow()
            .map(|r| {
                r.iter()
                    .any(|s| s.as_ref().is_some_and(|s| s.saved.is_some()))
            })
            .unwrap_or(false)
    }

    /// True when asyncio has tasks to run (ready, sleeping or waiting on a JS promise) and no
    /// task is running: the glue then runs the loop in a run of its own.
    #[wasm_bindgen(js_name = asyncioPending)]
    pub fn asyncio_pending(&self) -> bool {
        let Ok(vm) = enter(self.id) else {
            return false;
        };
        if vm.native_depth != 0 {
            return false;
        }
        let Some(core) = vm.sys_module("asyncio.core") else {
            return false;
        };
        if !matches!(vm.getattr_str(&core, "cur_task"), Ok(Value::None)) {
            return false;
        }
        for name in ["_ready", "_heap"] {
            if let Ok(v) = vm.getattr_str(&core, name) {
                if matches!(vm.len(&v), Ok(n) if n > 0) {
                    return true;
                }
            }
        }
        matches!(vm.getattr_str(&core, "_polling"), Ok(Value::Int(n)) if n > 0)
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
        // The import system finds `sys.path` through `sys.modules`: after code cleared it (as
        // MicroPython's tests do), put `sys` back, so the path still holds (MicroPython keeps it
        // outside `sys.modules`).
        if vm.sys_module("sys").is_none() {
            if let Some(sys) = self.sys.clone() {
                ffi::set_module(vm, "sys", sys);
            }
        }
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
        let restored = self.restore_repl_run(vm);
        let code = r.process_byte(vm, (c & 0xff) as u8);
        if restored || vm.is_suspended() {
            let saved = vm.save_run();
            if let Some(Some(slot)) = self.runs.borrow_mut().get_mut(0) {
                slot.saved = saved;
            }
        }
        Ok(code)
    }

    /// Put the REPL's suspended run (if any) back into the VM when the VM is idle.
    fn restore_repl_run(&self, vm: &mut Vm) -> bool {
        if vm.native_depth != 0 || vm.is_suspended() {
            return false;
        }
        let saved = self
            .runs
            .borrow_mut()
            .get_mut(0)
            .and_then(|s| s.as_mut())
            .and_then(|s| s.saved.take());
        match saved {
            Some(saved) => vm.restore_run(saved).is_ok(),
            None => false,
        }
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
        if vm.native_depth != 0 || (vm.is_suspended() && !r.is_suspended()) {
            return Err(js_error("ferropy: Python is running"));
        }
        self.restore_repl_run(vm);
        vm.set_slice_budget(SLICE_BUDGET);
        let st = r.process_byte_async(vm, (c & 0xff) as u8);
        drop(r);
        if st.is_ok() && vm.is_suspended() {
            // The byte was ignored while the REPL's code waits: keep that code saved.
            let saved = vm.save_run();
            if let Some(Some(slot)) = self.runs.borrow_mut().get_mut(0) {
                slot.saved = saved;
            }
        }
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
    fn common_indentation_is_removed() {
        assert_eq!(
            dedent("\n    x = 1\n    if x:\n        y = 2\n  \n"),
            "\nx = 1\nif x:\n    y = 2\n\n"
        );
        assert_eq!(dedent("x = 1\n  y"), "x = 1\n  y");
        assert_eq!(dedent("\tprint(1)"), "print(1)");
        assert_eq!(dedent(""), "");
    }

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
