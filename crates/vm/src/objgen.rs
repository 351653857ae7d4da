//! Generator, coroutine and async-generator objects: `send`, `throw`, `close`, `__next__`,
//! `__await__`, `__aiter__`/`__anext__`.

use alloc::format;
use alloc::rc::Weak;
use alloc::vec::Vec;

use crate::eval::GenOutcome;
use crate::exceptions::ExcKind;
use crate::types;
use crate::value::{Generator, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Generator {
    /// If this generator is suspended inside `try`/`with` blocks, move its state to the VM's
    /// finalizer queue (to be closed at the next safe point) and return true.
    pub(crate) fn defer_close(&mut self) -> bool {
        let needs_close = match &self.frame {
            Some(f) => f.ip > 0 && !f.blocks.is_empty(),
            None => false,
        };
        if !needs_close {
            return false;
        }
        let Some(fin) = self.finalizers.upgrade() else {
            return false;
        };
        let g = Generator {
            frame: self.frame.take(),
            running: false,
            finished: false,
            yielded_value: self.yielded_value,
            flags: self.flags,
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            finalizers: Weak::new(),
            pend: self.pend.take(),
        };
        if !fin.push_generator(g) {
            return false;
        }
        self.finished = true;
        true
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        self.defer_close();
    }
}

/// `close()` a generator (used by the finalizer queue for dropped generators).
pub fn close(vm: &mut Vm, gen: &Value) -> PyResult {
    gen_close(vm, core::slice::from_ref(gen), &[])
}

fn gen_obj(vm: &mut Vm, v: &Value) -> PyResult<Obj> {
    match v {
        Value::Obj(o) if matches!(&**o, PyObject::Generator(_)) => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires a generator object")),
    }
}

fn outcome(vm: &mut Vm, r: GenOutcome) -> PyResult {
    match r {
        GenOutcome::Yielded(v) => Ok(v),
        GenOutcome::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let g = gen_obj(vm, &args[0])?;
    let r = vm.gen_resume(&g, Value::None, None)?;
    outcome(vm, r)
}

fn gen_send(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "send() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let g = gen_obj(vm, &args[0])?;
    let r = vm.gen_resume(&g, args[1].clone(), None)?;
    outcome(vm, r)
}

/// Build the exception `throw(typ, val)` raises.
fn throw_value(vm: &mut Vm, args: &[Value]) -> PyResult {
    let typ = args.get(1).cloned().unwrap_or(Value::None);
    let val = args.get(2).cloned().unwrap_or(Value::None);
    let base = vm.exc_type(ExcKind::BaseException);
    match &typ {
        Value::Obj(o) if matches!(&**o, PyObject::Type(_)) && types::is_subclass(o, &base) => {
            if vm.is_instance(&val, o) {
                return Ok(val);
            }
            let a: Vec<Value> = if val.is_none() {
                Vec::new()
            } else {
                alloc::vec![val]
            };
            let inst = vm.call(&typ, &a)?;
            if !vm.is_instance(&inst, &base) {
                let cr = vm.repr(&typ)?;
                let tn = vm.type_name(&inst);
                return Err(vm.type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    cr.as_str(),
                    tn
                )));
            }
            Ok(inst)
        }
        _ if vm.is_instance(&typ, &base) => Ok(typ),
        _ => {
            let tn = vm.type_name(&typ);
            Err(vm.type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                tn
            )))
        }
    }
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() < 2 {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    }
    let g = gen_obj(vm, &args[0])?;
    // Delegating to a non-generator with a `throw` method: it receives the thrown object as
    // given (a class stays a class), as in CPython.
    let exc = match delegate_with_throw(vm, &g, &args[1]) {
        true => args[1].clone(),
        false => throw_value(vm, args)?,
    };
    let r = vm.gen_resume(&g, Value::None, Some(exc))?;
    outcome(vm, r)
}

/// Whether `g` is suspended in a `yield from` over a non-generator iterator that has a
/// `throw` method (and `typ` is not a GeneratorExit, which closes the iterator instead).
fn delegate_with_throw(vm: &mut Vm, g: &Obj, typ: &Value) -> bool {
    let sub = match &**g {
        PyObject::Generator(gc) => {
            let gm = gc.borrow();
            match gm.frame.as_ref() {
                Some(f)
                    if f.ip > 0
                        && matches!(
                            f.code.instrs.get(f.ip),
                            Some(crate::opcode::Instr::YieldFrom)
                        ) =>
                {
                    f.stack.last().cloned()
                }
                _ => None,
            }
        }
        _ => None,
    };
    let Some(sub) = sub else { return false };
    if matches!(&sub, Value::Obj(o) if matches!(&**o, PyObject::Generator(_))) {
        return false;
    }
    let exit = vm.exc_type(ExcKind::GeneratorExit);
    let is_exit = match typ {
        Value::Obj(o) if matches!(&**o, PyObject::Type(_)) => types::is_subclass(o, &exit),
        _ => vm.is_instance(typ, &exit),
    };
    !is_exit && matches!(vm.getattr_opt(&sub, "throw"), Ok(Some(_)))
}

/// MicroPython's `pend_throw(exc)`: the exception is thrown into the generator when it is next
/// resumed (by `next()`, `send()` or `throw()`); `None` cancels it. Returns the previously
/// pending exception (or None).
fn gen_pend_throw(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "function takes 2 positional arguments but {} were given",
            args.len()
        )));
    }
    let g = gen_obj(vm, &args[0])?;
    let PyObject::Generator(gc) = &*g else {
        return Ok(Value::None);
    };
    let mut gm = gc.borrow_mut();
    if gm.running {
        drop(gm);
        return Err(vm.value_error("generator already executing"));
    }
    let new = (!args[1].is_none()).then(|| args[1].clone());
    let prev = core::mem::replace(&mut gm.pend, new);
    Ok(prev.unwrap_or(Value::None))
}

/// Take the exception `pend_throw` left on a suspended generator, made into an instance
/// (a class is called, as `throw()` does).
pub(crate) fn take_pending(
    vm: &mut Vm,
    gc: &core::cell::RefCell<Generator>,
) -> PyResult<Option<Value>> {
    let exc = {
        let Ok(mut gm) = gc.try_borrow_mut() else {
            return Ok(None);
        };
        if gm.running {
            return Ok(None);
        }
        match gm.pend.take() {
            Some(e) => e,
            None => return Ok(None),
        }
    };
    throw_value(vm, &[Value::None, exc]).map(Some)
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let g = gen_obj(vm, &args[0])?;
    let started = match &*g {
        PyObject::Generator(gc) => gc
            .borrow()
            .frame
            .as_ref()
            .map(|f| f.ip > 0)
            .unwrap_or(false),
        _ => false,
    };
    if !started {
        if let PyObject::Generator(gc) = &*g {
            let mut gm = gc.borrow_mut();
            gm.frame = None;
            gm.finished = true;
        }
        return Ok(Value::None);
    }
    let exit_cls = vm.exc_type(ExcKind::GeneratorExit);
    let exc = vm.new_exception(&exit_cls, Vec::new());
    match vm.gen_resume(&g, Value::None, Some(exc)) {
        Ok(GenOutcome::Yielded(_)) => {
            Err(vm.err(ExcKind::RuntimeError, "generator ignored GeneratorExit"))
        }
        Ok(GenOutcome::Returned(_)) => Ok(Value::None),
        Err(e)
            if vm.err_matches(&e, ExcKind::GeneratorExit)
                || vm.err_matches(&e, ExcKind::StopIteration) =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

fn gen_iter(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(args[0].clone())
}

/// `async_generator.__anext__()`: an awaitable (a coroutine-like native iterator) that resumes
/// the async generator until it yields a value.
fn agen_anext(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let g = gen_obj(vm, &args[0])?;
    let cls = vm.types.async_gen_asend.clone();
    let data: alloc::boxed::Box<dyn core::any::Any> = alloc::boxed::Box::new(AsendState {
        gen: Some(g),
        first: None,
        throw: None,
        closing: false,
    });
    Ok(Value::Obj(vm.alloc(PyObject::Native(
        crate::value::NativeObj {
            class: cls,
            data: core::cell::RefCell::new(data),
        },
    ))))
}

/// The collector's view of an `__anext__()` awaitable: the generator and pending values.
fn asend_visit(d: &dyn core::any::Any, f: &mut dyn FnMut(&Value)) {
    if let Some(s) = d.downcast_ref::<AsendState>() {
        if let Some(g) = &s.gen {
            f(&Value::Obj(g.clone()));
        }
        for v in s.first.iter().chain(s.throw.iter()) {
            f(v);
        }
    }
}

fn asend_clear(d: &mut dyn core::any::Any, out: &mut Vec<Value>) {
    if let Some(s) = d.downcast_mut::<AsendState>() {
        out.extend(s.gen.take().map(Value::Obj));
        out.extend(s.first.take());
        out.extend(s.throw.take());
    }
}

/// The state of an `__anext__()` awaitable: the async generator it advances.
struct AsendState {
    /// None only once the collector cleared the awaitable as part of cyclic garbage.
    gen: Option<Obj>,
    /// The value `asend(v)` sends on the first step (None for `__anext__`).
    first: Option<Value>,
    /// The exception `athrow(e)` throws on the first step.
    throw: Option<Value>,
    /// True for `aclose()`: GeneratorExit/StopAsyncIteration from the generator end it quietly.
    closing: bool,
}

fn asend_gen(vm: &mut Vm, v: &Value) -> PyResult<Obj> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Some(Some(g)) = n.data.borrow().downcast_ref::<AsendState>().map(|s| &s.gen) {
                return Ok(g.clone());
            }
        }
    }
    Err(vm.type_error("expected an async generator awaitable"))
}

/// Advance the async generator: a `yield` completes the awaitable (StopIteration(value)); an
/// `await` inside it passes its value through to the event loop; a return ends the iteration.
fn asend_step(vm: &mut Vm, g: &Obj, r: PyResult<GenOutcome>) -> PyResult {
    match r {
        Ok(GenOutcome::Yielded(x)) => {
            let is_value = match &**g {
                PyObject::Generator(gc) => gc.borrow().yielded_value,
                _ => true,
            };
            if is_value {
                Err(vm.stop_iteration(x))
            } else {
                Ok(x)
            }
        }
        Ok(GenOutcome::Returned(_)) => Err(vm.err(ExcKind::StopAsyncIteration, "")),
        Err(e) => Err(e),
    }
}

/// Take the pending first value / exception of an asend/athrow awaitable.
fn take_first(v: &Value) -> (Option<Value>, Option<Value>) {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Some(s) = n.data.borrow_mut().downcast_mut::<AsendState>() {
                return (s.first.take(), s.throw.take());
            }
        }
    }
    (None, None)
}

fn asend_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    asend_send(vm, &args[..1], &[])
}

fn asend_send(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let g = asend_gen(vm, &args[0])?;
    let (first, throw) = take_first(&args[0]);
    let closing = is_closing(&args[0]);
    let v = first.unwrap_or_else(|| args.get(1).cloned().unwrap_or(Value::None));
    let r = vm.gen_resume(&g, v, throw);
    if closing {
        return match r {
            Ok(GenOutcome::Returned(_)) => Err(vm.stop_iteration(Value::None)),
            Err(e)
                if vm.err_matches(&e, ExcKind::GeneratorExit)
                    || vm.err_matches(&e, ExcKind::StopAsyncIteration) =>
            {
                Err(vm.stop_iteration(Value::None))
            }
            Ok(GenOutcome::Yielded(x)) => {
                let is_value = match &*g {
                    PyObject::Generator(gc) => gc.borrow().yielded_value,
                    _ => true,
                };
                if is_value {
                    Err(vm.err(
                        ExcKind::RuntimeError,
                        "async generator ignored GeneratorExit",
                    ))
                } else {
                    Ok(x)
                }
            }
            Err(e) => Err(e),
        };
    }
    asend_step(vm, &g, r)
}

fn is_closing(v: &Value) -> bool {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Some(s) = n.data.borrow().downcast_ref::<AsendState>() {
                return s.closing;
            }
        }
    }
    false
}

fn agen_aclose(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let g = gen_obj(vm, &args[0])?;
    let started = match &*g {
        PyObject::Generator(gc) => gc
            .borrow()
            .frame
            .as_ref()
            .map(|f| f.ip > 0)
            .unwrap_or(false),
        _ => false,
    };
    let exit_cls = vm.exc_type(ExcKind::GeneratorExit);
    let exc = vm.new_exception(&exit_cls, Vec::new());
    let a = agen_anext(vm, &args[..1], kw)?;
    if let Value::Obj(o) = &a {
        if let PyObject::Native(n) = &**o {
            if let Some(s) = n.data.borrow_mut().downcast_mut::<AsendState>() {
                s.closing = true;
                if started {
                    s.throw = Some(exc);
                }
            }
        }
    }
    if !started {
        if let PyObject::Generator(gc) = &*g {
            let mut gm = gc.borrow_mut();
            gm.frame = None;
            gm.finished = true;
        }
    }
    Ok(a)
}

fn agen_asend(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let a = agen_anext(vm, &args[..1], kw)?;
    if let Value::Obj(o) = &a {
        if let PyObject::Native(n) = &**o {
            if let Some(s) = n.data.borrow_mut().downcast_mut::<AsendState>() {
                s.first = Some(args.get(1).cloned().unwrap_or(Value::None));
            }
        }
    }
    Ok(a)
}

fn agen_athrow(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let exc = throw_value(vm, args)?;
    let a = agen_anext(vm, &args[..1], kw)?;
    if let Value::Obj(o) = &a {
        if let PyObject::Native(n) = &**o {
            if let Some(s) = n.data.borrow_mut().downcast_mut::<AsendState>() {
                s.throw = Some(exc);
            }
        }
    }
    Ok(a)
}

fn asend_throw(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let g = asend_gen(vm, &args[0])?;
    let exc = throw_value(vm, args)?;
    let r = vm.gen_resume(&g, Value::None, Some(exc));
    asend_step(vm, &g, r)
}

/// Register the generator-type natives.
pub(crate) fn init(vm: &mut Vm) {
    vm.heap
        .register_native::<AsendState>(crate::gc::NativeTracer {
            visit: asend_visit,
            clear: asend_clear,
        });
    let t = &vm.types;
    let methods: &[(&'static str, crate::value::NativeFn)] = &[
        ("__next__", gen_next),
        ("send", gen_send),
        ("throw", gen_throw),
        ("close", gen_close),
        ("__iter__", gen_iter),
        ("pend_throw", gen_pend_throw),
    ];
    types::add_methods(&t.generator, methods);
    types::add_methods(
        &t.coroutine,
        &[
            ("send", gen_send),
            ("throw", gen_throw),
            ("close", gen_close),
            ("__await__", gen_iter),
            ("pend_throw", gen_pend_throw),
        ],
    );
    types::add_methods(
        &t.async_generator,
        &[
            ("__aiter__", gen_iter),
            ("__anext__", agen_anext),
            ("asend", agen_asend),
            ("athrow", agen_athrow),
            ("aclose", agen_aclose),
        ],
    );
    types::add_methods(
        &t.async_gen_asend,
        &[
            ("__next__", asend_next),
            ("send", asend_send),
            ("throw", asend_throw),
            ("__iter__", gen_iter),
            ("__await__", gen_iter),
        ],
    );
}
